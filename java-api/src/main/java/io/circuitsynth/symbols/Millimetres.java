package io.circuitsynth.symbols;

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
        int n = text.length();
        int i = 0;
        boolean negative = false;
        if (i < n && (text.charAt(i) == '-' || text.charAt(i) == '+')) {
            negative = text.charAt(i) == '-';
            i++;
        }
        int intStart = i;
        long whole = 0;
        while (i < n && isDigit(text.charAt(i))) {
            whole = whole * 10 + (text.charAt(i) - '0');
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
        if (i < n && text.charAt(i) == '.') {
            i++;
            int fracStart = i;
            while (i < n && isDigit(text.charAt(i))) {
                int digit = text.charAt(i) - '0';
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
        if (i != n) {
            return INVALID;
        }
        long magnitude = whole * 10_000 + fraction + (roundUp ? 1 : 0);
        long value = negative ? -magnitude : magnitude;
        return value < Integer.MIN_VALUE || value > Integer.MAX_VALUE ? INVALID : value;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
