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

    /**
     * Appends the record of {@code s}; returns where its sections start in {@code out}: the body
     * shared with derived symbols ({@code pin_name_offset} through the unit names), its end, and the
     * pins (pins and graphics run to the record's end).
     */
    static int[] encode(Symbol s, Out out) {
        out.str(s.name());
        out.str(s.extendsName());
        out.u8(s.flags());
        int body = out.size();
        out.i32(s.pinNameOffset());
        out.i32(s.unitCount());
        out.i32(s.bodyStyleCount());
        out.i32(s.unitNames().size());
        s.unitNames().forEach((unit, name) -> {
            out.i32(unit);
            out.str(name);
        });
        int bodyEnd = out.size();
        properties(s, out);
        int pins = out.size();
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
        return new int[] {body, bodyEnd, pins, out.size()};
    }

    /**
     * Appends the record of derived symbol {@code s} whose parent's record is already in {@code
     * out} at {@code parent} (as {@link #encode} answered): the same bytes {@link #encode} would
     * write, with the inherited sections copied.
     */
    static int[] encodeDerived(Symbol s, Out out, int[] parent) {
        out.str(s.name());
        out.str(s.extendsName());
        out.u8(s.flags());
        int body = out.size();
        out.copyWithin(parent[0], parent[1] - parent[0]);
        int bodyEnd = out.size();
        properties(s, out);
        int pins = out.size();
        out.copyWithin(parent[2], parent[3] - parent[2]);
        return new int[] {body, bodyEnd, pins, out.size()};
    }

    private static void properties(Symbol s, Out out) {
        out.i32(s.properties().size());
        for (SymbolProperty p : s.properties()) {
            out.str(p.key());
            out.str(p.value());
            out.u8(p.hidden() ? 1 : 0);
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
        int unitCount = in.i32();
        int bodyStyleCount = in.i32();
        int n = in.count();
        TreeMap<Integer, String> unitNames = new TreeMap<>(Integer::compareUnsigned);
        for (int i = 0; i < n; i++) {
            unitNames.put(in.i32(), in.str());
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
            int unit = in.i32();
            int body = in.i32();
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
     * way the Rust engine's {@code record::layout} does: every fault is {@code the record is
     * malformed at byte N}, N being where the offending item starts, counted from {@code from}.
     * Returns the record's length.
     */
    static int validatePrefix(byte[] buf, int from, int to) {
        int at = from;
        at = skipStr(buf, at, to, from);
        at = skipStr(buf, at, to, from);
        if (at >= to || (buf[at] & 0xFF) > 63 || to - at < 13) {
            throw malformed(at, from);
        }
        at += 13;
        long n = u32At(buf, at, to, from);
        at += 4;
        for (; n > 0; n--) {
            if (to - at < 4) {
                throw malformed(at, from);
            }
            int entry = at;
            at = skipStrOr(buf, at + 4, to, from, entry);
        }
        n = u32At(buf, at, to, from);
        at += 4;
        for (; n > 0; n--) {
            at = skipStr(buf, at, to, from);
            at = skipStr(buf, at, to, from);
            if (at >= to || (buf[at] & 0xFF) > 1) {
                throw malformed(at, from);
            }
            at++;
        }
        n = u32At(buf, at, to, from);
        at += 4;
        for (; n > 0; n--) {
            at = skipStr(buf, at, to, from);
            at = skipStr(buf, at, to, from);
            // type, style, x, y, rotation, length, unit, body style, hidden, alternate count
            if (to - at < 29 || ElectricalType.fromIndex(buf[at] & 0xFF) == null
                    || PinStyle.fromIndex(buf[at + 1] & 0xFF) == null || (buf[at + 24] & 0xFF) > 1) {
                throw malformed(at, from);
            }
            long alternates = u32At(buf, at + 25, to, from);
            at += 29;
            for (; alternates > 0; alternates--) {
                at = skipStr(buf, at, to, from);
                if (to - at < 2 || ElectricalType.fromIndex(buf[at] & 0xFF) == null
                        || PinStyle.fromIndex(buf[at + 1] & 0xFF) == null) {
                    throw malformed(at, from);
                }
                at += 2;
            }
        }
        n = u32At(buf, at, to, from);
        at += 4;
        for (; n > 0; n--) {
            int kind = at < to ? buf[at] & 0xFF : -1;
            if (kind == 0) {
                if (to - at < 17) {
                    throw malformed(at, from);
                }
                long start = i64At(buf, at + 1);
                long length = i64At(buf, at + 9);
                if (Long.compareUnsigned(start + length, start) < 0) {
                    throw malformed(at, from);
                }
                at += 17;
            } else if (kind == 1) {
                at = skipStrOr(buf, at + 1, to, from, at);
            } else {
                throw malformed(at, from);
            }
        }
        return at - from;
    }

    private static MalformedRecordException malformed(int at, int from) {
        return new MalformedRecordException("the record is malformed at byte " + (at - from));
    }

    private static long u32At(byte[] b, int at, int to, int from) {
        if (to - at < 4) {
            throw malformed(at, from);
        }
        return (b[at] & 0xFFL) | (b[at + 1] & 0xFFL) << 8 | (b[at + 2] & 0xFFL) << 16 | (b[at + 3] & 0xFFL) << 24;
    }

    private static long i64At(byte[] b, int at) {
        long v = 0;
        for (int i = 7; i >= 0; i--) {
            v = v << 8 | (b[at + i] & 0xFFL);
        }
        return v;
    }

    /** The offset after the string at {@code at}; a fault is reported at {@code at}. */
    private static int skipStr(byte[] b, int at, int to, int from) {
        return skipStrOr(b, at, to, from, at);
    }

    /** The offset after the string at {@code at}; a fault is reported at {@code reportAt}. */
    private static int skipStrOr(byte[] b, int at, int to, int from, int reportAt) {
        if (at > to || to - at < 4) {
            throw malformed(reportAt, from);
        }
        long len = (b[at] & 0xFFL) | (b[at + 1] & 0xFFL) << 8 | (b[at + 2] & 0xFFL) << 16 | (b[at + 3] & 0xFFL) << 24;
        int start = at + 4;
        if (len > to - start || !Utf8Check.valid(b, start, start + (int) len)) {
            throw malformed(reportAt, from);
        }
        return start + (int) len;
    }

    /** Whether the record at {@code buf[from..]} is of a derived symbol; the record must be valid. */
    static boolean isDerived(byte[] buf, int from) {
        int nameLength = (buf[from] & 0xFF) | (buf[from + 1] & 0xFF) << 8 | (buf[from + 2] & 0xFF) << 16
                | (buf[from + 3] & 0xFF) << 24;
        int at = from + 4 + nameLength;
        return (buf[at] | buf[at + 1] | buf[at + 2] | buf[at + 3]) != 0;
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

        /** Appends a copy of {@code length} bytes already written at {@code from}. */
        void copyWithin(int from, int length) {
            room(length);
            System.arraycopy(buf, from, buf, size, length);
            size += length;
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

        /** A {@code u32} list length or byte count; more than the bytes left is malformed. */
        int count() {
            int v = i32();
            if (v < 0 || v > end - pos) {
                throw new MalformedRecordException("count " + Integer.toUnsignedString(v) + " exceeds the bytes left");
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
