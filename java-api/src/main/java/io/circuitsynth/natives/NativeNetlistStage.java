package io.circuitsynth.natives;

import io.circuitsynth.netlist.Design;
import io.circuitsynth.netlist.DesignCodec;
import io.circuitsynth.netlist.NetlistException;
import io.circuitsynth.netlist.NetlistStage;
import io.circuitsynth.symbols.SymbolIndex;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;

/**
 * The native implementation of the {@code netlist} stage: one JNI call per operation, the design
 * crossing in one piece in {@link DesignCodec}'s encoding. Bad input throws
 * {@link io.circuitsynth.netlist.NetlistException} with the same message as the Java engine.
 *
 * <p>{@link #writeNet} finalizes in Rust against a symbol index that lives in Rust, so it needs
 * an index opened by the native engine ({@link NativeSymbolStage}). Handed the Java engine's
 * index it throws {@link IllegalArgumentException} rather than open the same libraries a second
 * time behind the caller's back: that would double the memory and the opening time, and the two
 * indexes could disagree if a library file changed in between.
 */
final class NativeNetlistStage implements NetlistStage {

    @Override
    public Design readCircuitJson(byte[] json) {
        Objects.requireNonNull(json, "json");
        return decode(NativeBridge.netlistReadCircuitJson(json), "readCircuitJson");
    }

    @Override
    public Design readCircuitSynthJson(byte[] json) {
        Objects.requireNonNull(json, "json");
        return decode(NativeBridge.netlistReadCircuitSynthJson(json), "readCircuitSynthJson");
    }

    @Override
    public Design readNet(byte[] net) {
        Objects.requireNonNull(net, "net");
        return decode(NativeBridge.netlistReadNet(net), "readNet");
    }

    @Override
    public byte[] writeCircuitJson(Design design) {
        return NativeBridge.netlistWriteCircuitJson(DesignCodec.encode(design));
    }

    @Override
    public byte[] writeNet(Design design, SymbolIndex symbols) {
        NativeSymbolIndex nativeIndex = nativeIndex(symbols);
        byte[] encoded = DesignCodec.encode(design);
        return nativeIndex.withHandle(handle -> NativeBridge.netlistWriteNet(encoded, handle));
    }

    /** Finalize alone: {@code [components, nets]} of the finalized netlist (for the benchmarks). */
    long[] finalizeCounts(Design design, SymbolIndex symbols) {
        NativeSymbolIndex nativeIndex = nativeIndex(symbols);
        byte[] encoded = DesignCodec.encode(design);
        return nativeIndex.withHandle(handle -> NativeBridge.netlistFinalizeCounts(encoded, handle));
    }

    List<String> references(Design design) {
        byte[] answer;
        try {
            answer = NativeBridge.netlistReferences(DesignCodec.encodeOutline(design, false));
        } catch (NetlistException withoutNames) {
            // Refused; the message names components only when the outline carries their names.
            answer = NativeBridge.netlistReferences(DesignCodec.encodeOutline(design, true));
        }
        return referencesAnswer(answer);
    }

    /** The answer of {@code netlistReferences}: the count, then each reference as its length and UTF-8. */
    static List<String> referencesAnswer(byte[] answer) {
        int[] at = {0};
        String[] references = new String[leb128(answer, at)];
        for (int r = 0; r < references.length; r++) {
            int length = leb128(answer, at);
            references[r] = new String(answer, at[0], length, StandardCharsets.UTF_8);
            at[0] += length;
        }
        return List.of(references);
    }

    /** The unsigned LEB128 number at {@code at[0]}, which moves past it. */
    private static int leb128(byte[] bytes, int[] at) {
        int value = 0;
        int shift = 0;
        while (true) {
            byte b = bytes[at[0]++];
            value |= (b & 0x7F) << shift;
            if (b >= 0) {
                return value;
            }
            shift += 7;
        }
    }

    static NativeSymbolIndex nativeIndex(SymbolIndex symbols) {
        Objects.requireNonNull(symbols, "symbols");
        if (!(symbols instanceof NativeSymbolIndex nativeIndex)) {
            throw new IllegalArgumentException("the native netlist stage needs a symbol index opened by the native"
                    + " engine, not " + symbols.getClass().getName() + "; open the libraries with"
                    + " Engines.nativeSymbols() (the same engine as the netlist stage), or use the Java netlist stage");
        }
        return nativeIndex;
    }

    /** The reader's answer; undecodable bytes are a native engine defect, not bad input. */
    static Design decode(byte[] encoded, String operation) {
        try {
            return DesignCodec.decode(encoded);
        } catch (DesignCodec.MalformedDesignException e) {
            throw new NativeEngineException(operation + " returned a design the Java codec cannot decode: "
                    + e.getMessage());
        }
    }
}
