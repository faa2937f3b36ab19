package io.circuitsynth.io;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A parsed KiCad S-expression document: its source bytes and a flat pre-order node table.
 * Immutable and safe to share between threads. Nothing here recurses, so trees of any depth
 * can be walked, compared and printed.
 *
 * <p>Node {@code 0} is the root list. Children of list {@code i} are {@code firstChild(i)}, then
 * {@code nextSibling(i, child)} until {@link #NONE}:
 *
 * <pre>{@code
 * SexprTree tree = new JavaIoStage().parse(
 *         "(kicad_sch (version 20250114) (generator \"eeschema\"))".getBytes(UTF_8), "demo");
 * for (int c = tree.firstChild(0); c != SexprTree.NONE; c = tree.nextSibling(0, c)) {
 *     if (tree.isList(c) && tree.textEquals(tree.firstChild(c), "generator")) {
 *         String generator = tree.stringValue(tree.nextSibling(c, tree.firstChild(c))); // eeschema
 *     }
 * }
 * }</pre>
 *
 * <p>Atoms keep their exact source text ({@link #text}); strings keep their quotes and escapes
 * until {@link #stringValue} decodes them. Equality is structural: two trees are equal when they
 * have the same shape, kinds and atom texts, wherever those sit in their sources.
 */
public final class SexprTree {
    /** Node kind of a list. */
    public static final int LIST = 0;
    /** Node kind of a symbol (any bare atom, numbers included). */
    public static final int SYMBOL = 1;
    /** Node kind of a quoted string. */
    public static final int STRING = 2;
    /** Returned by the navigation methods when there is no such node. */
    public static final int NONE = -1;

    private final byte[] source;
    private final int[] nodes;
    private final int size;
    private int hash;

    static {
        // A live SexprTree instance implies this initializer ran, so TreeAccess is always ready
        // by the time anyone holds a tree to pass to it.
        io.circuitsynth.io.internal.TreeAccess.install(new io.circuitsynth.io.internal.TreeAccess.Accessor() {
            @Override
            public byte[] source(SexprTree tree) {
                return tree.source;
            }

            @Override
            public int[] nodes(SexprTree tree) {
                return tree.nodes;
            }
        });
    }

    private SexprTree(byte[] source, int[] nodes, int size) {
        this.source = source;
        this.nodes = nodes;
        this.size = size;
    }

    /** For the engines of this package: the table is trusted and may be longer than needed. */
    static SexprTree trusted(byte[] source, int[] nodes, int size) {
        return new SexprTree(source, nodes, size);
    }

    /**
     * A tree from source bytes and a node table of stride 4 ({@code kind, start, end, next}), as
     * the native engine returns it. The table is checked completely, so a tree built here can
     * never index outside its source.
     *
     * @throws IllegalArgumentException if the table does not describe a tree over {@code source}
     */
    public static SexprTree ofNodes(byte[] source, int[] nodes) {
        NodeTableValidator.validate(source, nodes);
        return new SexprTree(source, nodes, nodes.length / 4);
    }

    /** Number of nodes, lists and atoms together. */
    public int size() {
        return size;
    }

    /** The root list, always node 0. */
    public int root() {
        return 0;
    }

    /** {@link #LIST}, {@link #SYMBOL} or {@link #STRING}. */
    public int kind(int node) {
        return nodes[slot(node)];
    }

    /** Byte offset of the node's first byte. */
    public int start(int node) {
        return nodes[slot(node) + 1];
    }

    /** Byte offset one past the node's last byte. */
    public int end(int node) {
        return nodes[slot(node) + 2];
    }

    /** Index one past the node's last descendant. */
    public int next(int node) {
        return nodes[slot(node) + 3];
    }

    public boolean isList(int node) {
        return kind(node) == LIST;
    }

    public boolean isSymbol(int node) {
        return kind(node) == SYMBOL;
    }

    public boolean isString(int node) {
        return kind(node) == STRING;
    }

    /** The first child of {@code list}, or {@link #NONE} for an empty list or an atom. */
    public int firstChild(int list) {
        int s = slot(list);
        return nodes[s] == LIST && nodes[s + 3] > list + 1 ? list + 1 : NONE;
    }

    /** The sibling after {@code child} inside {@code list}, or {@link #NONE} after the last one. */
    public int nextSibling(int list, int child) {
        int after = next(child);
        return after < next(list) && child > list ? after : NONE;
    }

    /** Number of direct children of {@code list}; 0 for atoms. */
    public int childCount(int list) {
        int count = 0;
        for (int c = firstChild(list); c != NONE; c = nextSibling(list, c)) {
            count++;
        }
        return count;
    }

    /** The raw source text of a node: an atom exactly as written, a list with its layout. */
    public String text(int node) {
        int s = slot(node);
        return new String(source, nodes[s + 1], nodes[s + 2] - nodes[s + 1], StandardCharsets.UTF_8);
    }

    /** Whether {@code node} is an atom whose raw text is exactly {@code text}. */
    public boolean textEquals(int node, String text) {
        if (node == NONE || isList(node)) {
            return false;
        }
        byte[] wanted = text.getBytes(StandardCharsets.UTF_8);
        int start = start(node);
        return Arrays.equals(source, start, end(node), wanted, 0, wanted.length);
    }

    /**
     * The value of an atom: a symbol's text, or a string with its quotes removed and its escapes
     * decoded ({@code \" \\ \a \b \f \n \r \t \v \xHH \NNN}; the bytes are then read as UTF-8).
     *
     * @throws IllegalArgumentException for a list
     */
    public String stringValue(int node) {
        int s = slot(node);
        int kind = nodes[s];
        int start = nodes[s + 1];
        int end = nodes[s + 2];
        if (kind == LIST) {
            throw new IllegalArgumentException("node " + node + " is a list, not an atom");
        }
        if (kind == SYMBOL) {
            return new String(source, start, end - start, StandardCharsets.UTF_8);
        }
        return StringEscapes.decode(source, start + 1, end - 1);
    }

    /** 1-based line of a byte offset into the source: 1 + the number of LF bytes before it. */
    public int line(int offset) {
        return Positions.line(source, offset);
    }

    /** 1-based column of a byte offset, counting characters (UTF-8 continuation bytes do not count). */
    public int column(int offset) {
        return Positions.column(source, offset);
    }

    /** A copy of the source bytes. */
    public byte[] source() {
        return source.clone();
    }

    /** A copy of the node table, stride 4: {@code kind, start, end, next}. */
    public int[] nodeTable() {
        return Arrays.copyOf(nodes, size * 4);
    }

    /** The tree printed in KiCad 9's layout. */
    @Override
    public String toString() {
        return new String(SexprPrinter.print(this), StandardCharsets.UTF_8);
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof SexprTree)) {
            return false;
        }
        SexprTree other = (SexprTree) o;
        if (size != other.size) {
            return false;
        }
        // Pre-order position plus NEXT fixes the shape, so a flat scan compares whole trees.
        for (int i = 0, s = 0; i < size; i++, s += 4) {
            int kind = nodes[s];
            if (kind != other.nodes[s] || nodes[s + 3] != other.nodes[s + 3]) {
                return false;
            }
            if (kind != LIST && !Arrays.equals(source, nodes[s + 1], nodes[s + 2],
                    other.source, other.nodes[s + 1], other.nodes[s + 2])) {
                return false;
            }
        }
        return true;
    }

    @Override
    public int hashCode() {
        int h = hash;
        if (h == 0) {
            h = size;
            for (int i = 0, s = 0; i < size; i++, s += 4) {
                h = 31 * h + nodes[s] * 7 + nodes[s + 3];
                if (nodes[s] != LIST) {
                    for (int p = nodes[s + 1], e = nodes[s + 2]; p < e; p++) {
                        h = 31 * h + source[p];
                    }
                }
            }
            hash = h;
        }
        return h;
    }

    byte[] sourceArray() {
        return source;
    }

    int[] nodeArray() {
        return nodes;
    }

    private int slot(int node) {
        if (node < 0 || node >= size) {
            throw new IndexOutOfBoundsException("node " + node + " outside 0.." + (size - 1));
        }
        return node << 2;
    }
}
