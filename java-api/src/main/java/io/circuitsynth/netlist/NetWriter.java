package io.circuitsynth.netlist;

/** The KiCad {@code .net} writer (specification section 3), Java engine. */
public final class NetWriter {
    private NetWriter() {}

    /** The {@code .net} bytes of a finalized design. */
    public static byte[] write(Netlist netlist) {
        throw new UnsupportedOperationException("the .net writer is not built yet");
    }
}
