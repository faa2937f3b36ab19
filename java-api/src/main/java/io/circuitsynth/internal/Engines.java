package io.circuitsynth.internal;

import io.circuitsynth.CircuitSynthException;
import io.circuitsynth.EngineInfo;
import io.circuitsynth.EngineKind;
import io.circuitsynth.io.IoStage;
import io.circuitsynth.io.JavaIoStage;
import io.circuitsynth.natives.Configuration;
import io.circuitsynth.natives.Configuration.EngineMode;
import io.circuitsynth.natives.NativeStatus;
import io.circuitsynth.natives.Natives;
import io.circuitsynth.netlist.JavaNetlistStage;
import io.circuitsynth.netlist.NetlistStage;
import io.circuitsynth.placement.JavaPlacementStage;
import io.circuitsynth.placement.PlacementStage;
import io.circuitsynth.schematic.JavaSchematicStage;
import io.circuitsynth.schematic.SchematicStage;
import io.circuitsynth.symbols.JavaSymbolStage;
import io.circuitsynth.symbols.SymbolStage;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Picks the engine once per class loader ({@code circuitsynth.engine}) and hands out its stages.
 *
 * <p>Internal-use class, public only for the other CircuitSynth modules (CLI, benchmarks); not
 * part of the supported API.
 */
public final class Engines {
    private static final Logger LOG = LoggerFactory.getLogger(Engines.class);

    private Engines() {}

    /**
     * The selected engine, or why selection failed (native required but unusable): then
     * {@code failureMessage} tells the story and {@code failureCause} holds the loader's failure
     * with every attempt as a suppressed exception.
     */
    record Selection(EngineMode mode, EngineInfo info, String failureMessage, Throwable failureCause) {
        /** A fresh exception per call, so its stack trace shows the caller; null when selected. */
        CircuitSynthException failure() {
            return failureMessage == null ? null : new CircuitSynthException(failureMessage, failureCause);
        }

        EngineInfo infoOrThrow() {
            if (failureMessage != null) {
                throw failure();
            }
            return info;
        }
    }

    private static final class Holder {
        static final Selection SELECTION = selectAndLog();
    }

    private static Selection selectAndLog() {
        Selection s = select(Configuration.ENGINE.get(), Configuration.REQUIRE_NATIVE.get(), Natives::status,
                Natives::platform);
        // A failed selection is not logged: every caller gets the exception with the whole story.
        if (s.info() != null) {
            LOG.info("CircuitSynth {} uses the {}", io.circuitsynth.CircuitSynth.version(), s.info());
        }
        return s;
    }

    /** The {@code io} stage of the selected engine. */
    public static IoStage io() {
        if (info().kind() == EngineKind.NATIVE) {
            return Natives.ioStage().orElseThrow(() -> new IllegalStateException("native engine selected but not loaded"));
        }
        return javaIo();
    }

    /** The Java {@code io} stage, whatever engine is selected. */
    public static IoStage javaIo() {
        return new JavaIoStage();
    }

    /**
     * The native {@code io} stage when the native library is usable; always empty under
     * {@code circuitsynth.engine=java}, which never touches the native library.
     */
    public static Optional<IoStage> nativeIo() {
        if (Holder.SELECTION.mode() == EngineMode.JAVA) {
            return Optional.empty();
        }
        return Natives.ioStage();
    }

    /** The {@code symbol-cache} stage of the selected engine. */
    public static SymbolStage symbols() {
        if (info().kind() == EngineKind.NATIVE) {
            return Natives.symbolStage()
                    .orElseThrow(() -> new IllegalStateException("native engine selected but not loaded"));
        }
        return javaSymbols();
    }

    /** The Java {@code symbol-cache} stage, whatever engine is selected. */
    public static SymbolStage javaSymbols() {
        return new JavaSymbolStage();
    }

    /**
     * The native {@code symbol-cache} stage when the native library is usable; always empty under
     * {@code circuitsynth.engine=java}.
     */
    public static Optional<SymbolStage> nativeSymbols() {
        if (Holder.SELECTION.mode() == EngineMode.JAVA) {
            return Optional.empty();
        }
        return Natives.symbolStage();
    }

