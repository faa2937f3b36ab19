package io.circuitsynth.io;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * The encoding check that precedes parsing. Accepts exactly what Rust's {@code str::from_utf8}
 * accepts, so both engines report an encoding error at the same offset.
 */
final class Utf8 {
    private static final VarHandle LONGS =
            MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long HIGH_BITS = 0x8080808080808080L;
    private static final long LOW_BITS = 0x0101010101010101L;

    private Utf8() {}

    /**
     * The first offset holding a NUL byte or starting an invalid UTF-8 sequence, or -1. The error
     * is the sequence's first byte, like Rust's {@code Utf8Error::valid_up_to}.
     */
    static int firstBadOffset(byte[] b, int len) {
        int i = 0;
        while (i < len) {
            // Files are mostly ASCII: skip 16 bytes at once while none is NUL or above 0x7F.
            while (i + 16 <= len) {
                long v = (long) LONGS.get(b, i);
                long w = (long) LONGS.get(b, i + 8);
                long zero = ((v - LOW_BITS) & ~v) | ((w - LOW_BITS) & ~w);
                if (((v | w | zero) & HIGH_BITS) != 0) {
                    break;
                }
                i += 16;
            }
            if (i >= len) {
                break;
            }
            int c = b[i] & 0xFF;
            if (c < 0x80) {
                if (c == 0) {
                    return i;
                }
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
            if (i + 1 >= len) {
                return i;
            }
            int c1 = b[i + 1] & 0xFF;
            if (c1 < lo || c1 > hi) {
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

    /** Length of the UTF-8 sequence starting with {@code lead}, for valid input. */
    static int sequenceLength(byte lead) {
        int c = lead & 0xFF;
        if (c < 0x80) {
            return 1;
        }
        if (c < 0xE0) {
            return 2;
        }
        return c < 0xF0 ? 3 : 4;
    }
}
