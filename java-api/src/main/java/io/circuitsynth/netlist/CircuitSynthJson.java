package io.circuitsynth.netlist;

/** circuit-synth JSON import (specification section 6), Java engine. */
public final class CircuitSynthJson {
    private CircuitSynthJson() {}

    /** Reads circuit-synth JSON into a design. */
    public static Design read(byte[] json) {
        throw new UnsupportedOperationException("circuit-synth import is not built yet");
    }
}
