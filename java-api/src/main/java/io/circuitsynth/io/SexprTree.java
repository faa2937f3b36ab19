package io.circuitsynth.io;

/** A parsed KiCad S-expression document: its source bytes and flat pre-order node table. */
public final class SexprTree {
    private final byte[] source;
    private final int[] nodes;

    SexprTree(byte[] source, int[] nodes) {
        this.source = source;
        this.nodes = nodes;
    }
}
