package io.circuitsynth.natives;

import io.circuitsynth.netlist.Design;
import io.circuitsynth.netlist.DesignCodec;
import java.util.List;

/**
 * A design held by the native engine ({@link Natives#hold}): encoded and sent across JNI once,
 * then finalized, written or numbered there as often as asked without crossing again. Each call
 * gives exactly what the native netlist stage gives for the same design ({@code writeNet},
 * {@code Natives.references}).
 *
 * <p>Calls from several threads may share it; {@link #close()} frees the native copy once every
 * call on it has returned, and a {@link java.lang.ref.Cleaner} frees one never closed, as a
 * safety net only. Internal-use class, like {@link Natives}.
 */
public final class NativeDesign implements AutoCloseable {
    private final NativeHandle handle;

    NativeDesign(Design design) {
        long h = NativeBridge.designHold(DesignCodec.encode(design));
        this.handle = new NativeHandle(this, h, NativeBridge::designRelease, "held design", "designHold");
    }

    /**
     * The references finalize gives the design's components, in its component order (the twin
     * of {@link io.circuitsynth.netlist.Finalizer#references}).
     *
     * @throws io.circuitsynth.netlist.NetlistException for a hierarchy or reference finalize refuses
     * @throws IllegalStateException once closed
     */
    public List<String> references() {
        return NativeNetlistStage.referencesAnswer(handle.with(NativeBridge::designReferences));
    }

    /**
     * The design's {@code .net}, finalized against {@code symbols}: the native stage's
     * {@code writeNet}.
     *
     * @param symbols an index opened by the native symbol stage
     * @throws io.circuitsynth.netlist.NetlistException for a design finalize refuses
     * @throws IllegalStateException once closed
     */
    public byte[] writeNet(io.circuitsynth.symbols.SymbolIndex symbols) {
        NativeSymbolIndex index = NativeNetlistStage.nativeIndex(symbols);
        return handle.with(d -> index.withHandle(s -> NativeBridge.designWriteNet(d, s)));
    }

    /** Frees the native copy; later calls throw {@link IllegalStateException}. Idempotent. */
    @Override
    public void close() {
        handle.close();
    }
}
