package io.circuitsynth.symbols;

import io.circuitsynth.io.JavaIoStage;
import io.circuitsynth.io.SexprParseException;
import io.circuitsynth.io.SexprTree;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads one {@code .kicad_sym} library into resolved symbols, following the specification's
 * reading rules: KiCad 6 to 9 spellings, exact warning texts at exact positions, {@code extends}
 * resolved within the library. Nothing here recurses: sub-symbols and pins are fixed depths, and
 * derived chains are walked with an explicit list.
 */
final class LibraryReader {
    static final int MIN_VERSION = 20211014;
    static final int DEFAULT_PIN_NAME_OFFSET = 5080;

    private static final byte[] SYMBOL = ascii("symbol");
    private static final byte[] VERSION = ascii("version");
    private static final byte[] EXTENDS = ascii("extends");
    private static final byte[] POWER = ascii("power");
    private static final byte[] PIN_NUMBERS = ascii("pin_numbers");
    private static final byte[] PIN_NAMES = ascii("pin_names");
    private static final byte[] OFFSET = ascii("offset");
    private static final byte[] HIDE = ascii("hide");
    private static final byte[] YES = ascii("yes");
    private static final byte[] NO = ascii("no");
    private static final byte[] IN_BOM = ascii("in_bom");
    private static final byte[] ON_BOARD = ascii("on_board");
    private static final byte[] EXCLUDE_FROM_SIM = ascii("exclude_from_sim");
    private static final byte[] PROPERTY = ascii("property");
    private static final byte[] EFFECTS = ascii("effects");
    private static final byte[] UNIT_NAME = ascii("unit_name");
    private static final byte[] PIN = ascii("pin");
    private static final byte[] AT = ascii("at");
    private static final byte[] LENGTH = ascii("length");
    private static final byte[] NAME = ascii("name");
    private static final byte[] NUMBER = ascii("number");
    private static final byte[] ALTERNATE = ascii("alternate");
    private static final byte[] ROOT = ascii("kicad_symbol_lib");

    /** A semantic fault at a byte offset; becomes the library's skip warning. */
    static final class LibraryError extends Exception {
        private static final long serialVersionUID = 1L;
        final int offset;
        final String detail;

        LibraryError(int offset, String detail) {
            super(detail, null, false, false);
            this.offset = offset;
            this.detail = detail;
        }
    }

    /** The outcome for one library: its symbols in file order, or the warning that skips it. */
    record Result(List<Symbol> symbols, String warning) {}

    /** A symbol as written, before {@code extends} is resolved. */
    private static final class Raw {
        String name;
        String extendsName = "";
        int extendsOffset;
        int flags = Symbol.IN_BOM | Symbol.ON_BOARD;
        int pinNameOffset = DEFAULT_PIN_NAME_OFFSET;
        int unitCount = 1;
        int bodyStyleCount = 1;
        final TreeMap<Integer, String> unitNames = new TreeMap<>();
        final List<SymbolProperty> properties = new ArrayList<>();
        final List<SymbolPin> pins = new ArrayList<>();
        final List<Symbol.Graphic> graphics = new ArrayList<>();
        Symbol resolved;
    }

    private final SexprTree tree;
    private final byte[] src;
    private final LibrarySource source;

    private LibraryReader(SexprTree tree, byte[] src, LibrarySource source) {
        this.tree = tree;
        this.src = src;
        this.source = source;
    }

    static Result read(LibrarySource source, byte[] bytes) {
        String prefix = "skipping library " + source.nickname() + " (" + source.path() + "): ";
        SexprTree tree;
        try {
            tree = new JavaIoStage().parse(bytes, source.path().toString());
        } catch (SexprParseException e) {
            return new Result(null, prefix + e.line() + ":" + e.column() + ": " + e.detail());
        }
        LibraryReader reader = new LibraryReader(tree, bytes, source);
        try {
            return new Result(reader.symbols(), null);
        } catch (LibraryError e) {
            return new Result(null, prefix + tree.line(e.offset) + ":" + tree.column(e.offset) + ": " + e.detail);
        }
    }

