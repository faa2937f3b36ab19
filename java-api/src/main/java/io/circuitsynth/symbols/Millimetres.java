package io.circuitsynth.symbols;

import java.nio.charset.StandardCharsets;

/**
 * Decimal millimetre text to integer internal units (1 IU = 100 nm), exactly as the specification
 * reads it: optional sign, digits, optional point and digits, no exponent; more than four fraction
 * digits round half away from zero on the decimal text itself, never through a binary double.
 */
final class Millimetres {
    /** Returned for text that is not such a number, or whose value does not fit an {@code int}. */
    static final long INVALID = Long.MIN_VALUE;
    private static final int FRACTION_DIGITS = 4;

    private Millimetres() {}

    static long toIu(String text) {
        // Anything outside ASCII is invalid anyway; '?' keeps it so.
        byte[] b = text.getBytes(StandardCharsets.US_ASCII);
        return toIu(b, 0, b.length);
    }

    /** {@link #toIu(String)} straight from source bytes, without making a string. */
    static long toIu(byte[] text, int from, int to) {
        int i = from;
        boolean negative = false;
        if (i < to && (text[i] == '-' || text[i] == '+')) {
            negative = text[i] == '-';
            i++;
        }
        int intStart = i;
        long whole = 0;
        while (i < to && isDigit(text[i])) {
            whole = whole * 10 + (text[i] - '0');
            if (whole > Integer.MAX_VALUE) {
                return INVALID;
            }
            i++;
        }
        if (i == intStart) {
            return INVALID;
        }
        long fraction = 0;
        boolean roundUp = false;
        if (i < to && text[i] == '.') {
            i++;
            int fracStart = i;
            while (i < to && isDigit(text[i])) {
                int digit = text[i] - '0';
                int position = i - fracStart;
                if (position < FRACTION_DIGITS) {
                    fraction = fraction * 10 + digit;
                } else if (position == FRACTION_DIGITS) {
                    roundUp = digit >= 5;
                }
                i++;
            }
            if (i == fracStart) {
                return INVALID;
            }
            for (int pad = Math.min(i - fracStart, FRACTION_DIGITS); pad < FRACTION_DIGITS; pad++) {
                fraction *= 10;
            }
        }
        if (i != to) {
            return INVALID;
        }
        long magnitude = whole * 10_000 + fraction + (roundUp ? 1 : 0);
        long value = negative ? -magnitude : magnitude;
        return value < Integer.MIN_VALUE || value > Integer.MAX_VALUE ? INVALID : value;
    }

    private static boolean isDigit(byte c) {
        return c >= '0' && c <= '9';
    }
}
