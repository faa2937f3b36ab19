package io.circuitsynth.netlist;

import io.circuitsynth.netlist.ComponentSpec.Field;
import io.circuitsynth.netlist.ComponentSpec.PinSpec;
import io.circuitsynth.netlist.ComponentSpec.ReferenceKind;
import io.circuitsynth.netlist.Design.SheetUuid;
import io.circuitsynth.netlist.InstanceSpec.Binding;
import io.circuitsynth.netlist.NetSpec.Power;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The compact binary form of a whole {@link Design} that crosses JNI in one piece, both ways. The
 * layout is specified in {@code conformance/netlist/codec/README.md}; the Rust twin is
 * {@code rust-crates/netlist/src/codec.rs}, and both accept and reject the same bytes with the
 * same messages.
 *
 * <p>Every field travels, origins and UUIDs included; a null string and an empty one are
 * different values, and so are a null pin table and an empty one. The decoder accepts only what
 * the encoder writes, so {@code encode(decode(b))} equals {@code b} for every accepted {@code b}.
 *
 * <p>Strings are written as {@link String#getBytes(java.nio.charset.Charset) UTF-8}: an unpaired
 * surrogate, which no UTF-8 text and no Rust string can hold, becomes {@code ?}, as in every
 * other UTF-8 output of this library.
 */
public final class DesignCodec {
    private DesignCodec() {}

    /** The first four bytes of every encoding: {@code CSDE}. */
    static final byte[] MAGIC = {'C', 'S', 'D', 'E'};
    /** The layout version this code writes and reads. */
    public static final int VERSION = 1;

    private static final int KIND_MASK = 0b11;
    private static final int COMPONENT_DNP = 1 << 2;
    private static final int COMPONENT_IN_BOM = 1 << 3;
    private static final int COMPONENT_ON_BOARD = 1 << 4;
    private static final int COMPONENT_HAS_PINS = 1 << 5;
    private static final int COMPONENT_KNOWN =
            KIND_MASK | COMPONENT_DNP | COMPONENT_IN_BOM | COMPONENT_ON_BOARD | COMPONENT_HAS_PINS;
    private static final int NET_ABSOLUTE = 1 << 2;
    private static final int NET_KNOWN = KIND_MASK | NET_ABSOLUTE;

    /** Bytes that are not one whole valid encoding; the message says where and why. */
    public static final class MalformedDesignException extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;

        MalformedDesignException(int at, String detail) {
            super("malformed design encoding at byte " + at + ": " + detail);
        }
    }

    /**
     * The encoding of {@code design}.
     *
     * @throws IllegalArgumentException for a negative unit, which the encoding (and the native
     *     engine's model) cannot hold
     */
    public static byte[] encode(Design design) {
        Out out = new Out(estimate(design));
        out.bytes(MAGIC);
        out.u8(VERSION);
        out.str(design.name());
        out.str(design.root());
        out.number(design.definitions().size());
        for (Definition d : design.definitions()) {
            out.definition(d);
        }
        out.number(design.sheetUuids().size());
        for (SheetUuid s : design.sheetUuids()) {
            out.str(s.path());
            out.str(s.uuid());
        }
        return out.toByteArray();
    }

    /**
     * The encoding of the outline of {@code design}: the part that flattening and reference
     * numbering read, for {@link Finalizer#references} in the native engine. It keeps the design's
     * root, and of every definition its name, ports, instances (without bindings) and origin, and
     * of every component its reference kind and reference, and its id and origin when
     * {@code componentNames} is true. Everything else is left empty (no symbols, pin tables,
     * fields, nets, no-connect marks, UUIDs or sheet UUIDs). It is one valid encoding, in the
     * layout {@link #encode} writes, of a design with exactly the references of {@code design}.
     *
     * <p>Without component names the decoded design still has those references, and is refused
     * exactly when {@code design} is: no check of the hierarchy or the references reads a
     * component's id or origin. Only the message differs, as it names no component; the native
     * stage then asks again with the names, for the message finalize gives.
     */
    public static byte[] encodeOutline(Design design, boolean componentNames) {
        Out out = new Out(estimateOutline(design, componentNames));
        out.bytes(MAGIC);
        out.u8(VERSION);
        out.str("");
        out.str(design.root());
        out.number(design.definitions().size());
        for (Definition d : design.definitions()) {
            out.str(d.name());
            out.number(d.ports().size());
            for (String port : d.ports()) {
                out.str(port);
            }
            out.number(d.components().size());
            for (ComponentSpec c : d.components()) {
                int kind = kindBits(c.referenceKind());
                if (componentNames) {
                    out.str(c.id());
                    out.number(0); // symbol
                    out.u8(kind);
                    out.str(c.reference());
                    out.zeros(6); // value, footprint, datasheet, description, fields, UUIDs
                    out.optionalStr(c.origin());
                } else {
                    out.outlineComponent(kind, c.reference());
                }
            }
            out.zeros(2); // nets, no-connect marks
            out.number(d.instances().size());
            for (InstanceSpec instance : d.instances()) {
                out.str(instance.name());
                out.str(instance.definition());
                out.number(0); // bindings
                out.optionalStr(instance.origin());
            }
            out.optionalStr(d.origin());
        }
        out.number(0); // sheet UUIDs
        return out.toByteArray();
    }

    /**
     * The size of {@link #encodeOutline}'s answer, exact when every string is ASCII (then the
     * buffer is the answer, with no copy), else a guess the buffer grows from.
     */
    private static int estimateOutline(Design design, boolean componentNames) {
        List<Definition> definitions = design.definitions();
        long n = MAGIC.length + 1 + 1 + size(design.root()) + leb128(definitions.size()) + 1;
        for (Definition d : definitions) {
            n += size(d.name()) + leb128(d.ports().size()) + leb128(d.components().size()) + 2
                    + leb128(d.instances().size()) + optionalSize(d.origin());
            for (String port : d.ports()) {
                n += size(port);
            }
            for (ComponentSpec c : d.components()) {
                n += componentNames
                        ? size(c.id()) + 2 + size(c.reference()) + 6 + optionalSize(c.origin())
                        : 10 + size(c.reference());
            }
            for (InstanceSpec instance : d.instances()) {
                n += size(instance.name()) + size(instance.definition()) + 1 + optionalSize(instance.origin());
            }
        }
        return (int) Math.min(n, 1 << 30);
    }

    /** The encoded size of {@code s} if it is ASCII. */
    private static long size(String s) {
        return leb128(s.length()) + (long) s.length();
    }

    private static long optionalSize(String s) {
        return s == null ? 1 : leb128(s.length() + 1) + (long) s.length();
    }

    /** The size of {@code v} in unsigned LEB128. */
    private static int leb128(int v) {
        int n = 1;
        while ((v & ~0x7F) != 0) {
            v >>>= 7;
            n++;
        }
        return n;
    }

    private static int kindBits(ReferenceKind kind) {
        return switch (kind) {
            case PREFIX -> 0;
            case FIXED -> 1;
            case ABSOLUTE -> 2;
        };
    }

    /** A first guess of the encoded size, so large designs are not copied on every doubling. */
    private static int estimate(Design design) {
        long n = 64;
        for (Definition d : design.definitions()) {
            n += 32 + d.components().size() * 96L + d.nets().size() * 48L + d.instances().size() * 32L;
        }
        return (int) Math.min(n, 1 << 30);
    }

    private static final class Out {
        private byte[] buf;
        private int size;

        Out(int capacity) {
            buf = new byte[capacity];
        }

        private void room(int n) {
            if (buf.length - size < n) {
                long wanted = Math.max((long) buf.length * 2, (long) size + n);
                if (wanted > Integer.MAX_VALUE - 8) {
                    throw new IllegalArgumentException("the design is too large to encode (over 2 GB)");
                }
                buf = Arrays.copyOf(buf, (int) wanted);
            }
        }

        void u8(int v) {
            room(1);
            buf[size++] = (byte) v;
        }

        void bytes(byte[] b) {
            room(b.length);
            System.arraycopy(b, 0, buf, size, b.length);
            size += b.length;
        }

        /** Unsigned LEB128 of a non-negative int. */
        void number(int v) {
            room(5);
            while ((v & ~0x7F) != 0) {
                buf[size++] = (byte) ((v & 0x7F) | 0x80);
                v >>>= 7;
            }
            buf[size++] = (byte) v;
        }

        void unit(int unit, String what) {
            if (unit < 0) {
                throw new IllegalArgumentException(what + " has unit " + unit + "; units are 0 or more");
            }
            number(unit);
        }

        /**
         * A component of an outline without names: no id, no symbol, {@code kind}, {@code
         * reference}, six empty items and no origin, in one pass when the reference is short
         * ASCII (the common case, and this runs once per component).
         */
        void outlineComponent(int kind, String reference) {
            int n = reference.length();
            if (n < 0x80) {
                room(11 + n);
                byte[] b = buf;
                int at = copyAscii(reference, size + 4);
                if (at >= 0) {
                    b[size] = 0;
                    b[size + 1] = 0;
                    b[size + 2] = (byte) kind;
                    b[size + 3] = (byte) n;
                    for (int i = 0; i < 7; i++) {
                        b[at++] = 0;
                    }
                    size = at;
                    return;
                }
                // Not ASCII: what was copied is overwritten below.
            }
            zeros(2); // id, symbol
            u8(kind);
            str(reference);
            zeros(7); // value, footprint, datasheet, description, fields, UUIDs, origin
        }

        /**
         * Copies {@code s} to {@code buf[at..]}, which has room for it, one byte per char, and
         * answers where it ends; -1 at its first non-ASCII char (the bytes copied until then are
         * overwritten by the caller's general path).
         */
        private int copyAscii(String s, int at) {
            for (int i = 0; i < s.length(); i++) {
                char ch = s.charAt(i);
                if (ch >= 0x80) {
                    return -1;
                }
                buf[at++] = (byte) ch;
            }
            return at;
        }

        /** {@code count} zero bytes: as many empty strings, empty lists or absent strings. */
        void zeros(int count) {
            room(count);
            for (int i = 0; i < count; i++) {
                buf[size++] = 0;
            }
        }

        void str(String s) {
            text(s, 0);
        }

        void optionalStr(String s) {
            if (s == null) {
                number(0);
            } else {
                text(s, 1);
            }
        }

        /** The UTF-8 length of {@code s} plus {@code bias}, then its bytes. */
        private void text(String s, int bias) {
            int n = s.length();
            if (n + bias < 0x80) {
                // Short ASCII, the common case: one byte per char, without a byte[] per string.
                room(1 + n);
                int at = copyAscii(s, size + 1);
                if (at >= 0) {
                    buf[size] = (byte) (n + bias);
                    size = at;
                    return;
                }
                // Not ASCII: what was copied is overwritten below.
            }
            byte[] b = s.getBytes(StandardCharsets.UTF_8);
            if (b.length > Integer.MAX_VALUE - bias) {
                throw new IllegalArgumentException("a string of " + b.length + " bytes is too long to encode");
            }
            number(b.length + bias);
            bytes(b);
        }

        void bool(boolean b) {
            u8(b ? 1 : 0);
        }

        void definition(Definition d) {
            str(d.name());
            number(d.ports().size());
            for (String port : d.ports()) {
                str(port);
            }
            number(d.components().size());
            for (ComponentSpec c : d.components()) {
                component(c);
            }
            number(d.nets().size());
            for (NetSpec net : d.nets()) {
                net(net);
            }
            number(d.noConnects().size());
            for (PinRef pin : d.noConnects()) {
                pinRef(pin, "no-connect mark");
            }
            number(d.instances().size());
            for (InstanceSpec instance : d.instances()) {
                instance(instance);
            }
            optionalStr(d.origin());
        }

        void component(ComponentSpec c) {
            str(c.id());
            str(c.symbol());
            int flags = kindBits(c.referenceKind());
            if (c.dnp()) {
                flags |= COMPONENT_DNP;
            }
            if (c.inBom()) {
                flags |= COMPONENT_IN_BOM;
            }
            if (c.onBoard()) {
                flags |= COMPONENT_ON_BOARD;
            }
            if (c.pins() != null) {
                flags |= COMPONENT_HAS_PINS;
            }
            u8(flags);
            str(c.reference());
            str(c.value());
            str(c.footprint());
            str(c.datasheet());
            str(c.description());
            number(c.fields().size());
            for (Field f : c.fields()) {
                str(f.name());
                str(f.value());
            }
            if (c.pins() != null) {
                number(c.pins().size());
                for (PinSpec pin : c.pins()) {
                    str(pin.number());
                    str(pin.name());
                    str(pin.type());
                    unit(pin.unit(), "pin " + pin.number() + " of component " + c.id());
                    bool(pin.hidden());
                }
            }
            number(c.uuids().size());
            for (String uuid : c.uuids()) {
                str(uuid);
            }
            optionalStr(c.origin());
        }

        void net(NetSpec net) {
            optionalStr(net.name());
            optionalStr(net.id());
            int flags = switch (net.power()) {
                case AUTO -> 0;
                case YES -> 1;
                case NO -> 2;
            };
            if (net.absolute()) {
                flags |= NET_ABSOLUTE;
            }
            u8(flags);
            str(net.netClass());
            number(net.nodes().size());
            for (PinRef node : net.nodes()) {
                pinRef(node, "node");
            }
            optionalStr(net.origin());
        }

        void pinRef(PinRef pin, String what) {
            str(pin.component());
            str(pin.pin());
            unit(pin.unit(), what + " " + pin.component() + "." + pin.pin());
            optionalStr(pin.origin());
        }

        void instance(InstanceSpec instance) {
            str(instance.name());
            str(instance.definition());
            number(instance.bindings().size());
            for (Binding b : instance.bindings()) {
                str(b.port());
                str(b.net());
            }
            optionalStr(instance.origin());
        }

        byte[] toByteArray() {
            return size == buf.length ? buf : Arrays.copyOf(buf, size);
        }
    }

    /**
     * Decodes one whole encoding.
     *
     * @throws MalformedDesignException {@code malformed design encoding at byte N: DETAIL}, N the
     *     offset of the item that is wrong
     */
    public static Design decode(byte[] bytes) {
        In in = new In(bytes);
        if (bytes.length < MAGIC.length || !Arrays.equals(bytes, 0, MAGIC.length, MAGIC, 0, MAGIC.length)) {
            throw new MalformedDesignException(0, "it does not start with the magic bytes CSDE");
        }
        in.pos = MAGIC.length;
        int version = in.u8();
        if (version != VERSION) {
            throw new MalformedDesignException(MAGIC.length,
                    "encoding version " + version + " is not supported; this engine reads version " + VERSION);
        }
        String name = in.str();
        String root = in.str();
        int n = in.count();
        List<Definition> definitions = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            definitions.add(in.definition());
        }
        n = in.count();
        List<SheetUuid> sheetUuids = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            String path = in.str();
            String uuid = in.str();
            sheetUuids.add(new SheetUuid(path, uuid));
        }
        if (in.pos != bytes.length) {
            throw new MalformedDesignException(in.pos, "unexpected bytes after the design (" + (bytes.length - in.pos) + ")");
        }
        return new Design(name, root, definitions, sheetUuids);
    }

    private static final class In {
        private final byte[] buf;
        int pos;

        In(byte[] buf) {
            this.buf = buf;
        }

        private int left() {
            return buf.length - pos;
        }

        int u8() {
            if (pos >= buf.length) {
                throw new MalformedDesignException(pos, "it ends early");
            }
            return buf[pos++] & 0xFF;
        }

        /** Unsigned LEB128, at most five bytes, shortest form, at most {@code Integer.MAX_VALUE}. */
        int number() {
            int start = pos;
            long value = 0;
            int shift = 0;
            while (true) {
                if (pos >= buf.length) {
                    throw new MalformedDesignException(start, "it ends early");
                }
                int b = buf[pos++] & 0xFF;
                value |= (long) (b & 0x7F) << shift;
                if ((b & 0x80) == 0) {
                    if (value > Integer.MAX_VALUE) {
                        throw new MalformedDesignException(start, "a number exceeds 2147483647");
                    }
                    if (b == 0 && pos - start > 1) {
                        throw new MalformedDesignException(start, "a number is not in its shortest form");
                    }
                    return (int) value;
                }
                shift += 7;
                if (shift == 35) {
                    throw new MalformedDesignException(start, "a number exceeds 2147483647");
                }
            }
        }

        /**
         * A list length: every item takes at least one byte, so a count beyond the bytes left is
         * refused before anything is allocated for it.
         */
        int count() {
            int start = pos;
            int n = number();
            if (n > left()) {
                throw new MalformedDesignException(start, "a count of " + n + " exceeds the bytes left (" + left() + ")");
            }
            return n;
        }

        private String text(int start, int len) {
            if (len > left()) {
                throw new MalformedDesignException(start,
                        "a string of " + len + " bytes exceeds the bytes left (" + left() + ")");
            }
            String s = new String(buf, pos, len, StandardCharsets.UTF_8);
            // The JDK decoder replaces malformed input with U+FFFD instead of failing; only then
            // (or for a real U+FFFD) is the exact check needed.
            if (s.indexOf('\uFFFD') >= 0) {
                int bad = Utf8.firstInvalid(buf, pos, pos + len);
                if (bad >= 0) {
                    throw new MalformedDesignException(bad, "invalid UTF-8 in a string");
                }
            }
            pos += len;
            return s;
        }

        String str() {
            int start = pos;
            int len = number();
            return text(start, len);
        }

        String optionalStr() {
            int start = pos;
            int n = number();
            return n == 0 ? null : text(start, n - 1);
        }

        boolean bool() {
            int at = pos;
            int v = u8();
            if (v > 1) {
                throw new MalformedDesignException(at, "boolean byte " + v + " is neither 0 nor 1");
            }
            return v == 1;
        }

        Definition definition() {
            String name = str();
            int n = count();
            List<String> ports = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                ports.add(str());
            }
            n = count();
            List<ComponentSpec> components = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                components.add(component());
            }
            n = count();
            List<NetSpec> nets = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                nets.add(net());
            }
            n = count();
            List<PinRef> noConnects = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                noConnects.add(pinRef());
            }
            n = count();
            List<InstanceSpec> instances = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                instances.add(instance());
            }
            String origin = optionalStr();
            return new Definition(name, ports, components, nets, noConnects, instances, origin);
        }

        ComponentSpec component() {
            String id = str();
            String symbol = str();
            int at = pos;
            int flags = u8();
            ReferenceKind kind = switch (flags & KIND_MASK) {
                case 0 -> ReferenceKind.PREFIX;
                case 1 -> ReferenceKind.FIXED;
                case 2 -> ReferenceKind.ABSOLUTE;
                default -> throw new MalformedDesignException(at, "component flags " + hex(flags) + " are invalid");
            };
            if ((flags & ~COMPONENT_KNOWN) != 0) {
                throw new MalformedDesignException(at, "component flags " + hex(flags) + " are invalid");
            }
            String reference = str();
            String value = str();
            String footprint = str();
            String datasheet = str();
            String description = str();
            int n = count();
            List<Field> fields = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                String fieldName = str();
                String fieldValue = str();
                fields.add(new Field(fieldName, fieldValue));
            }
            List<PinSpec> pins = null;
            if ((flags & COMPONENT_HAS_PINS) != 0) {
                n = count();
                pins = new ArrayList<>(n);
                for (int i = 0; i < n; i++) {
                    String number = str();
                    String pinName = str();
                    String type = str();
                    int unit = number();
                    boolean hidden = bool();
                    pins.add(new PinSpec(number, pinName, type, unit, hidden));
                }
            }
            n = count();
            List<String> uuids = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                uuids.add(str());
            }
            String origin = optionalStr();
            return new ComponentSpec(id, symbol, kind, reference, value, footprint, datasheet, description, fields,
                    (flags & COMPONENT_DNP) != 0, (flags & COMPONENT_IN_BOM) != 0, (flags & COMPONENT_ON_BOARD) != 0,
                    pins, uuids, origin);
        }

        NetSpec net() {
            String name = optionalStr();
            String id = optionalStr();
            int at = pos;
            int flags = u8();
            Power power = switch (flags & KIND_MASK) {
                case 0 -> Power.AUTO;
                case 1 -> Power.YES;
                case 2 -> Power.NO;
                default -> throw new MalformedDesignException(at, "net flags " + hex(flags) + " are invalid");
            };
            if ((flags & ~NET_KNOWN) != 0) {
                throw new MalformedDesignException(at, "net flags " + hex(flags) + " are invalid");
            }
            String netClass = str();
            int n = count();
            List<PinRef> nodes = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                nodes.add(pinRef());
            }
            String origin = optionalStr();
            return new NetSpec(name, id, power, netClass, nodes, (flags & NET_ABSOLUTE) != 0, origin);
        }

        PinRef pinRef() {
            String component = str();
            String pin = str();
            int unit = number();
            String origin = optionalStr();
            return new PinRef(component, pin, unit, origin);
        }

        InstanceSpec instance() {
            String name = str();
            String definition = str();
            int n = count();
            List<Binding> bindings = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                String port = str();
                String net = str();
                bindings.add(new Binding(port, net));
            }
            String origin = optionalStr();
            return new InstanceSpec(name, definition, bindings, origin);
        }

        private static String hex(int flags) {
            return String.format("0x%02x", flags);
        }
    }

    /** UTF-8 well-formedness as Unicode's table 3-7 defines it (and Rust's {@code str::from_utf8} checks). */
    static final class Utf8 {
        private Utf8() {}

        /** The offset of the first byte of the first ill-formed sequence in {@code [from, to)}, or -1. */
        static int firstInvalid(byte[] b, int from, int to) {
            int i = from;
            while (i < to) {
                int lead = b[i] & 0xFF;
                if (lead < 0x80) {
                    i++;
                    continue;
                }
                int width;
                int lo = 0x80;
                int hi = 0xBF;
                if (lead >= 0xC2 && lead <= 0xDF) {
                    width = 2;
                } else if (lead >= 0xE0 && lead <= 0xEF) {
                    width = 3;
                    if (lead == 0xE0) {
                        lo = 0xA0;
                    } else if (lead == 0xED) {
                        hi = 0x9F;
                    }
                } else if (lead >= 0xF0 && lead <= 0xF4) {
                    width = 4;
                    if (lead == 0xF0) {
                        lo = 0x90;
                    } else if (lead == 0xF4) {
                        hi = 0x8F;
                    }
                } else {
                    return i;
                }
                if (to - i < width) {
                    return i;
                }
                int second = b[i + 1] & 0xFF;
                if (second < lo || second > hi) {
                    return i;
                }
                for (int k = 2; k < width; k++) {
                    if ((b[i + k] & 0xC0) != 0x80) {
                        return i;
                    }
                }
                i += width;
            }
            return -1;
        }
    }
}