    private List<Symbol> symbols() throws LibraryError {
        int root = tree.root();
        int head = tree.firstChild(root);
        if (head == SexprTree.NONE || !is(head, ROOT)) {
            String found = head == SexprTree.NONE ? "()" : tree.isList(head) ? "a list" : tree.stringValue(head);
            throw new LibraryError(head == SexprTree.NONE ? tree.start(root) : tree.start(head),
                    "expected a kicad_symbol_lib root list, found " + found);
        }
        List<Raw> raws = new ArrayList<>();
        boolean versionSeen = false;
        for (int c = tree.nextSibling(root, head); c != SexprTree.NONE; c = tree.nextSibling(root, c)) {
            if (!tree.isList(c)) {
                continue;
            }
            int h = tree.firstChild(c);
            if (is(h, VERSION)) {
                versionSeen = true;
                checkVersion(c, h);
            } else if (is(h, SYMBOL)) {
                raws.add(symbol(c, h));
            }
        }
        if (!versionSeen) {
            throw new LibraryError(tree.start(root), "the library has no (version N); open and save the library"
                    + " in KiCad 6 or newer");
        }
        return resolve(raws);
    }

    private void checkVersion(int list, int head) throws LibraryError {
        int v = tree.nextSibling(list, head);
        String text = v == SexprTree.NONE || tree.isList(v) ? "" : tree.stringValue(v);
        long version = -1;
        if (!text.isEmpty() && text.length() <= 12 && text.chars().allMatch(ch -> ch >= '0' && ch <= '9')) {
            version = Long.parseLong(text);
        }
        if (version < MIN_VERSION) {
            throw new LibraryError(v == SexprTree.NONE ? tree.start(list) : tree.start(v), "format version " + text
                    + " is older than KiCad 6 (" + MIN_VERSION + "); open and save the library in KiCad 6 or newer");
        }
    }

    private Raw symbol(int list, int head) throws LibraryError {
        Raw raw = new Raw();
        int nameNode = tree.nextSibling(list, head);
        if (nameNode == SexprTree.NONE || tree.isList(nameNode)) {
            throw new LibraryError(nameNode == SexprTree.NONE ? tree.start(list) : tree.start(nameNode),
                    "expected a symbol name after 'symbol'");
        }
        raw.name = tree.stringValue(nameNode);
        for (int c = tree.nextSibling(list, nameNode); c != SexprTree.NONE; c = tree.nextSibling(list, c)) {
            if (!tree.isList(c)) {
                continue;
            }
            int h = tree.firstChild(c);
            if (h == SexprTree.NONE || tree.isList(h)) {
                continue;
            }
            if (is(h, PROPERTY)) {
                property(raw, c, h);
            } else if (is(h, SYMBOL)) {
                subSymbol(raw, c, h);
            } else if (is(h, EXTENDS)) {
                int p = tree.nextSibling(c, h);
                if (p != SexprTree.NONE && !tree.isList(p)) {
                    raw.extendsName = tree.stringValue(p);
                    raw.extendsOffset = tree.start(c);
                }
            } else if (is(h, POWER)) {
                raw.flags |= Symbol.POWER;
            } else if (is(h, PIN_NUMBERS)) {
                if (holdsHide(c)) {
                    raw.flags |= Symbol.PIN_NUMBERS_HIDDEN;
                }
            } else if (is(h, PIN_NAMES)) {
                pinNames(raw, c, h);
            } else if (is(h, IN_BOM)) {
                raw.flags = yesNo(c, h, raw.flags, Symbol.IN_BOM);
            } else if (is(h, ON_BOARD)) {
                raw.flags = yesNo(c, h, raw.flags, Symbol.ON_BOARD);
            } else if (is(h, EXCLUDE_FROM_SIM)) {
                raw.flags = yesNo(c, h, raw.flags, Symbol.EXCLUDE_FROM_SIM);
            }
        }
        return raw;
    }

    private int yesNo(int list, int head, int flags, int bit) {
        int v = tree.nextSibling(list, head);
        if (is(v, YES)) {
            return flags | bit;
        }
        if (is(v, NO)) {
            return flags & ~bit;
        }
        return flags;
    }

