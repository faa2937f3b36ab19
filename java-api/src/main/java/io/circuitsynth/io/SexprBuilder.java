package io.circuitsynth.io;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Builds a {@link SexprTree} in code, one token at a time. Not thread-safe; {@link #build} may be
 * called once the root list is closed.
 *
 * <pre>{@code
 * SexprTree tree = new SexprBuilder()
 *         .list("kicad_sch")
 *             .list("version").atom(20250114).end()
 *             .list("generator").string("circuitsynth").end()
 *             .list("at").decimal(12700, 4).decimal(-5000, 4).atom(90).end()
 *         .end()
 *         .build();
 * // (kicad_sch (version 20250114) (generator "circuitsynth") (at 1.27 -0.5 90)) in KiCad's layout
 * }</pre>
 */
public final class SexprBuilder {
    // Source text grows here; ByteArrayOutputStream would synchronize on every byte.
    private byte[] source = new byte[256];
    private int length;
    private int[] nodes = new int[64];
    private int count;
    private int[] open = new int[16];
    private int depth;
    private boolean rootClosed;

    public SexprBuilder() {}

    /** Opens a list with no head symbol. */
    public SexprBuilder list() {
        if (rootClosed) {
            throw new IllegalStateException("the root list is already closed; a document has exactly one");
        }
        separate();
        int start = length;
        write((byte) '(');
        if (depth == open.length) {
            open = Arrays.copyOf(open, depth * 2);
        }
        open[depth++] = add(SexprTree.LIST, start, -1);
        return this;
    }

    /** Opens a list whose first child is the symbol {@code head}, as in {@code (version ...)}. */
    public SexprBuilder list(String head) {
        return list().symbol(head);
    }

    /** Closes the innermost open list. */
    public SexprBuilder end() {
        if (depth == 0) {
            throw new IllegalStateException("no open list to end");
        }
        write((byte) ')');
        int s = open[--depth] * 4;
        nodes[s + 2] = length;
        nodes[s + 3] = count;
        rootClosed = depth == 0;
        return this;
    }

    /**
     * A bare atom, written as given.
     *
     * @throws IllegalArgumentException if it is empty or holds whitespace, a parenthesis, a quote
     *     or a NUL, any of which would change the document's structure
     */
    public SexprBuilder symbol(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        if (bytes.length == 0) {
            throw new IllegalArgumentException("a symbol cannot be empty; use string(\"\") for an empty value");
        }
        for (byte b : bytes) {
            if (b == ' ' || b == '\t' || b == '\r' || b == '\n' || b == '(' || b == ')' || b == '"' || b == 0) {
                throw new IllegalArgumentException("symbol " + quoteForMessage(text)
                        + " holds whitespace, a parenthesis, a quote or NUL; use string() for such values");
            }
        }
        return atom(SexprTree.SYMBOL, bytes);
    }

    /** An integer atom. */
    public SexprBuilder atom(long value) {
        return atom(SexprTree.SYMBOL, Long.toString(value).getBytes(StandardCharsets.US_ASCII));
    }

    /**
     * A quoted string, escaped as KiCad writes values: backslash, quote, LF and CR are escaped,
     * every other character is kept as UTF-8.
     */
    public SexprBuilder string(String value) {
        return atom(SexprTree.STRING, StringEscapes.encode(value));
    }

    /**
     * The decimal number {@code units × 10^-scale}, written like KiCad writes numbers: no
     * exponent, no trailing zeros, no point without digits after it ({@code 12700, 4} → {@code 1.27}).
     *
     * @throws IllegalArgumentException if {@code scale} is negative
     */
    public SexprBuilder decimal(long units, int scale) {
        return atom(SexprTree.SYMBOL, decimalText(units, scale).getBytes(StandardCharsets.US_ASCII));
    }

    /**
     * The finished tree.
     *
     * @throws IllegalStateException while lists are open or before any list was opened
     */
    public SexprTree build() {
        if (!rootClosed) {
            throw new IllegalStateException(count == 0 ? "nothing was built; open the root list first"
                    : depth + " list(s) still open; call end() for each");
        }
        return SexprTree.trusted(Arrays.copyOf(source, length), Arrays.copyOf(nodes, count * 4), count);
    }

    static String decimalText(long units, int scale) {
        if (scale < 0) {
            throw new IllegalArgumentException("scale must not be negative: " + scale);
        }
        if (units == 0) {
            return "0";
        }
        String digits = units == Long.MIN_VALUE ? BigInteger.valueOf(units).negate().toString() : Long.toString(Math.abs(units));
        StringBuilder text = new StringBuilder(digits.length() + scale + 3);
        if (units < 0) {
            text.append('-');
        }
        if (digits.length() <= scale) {
            text.append("0.");
            for (int k = digits.length(); k < scale; k++) {
                text.append('0');
            }
            text.append(digits);
        } else {
            text.append(digits, 0, digits.length() - scale);
            if (scale > 0) {
                text.append('.').append(digits, digits.length() - scale, digits.length());
            }
        }
        if (scale > 0) {
            int cut = text.length();
            while (text.charAt(cut - 1) == '0') {
                cut--;
            }
            if (text.charAt(cut - 1) == '.') {
                cut--;
            }
            text.setLength(cut);
        }
        return text.toString();
    }

    private SexprBuilder atom(int kind, byte[] text) {
        if (depth == 0) {
            throw new IllegalStateException("atoms go inside a list; open one with list()");
        }
        separate();
        int start = length;
        ensure(text.length);
        System.arraycopy(text, 0, source, length, text.length);
        length += text.length;
        add(kind, start, length);
        return this;
    }

    private void separate() {
        // Any separator works: the printer lays the tree out from the node table alone.
        if (count > 0) {
            write((byte) ' ');
        }
    }

    private void write(byte b) {
        ensure(1);
        source[length++] = b;
    }

    private void ensure(int extra) {
        if (length + extra > source.length) {
            long wanted = Math.max(2L * source.length, (long) length + extra);
            if (wanted > Integer.MAX_VALUE - 8) {
                throw new OutOfMemoryError("document larger than 2 GB");
            }
            source = Arrays.copyOf(source, (int) wanted);
        }
    }

    private int add(int kind, int start, int end) {
        if (count * 4 == nodes.length) {
            nodes = Arrays.copyOf(nodes, nodes.length * 2);
        }
        int s = count * 4;
        nodes[s] = kind;
        nodes[s + 1] = start;
        nodes[s + 2] = end;
        nodes[s + 3] = count + 1;
        return count++;
    }

    private static String quoteForMessage(String text) {
        return "'" + text.replace("\n", "\\n").replace("\r", "\\r").replace("\t", "\\t") + "'";
    }
}
