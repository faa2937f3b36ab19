package io.circuitsynth.symbols;

import io.circuitsynth.io.JavaIoStage;
import io.circuitsynth.io.SexprParseException;
import io.circuitsynth.io.SexprTree;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Reads one {@code .kicad_sym} library into resolved symbols by the specification's reading rules
 * (KiCad 6 to 9 spellings, exact warning texts at exact positions), then resolves {@code extends}.
 * One pass over the node table in document order, so the first fault reported is the first one a
 * reader meets; the Rust engine's {@code read.rs} and {@code resolve.rs} walk the same way, step for
 * step. Nothing recurses: sub-symbols and pins sit at fixed depths, and derived chains are walked
 * with explicit stacks.
 */
final class LibraryReader {
    static final long OLDEST_VERSION = 20211014;
    static final int DEFAULT_PIN_NAME_OFFSET = 5080;

    private static final byte[] SYMBOL = ascii("symbol");
    private static final byte[] VERSION = ascii("version");
    private static final byte[] EXTENDS = ascii("extends");
    private static final byte[] POWER = ascii("power");
    private static final byte[] PIN_NUMBERS = ascii("pin_numbers");
    private static final byte[] PIN_NAMES = ascii("pin_names");
    private static final byte[] OFFSET = ascii("offset");
    private static final byte[] HIDE = ascii("hide");
    private static final byte[] IN_BOM = ascii("in_bom");
    private static final byte[] ON_BOARD = ascii("on_board");
    private static final byte[] EXCLUDE_FROM_SIM = ascii("exclude_from_sim");
    private static final byte[] PROPERTY = ascii("property");
    private static final byte[] PRIVATE = ascii("private");
    private static final byte[] EFFECTS = ascii("effects");
    private static final byte[] UNIT_NAME = ascii("unit_name");
    private static final byte[] PIN = ascii("pin");
    private static final byte[] AT = ascii("at");
    private static final byte[] LENGTH = ascii("length");
    private static final byte[] NAME = ascii("name");
    private static final byte[] NUMBER = ascii("number");
    private static final byte[] ALTERNATE = ascii("alternate");

    /** A fault at a byte offset; becomes the library's skip warning. */
    static final class Fault extends Exception {
        private static final long serialVersionUID = 1L;
        final int offset;
        final String detail;

        Fault(int offset, String detail) {
            super(detail, null, false, false);
            this.offset = offset;
            this.detail = detail;
        }
    }

    /** The outcome for one library: its symbols in file order, or the detail that skips it. */
    record Result(List<Symbol> symbols, String detail) {}

    /** A symbol as written, before {@code extends} is resolved. */
    private static final class Raw {
        String name;
        String extendsName = "";
        int extendsAt;
        int flags = Symbol.IN_BOM | Symbol.ON_BOARD;
        int pinNameOffset = DEFAULT_PIN_NAME_OFFSET;
        int maxUnit;
        boolean deMorgan;
        final TreeMap<Integer, String> unitNames = new TreeMap<>(Integer::compareUnsigned);
        final List<SymbolProperty> properties = new ArrayList<>();
        final List<SymbolPin> pins = new ArrayList<>();
        final List<Symbol.Graphic> graphics = new ArrayList<>();
    }

    private final SexprTree tree;
    private final byte[] src;
    private final String lib;
    private final LibrarySource source;

    private LibraryReader(SexprTree tree, byte[] src, LibrarySource source) {
        this.tree = tree;
        this.src = src;
        this.source = source;
        this.lib = source.nickname();
    }

    /** Reads and resolves; a failure's detail is {@code LINE:COLUMN: DETAIL}. */
    static Result read(LibrarySource source, byte[] bytes) {
        return read(source, bytes, new JavaIoStage.ParseScratch());
    }

