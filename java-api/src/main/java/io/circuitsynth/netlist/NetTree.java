package io.circuitsynth.netlist;

import io.circuitsynth.io.SexprTree;
import io.circuitsynth.io.internal.TreeAccess;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A parsed {@code .net}, seen as KiCad elements: {@code (KEY VALUE…)} lists named by their first
 * atom. The reading helpers of {@link NetReader}, as {@code Tree} is in the Rust twin.
 */
final class NetTree {
    /** A child list and its key. */
    record Element(String key, int node) {}

    final SexprTree tree;
    private final byte[] src;

    NetTree(SexprTree tree) {
        this.tree = tree;
        this.src = TreeAccess.source(tree);
    }

    /**
     * {@code LINE:COLUMN: DETAIL} at {@code node}'s first byte. Every text of the file a DETAIL
     * shows has gone through {@link JsonText#plain}, so a message is always one line.
     */
    NetlistException fault(int node, String detail) {
        return new NetlistException(position(node) + ": " + detail);
    }

    String position(int node) {
        int offset = tree.start(node);
        return tree.line(offset) + ":" + tree.column(offset);
    }

    /**
     * An atom's value: a symbol as written, a string unquoted and unescaped. {@code \xHH} and
     * octal escapes can spell bytes that are not UTF-8; such a value is refused rather than
     * repaired, because the two engines' decoders repair differently.
     */
    String text(int atom) {
        if (!tree.isString(atom)) {
            return tree.stringValue(atom);
        }
        int from = tree.start(atom) + 1;
        int to = tree.end(atom) - 1;
        int i = from;
        while (i < to && src[i] != '\\') {
            i++;
        }
        if (i == to) {
            return tree.stringValue(atom);
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(unescape(from, to)))
                    .toString();
        } catch (CharacterCodingException e) {
            throw fault(atom, "expected UTF-8 text, found '" + JsonText.plain(tree.text(atom)) + "'");
        }
    }

    /** Whether {@code atom}'s value is {@code word} (a key: never refused). */
    boolean isWord(int atom, String word) {
        return !tree.isList(atom) && tree.stringValue(atom).equals(word);
    }

    /**
     * The child lists of {@code list} after its first item, each with its key: its first atom.
     * Lists without one have no key and are skipped, like every unknown child.
     */
    List<Element> elements(int list) {
        List<Element> out = new ArrayList<>();
        int first = tree.firstChild(list);
        if (first == SexprTree.NONE) {
            return out;
        }
        for (int c = tree.nextSibling(list, first); c != SexprTree.NONE; c = tree.nextSibling(list, c)) {
            if (!tree.isList(c)) {
                continue;
            }
            int head = tree.firstChild(c);
            if (head != SexprTree.NONE && !tree.isList(head)) {
                // A key that is not UTF-8 reads with U+FFFD and matches no key, as in Rust.
                out.add(new Element(tree.stringValue(head), c));
            }
        }
        return out;
    }

    /** The second item of {@code element}, else {@code element} itself. */
    int second(int element) {
        int first = tree.firstChild(element);
        int second = first == SexprTree.NONE ? SexprTree.NONE : tree.nextSibling(element, first);
        return second == SexprTree.NONE ? element : second;
    }

    /** The value of {@code (KEY VALUE)}: its second item, null when it has none. */
    String value(int element) {
        int first = tree.firstChild(element);
        int item = tree.nextSibling(element, first);
        if (item == SexprTree.NONE) {
            return null;
        }
        if (tree.isList(item)) {
            throw notAString(item);
        }
        return text(item);
    }

    /** Every item of {@code (KEY VALUE…)} after the key. */
    List<String> values(int element) {
        List<String> out = new ArrayList<>();
        int first = tree.firstChild(element);
        for (int item = tree.nextSibling(element, first); item != SexprTree.NONE;
                item = tree.nextSibling(element, item)) {
            if (tree.isList(item)) {
                throw notAString(item);
            }
            out.add(text(item));
        }
        return out;
    }

    /** The first atom after the key: a field's text, {@code (field (name "N") "TEXT")}. */
    String content(int element) {
        int first = tree.firstChild(element);
        for (int item = tree.nextSibling(element, first); item != SexprTree.NONE;
                item = tree.nextSibling(element, item)) {
            if (!tree.isList(item)) {
                return text(item);
            }
        }
        return null;
    }

    private NetlistException notAString(int item) {
        return fault(item, "expected a string, found '('");
    }

    /** {@code (kicad_sch …)}, {@code ()}, {@code ((…) …)}: the start of a root that is not an export. */
    String describeRoot() {
        int head = tree.firstChild(0);
        if (head == SexprTree.NONE) {
            return "()";
        }
        String text = tree.isList(head) ? "(…)" : JsonText.plain(tree.text(head));
        String more = tree.nextSibling(0, head) != SexprTree.NONE ? " …" : "";
        return "(" + text + more + ")";
    }

    /** The io specification's escapes, decoded to bytes as the Rust engine decodes them. */
    private byte[] unescape(int from, int to) {
        byte[] out = new byte[to - from];
        int n = 0;
        int i = from;
        while (i < to) {
            byte b = src[i];
            if (b != '\\' || i + 1 == to) {
                out[n++] = b;
                i++;
                continue;
            }
            byte c = src[i + 1];
            i += 2;
            switch (c) {
                case '"': out[n++] = '"'; break;
                case '\\': out[n++] = '\\'; break;
                case 'a': out[n++] = 0x07; break;
                case 'b': out[n++] = 0x08; break;
                case 'f': out[n++] = 0x0C; break;
                case 'n': out[n++] = '\n'; break;
                case 'r': out[n++] = '\r'; break;
                case 't': out[n++] = '\t'; break;
                case 'v': out[n++] = 0x0B; break;
                default:
                    if (c == 'x' || (c >= '0' && c <= '7')) {
                        int radix = c == 'x' ? 16 : 8;
                        int max = c == 'x' ? 2 : 3;
                        int first = c == 'x' ? i : i - 1;
                        int value = 0;
                        int j = first;
                        while (j < to && j - first < max && Character.digit(src[j], radix) >= 0) {
                            value = value * radix + Character.digit(src[j], radix);
                            j++;
                        }
                        // Three octal digits can exceed a byte (\777); KiCad keeps the low byte.
                        out[n++] = (byte) value;
                        i = j;
                    } else {
                        out[n++] = '\\';
                        out[n++] = c;
                    }
            }
        }
        return Arrays.copyOf(out, n);
    }
}
