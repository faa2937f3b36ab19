package io.circuitsynth.netlist;

/** The KiCad {@code .net} reader (specification section 4), Java engine. */
public final class NetReader {
    private NetReader() {}

    /** Reads a {@code .net} into a design. */
    public static Design read(byte[] net) {
        throw new UnsupportedOperationException("the .net reader is not built yet");
    }
}
