package io.circuitsynth.placement;

import java.util.Objects;

/** The Java engine's {@link PlacementStage}. */
public final class JavaPlacementStage implements PlacementStage {
    @Override
    public Layout place(Sheet sheet) {
        return Placer.place(Objects.requireNonNull(sheet, "sheet"));
    }
}
