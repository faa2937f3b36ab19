package io.circuitsynth.io;

/**
 * Checks a node table that came from outside this package (the native engine): a bad table
 * must fail here, not later as an out-of-bounds read in a printer or a wrong answer.
 */
final class NodeTableValidator {
    private NodeTableValidator() {}

    static void validate(byte[] source, int[] nodes) {
        if (source == null || nodes == null) {
            throw new IllegalArgumentException("source and node table must not be null");
        }
        if (nodes.length == 0 || nodes.length % 4 != 0) {
            throw new IllegalArgumentException("node table length " + nodes.length + " is not a positive multiple of 4");
        }
        int size = nodes.length / 4;
        if (nodes[0] != SexprTree.LIST || nodes[3] != size) {
            throw new IllegalArgumentException("node 0 must be the root list spanning all " + size + " nodes");
        }
        // Open lists as a stack of node indices; a node must lie inside the innermost open list,
        // after the previous node's bytes.
        int[] open = new int[16];
        int depth = 0;
        int minStart = 0;
        for (int i = 0; i < size; i++) {
            int s = i * 4;
            int kind = nodes[s];
            int start = nodes[s + 1];
            int end = nodes[s + 2];
            int next = nodes[s + 3];
            while (depth > 0 && nodes[open[depth - 1] * 4 + 3] == i) {
                minStart = nodes[open[depth - 1] * 4 + 2];
                depth--;
            }
            if (i > 0 && depth == 0) {
                fail(i, "lies outside the root");
            }
            if (start < minStart || end <= start || end > source.length) {
                fail(i, "has bad byte range " + start + ".." + end);
            }
            if (depth > 0) {
                int parent = open[depth - 1] * 4;
                if (end > nodes[parent + 2] || next > nodes[parent + 3]) {
                    fail(i, "is not inside its parent list");
                }
            }
            switch (kind) {
                case SexprTree.LIST:
                    if (next <= i || next > size || source[start] != '(' || source[end - 1] != ')' || end - start < 2) {
                        fail(i, "is not a well-formed list");
                    }
                    if (depth == open.length) {
                        open = java.util.Arrays.copyOf(open, depth * 2);
                    }
                    open[depth++] = i;
                    minStart = start + 1;
                    break;
                case SexprTree.SYMBOL:
                    if (next != i + 1) {
                        fail(i, "is an atom whose NEXT is not " + (i + 1));
                    }
                    minStart = end;
                    break;
                case SexprTree.STRING:
                    if (next != i + 1 || end - start < 2 || source[start] != '"' || source[end - 1] != '"') {
                        fail(i, "is not a well-formed string");
                    }
                    minStart = end;
                    break;
                default:
                    fail(i, "has unknown kind " + kind);
            }
        }
    }

    private static void fail(int node, String what) {
        throw new IllegalArgumentException("invalid node table: node " + node + " " + what);
    }
}