    /**
     * As {@link #read(LibrarySource, byte[])}, parsing into {@code scratch}; nothing returned
     * refers to the tree, so the scratch is free again on return.
     */
    static Result read(LibrarySource source, byte[] bytes, JavaIoStage.ParseScratch scratch) {
        SexprTree tree;
        try {
            tree = new JavaIoStage().parse(bytes, source.path().toString(), scratch);
        } catch (SexprParseException e) {
            return new Result(null, e.line() + ":" + e.column() + ": " + e.detail());
        }
        LibraryReader reader = new LibraryReader(tree, bytes, source);
        try {
            return new Result(reader.resolve(reader.readTree()), null);
        } catch (Fault f) {
            return new Result(null, tree.line(f.offset) + ":" + tree.column(f.offset) + ": " + f.detail);
        }
    }

    private List<Raw> readTree() throws Fault {
        int root = tree.root();
        Args rootArgs = new Args(root, true);
        String head = rootArgs.positionedAtom();
        if (!head.equals("kicad_symbol_lib")) {
            throw new Fault(rootArgs.lastOffset, "expected a kicad_symbol_lib root list, found " + head);
        }
        int version = SexprTree.NONE;
        int first = tree.firstChild(root);
        for (int c = tree.nextSibling(root, first); c != SexprTree.NONE; c = tree.nextSibling(root, c)) {
            if (tree.isList(c) && headIs(c, VERSION)) {
                version = c;
                break;
            }
        }
        if (version == SexprTree.NONE) {
            throw new Fault(tree.start(root), "missing (version N); open and save the library in KiCad 6 or newer");
        }
        Args versionArgs = new Args(version, false);
        String text = versionArgs.positionedAtom();
        long number = parseVersion(text);
        if (number < 0) {
            throw new Fault(versionArgs.lastOffset, "expected a format version number, found '" + text + "'");
        }
        if (number < OLDEST_VERSION) {
            throw new Fault(versionArgs.lastOffset, "format version " + number + " is older than KiCad 6 ("
                    + OLDEST_VERSION + "); open and save the library in KiCad 6 or newer");
        }
        List<Raw> symbols = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (int c = tree.nextSibling(root, first); c != SexprTree.NONE; c = tree.nextSibling(root, c)) {
            if (!tree.isList(c) || !headIs(c, SYMBOL)) {
                continue;
            }
            Raw raw = readSymbol(c);
            if (!names.add(raw.name)) {
                throw new Fault(tree.start(c + 2), "symbol " + raw.name + " is defined twice");
            }
            symbols.add(raw);
        }
        return symbols;
    }

