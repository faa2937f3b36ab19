package io.circuitsynth.io.internal;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.ReadableByteChannel;

/**
 * XXH64 (Yann Collet's xxHash, 64-bit variant) over a byte array or a buffer, reading eight
 * bytes at a time through little-endian views. Not part of the API.
 */
public final class Xxh64 {
    private static final long P1 = 0x9E3779B185EBCA87L;
    private static final long P2 = 0xC2B2AE3D27D4EB4FL;
    private static final long P3 = 0x165667B19E3779F9L;
    private static final long P4 = 0x85EBCA77C2B2AE63L;
    private static final long P5 = 0x27D4EB2F165667C5L;

    private static final VarHandle ARRAY_LONG =
            MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle ARRAY_INT =
            MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle BUFFER_LONG =
            MethodHandles.byteBufferViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle BUFFER_INT =
            MethodHandles.byteBufferViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);

    private Xxh64() {}

    /** XXH64 with seed 0 of the whole array. */
    public static long hash(byte[] data) {
        return hash(data, 0, data.length, 0L);
    }

    public static long hash(byte[] b, int off, int len, long seed) {
        int end = off + len;
        int p = off;
        long h;
        if (len >= 32) {
            long v1 = seed + P1 + P2;
            long v2 = seed + P2;
            long v3 = seed;
            long v4 = seed - P1;
            int limit = end - 32;
            do {
                v1 = round(v1, (long) ARRAY_LONG.get(b, p));
                v2 = round(v2, (long) ARRAY_LONG.get(b, p + 8));
                v3 = round(v3, (long) ARRAY_LONG.get(b, p + 16));
                v4 = round(v4, (long) ARRAY_LONG.get(b, p + 24));
                p += 32;
            } while (p <= limit);
            h = converge(v1, v2, v3, v4);
        } else {
            h = seed + P5;
        }
        return tail(h + len, b, p, end);
    }

    /**
     * XXH64 with seed 0 of everything {@code ch} still has to read, streamed through {@code
     * buffer} (a multiple of 32 bytes long, reused by the caller across files). Nothing is
     * memory-mapped, so the file can be replaced or deleted right after, on every OS.
     */
    public static long hash(ReadableByteChannel ch, byte[] buffer) throws IOException {
        if (buffer.length < 32 || buffer.length % 32 != 0) {
            throw new IllegalArgumentException("buffer length must be a positive multiple of 32: " + buffer.length);
        }
        long v1 = P1 + P2;
        long v2 = P2;
        long v3 = 0;
        long v4 = -P1;
        long total = 0;
        while (true) {
            int n = fill(ch, buffer);
            total += n;
            // A full buffer may not be the last one: hash its stripes and read on.
            int stripes = n == buffer.length ? n : n & ~31;
            for (int p = 0; p < stripes; p += 32) {
                v1 = round(v1, (long) ARRAY_LONG.get(buffer, p));
                v2 = round(v2, (long) ARRAY_LONG.get(buffer, p + 8));
                v3 = round(v3, (long) ARRAY_LONG.get(buffer, p + 16));
                v4 = round(v4, (long) ARRAY_LONG.get(buffer, p + 24));
            }
            if (n < buffer.length) {
                long h = total >= 32 ? converge(v1, v2, v3, v4) : P5;
                return tail(h + total, buffer, stripes, n);
            }
        }
    }

    private static int fill(ReadableByteChannel ch, byte[] buffer) throws IOException {
        ByteBuffer buf = ByteBuffer.wrap(buffer);
        while (buf.hasRemaining() && ch.read(buf) >= 0) {
            // A read may return fewer bytes than asked for; keep going until full or at the end.
        }
        return buf.position();
    }

    private static long tail(long h, byte[] b, int p, int end) {
        while (p + 8 <= end) {
            h ^= round(0, (long) ARRAY_LONG.get(b, p));
            h = Long.rotateLeft(h, 27) * P1 + P4;
            p += 8;
        }
        if (p + 4 <= end) {
            h ^= ((int) ARRAY_INT.get(b, p) & 0xFFFFFFFFL) * P1;
            h = Long.rotateLeft(h, 23) * P2 + P3;
            p += 4;
        }
        while (p < end) {
            h ^= (b[p] & 0xFFL) * P5;
            h = Long.rotateLeft(h, 11) * P1;
            p++;
        }
        return avalanche(h);
    }

    /** XXH64 with seed 0 of the buffer's remaining bytes (heap or direct, e.g. a mapped file). */
    public static long hash(ByteBuffer buf) {
        int p = buf.position();
        int end = buf.limit();
        int len = end - p;
        long h;
        if (len >= 32) {
            long v1 = P1 + P2;
            long v2 = P2;
            long v3 = 0;
            long v4 = -P1;
            int limit = end - 32;
            do {
                v1 = round(v1, (long) BUFFER_LONG.get(buf, p));
                v2 = round(v2, (long) BUFFER_LONG.get(buf, p + 8));
                v3 = round(v3, (long) BUFFER_LONG.get(buf, p + 16));
                v4 = round(v4, (long) BUFFER_LONG.get(buf, p + 24));
                p += 32;
            } while (p <= limit);
            h = converge(v1, v2, v3, v4);
        } else {
            h = P5;
        }
        return tail(h + len, buf, p, end);
    }

    /** The last 0..31 bytes, and the final mix. */
    private static long tail(long h, ByteBuffer buf, int p, int end) {
        while (p + 8 <= end) {
            h ^= round(0, (long) BUFFER_LONG.get(buf, p));
            h = Long.rotateLeft(h, 27) * P1 + P4;
            p += 8;
        }
        if (p + 4 <= end) {
            h ^= ((int) BUFFER_INT.get(buf, p) & 0xFFFFFFFFL) * P1;
            h = Long.rotateLeft(h, 23) * P2 + P3;
            p += 4;
        }
        while (p < end) {
            h ^= (buf.get(p) & 0xFFL) * P5;
            h = Long.rotateLeft(h, 11) * P1;
            p++;
        }
        return avalanche(h);
    }

    private static long round(long acc, long input) {
        return Long.rotateLeft(acc + input * P2, 31) * P1;
    }

    private static long merge(long h, long v) {
        return (h ^ round(0, v)) * P1 + P4;
    }

    private static long converge(long v1, long v2, long v3, long v4) {
        long h = Long.rotateLeft(v1, 1) + Long.rotateLeft(v2, 7) + Long.rotateLeft(v3, 12) + Long.rotateLeft(v4, 18);
        h = merge(h, v1);
        h = merge(h, v2);
        h = merge(h, v3);
        return merge(h, v4);
    }

    private static long avalanche(long h) {
        h ^= h >>> 33;
        h *= P2;
        h ^= h >>> 29;
        h *= P3;
        return h ^ (h >>> 32);
    }
}
