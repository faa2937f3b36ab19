package io.circuitsynth.netlist;

import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;

/**
 * JSON text out: string escaping, JSON paths for messages and origins, and the canonical layout of
 * circuit JSON (specification section 5, "Writing"). The Rust twin is {@code json_text}.
 */
final class JsonText {
    private JsonText() {}

    /**
     * {@code s} as a JSON string with its quotes: {@code "} {@code \} and the controls escaped
     * ({@code \n \r \t \b \f}, else a backslash, {@code u} and four lower-case hex digits),
     * everything else kept, non-ASCII included.
     */
    static String quote(String s) {
        StringBuilder out = new StringBuilder(s.length() + 2);
        appendQuoted(out, s);
        return out.toString();
    }

    /**
     * {@code s} as messages show a name without quotes: its control characters escaped as in a
     * JSON string (and nothing else), so that a message is always one line.
     */
    static String plain(String s) {
        StringBuilder out = new StringBuilder(s.length());
        appendEscaped(out, s, false);
        return out.toString();
    }

    private static void appendQuoted(StringBuilder out, String s) {
        out.append('"');
        appendEscaped(out, s, true);
        out.append('"');
    }

    /** Escapes the controls, and {@code "} and {@code \} when {@code quotes}. */
    private static void appendEscaped(StringBuilder out, String s, boolean quotes) {
        int plain = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            String escape;
            switch (c) {
                case '"' -> escape = quotes ? "\\\"" : null;
                case '\\' -> escape = quotes ? "\\\\" : null;
                case '\n' -> escape = "\\n";
                case '\r' -> escape = "\\r";
                case '\t' -> escape = "\\t";
                case '\b' -> escape = "\\b";
                case '\f' -> escape = "\\f";
                default -> escape = c < 0x20 ? String.format(Locale.ROOT, "\\u%04x", (int) c) : null;
            }
            if (escape != null) {
                out.append(s, plain, i).append(escape);
                plain = i + 1;
            }
        }
        out.append(s, plain, s.length());
    }

    /**
     * The path of member {@code key} of the value at {@code parent}: {@code .key} for
     * identifier-like keys, else {@code ["key"]}.
     */
    static String memberPath(String parent, String key) {
        boolean identifier = !key.isEmpty();
        for (int i = 0; i < key.length() && identifier; i++) {
            char c = key.charAt(i);
            identifier = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_' || i > 0 && c >= '0' && c <= '9';
        }
        return identifier ? parent + "." + key : parent + "[" + quote(key) + "]";
    }

    /** The path of element {@code index} of the array at {@code parent}. */
    static String indexPath(String parent, int index) {
        return parent + "[" + index + "]";
    }

    /**
     * A writer of the canonical layout: 2-space indentation, one member or element per line,
     * {@code ": "} after names, {@code {}} and {@code []} when empty.
     */
    static final class Out {
        private final StringBuilder out = new StringBuilder();
        /** Per open container: whether it has an item yet. */
        private final Deque<boolean[]> open = new ArrayDeque<>();

        /** Starts an element of the innermost array (or the top-level value). */
        private void item() {
            boolean[] hasItems = open.peek();
            if (hasItems != null) {
                out.append(hasItems[0] ? ",\n" : "\n");
                hasItems[0] = true;
                indent();
            }
        }

        private void indent() {
            for (int i = 0; i < open.size(); i++) {
                out.append("  ");
            }
        }

        /** Starts a member of the innermost object; its value follows. */
        Out name(String name) {
            item();
            appendQuoted(out, name);
            out.append(": ");
            return this;
        }

        /** Starts an array element; its value follows. */
        Out element() {
            item();
            return this;
        }

        void beginObject() {
            out.append('{');
            open.push(new boolean[1]);
        }

        void beginArray() {
            out.append('[');
            open.push(new boolean[1]);
        }

        void endObject() {
            end('}');
        }

        void endArray() {
            end(']');
        }

        private void end(char close) {
            boolean hadItems = open.pop()[0];
            if (hadItems) {
                out.append('\n');
                indent();
            }
            out.append(close);
        }

        void string(String s) {
            appendQuoted(out, s);
        }

        void integer(long n) {
            out.append(n);
        }

        void bool(boolean b) {
            out.append(b);
        }

        /** The text with its final LF. */
        byte[] finish() {
            out.append('\n');
            return out.toString().getBytes(StandardCharsets.UTF_8);
        }
    }
}
