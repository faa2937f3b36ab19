package io.circuitsynth.netlist;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The JSON syntax check shared by circuit JSON and circuit-synth import (specification section 5,
 * "Syntax"): RFC 8259 over UTF-8 without BOM, duplicate member names rejected, nesting at most
 * 1000 deep. Written by hand so that every syntax message is ours, word for word the same as the
 * Rust twin {@code json_scan}.
 *
 * <p>The result is a flat pre-order {@link JsonTree} (no tree of objects): the binders walk it by
 * index, decode only the strings they use, and never recurse per nesting level of the input.
 */
final class JsonScanner {
    /** The deepest nesting of objects and arrays accepted; the outermost container is depth 1. */
    static final int MAX_DEPTH = 1000;

    /** Objects with more members than this find duplicates through a hash set instead of a scan. */
    private static final int LINEAR_KEYS = 16;

    private final byte[] b;
    private int pos;
    private int[] nodes;
    private int size;
    /** Open containers, innermost last: node index, and for objects where their names start. */
    private int[] openNodes = new int[16];
    private int[] openFirstKey = new int[16];
    private final List<Set<String>> openSets = new ArrayList<>();
    private int depth;
    /** Member names of the open objects, innermost last. */
    private final List<String> keys = new ArrayList<>();

    private JsonScanner(byte[] input) {
        this.b = input;
        this.nodes = new int[4 * (input.length / 8 + 1)];
    }

    /** Checks {@code input} and returns its value table; throws the first error as {@code LINE:COLUMN: DETAIL}. */
    static JsonTree scan(byte[] input) {
        // The whole input is checked for UTF-8 first, as the io stage does, so an encoding error
        // wins over any syntax error wherever it is.
        int bad = firstInvalidUtf8(input);
        if (bad >= 0) {
            throw error(input, bad, String.format(Locale.ROOT, "invalid UTF-8 (byte 0x%02X)", input[bad] & 0xFF));
        }
        if (input.length >= 3 && (input[0] & 0xFF) == 0xEF && (input[1] & 0xFF) == 0xBB && (input[2] & 0xFF) == 0xBF) {
            throw error(input, 0, "unexpected byte order mark; save the file as UTF-8 without BOM");
        }
        JsonScanner scanner = new JsonScanner(input);
        scanner.run();
        return new JsonTree(input, scanner.nodes, scanner.size);
    }

    /** The whole text, without recursion: {@code wantValue} says a value must come next. */
    private void run() {
        boolean wantValue = true;
        while (true) {
            if (wantValue) {
                wantValue = false;
                if (value()) {
                    // Just opened: empty, or its first member name or element.
                    boolean object = topIsObject();
                    skipWhitespace();
                    int c = peek();
                    if (object && c == '}' || !object && c == ']') {
                        close();
                    } else if (object) {
                        memberName();
                        wantValue = true;
                    } else {
                        wantValue = true;
                    }
                }
                continue;
            }
            if (depth == 0) {
                break;
            }
            boolean object = topIsObject();
            skipWhitespace();
            int c = peek();
            if (c == ',') {
                pos++;
                if (object) {
                    skipWhitespace();
                    memberName();
                }
                wantValue = true;
            } else if (object && c == '}' || !object && c == ']') {
                close();
            } else if (c < 0) {
                throw fail(pos, "unexpected end of input");
            } else {
                throw unexpected(pos);
            }
        }
        skipWhitespace();
        if (pos < b.length) {
            throw fail(pos, "unexpected content after the JSON value");
        }
    }

    private boolean topIsObject() {
        return (nodes[4 * openNodes[depth - 1]] & 0xFF) == JsonTree.OBJECT;
    }

    /** One scalar, or the opening of a container (then true: {@link #run} reads its content). */
    private boolean value() {
        skipWhitespace();
        int start = pos;
        int c = peek();
        if (c < 0) {
            throw fail(start, "unexpected end of input");
        }
        if (c == '{') {
            openContainer(JsonTree.OBJECT);
            return true;
        }
        if (c == '[') {
            openContainer(JsonTree.ARRAY);
            return true;
        }
        if (c == '"') {
            boolean escaped = string();
            leaf(JsonTree.STRING | (escaped ? JsonTree.ESCAPED : 0), start);
            return false;
        }
        if (c == '-' || c >= '0' && c <= '9') {
            while (pos < b.length && isNumberByte(b[pos])) {
                pos++;
            }
            if (!validNumber(b, start, pos)) {
                throw fail(start, "invalid number");
            }
            leaf(JsonTree.NUMBER, start);
            return false;
        }
        if (isAsciiLetter(c)) {
            while (pos < b.length && isAsciiLetter(b[pos])) {
                pos++;
            }
            int kind;
            if (word(start, "true")) {
                kind = JsonTree.TRUE;
            } else if (word(start, "false")) {
                kind = JsonTree.FALSE;
            } else if (word(start, "null")) {
                kind = JsonTree.NULL;
            } else {
                throw unexpected(start);
            }
            leaf(kind, start);
            return false;
        }
        throw unexpected(start);
    }

