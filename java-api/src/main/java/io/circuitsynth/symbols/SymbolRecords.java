package io.circuitsynth.symbols;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeMap;

/**
 * The specification's binary symbol record ({@code conformance/symbols/README.md}): how the native
 * engine hands symbols to Java, how the persistent cache stores them, and what engine equivalence
 * is checked on. Little-endian; {@code str} is a {@code u32} byte length and UTF-8.
 *
 * <p>Internal-use class, public only for {@code io.circuitsynth.natives}; not part of the supported API.
 */
public final class SymbolRecords {
    private SymbolRecords() {}

    /** Thrown for bytes that are not a well-formed record. */
    public static final class MalformedRecordException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        MalformedRecordException(String message) {
            super(message);
        }
    }

    /** The record of {@code symbol}. */
    public static byte[] encode(Symbol symbol) {
        Out out = new Out(256);
        encode(symbol, out);
        return out.toByteArray();
    }

    static void encode(Symbol s, Out out) {
        out.str(s.name());
        out.str(s.extendsName());
        out.u8(s.flags());
        out.i32(s.pinNameOffset());
        out.i32(s.unitCount());
        out.i32(s.bodyStyleCount());
        out.i32(s.unitNames().size());
        s.unitNames().forEach((unit, name) -> {
            out.i32(unit);
            out.str(name);
        });
        out.i32(s.properties().size());
        for (SymbolProperty p : s.properties()) {
            out.str(p.key());
            out.str(p.value());
            out.u8(p.hidden() ? 1 : 0);
        }
        out.i32(s.pins().size());
        for (SymbolPin p : s.pins()) {
            out.str(p.number());
            out.str(p.name());
            out.u8(p.type().ordinal());
            out.u8(p.style().ordinal());
            out.i32(p.x());
            out.i32(p.y());
            out.u16(p.rotation());
            out.i32(p.length());
            out.i32(p.unit());
            out.i32(p.bodyStyle());
            out.u8(p.hidden() ? 1 : 0);
            out.i32(p.alternates().size());
            for (SymbolPin.Alternate a : p.alternates()) {
                out.str(a.name());
                out.u8(a.type().ordinal());
                out.u8(a.style().ordinal());
            }
        }
        out.i32(s.graphics().size());
        for (Symbol.Graphic g : s.graphics()) {
            if (g.text() != null) {
                out.u8(1);
                out.str(g.text());
            } else {
                out.u8(0);
                out.i64(g.offset());
                out.i64(g.length());
            }
        }
    }

    /**
     * Decodes one record of library {@code source}, which must span all of {@code record}.
     *
     * @throws MalformedRecordException if the bytes are not exactly one record
     */
    public static Symbol decode(LibrarySource source, byte[] record) {
        return decode(source, record, 0, record.length);
    }

    static Symbol decode(LibrarySource source, byte[] buf, int from, int to) {
        In in = new In(buf, from, to);
        String name = in.str();
        String extendsName = in.str();
        int flags = in.u8();
        if (flags > 63) {
            throw new MalformedRecordException("unknown flag bits " + flags);
        }
        int pinNameOffset = in.i32();
        int unitCount = in.count();
        int bodyStyleCount = in.count();
        int n = in.count();
        TreeMap<Integer, String> unitNames = new TreeMap<>();
        for (int i = 0; i < n; i++) {
            unitNames.put(in.count(), in.str());
        }
        n = in.count();
        List<SymbolProperty> properties = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            properties.add(new SymbolProperty(in.str(), in.str(), in.bool()));
        }
        n = in.count();
        List<SymbolPin> pins = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            String number = in.str();
            String pinName = in.str();
            ElectricalType type = in.type();
            PinStyle style = in.style();
            int x = in.i32();
            int y = in.i32();
            int rotation = in.u16();
            int length = in.i32();
            int unit = in.count();
            int body = in.count();
            boolean hidden = in.bool();
            int alternates = in.count();
            List<SymbolPin.Alternate> alts = alternates == 0 ? List.of() : new ArrayList<>(alternates);
            for (int a = 0; a < alternates; a++) {
                alts.add(new SymbolPin.Alternate(in.str(), in.type(), in.style()));
            }
            pins.add(new SymbolPin(number, pinName, type, style, x, y, rotation, length, unit, body, hidden, alts));
        }
        n = in.count();
        List<Symbol.Graphic> graphics = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            int kind = in.u8();
            if (kind == 0) {
                long offset = in.i64();
                long length = in.i64();
                if (offset < 0 || length < 0 || length > Integer.MAX_VALUE) {
                    throw new MalformedRecordException("graphic range " + offset + "+" + length + " out of range");
                }
                graphics.add(new Symbol.Graphic(offset, length, null));
            } else if (kind == 1) {
                graphics.add(new Symbol.Graphic(0, 0, in.str()));
            } else {
                throw new MalformedRecordException("unknown graphic kind " + kind);
            }
        }
        if (in.pos != to) {
            throw new MalformedRecordException((to - in.pos) + " bytes after the record");
        }
        return new Symbol(source.nickname(), name, extendsName, flags, pinNameOffset, unitCount, bodyStyleCount,
                unitNames, properties, pins, graphics, source);
    }

    /**
     * Checks that {@code buf[from, to)} starts with a well-formed record without building it, the
     * way the Rust engine's {@code validate_prefix} does (same checks, same texts); returns the
     * record's length. Faults read {@code REASON at byte OFFSET}, the offset counted from {@code from}.
     */
    static int validatePrefix(byte[] buf, int from, int to) {
        Check c = new Check(buf, from, to);
        c.str();
        c.str();
        if (c.u8() > 63) {
            throw c.fail("unknown flag bits");
        }
        c.take(12);
        for (long n = c.count(8); n > 0; n--) {
            c.take(4);
            c.str();
        }
        for (long n = c.count(9); n > 0; n--) {
            c.str();
            c.str();
            c.bool();
        }
        for (long n = c.count(36); n > 0; n--) {
            c.str();
            c.str();
            c.type();
            c.style();
            c.take(22);
            c.bool();
            for (long a = c.count(6); a > 0; a--) {
                c.str();
                c.type();
                c.style();
            }
        }
        for (long n = c.count(5); n > 0; n--) {
            int kind = c.u8();
            if (kind == 0) {
                long start = c.u64();
                long length = c.u64();
                if (Long.compareUnsigned(start + length, start) < 0) {
                    throw c.fail("a byte range overflows");
                }
            } else if (kind == 1) {
                c.str();
            } else {
                throw c.fail("unknown graphic kind");
            }
        }
        return c.at - from;
    }

    /** Whether the record at {@code buf[from..]} is of a derived symbol; the record must be valid. */
    static boolean isDerived(byte[] buf, int from) {
        int nameLength = (buf[from] & 0xFF) | (buf[from + 1] & 0xFF) << 8 | (buf[from + 2] & 0xFF) << 16
                | (buf[from + 3] & 0xFF) << 24;
        int at = from + 4 + nameLength;
        return (buf[at] | buf[at + 1] | buf[at + 2] | buf[at + 3]) != 0;
    }

    /** The structural walk behind {@link #validatePrefix}. */
    private static final class Check {
        final byte[] buf;
        final int from;
        final int end;
        int at;

        Check(byte[] buf, int from, int end) {
            this.buf = buf;
            this.from = from;
            this.end = end;
            this.at = from;
        }

        MalformedRecordException fail(String reason) {
            return new MalformedRecordException(reason + " at byte " + (at - from));
        }

        void take(long n) {
            if (n > end - at) {
                throw fail("record ends early");
            }
            at += (int) n;
        }

        int u8() {
            take(1);
            return buf[at - 1] & 0xFF;
        }

        long u32() {
            take(4);
            return (buf[at - 4] & 0xFFL) | (buf[at - 3] & 0xFFL) << 8 | (buf[at - 2] & 0xFFL) << 16
                    | (buf[at - 1] & 0xFFL) << 24;
        }

        long u64() {
            long lo = u32();
            return lo | u32() << 32;
        }

        void bool() {
            if (u8() > 1) {
                throw fail("a boolean byte is neither 0 nor 1");
            }
        }

        long count(int minEntry) {
            long n = u32();
            if (n * minEntry > end - at) {
                throw fail("a count exceeds the bytes left");
            }
            return n;
        }

        void str() {
            long len = u32();
            int start = at;
            take(len);
            if (!Utf8Check.valid(buf, start, at)) {
                throw fail("a text is not UTF-8");
            }
        }

        void type() {
            if (ElectricalType.fromIndex(u8()) == null) {
                throw fail("unknown electrical type");
            }
        }

        void style() {
            if (PinStyle.fromIndex(u8()) == null) {
                throw fail("unknown graphic style");
            }
        }
    }

    /** Reads the name at the start of a record without decoding the rest. */
    static String name(byte[] buf, int from, int to) {
        return new In(buf, from, to).str();
    }

    /** A growable little-endian byte sink. */
    static final class Out {
        private byte[] buf;
        private int size;

        Out(int capacity) {
            buf = new byte[Math.max(16, capacity)];
        }

        int size() {
            return size;
        }

        byte[] toByteArray() {
            return Arrays.copyOf(buf, size);
        }

        byte[] array() {
            return buf;
        }

        private void room(int n) {
            if (size + n > buf.length) {
                buf = Arrays.copyOf(buf, Math.max(size + n, buf.length * 2));
            }
        }

        void u8(int v) {
            room(1);
            buf[size++] = (byte) v;
        }

        void u16(int v) {
            room(2);
            buf[size++] = (byte) v;
            buf[size++] = (byte) (v >>> 8);
        }

        void i32(int v) {
            room(4);
            buf[size++] = (byte) v;
            buf[size++] = (byte) (v >>> 8);
            buf[size++] = (byte) (v >>> 16);
            buf[size++] = (byte) (v >>> 24);
        }

        void i64(long v) {
            i32((int) v);
            i32((int) (v >>> 32));
        }

        void str(String s) {
            byte[] b = s.getBytes(StandardCharsets.UTF_8);
            i32(b.length);
            bytes(b, 0, b.length);
        }

        void bytes(byte[] b, int off, int len) {
            room(len);
            System.arraycopy(b, off, buf, size, len);
            size += len;
        }

        void setI64(int at, long v) {
            for (int i = 0; i < 8; i++) {
                buf[at + i] = (byte) (v >>> (8 * i));
            }
        }
    }

    /** A bounds-checked little-endian reader; every fault is a {@link MalformedRecordException}. */
    static final class In {
        final byte[] buf;
        int pos;
        final int end;

        In(byte[] buf, int from, int to) {
            this.buf = buf;
            this.pos = from;
            this.end = to;
        }

        private void need(int n) {
            if (n < 0 || end - pos < n) {
                throw new MalformedRecordException("record ends early at byte " + pos);
            }
        }

        int u8() {
            need(1);
            return buf[pos++] & 0xFF;
        }

        boolean bool() {
            int v = u8();
            if (v > 1) {
                throw new MalformedRecordException("boolean byte " + v);
            }
            return v == 1;
        }

        int u16() {
            need(2);
            int v = (buf[pos] & 0xFF) | (buf[pos + 1] & 0xFF) << 8;
            pos += 2;
            return v;
        }

        int i32() {
            need(4);
            int v = (buf[pos] & 0xFF) | (buf[pos + 1] & 0xFF) << 8 | (buf[pos + 2] & 0xFF) << 16
                    | (buf[pos + 3] & 0xFF) << 24;
            pos += 4;
            return v;
        }

        long i64() {
            long lo = i32() & 0xFFFFFFFFL;
            long hi = i32() & 0xFFFFFFFFL;
            return lo | hi << 32;
        }

        /** A {@code u32} used as a count or index; larger than the remaining bytes is malformed. */
        int count() {
            int v = i32();
            if (v < 0) {
                throw new MalformedRecordException("count " + Integer.toUnsignedString(v) + " too large");
            }
            return v;
        }

        String str() {
            int len = count();
            need(len);
            String s = new String(buf, pos, len, StandardCharsets.UTF_8);
            pos += len;
            return s;
        }

        ElectricalType type() {
            int v = u8();
            ElectricalType t = ElectricalType.fromIndex(v);
            if (t == null) {
                throw new MalformedRecordException("pin type " + v);
            }
            return t;
        }

        PinStyle style() {
            int v = u8();
            PinStyle s = PinStyle.fromIndex(v);
            if (s == null) {
                throw new MalformedRecordException("pin style " + v);
            }
            return s;
        }
    }
}
