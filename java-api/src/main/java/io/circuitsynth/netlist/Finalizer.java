package io.circuitsynth.netlist;

import io.circuitsynth.symbols.SymbolIndex;

/** Finalize (specification section 2), Java engine. */
public final class Finalizer {
    private Finalizer() {}

    /** Flattens, resolves pins, merges nets through ports, numbers references and names nets. */
    public static Netlist finalize(Design design, SymbolIndex symbols) {
        throw new UnsupportedOperationException("finalize is not built yet");
    }
}
