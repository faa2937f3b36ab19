package io.circuitsynth.testing;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Byte-for-byte comparison of whole files. On a difference the message shows where (line,
 * column, offset) and the bytes around it, instead of a diff of megabytes.
 */
public final class ByteAsserts {
    private ByteAsserts() {}

    public static void assertSameBytes(byte[] actual, byte[] expected, String what) {
        int at = Arrays.mismatch(actual, expected);
        if (at < 0) {
            return;
        }
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < at && i < expected.length; i++) {
            if (expected[i] == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        throw new AssertionError(String.format("%s: bytes differ at offset %d (line %d, byte %d of the line); "
                        + "lengths %d (actual) and %d (expected)%n  expected: %s%n  actual:   %s",
                what, at, line, at - lineStart + 1, actual.length, expected.length,
                context(expected, at), context(actual, at)));
    }

    private static String context(byte[] bytes, int at) {
        int from = Math.max(0, at - 40);
        int to = Math.min(bytes.length, at + 40);
        String text = from >= to ? "" : new String(bytes, from, to - from, StandardCharsets.UTF_8);
        return "\"" + text.replace("\\", "\\\\").replace("\n", "\\n").replace("\t", "\\t") + "\"";
    }
}
