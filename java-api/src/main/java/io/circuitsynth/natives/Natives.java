package io.circuitsynth.natives;

import io.circuitsynth.io.IoStage;
import io.circuitsynth.netlist.Design;
import io.circuitsynth.netlist.NetlistStage;
import io.circuitsynth.placement.PlacementStage;
import io.circuitsynth.symbols.SymbolIndex;
import io.circuitsynth.symbols.SymbolStage;
import java.util.List;
import java.util.Optional;

/**
 * The native engine's entry point: loads the library on first use and hands out the native stage
 * implementations when it is usable.
 *
 * <p>Internal-use class, public only so {@code io.circuitsynth.internal.Engines} can reach it; not
 * part of the supported API. Applications ask {@code CircuitSynth.engineInfo()} instead.
 */
public final class Natives {
    private Natives() {}

    private static final class Holder {
        // Class initialization runs the loader exactly once per class loader, and makes every
        // other thread asking meanwhile wait for its result.
        static final NativeStatus STATUS = NativeLoader.system().load();
    }

    /** The outcome of loading the native library; loads it on the first call. Never throws. */
    public static NativeStatus status() {
        return Holder.STATUS;
    }

    /** The platform key this JVM runs on ({@code circuitsynth.platform} if set); loads nothing. */
    public static String platform() {
        return Platform.detect(Settings.system()).key();
    }

    /** The native {@code io} stage, if the native library is usable. */
    public static Optional<IoStage> ioStage() {
        return status().loaded() ? Optional.of(new NativeIoStage()) : Optional.empty();
    }

    /** The native {@code symbol-cache} stage, if the native library is usable. */
    public static Optional<SymbolStage> symbolStage() {
        return status().loaded() ? Optional.of(new NativeSymbolStage()) : Optional.empty();
    }

    /**
     * Finalize alone in the native engine, with no {@code .net} written: {@code [components,
     * nets]} of the finalized netlist. For the benchmarks, which time finalize apart from writing.
     *
     * @param symbols an index opened by the native symbol stage
     * @throws io.circuitsynth.netlist.NetlistException for a design finalize refuses
     * @throws IllegalStateException when the native library is not usable
     */
    public static long[] finalizeCounts(Design design, SymbolIndex symbols) {
        if (!status().loaded()) {
            throw new IllegalStateException("the native engine is not loaded: " + status().reason());
        }
        return new NativeNetlistStage().finalizeCounts(design, symbols);
    }

    /**
     * The references finalize gives {@code design}'s components, in the order of
     * {@link io.circuitsynth.netlist.Netlist#components()}, made by the native engine: the twin of
     * {@link io.circuitsynth.netlist.Finalizer#references}. For the benchmarks, which time
     * reference generation apart from the rest of finalize.
     *
     * @throws io.circuitsynth.netlist.NetlistException for a hierarchy or reference finalize refuses
     * @throws IllegalStateException when the native library is not usable
     */
    public static List<String> references(Design design) {
        if (!status().loaded()) {
            throw new IllegalStateException("the native engine is not loaded: " + status().reason());
        }
        return new NativeNetlistStage().references(design);
    }

    /**
     * {@code design} held by the native engine, sent across JNI once for several native calls
     * (references, {@code .net}); close it when done.
     *
     * @throws IllegalStateException when the native library is not usable
     * @throws IllegalArgumentException for a design the codec cannot encode (a negative unit)
     */
    public static NativeDesign hold(Design design) {
        if (!status().loaded()) {
            throw new IllegalStateException("the native engine is not loaded: " + status().reason());
        }
        return new NativeDesign(design);
    }

    /** The native {@code schematic-writer} stage (the whole pipeline), if the native library is usable. */
    public static Optional<io.circuitsynth.schematic.SchematicStage> schematicStage() {
        return status().loaded() ? Optional.of(new NativeSchematicStage()) : Optional.empty();
    }

    /** The native {@code netlist} stage, if the native library is usable. */
    public static Optional<NetlistStage> netlistStage() {
        return status().loaded() ? Optional.of(new NativeNetlistStage()) : Optional.empty();
    }

    /** The native {@code placement} stage, if the native library is usable. */
    public static Optional<PlacementStage> placementStage() {
        return status().loaded() ? Optional.of(new NativePlacement()) : Optional.empty();
    }
}
