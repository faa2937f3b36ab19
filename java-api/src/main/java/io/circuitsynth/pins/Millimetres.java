package io.circuitsynth.pins;

/**
 * Decimal millimetre text to IU exactly as the {@code symbol-cache} specification reads it:
 * {@code [+-]?[0-9]+(\.[0-9]+)?}, more than four fraction digits rounded half away from zero on the
 * text itself; {@link #INVALID} for anything else or a value outside {@code int}.
 */
final class Millimetres {
    static final long INVALID = Long.MIN_VALUE;

    private Millimetres() {}

    static long toIu(String text) {
        int i = 0;
        int n = text.length();
        boolean negative = false;
        if (i < n && (text.charAt(i) == '-' || text.charAt(i) == '+')) {
            negative = text.charAt(i) == '-';
            i++;
        }
        int dot = text.indexOf('.', i);
        int wholeEnd = dot < 0 ? n : dot;
        if (!digits(text, i, wholeEnd) || (dot >= 0 && !digits(text, dot + 1, n))) {
            return INVALID;
        }
        long magnitude = 0;
        for (int k = i; k < wholeEnd; k++) {
            magnitude = magnitude * 10 + (text.charAt(k) - '0');
            if (magnitude > Integer.MAX_VALUE) {
                return INVALID;
            }
        }
        int fracStart = dot < 0 ? n : dot + 1;
        for (int k = 0; k < 4; k++) {
            int at = fracStart + k;
            magnitude = magnitude * 10 + (at < n ? text.charAt(at) - '0' : 0);
        }
        if (fracStart + 4 < n && text.charAt(fracStart + 4) >= '5') {
            magnitude++;
        }
        long signed = negative ? -magnitude : magnitude;
        return Bounds.fits(signed) ? signed : INVALID;
    }

    private static boolean digits(String s, int from, int to) {
        if (from >= to) {
            return false;
        }
        for (int k = from; k < to; k++) {
            char c = s.charAt(k);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }
}
