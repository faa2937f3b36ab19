package io.circuitsynth.natives;

import io.circuitsynth.netlist.Design;
import io.circuitsynth.netlist.NetlistStage;
import io.circuitsynth.symbols.SymbolIndex;

/** The native implementation of the {@code netlist} stage: one JNI call per operation. */
final class NativeNetlistStage implements NetlistStage {

    @Override
    public Design readCircuitJson(byte[] json) {
        throw new UnsupportedOperationException("the native netlist stage is not built yet");
    }

    @Override
    public Design readCircuitSynthJson(byte[] json) {
        throw new UnsupportedOperationException("the native netlist stage is not built yet");
    }

    @Override
    public Design readNet(byte[] net) {
        throw new UnsupportedOperationException("the native netlist stage is not built yet");
    }

    @Override
    public byte[] writeCircuitJson(Design design) {
        throw new UnsupportedOperationException("the native netlist stage is not built yet");
    }

    @Override
    public byte[] writeNet(Design design, SymbolIndex symbols) {
        throw new UnsupportedOperationException("the native netlist stage is not built yet");
    }
}