    private void pinNames(Raw raw, int list, int head) throws LibraryError {
        for (int c = tree.nextSibling(list, head); c != SexprTree.NONE; c = tree.nextSibling(list, c)) {
            if (is(c, HIDE) || isHideYes(c)) {
                raw.flags |= Symbol.PIN_NAMES_HIDDEN;
            } else if (tree.isList(c) && is(tree.firstChild(c), OFFSET)) {
                raw.pinNameOffset = millimetres(tree.nextSibling(c, tree.firstChild(c)), c);
            }
        }
    }

    private void property(Raw raw, int list, int head) {
        int k = tree.nextSibling(list, head);
        if (k == SexprTree.NONE || tree.isList(k)) {
            return;
        }
        int v = tree.nextSibling(list, k);
        String value = v == SexprTree.NONE || tree.isList(v) ? "" : tree.stringValue(v);
        boolean hidden = false;
        for (int c = tree.nextSibling(list, k); c != SexprTree.NONE; c = tree.nextSibling(list, c)) {
            if (tree.isList(c) && is(tree.firstChild(c), EFFECTS) && holdsHide(c)) {
                hidden = true;
            }
        }
        raw.properties.add(new SymbolProperty(tree.stringValue(k), value, hidden));
    }

    private void subSymbol(Raw raw, int list, int head) throws LibraryError {
        int nameNode = tree.nextSibling(list, head);
        String name = nameNode == SexprTree.NONE || tree.isList(nameNode) ? "" : tree.stringValue(nameNode);
        int[] unitBody = unitAndBodyStyle(name);
        if (unitBody == null) {
            throw new LibraryError(nameNode == SexprTree.NONE ? tree.start(list) : tree.start(nameNode),
                    "sub-symbol name '" + name + "' must end in _UNIT_BODYSTYLE");
        }
        int unit = unitBody[0];
        int body = unitBody[1];
        raw.unitCount = Math.max(raw.unitCount, unit);
        if (body == 2) {
            raw.bodyStyleCount = 2;
        }
        raw.graphics.add(new Symbol.Graphic(tree.start(list), tree.end(list) - tree.start(list), null));
        for (int c = tree.nextSibling(list, nameNode); c != SexprTree.NONE; c = tree.nextSibling(list, c)) {
            if (!tree.isList(c)) {
                continue;
            }
            int h = tree.firstChild(c);
            if (is(h, PIN)) {
                raw.pins.add(pin(c, h, unit, body));
            } else if (is(h, UNIT_NAME) && unit > 0) {
                int t = tree.nextSibling(c, h);
                if (t != SexprTree.NONE && !tree.isList(t)) {
                    raw.unitNames.putIfAbsent(unit, tree.stringValue(t));
                }
            }
        }
    }

    /** {@code NAME_U_B} with decimal U and B, or null. */
    static int[] unitAndBodyStyle(String name) {
        int last = name.lastIndexOf('_');
        if (last < 0) {
            return null;
        }
        int before = name.lastIndexOf('_', last - 1);
        if (before < 0) {
            return null;
        }
        int unit = decimal(name, before + 1, last);
        int body = decimal(name, last + 1, name.length());
        return unit < 0 || body < 0 ? null : new int[] {unit, body};
    }

    private static int decimal(String s, int from, int to) {
        if (to <= from || to - from > 9) {
            return -1;
        }
        int v = 0;
        for (int i = from; i < to; i++) {
            char ch = s.charAt(i);
            if (ch < '0' || ch > '9') {
                return -1;
            }
            v = v * 10 + (ch - '0');
        }
        return v;
    }