    /** All ASCII digits, fitting a signed 64-bit integer; else -1. */
    private static long parseVersion(String text) {
        if (text.isEmpty() || text.length() > 19) {
            return -1;
        }
        long v = 0;
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            if (ch < '0' || ch > '9') {
                return -1;
            }
            v = v * 10 + (ch - '0');
        }
        return v < 0 ? -1 : v;
    }

    private Raw readSymbol(int list) throws Fault {
        Args args = new Args(list, false);
        Raw raw = new Raw();
        raw.name = args.text("a symbol name");
        for (int child = args.rest(); child != SexprTree.NONE; child = tree.nextSibling(list, child)) {
            if (!tree.isList(child)) {
                continue;
            }
            int h = tree.firstChild(child);
            if (h == SexprTree.NONE || tree.isList(h)) {
                continue;
            }
            if (headIs(child, PROPERTY)) {
                raw.properties.add(readProperty(child));
            } else if (headIs(child, SYMBOL)) {
                readSubSymbol(raw, child);
            } else if (headIs(child, EXTENDS)) {
                raw.extendsName = new Args(child, false).text("a parent symbol name");
                raw.extendsAt = tree.start(child);
            } else if (headIs(child, POWER)) {
                raw.flags |= Symbol.POWER;
            } else if (headIs(child, PIN_NUMBERS)) {
                raw.flags = flag(raw.flags, Symbol.PIN_NUMBERS_HIDDEN,
                        hideFlag(child, (raw.flags & Symbol.PIN_NUMBERS_HIDDEN) != 0));
            } else if (headIs(child, PIN_NAMES)) {
                readPinNames(raw, child);
            } else if (headIs(child, IN_BOM)) {
                raw.flags = flag(raw.flags, Symbol.IN_BOM, new Args(child, false).yesNo());
            } else if (headIs(child, ON_BOARD)) {
                raw.flags = flag(raw.flags, Symbol.ON_BOARD, new Args(child, false).yesNo());
            } else if (headIs(child, EXCLUDE_FROM_SIM)) {
                raw.flags = flag(raw.flags, Symbol.EXCLUDE_FROM_SIM, new Args(child, false).yesNo());
            }
        }
        return raw;
    }

    private static int flag(int flags, int bit, boolean on) {
        return on ? flags | bit : flags & ~bit;
    }

    private void readPinNames(Raw raw, int list) throws Fault {
        for (int item = tree.nextSibling(list, tree.firstChild(list)); item != SexprTree.NONE;
                item = tree.nextSibling(list, item)) {
            if (tree.isList(item)) {
                if (headIs(item, OFFSET)) {
                    raw.pinNameOffset = new Args(item, false).millimetres();
                } else if (headIs(item, HIDE)) {
                    raw.flags = flag(raw.flags, Symbol.PIN_NAMES_HIDDEN, hideList(item));
                }
            } else if (atomIs(item, HIDE)) {
                raw.flags |= Symbol.PIN_NAMES_HIDDEN;
            }
        }
    }

    private void readSubSymbol(Raw raw, int list) throws Fault {
        Args sub = new Args(list, false);
        int nameNode = sub.peek();
        String name = sub.atomOr(LibraryReader::subSymbolDetail);
        int nameAt = nameNode == SexprTree.NONE ? tree.end(list) - 1 : tree.start(nameNode);
        long[] unitBody = unitAndBodyStyle(name);
        if (unitBody == null) {
            throw new Fault(nameAt, subSymbolDetail(name));
        }
        int unit = (int) unitBody[0];
        int body = (int) unitBody[1];
        if (Integer.compareUnsigned(unit, raw.maxUnit) > 0) {
            raw.maxUnit = unit;
        }
        raw.deMorgan |= body == 2;
        raw.graphics.add(new Symbol.Graphic(tree.start(list), tree.end(list) - tree.start(list), null));
        for (int item = sub.rest(); item != SexprTree.NONE; item = tree.nextSibling(list, item)) {
            if (!tree.isList(item)) {
                continue;
            }
            if (headIs(item, UNIT_NAME)) {
                String text = new Args(item, false).text("a unit name");
                if (unit != 0) {
                    raw.unitNames.put(unit, text);
                }
            } else if (headIs(item, PIN)) {
                raw.pins.add(readPin(item, unit, body));
            }
        }
    }

    private static String subSymbolDetail(String text) {
        return "sub-symbol name '" + text + "' must end in _UNIT_BODYSTYLE";
    }

    /** {@code NAME_U_B} with U and B decimal digits fitting {@code u32}, or null. */
    static long[] unitAndBodyStyle(String name) {
        int last = name.lastIndexOf('_');
        if (last < 0) {
            return null;
        }
        int before = name.lastIndexOf('_', last - 1);
        if (before < 0) {
            return null;
        }
        long body = u32(name, last + 1, name.length());
        long unit = u32(name, before + 1, last);
        return unit < 0 || body < 0 ? null : new long[] {unit, body};
    }

    private static long u32(String s, int from, int to) {
        if (to <= from) {
            return -1;
        }
        long v = 0;
        for (int i = from; i < to; i++) {
            char ch = s.charAt(i);
            if (ch < '0' || ch > '9') {
                return -1;
            }
            v = v * 10 + (ch - '0');
            if (v > 0xFFFF_FFFFL) {
                return -1;
            }
        }
        return v;
    }

    private SymbolProperty readProperty(int list) throws Fault {
        Args args = new Args(list, false);
        // KiCad 8 and later mark some properties (property private "KEY" "VALUE" …): a leading
        // `private` followed by two more atoms is that marker, not the key.
        int first = args.peek();
        int atoms = 0;
        for (int c = first; c != SexprTree.NONE && atoms < 3 && !tree.isList(c); c = tree.nextSibling(list, c)) {
            atoms++;
        }
        if (atoms == 3 && atomIs(first, PRIVATE)) {
            args.next();
        }
        String key = args.text("a property key");
        String value = args.text("a property value");
        boolean hidden = false;
        for (int c = args.rest(); c != SexprTree.NONE; c = tree.nextSibling(list, c)) {
            if (tree.isList(c) && headIs(c, EFFECTS)) {
                hidden = hideFlag(c, hidden);
            }
        }
        return new SymbolProperty(key, value, hidden);
    }

    private SymbolPin readPin(int list, int unit, int body) throws Fault {
        Args args = new Args(list, false);
        ElectricalType type = readType(args);
        PinStyle style = readStyle(args);
        boolean at = false;
        int x = 0;
        int y = 0;
        int rotation = 0;
        boolean hasLength = false;
        int length = 0;
        String name = null;
        String number = null;
        boolean hidden = false;
        List<SymbolPin.Alternate> alternates = List.of();
        for (int c = args.rest(); c != SexprTree.NONE; c = tree.nextSibling(list, c)) {
            if (!tree.isList(c)) {
                if (atomIs(c, HIDE)) {
                    hidden = true;
                }
                continue;
            }
            if (headIs(c, AT)) {
                Args a = new Args(c, false);
                x = a.millimetres();
                y = a.millimetres();
                rotation = orientation(a);
                at = true;
            } else if (headIs(c, LENGTH)) {
                length = new Args(c, false).millimetres();
                hasLength = true;
            } else if (headIs(c, HIDE)) {
                hidden = hideList(c);
            } else if (headIs(c, NAME)) {
                name = new Args(c, false).text("a pin name");
            } else if (headIs(c, NUMBER)) {
                number = new Args(c, false).text("a pin number");
            } else if (headIs(c, ALTERNATE)) {
                Args alt = new Args(c, false);
                String altName = alt.text("an alternate name");
                ElectricalType altType = readType(alt);
                PinStyle altStyle = readStyle(alt);
                if (alternates.isEmpty()) {
                    alternates = new ArrayList<>(4);
                }
                alternates.add(new SymbolPin.Alternate(altName, altType, altStyle));
            }
        }
        int pinAt = tree.start(list);
        if (!at) {
            throw new Fault(pinAt, "pin without (at X Y ROTATION)");
        }
        if (!hasLength) {
            throw new Fault(pinAt, "pin without (length L)");
        }
        if (name == null) {
            throw new Fault(pinAt, "pin without (name \"NAME\")");
        }
        if (number == null) {
            throw new Fault(pinAt, "pin without (number \"NUMBER\")");
        }
        return new SymbolPin(number, name, type, style, x, y, rotation, length, unit, body, hidden, alternates);
    }

    private ElectricalType readType(Args args) throws Fault {
        String text = args.positionedAtom();
        ElectricalType t = ElectricalType.fromKeyword(text);
        if (t == null) {
            throw new Fault(args.lastOffset, "unknown pin electrical type '" + text + "'");
        }
        return t;
    }

    private PinStyle readStyle(Args args) throws Fault {
        String text = args.positionedAtom();
        PinStyle s = PinStyle.fromKeyword(text);
        if (s == null) {
            throw new Fault(args.lastOffset, "unknown pin graphic style '" + text + "'");
        }
        return s;
    }

    private int orientation(Args args) throws Fault {
        String text = args.positionedAtom();
        long v = Millimetres.toIu(text);
        if (v == 0 || v == 900_000 || v == 1_800_000 || v == 2_700_000) {
            return (int) (v / 10_000);
        }
        throw new Fault(args.lastOffset, "pin orientation must be 0, 90, 180 or 270, found " + text);
    }

    /** {@code hide}, {@code (hide)}, {@code (hide yes)} or {@code (hide no)} among a list's arguments; the last counts. */
    private boolean hideFlag(int list, boolean current) throws Fault {
        boolean hidden = current;
        for (int c = tree.nextSibling(list, tree.firstChild(list)); c != SexprTree.NONE;
                c = tree.nextSibling(list, c)) {
            if (tree.isList(c)) {
                if (headIs(c, HIDE)) {
                    hidden = hideList(c);
                }
            } else if (atomIs(c, HIDE)) {
                hidden = true;
            }
        }
        return hidden;
    }

    /** {@code (hide)} and {@code (hide yes)} are true, {@code (hide no)} false. */
    private boolean hideList(int list) throws Fault {
        Args args = new Args(list, false);
        if (args.peek() == SexprTree.NONE) {
            return true;
        }
        return args.yesNo();
    }

    /**
     * Whether the list's first child is an atom whose value is {@code word}; a head that is not
     * UTF-8 text matches nothing (it is not reported here).
     */
    private boolean headIs(int list, byte[] word) {
        int h = tree.firstChild(list);
        if (h == SexprTree.NONE || tree.isList(h)) {
            return false;
        }
        byte[] decoded = escapedBytes(h);
        if (decoded != null) {
            return Arrays.equals(decoded, word);
        }
        return rawEquals(h, word);
    }

    /** Whether the atom's value is {@code word}; a string that is not UTF-8 text is a fault, as reading its value is. */
    private boolean atomIs(int node, byte[] word) throws Fault {
        if (node == SexprTree.NONE || tree.isList(node)) {
            return false;
        }
        byte[] decoded = escapedBytes(node);
        if (decoded != null) {
            checkUtf8(node, decoded);
            return Arrays.equals(decoded, word);
        }
        return rawEquals(node, word);
    }

    private boolean rawEquals(int node, byte[] word) {
        int start = tree.start(node);
        int end = tree.end(node);
        if (tree.kind(node) == SexprTree.STRING) {
            start++;
            end--;
        }
        return Arrays.equals(src, start, end, word, 0, word.length);
    }

    /** An atom's decoded value; a fault when its escapes decode to bytes that are not UTF-8. */
    private String value(int node) throws Fault {
        int start = tree.start(node);
        int end = tree.end(node);
        if (tree.kind(node) != SexprTree.STRING) {
            return new String(src, start, end - start, StandardCharsets.UTF_8);
        }
        byte[] decoded = escapedBytes(node);
        if (decoded == null) {
            return new String(src, start + 1, end - start - 2, StandardCharsets.UTF_8);
        }
        return checkUtf8(node, decoded);
    }

    private String checkUtf8(int node, byte[] decoded) throws Fault {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(decoded)).toString();
        } catch (CharacterCodingException e) {
            throw new Fault(tree.start(node), "expected UTF-8 text, found '" + tree.text(node) + "'");
        }
    }

    /** A string's bytes with its escapes decoded, or null when it holds none (or is a symbol). */
    private byte[] escapedBytes(int node) {
        if (tree.kind(node) != SexprTree.STRING) {
            return null;
        }
        int from = tree.start(node) + 1;
        int to = tree.end(node) - 1;
        int i = from;
        while (i < to && src[i] != '\\') {
            i++;
        }
        if (i == to) {
            return null;
        }
        return unescape(src, from, to);
    }

    /** The io specification's escapes, as the Rust engine decodes them. */
    static byte[] unescape(byte[] in, int from, int to) {
        byte[] out = new byte[to - from];
        int n = 0;
        int i = from;
        while (i < to) {
            byte b = in[i];
            if (b != '\\' || i + 1 == to) {
                out[n++] = b;
                i++;
                continue;
            }
            byte c = in[i + 1];
            i += 2;
            switch (c) {
                case '"': out[n++] = '"'; break;
                case '\\': out[n++] = '\\'; break;
                case 'a': out[n++] = 0x07; break;
                case 'b': out[n++] = 0x08; break;
                case 'f': out[n++] = 0x0C; break;
                case 'n': out[n++] = '\n'; break;
                case 'r': out[n++] = '\r'; break;
                case 't': out[n++] = '\t'; break;
                case 'v': out[n++] = 0x0B; break;
                default:
                    if (c == 'x' || (c >= '0' && c <= '7')) {
                        int radix = c == 'x' ? 16 : 8;
                        int max = c == 'x' ? 2 : 3;
                        int first = c == 'x' ? i : i - 1;
                        int value = 0;
                        int j = first;
                        while (j < to && j - first < max && Character.digit(in[j], radix) >= 0) {
                            value = value * radix + Character.digit(in[j], radix);
                            j++;
                        }
                        // Three octal digits can exceed a byte (\777); KiCad keeps the low byte.
                        out[n++] = (byte) value;
                        i = j;
                    } else {
                        out[n++] = '\\';
                        out[n++] = c;
                    }
            }
        }
        return Arrays.copyOf(out, n);
    }

    /**
     * The arguments of one list after its head, read in order. A list where an atom belongs shows
     * as {@code (} at that list; a list that ends early shows as {@code )} at its closing parenthesis.
     */
    private final class Args {
        private final int list;
        private int next;
        private final int close;
        /** Where the last argument read by {@link #positionedAtom} is (or would have been). */
        int lastOffset;

        Args(int list, boolean includeHead) {
            this.list = list;
            int first = tree.firstChild(list);
            this.next = includeHead || first == SexprTree.NONE ? first : tree.nextSibling(list, first);
            this.close = tree.end(list) - 1;
        }

        int peek() {
            return next;
        }

        int next() {
            int n = next;
            if (n != SexprTree.NONE) {
                next = tree.nextSibling(list, n);
            }
            return n;
        }

        /** The first argument not yet read, for walking the rest by hand. */
        int rest() {
            return next;
        }

        String positionedAtom() throws Fault {
            int n = next();
            if (n == SexprTree.NONE) {
                lastOffset = close;
                return ")";
            }
            lastOffset = tree.start(n);
            return tree.isList(n) ? "(" : value(n);
        }

        String text(String what) throws Fault {
            return atomOr(t -> "expected " + what + ", found '" + t + "'");
        }

        String atomOr(java.util.function.UnaryOperator<String> detail) throws Fault {
            int n = next();
            if (n != SexprTree.NONE && !tree.isList(n)) {
                return value(n);
            }
            int at = n == SexprTree.NONE ? close : tree.start(n);
            throw new Fault(at, detail.apply(n == SexprTree.NONE ? ")" : "("));
        }

        int millimetres() throws Fault {
            // The common case, a bare number, is read straight from the source bytes.
            int n = next;
            if (n != SexprTree.NONE && tree.kind(n) == SexprTree.SYMBOL) {
                long iu = Millimetres.toIu(src, tree.start(n), tree.end(n));
                if (iu != Millimetres.INVALID) {
                    next();
                    return (int) iu;
                }
            }
            String text = positionedAtom();
            long iu = Millimetres.toIu(text);
            if (iu == Millimetres.INVALID) {
                throw new Fault(lastOffset, "expected a number in millimetres, found '" + text + "'");
            }
            return (int) iu;
        }

        boolean yesNo() throws Fault {
            String text = positionedAtom();
            if (text.equals("yes")) {
                return true;
            }
            if (text.equals("no")) {
                return false;
            }
            throw new Fault(lastOffset, "expected yes or no, found '" + text + "'");
        }
    }

    /**
     * Resolves {@code extends}: symbols are checked in file order, and the first whose parent is
     * missing or that lies on a cycle is reported at its {@code (extends …)} list; then each
     * symbol's ancestors are resolved from the top down with an explicit stack.
     */
    private List<Symbol> resolve(List<Raw> raws) throws Fault {
        int n = raws.size();
        Map<String, Integer> index = new HashMap<>(n * 2);
        for (int i = 0; i < n; i++) {
            index.put(raws.get(i).name, i);
        }
        int[] parent = new int[n];
        for (int i = 0; i < n; i++) {
            Raw r = raws.get(i);
            Integer p = r.extendsName.isEmpty() ? null : index.get(r.extendsName);
            parent[i] = p == null ? -1 : p;
        }
        boolean[] onCycle = cycleMembers(parent);
        for (int i = 0; i < n; i++) {
            Raw r = raws.get(i);
            if (!r.extendsName.isEmpty() && parent[i] < 0) {
                throw new Fault(r.extendsAt, "symbol " + r.name + " extends " + r.extendsName
                        + ", which is not in this library");
            }
            if (onCycle[i]) {
                StringBuilder chain = new StringBuilder();
                int at = i;
                while (parent[at] >= 0) {
                    int p = parent[at];
                    if (chain.length() > 0) {
                        chain.append(" -> ");
                    }
                    chain.append(raws.get(p).name);
                    if (p == i) {
                        break;
                    }
                    at = p;
                }
                throw new Fault(r.extendsAt, "symbol " + r.name + " extends itself through " + chain);
            }
        }
        Symbol[] resolved = new Symbol[n];
        int[] stack = new int[n];
        for (int start = 0; start < n; start++) {
            int depth = 0;
            int at = start;
            while (resolved[at] == null) {
                stack[depth++] = at;
                if (parent[at] < 0) {
                    break;
                }
                at = parent[at];
            }
            while (depth > 0) {
                int i = stack[--depth];
                Raw r = raws.get(i);
                resolved[i] = parent[i] < 0 ? plain(r) : derive(resolved[parent[i]], r);
            }
        }
        return Arrays.asList(resolved);
    }

    /** Which symbols lie on a cycle of parent links (each has at most one parent). */
    static boolean[] cycleMembers(int[] parent) {
        int n = parent.length;
        int[] walkOf = new int[n];
        Arrays.fill(walkOf, -1);
        boolean[] onCycle = new boolean[n];
        for (int start = 0; start < n; start++) {
            int at = start;
            while (walkOf[at] < 0) {
                walkOf[at] = start;
                if (parent[at] < 0) {
                    break;
                }
                at = parent[at];
            }
            if (walkOf[at] == start && parent[at] >= 0 && !onCycle[at]) {
                int first = at;
                do {
                    onCycle[at] = true;
                    at = parent[at];
                } while (at != first);
            }
        }
        return onCycle;
    }

    private Symbol plain(Raw r) {
        return new Symbol(lib, r.name, r.extendsName, r.flags, r.pinNameOffset, r.maxUnit == 0 ? 1 : r.maxUnit,
                r.deMorgan ? 2 : 1, r.unitNames, r.properties, r.pins, r.graphics, source);
    }

    private static final int INHERITED_FLAGS = Symbol.POWER | Symbol.PIN_NAMES_HIDDEN | Symbol.PIN_NUMBERS_HIDDEN;

    /**
     * The parent's body with the child's name, own flags and merged properties: for each parent
     * property in order, the child's first unused property with that key takes its place; then
     * the child's unused properties follow in its order.
     */
    private Symbol derive(Symbol parent, Raw child) {
        int flags = (child.flags & ~INHERITED_FLAGS) | (parent.flags() & INHERITED_FLAGS);
        List<SymbolProperty> own = child.properties;
        boolean[] used = new boolean[own.size()];
        List<SymbolProperty> merged = new ArrayList<>(parent.properties().size() + own.size());
        for (SymbolProperty inherited : parent.properties()) {
            SymbolProperty replacement = inherited;
            for (int i = 0; i < used.length; i++) {
                if (!used[i] && own.get(i).key().equals(inherited.key())) {
                    replacement = own.get(i);
                    used[i] = true;
                    break;
                }
            }
            merged.add(replacement);
        }
        for (int i = 0; i < used.length; i++) {
            if (!used[i]) {
                merged.add(own.get(i));
            }
        }
        return new Symbol(lib, child.name, child.extendsName, flags, parent.pinNameOffset(), parent.unitCount(),
                parent.bodyStyleCount(), parent.unitNames(), merged, parent.pins(), parent.graphics(), source);
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}
