package io.circuitsynth.netlist;

import java.util.Comparator;

/**
 * KiCad's {@code StrNumCmp} (specification section 3.2): digit runs compare as numbers, so
 * {@code D9} sorts before {@code D10}. Also the plain code-point order the specification uses
 * elsewhere, which {@link String#compareTo} is not (it compares UTF-16 units).
 */
public final class StrNumCmp {
    private StrNumCmp() {}

    /** Case-sensitive, ties by code points: the order of nets. */
    public static final Comparator<String> NETS = (a, b) -> compareTotal(a, b, false);

    /** Ignoring ASCII case, ties by code points: the order of references and pin numbers. */
    public static final Comparator<String> IGNORING_CASE = (a, b) -> compareTotal(a, b, true);

    /** Plain code-point order. */
    public static final Comparator<String> CODE_POINTS = StrNumCmp::compareCodePoints;

    /**
     * Compares by code point, except that two digit runs met at the same time compare as
     * (32-bit, wrapping, unsigned) numbers; {@code ignoreCase} upper-cases ASCII letters only.
     */
    public static int compare(String a, String b, boolean ignoreCase) {
        int n = a.length();
        int m = b.length();
        // Sorted names share long prefixes ("/ch12/", "Net-(R12"): skip the identical characters
        // at once, backing up to the start of a digit run the difference falls in, which must be
        // read whole.
        int same = 0;
        int limit = Math.min(n, m);
        while (same < limit && a.charAt(same) == b.charAt(same)) {
            same++;
        }
        while (same > 0 && isDigit(a.charAt(same - 1))) {
            same--;
        }
        int i = same;
        int j = same;
        while (i < n && j < m) {
            char x = a.charAt(i);
            char y = b.charAt(j);
            if (isDigit(x) && isDigit(y)) {
                int vx = 0;
                while (i < n && isDigit(a.charAt(i))) {
                    vx = vx * 10 + (a.charAt(i++) - '0');
                }
                int vy = 0;
                while (j < m && isDigit(b.charAt(j))) {
                    vy = vy * 10 + (b.charAt(j++) - '0');
                }
                int c = Integer.compareUnsigned(vx, vy);
                if (c != 0) {
                    return c;
                }
                continue;
            }
            int cx = a.codePointAt(i);
            int cy = b.codePointAt(j);
            if (ignoreCase) {
                cx = asciiUpper(cx);
                cy = asciiUpper(cy);
            }
            if (cx != cy) {
                return cx < cy ? -1 : 1;
            }
            i += Character.charCount(cx);
            j += Character.charCount(cy);
        }
        return Integer.compare(i < n ? 1 : 0, j < m ? 1 : 0);
    }

    /** {@link #compare}, ties broken by code points, so sorting is total. */
    public static int compareTotal(String a, String b, boolean ignoreCase) {
        int c = compare(a, b, ignoreCase);
        return c != 0 ? c : compareCodePoints(a, b);
    }

    /** Code-point order (the order of UTF-8 bytes), unlike {@link String#compareTo}. */
    public static int compareCodePoints(String a, String b) {
        int n = Math.min(a.length(), b.length());
        for (int i = 0; i < n; i++) {
            char x = a.charAt(i);
            char y = b.charAt(i);
            if (x != y) {
                // Surrogates (high halves of supplementary code points) sort after every BMP
                // character in code-point order, though U+E000..U+FFFF are above them in UTF-16.
                boolean sx = Character.isSurrogate(x);
                boolean sy = Character.isSurrogate(y);
                if (sx != sy) {
                    return sx ? 1 : -1;
                }
                return x < y ? -1 : 1;
            }
        }
        return Integer.compare(a.length(), b.length());
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static int asciiUpper(int c) {
        return c >= 'a' && c <= 'z' ? c - 32 : c;
    }

    /** {@code s} with ASCII letters upper-cased and everything else kept (unlike {@code toUpperCase}). */
    static String asciiUpper(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= 'a' && c <= 'z') {
                char[] chars = s.toCharArray();
                for (int k = i; k < chars.length; k++) {
                    if (chars[k] >= 'a' && chars[k] <= 'z') {
                        chars[k] -= 32;
                    }
                }
                return new String(chars);
            }
        }
        return s;
    }
}