    private SymbolPin pin(int list, int head, int unit, int body) throws LibraryError {
        int typeNode = tree.nextSibling(list, head);
        String typeText = atomValue(typeNode);
        ElectricalType type = ElectricalType.fromKeyword(typeText);
        if (type == null) {
            throw new LibraryError(offsetOf(typeNode, list), "unknown pin electrical type '" + typeText + "'");
        }
        int styleNode = tree.nextSibling(list, typeNode);
        String styleText = atomValue(styleNode);
        PinStyle style = PinStyle.fromKeyword(styleText);
        if (style == null) {
            throw new LibraryError(offsetOf(styleNode, list), "unknown pin graphic style '" + styleText + "'");
        }
        int x = 0;
        int y = 0;
        int rotation = 0;
        int length = 0;
        boolean hidden = false;
        String name = "";
        String number = "";
        List<SymbolPin.Alternate> alternates = List.of();
        for (int c = tree.nextSibling(list, styleNode); c != SexprTree.NONE; c = tree.nextSibling(list, c)) {
            if (is(c, HIDE) || isHideYes(c)) {
                hidden = true;
                continue;
            }
            if (!tree.isList(c)) {
                continue;
            }
            int h = tree.firstChild(c);
            if (is(h, AT)) {
                int xn = tree.nextSibling(c, h);
                int yn = xn == SexprTree.NONE ? SexprTree.NONE : tree.nextSibling(c, xn);
                int rn = yn == SexprTree.NONE ? SexprTree.NONE : tree.nextSibling(c, yn);
                x = millimetres(xn, c);
                y = millimetres(yn, c);
                if (rn != SexprTree.NONE) {
                    rotation = orientation(rn);
                }
            } else if (is(h, LENGTH)) {
                length = millimetres(tree.nextSibling(c, h), c);
            } else if (is(h, NAME)) {
                name = atomValue(tree.nextSibling(c, h));
            } else if (is(h, NUMBER)) {
                number = atomValue(tree.nextSibling(c, h));
            } else if (is(h, ALTERNATE)) {
                if (alternates.isEmpty()) {
                    alternates = new ArrayList<>(4);
                }
                alternates.add(alternate(c, h));
            }
        }
        return new SymbolPin(number, name, type, style, x, y, rotation, length, unit, body, hidden, alternates);
    }

    private SymbolPin.Alternate alternate(int list, int head) throws LibraryError {
        int n = tree.nextSibling(list, head);
        int t = n == SexprTree.NONE ? SexprTree.NONE : tree.nextSibling(list, n);
        int s = t == SexprTree.NONE ? SexprTree.NONE : tree.nextSibling(list, t);
        String typeText = atomValue(t);
        ElectricalType type = ElectricalType.fromKeyword(typeText);
        if (type == null) {
            throw new LibraryError(offsetOf(t, list), "unknown pin electrical type '" + typeText + "'");
        }
        String styleText = atomValue(s);
        PinStyle style = PinStyle.fromKeyword(styleText);
        if (style == null) {
            throw new LibraryError(offsetOf(s, list), "unknown pin graphic style '" + styleText + "'");
        }
        return new SymbolPin.Alternate(atomValue(n), type, style);
    }

    private int offsetOf(int node, int list) {
        return node == SexprTree.NONE ? tree.start(list) : tree.start(node);
    }

    private String atomValue(int node) {
        return node == SexprTree.NONE || tree.isList(node) ? "" : tree.stringValue(node);
    }

    private int millimetres(int node, int list) throws LibraryError {
        String text = atomValue(node);
        long iu = Millimetres.toIu(text);
        if (iu == Millimetres.INVALID) {
            throw new LibraryError(offsetOf(node, list), "expected a number in millimetres, found '" + text + "'");
        }
        return (int) iu;
    }

    private int orientation(int node) throws LibraryError {
        String text = atomValue(node);
        long scaled = Millimetres.toIu(text);
        if (scaled == 0 || scaled == 900_000 || scaled == 1_800_000 || scaled == 2_700_000) {
            return (int) (scaled / 10_000);
        }
        throw new LibraryError(tree.start(node), "pin orientation must be 0, 90, 180 or 270, found " + text);
    }

    /** {@code hide} or {@code (hide yes)} among the children of {@code list}. */
    private boolean holdsHide(int list) {
        for (int c = tree.firstChild(list); c != SexprTree.NONE; c = tree.nextSibling(list, c)) {
            if (is(c, HIDE) || isHideYes(c)) {
                return true;
            }
        }
        return false;
    }

    private boolean isHideYes(int node) {
        if (!tree.isList(node)) {
            return false;
        }
        int h = tree.firstChild(node);
        return is(h, HIDE) && is(tree.nextSibling(node, h), YES);
    }

