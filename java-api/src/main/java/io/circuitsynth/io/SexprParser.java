package io.circuitsynth.io;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;

/**
 * The Java engine's parser: an encoding pass, then one loop over the bytes with an explicit
 * stack of open lists, step for step like the Rust engine's parser in {@code rust-crates/io}.
 */
final class SexprParser {
    static final int MAX_DEPTH = 1000;

    private static final byte SYMBOL_BYTE = 0;
    private static final byte SPACE = 1;
    private static final byte OPEN = 2;
    private static final byte CLOSE = 3;
    private static final byte QUOTE = 4;
    private static final byte[] CLASS = new byte[256];

    static {
        CLASS[' '] = SPACE;
        CLASS['\t'] = SPACE;
        CLASS['\r'] = SPACE;
        CLASS['\n'] = SPACE;
        CLASS['('] = OPEN;
        CLASS[')'] = CLOSE;
        CLASS['"'] = QUOTE;
    }

    private SexprParser() {}

    /** A node table being filled; reused across files by {@code parseFiles}. */
    static final class Table {
        int[] nodes;
        int count;

        Table(int capacity) {
            nodes = new int[Math.max(64, capacity & ~3)];
        }
    }

    static SexprTree parse(byte[] in, String sourceName) {
        // KiCad files hold about one node per 8 bytes: four ints per 8 bytes avoids most regrowth.
        Table table = new Table(in.length >>> 1);
        parse(in, in.length, sourceName, table);
        return SexprTree.trusted(in, trim(table.nodes, table.count), table.count);
    }

    /** Parses {@code in[0..len)} into {@code table}; {@code table.count} is the node count. */
    static void parse(byte[] in, int len, String sourceName, Table table) {
        int bad = Utf8.firstBadOffset(in, len);
        if (bad >= 0) {
            throw error(in, sourceName, bad, in[bad] == 0
                    ? "NUL byte in input; KiCad files are text, is this a binary file?"
                    : String.format(Locale.ROOT, "invalid UTF-8 (byte 0x%02X); KiCad files are UTF-8 encoded", in[bad] & 0xFF));
        }
        final byte[] cls = CLASS;
        int pos = skipSpace(in, 0, len);
        if (pos == len) {
            throw error(in, sourceName, len, "expected '(' to start the root list, found end of input");
        }
        if (cls[in[pos] & 0xFF] != OPEN) {
            throw error(in, sourceName, pos, "expected '(' to start the root list, found " + found(in[pos]));
        }
        int[] nodes = table.nodes;
        int count = 0;
        int[] open = new int[MAX_DEPTH];
        int depth = 0;
        while (true) {
            if (pos == len) {
                int innermost = nodes[open[depth - 1] * 4 + 1];
                throw error(in, sourceName, len, "expected ')' to close the list opened at "
                        + Positions.lineColumn(in, innermost) + ", found end of input");
            }
            byte b = in[pos];
            switch (cls[b & 0xFF]) {
                case SPACE:
                    pos++;
                    while (pos < len && cls[in[pos] & 0xFF] == SPACE) {
                        pos++;
                    }
                    continue;
                case OPEN: {
                    if (depth == MAX_DEPTH) {
                        throw error(in, sourceName, pos,
                                "lists nested more than 1000 deep; KiCad files nest far less, is this a KiCad file?");
                    }
                    int s = count * 4;
                    if (s + 4 > nodes.length) {
                        nodes = Arrays.copyOf(nodes, grow(nodes.length));
                    }
                    nodes[s] = SexprTree.LIST;
                    nodes[s + 1] = pos;
                    open[depth++] = count++;
                    pos++;
                    continue;
                }
                case CLOSE: {
                    int s = open[--depth] * 4;
                    nodes[s + 2] = ++pos;
                    nodes[s + 3] = count;
                    if (depth == 0) {
                        int rootClose = pos - 1;
                        int after = skipSpace(in, pos, len);
                        if (after < len) {
                            throw error(in, sourceName, after, "expected end of input after the root list closed at "
                                    + Positions.lineColumn(in, rootClose) + ", found " + found(in[after]));
                        }
                        table.nodes = nodes;
                        table.count = count;
                        return;
                    }
                    continue;
                }
                case QUOTE: {
                    int end = stringEnd(in, pos, len, sourceName);
                    int s = count * 4;
                    if (s + 4 > nodes.length) {
                        nodes = Arrays.copyOf(nodes, grow(nodes.length));
                    }
                    nodes[s] = SexprTree.STRING;
                    nodes[s + 1] = pos;
                    nodes[s + 2] = end;
                    nodes[s + 3] = ++count;
                    pos = end;
                    continue;
                }
                default: {
                    int end = pos + 1;
                    while (end < len && cls[in[end] & 0xFF] == SYMBOL_BYTE) {
                        end++;
                    }
                    int s = count * 4;
                    if (s + 4 > nodes.length) {
                        nodes = Arrays.copyOf(nodes, grow(nodes.length));
                    }
                    nodes[s] = SexprTree.SYMBOL;
                    nodes[s + 1] = pos;
                    nodes[s + 2] = end;
                    nodes[s + 3] = ++count;
                    pos = end;
                }
            }
        }
    }