    /** The {@code netlist} stage of the selected engine. */
    public static NetlistStage netlist() {
        if (info().kind() == EngineKind.NATIVE) {
            return Natives.netlistStage()
                    .orElseThrow(() -> new IllegalStateException("native engine selected but not loaded"));
        }
        return javaNetlist();
    }

    /** The Java {@code netlist} stage, whatever engine is selected. */
    public static NetlistStage javaNetlist() {
        return new JavaNetlistStage();
    }

    /**
     * The native {@code netlist} stage when the native library is usable; always empty under
     * {@code circuitsynth.engine=java}.
     */
    public static Optional<NetlistStage> nativeNetlist() {
        if (Holder.SELECTION.mode() == EngineMode.JAVA) {
            return Optional.empty();
        }
        return Natives.netlistStage();
    }

    /** The {@code placement} stage of the selected engine. */
    public static PlacementStage placement() {
        if (info().kind() == EngineKind.NATIVE) {
            return Natives.placementStage()
                    .orElseThrow(() -> new IllegalStateException("native engine selected but not loaded"));
        }
        return javaPlacement();
    }

    /** The Java {@code placement} stage, whatever engine is selected. */
    public static PlacementStage javaPlacement() {
        return new JavaPlacementStage();
    }

    /**
     * The native {@code placement} stage when the native library is usable; always empty under
     * {@code circuitsynth.engine=java}.
     */
    public static Optional<PlacementStage> nativePlacement() {
        if (Holder.SELECTION.mode() == EngineMode.JAVA) {
            return Optional.empty();
        }
        return Natives.placementStage();
    }

    /** The {@code schematic-writer} stage (the whole pipeline) of the selected engine. */
    public static SchematicStage schematic() {
        if (info().kind() == EngineKind.NATIVE) {
            return Natives.schematicStage()
                    .orElseThrow(() -> new IllegalStateException("native engine selected but not loaded"));
        }
        return javaSchematic();
    }

    /** The Java {@code schematic-writer} stage, whatever engine is selected. */
    public static SchematicStage javaSchematic() {
        return new JavaSchematicStage();
    }

    /**
     * The native {@code schematic-writer} stage when the native library is usable; always empty
     * under {@code circuitsynth.engine=java}.
     */
    public static Optional<SchematicStage> nativeSchematic() {
        if (Holder.SELECTION.mode() == EngineMode.JAVA) {
            return Optional.empty();
        }
        return Natives.schematicStage();
    }

    /**
     * The engine in use and why.
     *
     * @throws CircuitSynthException when the native engine is required but unusable
     */
    public static EngineInfo info() {
        return Holder.SELECTION.infoOrThrow();
    }

    /**
     * The selection rule, free of global state: {@code java} never asks for the native status;
     * {@code auto} takes the native engine if it loaded, else Java with the loader's reason;
     * {@code native}, or {@code auto} with {@code requireNative}, fails with the whole story.
     */
    static Selection select(EngineMode mode, boolean requireNative, Supplier<NativeStatus> nativeStatus,
            Supplier<String> platform) {
        if (mode == EngineMode.JAVA) {
            return new Selection(mode, new EngineInfo(EngineKind.JAVA,
                    Configuration.ENGINE.property() + "=java", platform.get(), null, null), null, null);
        }
        NativeStatus status = nativeStatus.get();
        if (status.loaded()) {
            String why = mode == EngineMode.NATIVE ? Configuration.ENGINE.property() + "=native; " : "";
            return new Selection(mode, new EngineInfo(EngineKind.NATIVE, why + status.reason(), status.platform(),
                    status.path(), status.version()), null, null);
        }
        if (mode == EngineMode.NATIVE || requireNative) {
            String demanded = mode == EngineMode.NATIVE
                    ? Configuration.ENGINE.property() + "=native"
                    : Configuration.REQUIRE_NATIVE.property() + "=true";
            String message = demanded + " but the native engine is unusable on " + status.platform() + ": "
                    + status.reason() + "\nTo run anyway, set " + Configuration.ENGINE.property()
                    + "=java (or auto without " + Configuration.REQUIRE_NATIVE.property() + ")";
            return new Selection(mode, null, message, status.failure());
        }
        return new Selection(mode, new EngineInfo(EngineKind.JAVA, "native engine unusable: " + status.reason(),
                status.platform(), null, null), null, null);
    }
}
