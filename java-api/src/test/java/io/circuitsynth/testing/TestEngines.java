package io.circuitsynth.testing;

import io.circuitsynth.io.IoStage;
import io.circuitsynth.io.JavaIoStage;
import io.circuitsynth.natives.Natives;
import io.circuitsynth.placement.JavaPlacementStage;
import io.circuitsynth.placement.PlacementStage;
import io.circuitsynth.netlist.JavaNetlistStage;
import io.circuitsynth.netlist.NetlistStage;
import io.circuitsynth.symbols.JavaSymbolStage;
import io.circuitsynth.symbols.SymbolStage;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The engines a test runs against, from the system property {@code circuitsynth.engine} (else the
 * environment variable {@code CIRCUITSYNTH_ENGINE}): {@code java} (the Java engine alone; the
 * native library is never touched), {@code native} (the native library must load, or every test
 * fails; the Java engine runs beside it as the reference, so every cross-engine comparison runs
 * in CI's native pass) or {@code auto} (both when the native one is available, else Java alone).
 */
public final class TestEngines {
    private TestEngines() {}

    public static List<IoStage> stagesUnderTest() {
        String engine = engine();
        List<IoStage> stages = new ArrayList<>();
        switch (engine) {
            case "java":
                stages.add(new JavaIoStage());
                break;
            case "native":
                stages.add(new JavaIoStage());
                stages.add(Natives.ioStage().orElseThrow(() -> new AssertionError(
                        "circuitsynth.engine=native but Natives.ioStage() found no usable native library;"
                                + " build it with cargo (rust-crates) and check the loader's log")));
                break;
            case "auto":
            case "":
                stages.add(new JavaIoStage());
                Optional<IoStage> nativeStage = Natives.ioStage();
                nativeStage.ifPresent(stages::add);
                break;
            default:
                throw new AssertionError("circuitsynth.engine must be auto, native or java, not '" + engine + "'");
        }
        return stages;
    }

    /** The {@code symbol-cache} stages under test, by the same rule as {@link #stagesUnderTest()}. */
    public static List<SymbolStage> symbolStagesUnderTest() {
        String engine = engine();
        List<SymbolStage> stages = new ArrayList<>();
        switch (engine) {
            case "java":
                stages.add(new JavaSymbolStage());
                break;
            case "native":
                stages.add(new JavaSymbolStage());
                stages.add(Natives.symbolStage().orElseThrow(() -> new AssertionError(
                        "circuitsynth.engine=native but Natives.symbolStage() found no usable native library;"
                                + " build it with cargo (rust-crates) and check the loader's log")));
                break;
            case "auto":
            case "":
                stages.add(new JavaSymbolStage());
                Natives.symbolStage().ifPresent(stages::add);
                break;
            default:
                throw new AssertionError("circuitsynth.engine must be auto, native or java, not '" + engine + "'");
        }
        return stages;
    }

    /** The {@code netlist} stages under test, by the same rule as {@link #stagesUnderTest()}. */
    public static List<NetlistStage> netlistStagesUnderTest() {
        String engine = engine();
        List<NetlistStage> stages = new ArrayList<>();
        switch (engine) {
            case "java":
                stages.add(new JavaNetlistStage());
                break;
            case "native":
                stages.add(new JavaNetlistStage());
                stages.add(Natives.netlistStage().orElseThrow(() -> new AssertionError(
                        "circuitsynth.engine=native but Natives.netlistStage() found no usable native library;"
                                + " build it with cargo (rust-crates) and check the loader's log")));
                break;
            case "auto":
            case "":
                stages.add(new JavaNetlistStage());
                Natives.netlistStage().ifPresent(stages::add);
                break;
            default:
                throw new AssertionError("circuitsynth.engine must be auto, native or java, not '" + engine + "'");
        }
        return stages;
    }

    /** A short label for test names. */
    public static String name(NetlistStage stage) {
        return stage instanceof JavaNetlistStage ? "java" : "native";
    }

    /**
     * The {@code symbol-cache} stage of the same engine as {@code stage}: the native netlist
     * stage finalizes against a native index only.
     */
    public static SymbolStage symbolStageFor(NetlistStage stage) {
        if (stage instanceof JavaNetlistStage) {
            return new JavaSymbolStage();
        }
        return Natives.symbolStage().orElseThrow(() -> new AssertionError("a native netlist stage without a native"
                + " symbol stage: " + Natives.status().reason()));
    }

    /** The {@code placement} stages under test, by the same rule as {@link #stagesUnderTest()}. */
    public static List<PlacementStage> placementStagesUnderTest() {
        String engine = engine();
        List<PlacementStage> stages = new ArrayList<>();
        switch (engine) {
            case "java":
                stages.add(new JavaPlacementStage());
                break;
            case "native":
                stages.add(new JavaPlacementStage());
                stages.add(Natives.placementStage().orElseThrow(() -> new AssertionError(
                        "circuitsynth.engine=native but Natives.placementStage() found no usable native library;"
                                + " build it with cargo (rust-crates) and check the loader's log")));
                break;
            case "auto":
            case "":
                stages.add(new JavaPlacementStage());
                Natives.placementStage().ifPresent(stages::add);
                break;
            default:
                throw new AssertionError("circuitsynth.engine must be auto, native or java, not '" + engine + "'");
        }
        return stages;
    }

    /** A short label for test names. */
    public static String name(PlacementStage stage) {
        return stage instanceof JavaPlacementStage ? "java" : "native";
    }

    /** A short label for test names. */
    public static String name(SymbolStage stage) {
        return stage instanceof JavaSymbolStage ? "java" : "native";
    }

    private static String engine() {
        String engine = System.getProperty("circuitsynth.engine");
        if (engine == null) {
            engine = System.getenv().getOrDefault("CIRCUITSYNTH_ENGINE", "auto");
        }
        return engine.trim().toLowerCase(Locale.ROOT);
    }

    /** A short label for test names. */
    public static String name(IoStage stage) {
        return stage instanceof JavaIoStage ? "java" : "native";
    }

    /** Whether missing external inputs (KiCad, corpora) must fail instead of skip: {@code CI=true}. */
    public static boolean kicadRequired() {
        return "true".equalsIgnoreCase(System.getenv("CI"));
    }
}
