package io.circuitsynth.netlist;

import io.circuitsynth.symbols.SymbolIndex;

/** The Java implementation of the {@code netlist} stage. */
public final class JavaNetlistStage implements NetlistStage {

    @Override
    public Design readCircuitJson(byte[] json) {
        return CircuitJson.read(json);
    }

    @Override
    public Design readCircuitSynthJson(byte[] json) {
        return CircuitSynthJson.read(json);
    }

    @Override
    public Design readNet(byte[] net) {
        return NetReader.read(net);
    }

    @Override
    public byte[] writeCircuitJson(Design design) {
        return CircuitJson.write(design);
    }

    @Override
    public byte[] writeNet(Design design, SymbolIndex symbols) {
        return NetWriter.write(Finalizer.finalize(design, symbols));
    }
}
