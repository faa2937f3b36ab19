package io.circuitsynth.natives;

import io.circuitsynth.placement.FlatSheet;
import io.circuitsynth.placement.Layout;
import io.circuitsynth.placement.PlacementStage;
import io.circuitsynth.placement.Sheet;
import java.util.Objects;

/**
 * The native engine's {@link PlacementStage}: the sheet crosses into Rust as one flat
 * {@code int[]} and comes back as one {@code long[]} (crate {@code jni-bridge}, file
 * {@code placement_ops.rs}). Constructed only after the library loaded and passed its handshake.
 */
public final class NativePlacement implements PlacementStage {
    NativePlacement() {}

    @Override
    public Layout place(Sheet sheet) {
        Objects.requireNonNull(sheet, "sheet");
        return FlatSheet.decodeLayout(placeFlat(FlatSheet.encode(sheet)), sheet.items().size());
    }

    /**
     * Places the flat sheet of {@link FlatSheet#encode}; returns the flat layout of
     * {@link FlatSheet#decodeLayout}.
     *
     * @throws io.circuitsynth.placement.PlacementException for a sheet the stage rejects
     */
    private static native long[] placeFlat(int[] sheet);
}
