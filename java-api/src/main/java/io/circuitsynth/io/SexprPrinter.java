package io.circuitsynth.io;

import java.util.Arrays;

/**
 * KiCad 9's layout ({@code KICAD_FORMAT::Prettify} with compact save off), as the specification
 * states it: one pass over the node table with an explicit stack of the lists still open.
 */
final class SexprPrinter {
    private static final int NONE = 0;
    private static final int OPENED = 1;
    private static final int CLOSED = 2;
    private static final int ATOM = 3;
    private static final int XY_MAX_COLUMN = 99;
    private static final int WRAP_COLUMN = 72;

    private byte[] out;
    private int len;
    private int lineStart;

    private SexprPrinter(int capacity) {
        out = new byte[capacity];
    }

    static byte[] print(SexprTree tree) {
        return print(tree.sourceArray(), tree.nodeArray(), tree.size());
    }

    static byte[] print(byte[] src, int[] nodes, int size) {
        SexprPrinter p = new SexprPrinter(Math.max(64, src.length + (src.length >> 3)));
        p.run(src, nodes, size);
        return p.len == p.out.length ? p.out : Arrays.copyOf(p.out, p.len);
    }

    private void run(byte[] src, int[] nodes, int size) {
        // NEXT of every open list; a list closes when the walk reaches its NEXT.
        int[] closeAt = new int[64];
        int depth = 0;
        int prev = NONE;
        boolean inXy = false;
        boolean wrapped = false;
        for (int i = 0; i <= size; i++) {
            while (depth > 0 && closeAt[depth - 1] == i) {
                depth--;
                if (prev == CLOSED || wrapped) {
                    newline(depth);
                    wrapped = false;
                }
                put((byte) ')');
                prev = CLOSED;
            }
            if (i == size) {
                break;
            }
            int s = i * 4;
            if (nodes[s] == SexprTree.LIST) {
                boolean xy = isXy(src, nodes, i);
                if (len == 0) {
                    put((byte) '(');
                } else if (inXy && xy && len - lineStart < XY_MAX_COLUMN) {
                    put((byte) ' ');
                    put((byte) '(');
                } else {
                    newline(depth);
                    put((byte) '(');
                }
                inXy = xy;
                if (depth == closeAt.length) {
                    closeAt = Arrays.copyOf(closeAt, depth * 2);
                }
                closeAt[depth++] = nodes[s + 3];
                prev = OPENED;
            } else {
                if (prev == ATOM || prev == CLOSED) {
                    if (inXy || len - lineStart < WRAP_COLUMN) {
                        put((byte) ' ');
                    } else {
                        newline(depth);
                        wrapped = true;
                    }
                }
                int start = nodes[s + 1];
                int n = nodes[s + 2] - start;
                ensure(n);
                System.arraycopy(src, start, out, len, n);
                if (nodes[s] == SexprTree.STRING) {
                    // Raw line feeds inside strings move the column like any other.
                    for (int k = n - 1; k >= 0; k--) {
                        if (src[start + k] == '\n') {
                            lineStart = len + k + 1;
                            break;
                        }
                    }
                }
                len += n;
                prev = ATOM;
            }
        }
        put((byte) '\n');
    }

    /** An XY list: its first child is the symbol {@code xy} and it has a second child. */
    private static boolean isXy(byte[] src, int[] nodes, int list) {
        int first = list + 1;
        int f = first * 4;
        if (nodes[list * 4 + 3] <= first || nodes[f] != SexprTree.SYMBOL
                || nodes[f + 2] - nodes[f + 1] != 2 || nodes[f + 3] >= nodes[list * 4 + 3]) {
            return false;
        }
        int start = nodes[f + 1];
        return src[start] == 'x' && src[start + 1] == 'y';
    }

    private void newline(int tabs) {
        ensure(tabs + 1);
        out[len++] = '\n';
        lineStart = len;
        Arrays.fill(out, len, len + tabs, (byte) '\t');
        len += tabs;
    }

    private void put(byte b) {
        if (len == out.length) {
            ensure(1);
        }
        out[len++] = b;
    }

    private void ensure(int extra) {
        if (len + extra > out.length) {
            long wanted = Math.max((long) out.length + (out.length >> 1), (long) len + extra);
            if (wanted > Integer.MAX_VALUE - 8) {
                throw new OutOfMemoryError("printed document larger than 2 GB");
            }
            out = Arrays.copyOf(out, (int) wanted);
        }
    }
}