    private boolean word(int start, String word) {
        if (pos - start != word.length()) {
            return false;
        }
        for (int i = 0; i < word.length(); i++) {
            if (b[start + i] != word.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    /** A member name, its duplicate check and the {@code :} after it. The caller has skipped whitespace. */
    private void memberName() {
        int start = pos;
        int c = peek();
        if (c < 0) {
            throw fail(start, "unexpected end of input");
        }
        if (c != '"') {
            throw unexpected(start);
        }
        boolean escaped = string();
        String name = escaped ? unescape(b, start + 1, pos - 1)
                : new String(b, start + 1, pos - 1 - (start + 1), StandardCharsets.UTF_8);
        if (!rememberKey(name)) {
            throw fail(start, "duplicate member " + JsonText.quote(name));
        }
        leaf(JsonTree.STRING | (escaped ? JsonTree.ESCAPED : 0), start);
        skipWhitespace();
        c = peek();
        if (c == ':') {
            pos++;
        } else if (c < 0) {
            throw fail(pos, "unexpected end of input");
        } else {
            throw unexpected(pos);
        }
    }

    /** Records a member name of the innermost object; false when it already has one so named. */
    private boolean rememberKey(String name) {
        int frame = depth - 1;
        Set<String> set = openSets.get(frame);
        if (set != null) {
            keys.add(name);
            return set.add(name);
        }
        int first = openFirstKey[frame];
        for (int i = first; i < keys.size(); i++) {
            if (keys.get(i).equals(name)) {
                return false;
            }
        }
        keys.add(name);
        if (keys.size() - first > LINEAR_KEYS) {
            openSets.set(frame, new HashSet<>(keys.subList(first, keys.size())));
        }
        return true;
    }

    private void openContainer(int kind) {
        if (depth == MAX_DEPTH) {
            throw fail(pos, "nesting deeper than " + MAX_DEPTH);
        }
        int node = size;
        push(kind, pos, 0, 0);
        if (depth == openNodes.length) {
            openNodes = Arrays.copyOf(openNodes, 2 * depth);
            openFirstKey = Arrays.copyOf(openFirstKey, 2 * depth);
        }
        openNodes[depth] = node;
        openFirstKey[depth] = keys.size();
        if (openSets.size() == depth) {
            openSets.add(null);
        } else {
            openSets.set(depth, null);
        }
        depth++;
        pos++;
    }

    private void close() {
        pos++;
        depth--;
        int node = openNodes[depth];
        int first = openFirstKey[depth];
        keys.subList(first, keys.size()).clear();
        openSets.set(depth, null);
        nodes[4 * node + 2] = pos;
        nodes[4 * node + 3] = size;
    }

    private void leaf(int kind, int start) {
        push(kind, start, pos, size + 1);
    }

    private void push(int kind, int start, int end, int next) {
        if (4 * size + 4 > nodes.length) {
            nodes = Arrays.copyOf(nodes, 2 * nodes.length + 4);
        }
        nodes[4 * size] = kind;
        nodes[4 * size + 1] = start;
        nodes[4 * size + 2] = end;
        nodes[4 * size + 3] = next;
        size++;
    }

    /** A string from its opening quote to past its closing quote; true when it holds escapes. */
    private boolean string() {
        pos++;
        boolean escaped = false;
        while (true) {
            int c = peek();
            if (c < 0) {
                throw fail(pos, "unexpected end of input");
            }
            if (c == '"') {
                pos++;
                return escaped;
            }
            if (c == '\\') {
                escaped = true;
                escape();
            } else if (c < 0x20) {
                throw fail(pos, String.format(Locale.ROOT, "control character U+%04X in string", c));
            } else {
                pos++;
            }
        }
    }

    /** One escape sequence, from its backslash. */
    private void escape() {
        int backslash = pos;
        if (backslash + 1 >= b.length) {
            throw fail(b.length, "unexpected end of input");
        }
        int c = b[backslash + 1] & 0xFF;
        switch (c) {
            case '"', '\\', '/', 'b', 'f', 'n', 'r', 't' -> pos += 2;
            case 'u' -> {
                int unit = hex4(backslash);
                if (unit >= 0xDC00 && unit <= 0xDFFF) {
                    throw unpaired(backslash);
                }
                if (unit >= 0xD800 && unit <= 0xDBFF) {
                    int low = pos;
                    if (low + 1 >= b.length || b[low] != '\\' || b[low + 1] != 'u') {
                        throw unpaired(backslash);
                    }
                    int second = hex4(low);
                    if (second < 0xDC00 || second > 0xDFFF) {
                        throw unpaired(backslash);
                    }
                }
            }
            default -> {
                if (c < 0x20) {
                    throw fail(backslash + 1, String.format(Locale.ROOT, "control character U+%04X in string", c));
                }
                String shown = new String(Character.toChars(codePointAt(b, backslash + 1)));
                throw fail(backslash, "invalid escape '\\" + shown + "' in string");
            }
        }
    }

    /** The four hex digits of the {@code \\u} escape at {@code backslash}; leaves {@code pos} after them. */
    private int hex4(int backslash) {
        int unit = 0;
        for (int k = 0; k < 4; k++) {
            int at = backslash + 2 + k;
            if (at >= b.length) {
                throw fail(b.length, "unexpected end of input");
            }
            int digit = Character.digit(b[at] & 0xFF, 16);
            if (digit < 0 || (b[at] & 0x80) != 0) {
                throw fail(backslash, "invalid escape '\\u' in string");
            }
            unit = unit * 16 + digit;
        }
        pos = backslash + 6;
        return unit;
    }

    private NetlistException unpaired(int backslash) {
        String written = new String(b, backslash, 6, StandardCharsets.US_ASCII);
        return fail(backslash, "unpaired surrogate '" + written + "' in string");
    }

    private void skipWhitespace() {
        while (pos < b.length) {
            byte c = b[pos];
            if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
                return;
            }
            pos++;
        }
    }

    private int peek() {
        return pos < b.length ? b[pos] & 0xFF : -1;
    }

    private NetlistException unexpected(int at) {
        return fail(at, "unexpected character " + shownChar(b, at));
    }

    private NetlistException fail(int at, String detail) {
        return error(b, at, detail);
    }

    private static NetlistException error(byte[] input, int at, String detail) {
        int line = 1;
        int column = 1;
        for (int i = 0; i < at; i++) {
            if (input[i] == '\n') {
                line++;
                column = 1;
            } else if ((input[i] & 0xC0) != 0x80) {
                // Continuation bytes belong to the character before them: columns count characters.
                column++;
            }
        }
        return new NetlistException(line + ":" + column + ": " + detail);
    }

    /** A character as messages show it: {@code 'C'}, or {@code U+XXXX} for the ones that cannot be seen. */
    private static String shownChar(byte[] b, int at) {
        int code = codePointAt(b, at);
        if (invisible(code)) {
            return String.format(Locale.ROOT, "U+%04X", code);
        }
        return "'" + new String(Character.toChars(code)) + "'";
    }

    private static boolean invisible(int code) {
        return code <= 0x20 || code >= 0x7F && code <= 0xA0 || code == 0xAD || code >= 0x2000 && code <= 0x200F
                || code >= 0x2028 && code <= 0x202F || code >= 0x205F && code <= 0x206F || code == 0x3000
                || code == 0xFEFF;
    }

    /** The code point of the valid UTF-8 sequence at {@code at}. */
    private static int codePointAt(byte[] b, int at) {
        int c = b[at] & 0xFF;
        if (c < 0x80) {
            return c;
        }
        int width = c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
        int code = c & (0x7F >> width);
        for (int k = 1; k < width; k++) {
            code = code << 6 | b[at + k] & 0x3F;
        }
        return code;
    }

    private static boolean isAsciiLetter(int c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z';
    }

    /**
     * Bytes that continue a number token: the token is read whole, then checked against the
     * grammar, so {@code 01}, {@code 1.} and {@code 1x} are each one invalid number.
     */
    private static boolean isNumberByte(byte c) {
        return isAsciiLetter(c) || c >= '0' && c <= '9' || c == '+' || c == '-' || c == '.';
    }

    private static boolean isDigit(byte[] s, int i, int end) {
        return i < end && s[i] >= '0' && s[i] <= '9';
    }

    /** RFC 8259: {@code -? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?}. */
    private static boolean validNumber(byte[] s, int start, int end) {
        int i = start;
        if (i < end && s[i] == '-') {
            i++;
        }
        if (i < end && s[i] == '0') {
            i++;
        } else if (i < end && s[i] >= '1' && s[i] <= '9') {
            while (isDigit(s, i, end)) {
                i++;
            }
        } else {
            return false;
        }
        if (i < end && s[i] == '.') {
            i++;
            int digits = i;
            while (isDigit(s, i, end)) {
                i++;
            }
            if (i == digits) {
                return false;
            }
        }
        if (i < end && (s[i] == 'e' || s[i] == 'E')) {
            i++;
            if (i < end && (s[i] == '+' || s[i] == '-')) {
                i++;
            }
            int digits = i;
            while (isDigit(s, i, end)) {
                i++;
            }
            if (i == digits) {
                return false;
            }
        }
        return i == end;
    }

    /**
     * The integer a valid number token denotes if it is one of at most 18 significant digits, else
     * {@link Long#MIN_VALUE}.
     */
    static long integerValue(String s) {
        boolean negative = s.startsWith("-");
        int i = negative ? 1 : 0;
        StringBuilder digits = new StringBuilder();
        long scale = 0;
        while (i < s.length() && Character.isDigit(s.charAt(i))) {
            digits.append(s.charAt(i++));
        }
        if (i < s.length() && s.charAt(i) == '.') {
            i++;
            while (i < s.length() && Character.isDigit(s.charAt(i))) {
                digits.append(s.charAt(i++));
                scale--;
            }
        }
        if (i < s.length() && (s.charAt(i) == 'e' || s.charAt(i) == 'E')) {
            i++;
            boolean negativeExponent = i < s.length() && s.charAt(i) == '-';
            if (i < s.length() && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
                i++;
            }
            long exponent = 0;
            while (i < s.length() && Character.isDigit(s.charAt(i))) {
                // Saturates far beyond any digit count an input can hold, so it never overflows.
                exponent = Math.min(exponent * 10 + (s.charAt(i++) - '0'), 1_000_000_000L);
            }
            scale += negativeExponent ? -exponent : exponent;
        }
        int first = 0;
        while (first < digits.length() && digits.charAt(first) == '0') {
            first++;
        }
        if (first == digits.length()) {
            return 0;
        }
        int last = digits.length() - 1;
        while (digits.charAt(last) == '0') {
            last--;
        }
        // digits[first..last] followed by (scale + trailing zeros) zeros.
        long zeros = scale + (digits.length() - 1 - last);
        long significant = last - first + 1;
        if (zeros < 0 || significant + zeros > 18) {
            return Long.MIN_VALUE;
        }
        long value = 0;
        for (int k = first; k <= last; k++) {
            value = value * 10 + (digits.charAt(k) - '0');
        }
        for (long k = 0; k < zeros; k++) {
            value *= 10;
        }
        return negative ? -value : value;
    }

    /** Decodes the escapes of a string's content (bytes {@code start..end}), already checked by {@link #scan}. */
    static String unescape(byte[] b, int start, int end) {
        StringBuilder out = new StringBuilder(end - start);
        int i = start;
        while (i < end) {
            int plain = i;
            while (i < end && b[i] != '\\') {
                i++;
            }
            out.append(new String(b, plain, i - plain, StandardCharsets.UTF_8));
            if (i == end) {
                break;
            }
            int c = b[i + 1];
            i += 2;
            switch (c) {
                case 'b' -> out.append('\b');
                case 'f' -> out.append('\f');
                case 'n' -> out.append('\n');
                case 'r' -> out.append('\r');
                case 't' -> out.append('\t');
                case 'u' -> {
                    String hex = new String(b, i, 4, StandardCharsets.US_ASCII);
                    out.append((char) Integer.parseInt(hex, 16));
                    i += 4;
                }
                default -> out.append((char) c);
            }
        }
        return out.toString();
    }

    /**
     * The first offset that starts an invalid UTF-8 sequence, or -1: exactly Rust's
     * {@code str::from_utf8} {@code valid_up_to} (overlong forms, surrogates, code points above
     * U+10FFFF, stray continuation bytes and truncated sequences are invalid).
     */
    static int firstInvalidUtf8(byte[] b) {
        int i = 0;
        int len = b.length;
        while (i < len) {
            int c = b[i] & 0xFF;
            if (c < 0x80) {
                i++;
                continue;
            }
            int width;
            int lo = 0x80;
            int hi = 0xBF;
            if (c >= 0xC2 && c <= 0xDF) {
                width = 2;
            } else if (c >= 0xE0 && c <= 0xEF) {
                width = 3;
                if (c == 0xE0) {
                    lo = 0xA0;
                } else if (c == 0xED) {
                    hi = 0x9F;
                }
            } else if (c >= 0xF0 && c <= 0xF4) {
                width = 4;
                if (c == 0xF0) {
                    lo = 0x90;
                } else if (c == 0xF4) {
                    hi = 0x8F;
                }
            } else {
                return i;
            }
            if (i + 1 >= len || (b[i + 1] & 0xFF) < lo || (b[i + 1] & 0xFF) > hi) {
                return i;
            }
            for (int k = 2; k < width; k++) {
                if (i + k >= len || (b[i + k] & 0xC0) != 0x80) {
                    return i;
                }
            }
            i += width;
        }
        return -1;
    }
}