    /** Offset one past the closing quote of the string opened at {@code quote}. */
    private static int stringEnd(byte[] in, int quote, int len, String sourceName) {
        int i = quote + 1;
        while (i < len) {
            byte b = in[i];
            if (b == '"') {
                return i + 1;
            }
            if (b != '\\') {
                i++;
                continue;
            }
            if (i + 1 >= len) {
                break;
            }
            byte c = in[i + 1];
            switch (c) {
                case '"': case '\\': case 'a': case 'b': case 'f': case 'n': case 'r': case 't': case 'v':
                    i += 2;
                    break;
                case 'x':
                    if (i + 2 < len && StringEscapes.hexValue(in[i + 2]) >= 0) {
                        i += 3;
                        if (i < len && StringEscapes.hexValue(in[i]) >= 0) {
                            i++;
                        }
                        break;
                    }
                    throw invalidEscape(in, len, sourceName, i);
                default:
                    if (c >= '0' && c <= '7') {
                        i += 2;
                        for (int k = 1; k < 3 && i < len && in[i] >= '0' && in[i] <= '7'; k++) {
                            i++;
                        }
                        break;
                    }
                    throw invalidEscape(in, len, sourceName, i);
            }
        }
        throw error(in, sourceName, quote, "unterminated string; expected a closing '\"' before end of input");
    }

    private static SexprParseException invalidEscape(byte[] in, int len, String sourceName, int backslash) {
        byte next = in[backslash + 1];
        String escape;
        if (next == '\n' || next == '\r') {
            // Shown as it is, a line break would split the message over two lines.
            escape = "'\\' at the end of a line";
        } else {
            int width = Utf8.sequenceLength(next);
            escape = "'\\" + new String(in, backslash + 1, Math.min(width, len - backslash - 1), StandardCharsets.UTF_8)
                    + "'";
        }
        return error(in, sourceName, backslash, "invalid escape sequence " + escape
                + " in string; valid escapes are \\\" \\\\ \\n \\r \\t \\a \\b \\f \\v \\xHH \\NNN");
    }

    private static int skipSpace(byte[] in, int pos, int len) {
        while (pos < len && CLASS[in[pos] & 0xFF] == SPACE) {
            pos++;
        }
        return pos;
    }

    private static String found(byte b) {
        switch (CLASS[b & 0xFF]) {
            case OPEN: return "'('";
            case CLOSE: return "')'";
            case QUOTE: return "a string";
            default: return "a symbol";
        }
    }

    private static int grow(int length) {
        int grown = length + (length >> 1) + 64;
        if (grown < 0 || grown > Integer.MAX_VALUE - 8) {
            throw new OutOfMemoryError("node table too large");
        }
        return grown & ~3;
    }

    private static int[] trim(int[] nodes, int count) {
        int used = count * 4;
        // Trees may be kept for a long time: drop an unused tail as large as the table itself.
        return nodes.length - used > used + 64 ? Arrays.copyOf(nodes, used) : nodes;
    }

    static SexprParseException error(byte[] in, String sourceName, int offset, String detail) {
        return new SexprParseException(sourceName, Positions.line(in, offset), Positions.column(in, offset), offset, detail);
    }
}
