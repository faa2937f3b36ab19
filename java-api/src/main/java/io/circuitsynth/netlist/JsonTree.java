package io.circuitsynth.netlist;

import java.nio.charset.StandardCharsets;

/**
 * A syntactically valid JSON text as a flat pre-order table of values, as {@link JsonScanner}
 * builds it. Node 0 is the top-level value; an object's children are pairs: the member name (a
 * string node), then its value. The Rust twin is {@code json_scan::JsonTree}.
 */
final class JsonTree {
    static final int OBJECT = 0;
    static final int ARRAY = 1;
    static final int STRING = 2;
    static final int NUMBER = 3;
    static final int TRUE = 4;
    static final int FALSE = 5;
    static final int NULL = 6;

    /** Set on a string node's kind when its source holds at least one backslash escape. */
    static final int ESCAPED = 0x100;

    private final byte[] source;
    /** Stride 4: kind (with {@link #ESCAPED}), start, end, next (one past the last descendant). */
    private final int[] nodes;
    private final int size;

    JsonTree(byte[] source, int[] nodes, int size) {
        this.source = source;
        this.nodes = nodes;
        this.size = size;
    }

    int size() {
        return size;
    }

    int kind(int node) {
        return nodes[4 * node] & 0xFF;
    }

    /** One past the last descendant of {@code node}: the index of its next sibling. */
    int next(int node) {
        return nodes[4 * node + 3];
    }

    /** The value's name in messages: {@code string number boolean null object array}. */
    String typeName(int node) {
        return switch (kind(node)) {
            case OBJECT -> "object";
            case ARRAY -> "array";
            case STRING -> "string";
            case NUMBER -> "number";
            case TRUE, FALSE -> "boolean";
            default -> "null";
        };
    }

    /** The value's source text, exactly as written. */
    String source(int node) {
        int start = nodes[4 * node + 1];
        return new String(source, start, nodes[4 * node + 2] - start, StandardCharsets.UTF_8);
    }

    /** A string node's decoded value. */
    String string(int node) {
        int start = nodes[4 * node + 1] + 1;
        int end = nodes[4 * node + 2] - 1;
        if ((nodes[4 * node] & ESCAPED) == 0) {
            return new String(source, start, end - start, StandardCharsets.UTF_8);
        }
        return JsonScanner.unescape(source, start, end);
    }

    /** The first member node of an object (a name; its value follows), or {@link #next}. */
    int firstChild(int node) {
        return node + 1;
    }

    /** The value of the member called {@code name}, or -1. */
    int member(int object, String name) {
        for (int key = object + 1; key < next(object); key = next(key + 1)) {
            if (string(key).equals(name)) {
                return key + 1;
            }
        }
        return -1;
    }

    /**
     * A number node's value when it is a mathematical integer of at most 18 digits, whatever its
     * notation ({@code 1}, {@code 1.0}, {@code 10e-1}); {@link Long#MIN_VALUE} otherwise.
     */
    long integer(int node) {
        return JsonScanner.integerValue(source(node));
    }
}