    /** Whether {@code node} is an atom whose value is {@code word}: a symbol or a string alike. */
    private boolean is(int node, byte[] word) {
        if (node == SexprTree.NONE) {
            return false;
        }
        int kind = tree.kind(node);
        if (kind == SexprTree.LIST) {
            return false;
        }
        int start = tree.start(node);
        int end = tree.end(node);
        if (kind == SexprTree.STRING) {
            start++;
            end--;
            for (int i = start; i < end; i++) {
                if (src[i] == '\\') {
                    return tree.stringValue(node).equals(new String(word, StandardCharsets.UTF_8));
                }
            }
        }
        if (end - start != word.length) {
            return false;
        }
        for (int i = 0; i < word.length; i++) {
            if (src[start + i] != word[i]) {
                return false;
            }
        }
        return true;
    }

    /**
     * Resolves {@code extends} in file order. Each derived chain is walked with an explicit list, so
     * a chain of any length costs no stack.
     */
    private List<Symbol> resolve(List<Raw> raws) throws LibraryError {
        Map<String, Raw> byName = new HashMap<>(raws.size() * 2);
        for (Raw r : raws) {
            byName.putIfAbsent(r.name, r);
        }
        List<Symbol> result = new ArrayList<>(raws.size());
        List<Raw> chain = new ArrayList<>();
        for (Raw start : raws) {
            chain.clear();
            Raw r = start;
            while (r.resolved == null && !r.extendsName.isEmpty()) {
                int seen = chain.indexOf(r);
                if (seen >= 0) {
                    throw cycle(chain.subList(seen, chain.size()));
                }
                chain.add(r);
                Raw parent = byName.get(r.extendsName);
                if (parent == null) {
                    throw new LibraryError(r.extendsOffset, "symbol " + r.name + " extends " + r.extendsName
                            + ", which is not in this library");
                }
                r = parent;
            }
            if (r.resolved == null) {
                r.resolved = plain(r);
            }
            for (int i = chain.size() - 1; i >= 0; i--) {
                Raw child = chain.get(i);
                child.resolved = derived(child, byName.get(child.extendsName).resolved);
            }
            result.add(start.resolved);
        }
        return result;
    }

    private static LibraryError cycle(List<Raw> loop) {
        Raw first = loop.get(0);
        StringBuilder path = new StringBuilder();
        for (int i = 1; i < loop.size(); i++) {
            path.append(loop.get(i).name).append(" -> ");
        }
        path.append(first.name);
        return new LibraryError(first.extendsOffset, "symbol " + first.name + " extends itself through " + path);
    }

    private Symbol plain(Raw r) {
        return new Symbol(source.nickname(), r.name, "", r.flags, r.pinNameOffset, r.unitCount, r.bodyStyleCount,
                r.unitNames, r.properties, r.pins, r.graphics, source);
    }

    private static final int INHERITED_FLAGS = Symbol.POWER | Symbol.PIN_NAMES_HIDDEN | Symbol.PIN_NUMBERS_HIDDEN;

    private Symbol derived(Raw child, Symbol parent) {
        int flags = (child.flags & ~INHERITED_FLAGS) | (parent.flags() & INHERITED_FLAGS);
        List<SymbolProperty> merged = new ArrayList<>(parent.properties().size() + 2);
        boolean[] used = new boolean[child.properties.size()];
        for (SymbolProperty p : parent.properties()) {
            SymbolProperty replacement = p;
            for (int i = 0; i < used.length; i++) {
                SymbolProperty c = child.properties.get(i);
                if (c.key().equals(p.key())) {
                    replacement = c;
                    used[i] = true;
                    break;
                }
            }
            merged.add(replacement);
        }
        for (int i = 0; i < used.length; i++) {
            if (!used[i] && !parentHas(parent, child.properties.get(i).key())) {
                merged.add(child.properties.get(i));
            }
        }
        return new Symbol(source.nickname(), child.name, child.extendsName, flags, parent.pinNameOffset(),
                parent.unitCount(), parent.bodyStyleCount(), parent.unitNames(), merged, parent.pins(),
                parent.graphics(), source);
    }

    private static boolean parentHas(Symbol parent, String key) {
        for (SymbolProperty p : parent.properties()) {
            if (p.key().equals(key)) {
                return true;
            }
        }
        return false;
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}
