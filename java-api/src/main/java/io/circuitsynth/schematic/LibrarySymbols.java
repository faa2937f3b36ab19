package io.circuitsynth.schematic;

import io.circuitsynth.io.JavaIoStage;
import io.circuitsynth.io.SexprBuilder;
import io.circuitsynth.io.SexprParseException;
import io.circuitsynth.io.SexprTree;
import io.circuitsynth.symbols.BuiltinLibraries;
import io.circuitsynth.symbols.SymbolIndex;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The library text of symbols, for a schematic's {@code lib_symbols} and the project library:
 * each symbol as its library has it, renamed to its {@code LIB:NAME} id, derived symbols
 * flattened the way eeschema's {@code LIB_SYMBOL::Flatten} does (specification section
 * "lib_symbols"). Each library file is read once per project; a symbol is parsed alone when the
 * file has KiCad's layout, else the whole file is parsed, once.
 */
final class LibrarySymbols {
    /**
     * A library file: its bytes, and its symbols as they are looked up. KiCad saves each top-level
     * symbol as {@code LF TAB (symbol "NAME" LF}, so a symbol is found by that text and parsed
     * alone; a file laid out otherwise is parsed whole, once.
     */
    private static final class Library {
        final byte[] bytes;
        final String source;
        final Map<String, Sym> symbols = new HashMap<>();
        SexprTree whole;
        Map<String, Integer> wholeSymbols;

        Library(byte[] bytes, String source) {
            this.bytes = bytes;
            this.source = source;
        }
    }

    /** One symbol's list: the tree holding it and its node. */
    private record Sym(SexprTree tree, int node) {}

    private static final String[] MANDATORY = {"Reference", "Value", "Footprint", "Datasheet", "Description"};

    private final SymbolIndex index;
    private final Map<String, Library> libraries = new HashMap<>();

    LibrarySymbols(SymbolIndex index) {
        this.index = index;
    }

    /** Whether {@code lib} is one of the built-in libraries the index holds in memory. */
    boolean isBuiltin(String lib) {
        return index.libraryFile(lib).isEmpty() && BuiltinLibraries.NICKNAMES.contains(lib);
    }

    /** Serves {@code lib} from {@code bytes} (the project's own library), ahead of the index. */
    void register(String lib, byte[] bytes) {
        libraries.put(lib, new Library(bytes, lib + ".kicad_sym"));
    }

    private Library library(String lib) {
        Library cached = libraries.get(lib);
        if (cached != null) {
            return cached;
        }
        byte[] bytes = null;
        String source;
        Path file = index.libraryFile(lib).orElse(null);
        if (file != null) {
            source = file.toString();
            try {
                bytes = Files.readAllBytes(file);
            } catch (IOException e) {
                throw new SchematicException("cannot read symbol library " + lib + " (" + file + "): " + e.getMessage()
                        + "; the library changed or vanished since it was indexed, index it again");
            }
        } else {
            source = BuiltinLibraries.PATH_PREFIX + lib + ".kicad_sym";
            for (BuiltinLibraries.Library builtin : BuiltinLibraries.sources()) {
                if (builtin.nickname().equals(lib)) {
                    bytes = builtin.content();
                }
            }
            if (bytes == null) {
                throw new SchematicException("symbol library " + lib + " has no file to copy its symbols from;"
                        + " give the library as a .kicad_sym file");
            }
        }
        Library library = new Library(bytes, source);
        libraries.put(lib, library);
        return library;
    }

    private static SexprTree parse(byte[] bytes, String source) {
        try {
            return new JavaIoStage().parse(bytes, source);
        } catch (SexprParseException e) {
            throw new SchematicException(e.getMessage());
        }
    }

    /**
     * How KiCad's formatter opens a symbol library: LF line ends, one tab per level. Only in that
     * layout is a line {@code TAB (symbol "NAME"} sure to open a top-level symbol (KiCad escapes LF
     * in strings, so no string spans lines).
     */
    private static final byte[] KICAD_LAYOUT = "(kicad_symbol_lib\n\t(".getBytes(StandardCharsets.US_ASCII);

    private static final byte[] CLOSE = "\n\t)".getBytes(StandardCharsets.US_ASCII);

    /**
     * Symbol {@code name} cut out of {@code bytes} and parsed alone, found by the text KiCad saves
     * it as, {@code LF TAB (symbol "NAME" LF} ... {@code LF TAB )}. Null sends the caller to the whole parse: another
     * layout (CRLF, hand-written), a name written otherwise, a list that does not close or does
     * not parse (the whole parse then reports the error where it is in the file).
     */
    private static SexprTree parseAlone(byte[] bytes, String name) {
        if (bytes.length < KICAD_LAYOUT.length
                || !Arrays.equals(bytes, 0, KICAD_LAYOUT.length, KICAD_LAYOUT, 0, KICAD_LAYOUT.length)) {
            return null;
        }
        byte[] needle = ("\n\t(symbol " + quote(name) + "\n").getBytes(StandardCharsets.UTF_8);
        int at = find(bytes, needle);
        if (at < 0) {
            return null;
        }
        int start = at + 2;
        int end = listEnd(bytes, start);
        // KiCad closes a top-level list on a line of its own; any other close means the file's
        // lists do not match its layout, and the whole parse says where.
        if (end < 0 || !Arrays.equals(bytes, end - 3, end, CLOSE, 0, CLOSE.length)) {
            return null;
        }
        SexprTree tree;
        try {
            tree = new JavaIoStage().parse(Arrays.copyOfRange(bytes, start, end), "");
        } catch (SexprParseException e) {
            return null;
        }
        int n = tree.nextSibling(tree.root(), tree.firstChild(tree.root()));
        boolean named = isHead(tree, tree.root(), "symbol") && n != SexprTree.NONE && !tree.isList(n)
                && tree.stringValue(n).equals(name);
        return named ? tree : null;
    }

    /** {@code value} quoted as KiCad writes strings (the io stage's escapes). */
    private static String quote(String value) {
        StringBuilder out = new StringBuilder("\"");
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '"' -> out.append("\\\"");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                default -> out.append(c);
            }
        }
        return out.append('"').toString();
    }

    /** Where {@code needle} first occurs in {@code bytes}, or -1. */
    private static int find(byte[] bytes, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= bytes.length; i++) {
            for (int k = 0; k < needle.length; k++) {
                if (bytes[i + k] != needle[k]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    /** One past the {@code )} closing the list opened at {@code start}, strings skipped; -1 if none. */
    private static int listEnd(byte[] bytes, int start) {
        int depth = 0;
        boolean string = false;
        for (int i = start; i < bytes.length; i++) {
            byte b = bytes[i];
            if (string) {
                if (b == '\\') {
                    i++;
                } else if (b == '"') {
                    string = false;
                }
            } else if (b == '"') {
                string = true;
            } else if (b == '(') {
                depth++;
            } else if (b == ')') {
                depth--;
                if (depth == 0) {
                    return i + 1;
                }
            }
        }
        return -1;
    }

    private static int next(SexprTree t, int list, int child) {
        return child == SexprTree.NONE ? SexprTree.NONE : t.nextSibling(list, child);
    }

    private static boolean isHead(SexprTree t, int node, String head) {
        if (!t.isList(node)) {
            return false;
        }
        int first = t.firstChild(node);
        return first != SexprTree.NONE && t.isSymbol(first) && t.textEquals(first, head);
    }

    private static String headOf(SexprTree t, int node) {
        int first = t.firstChild(node);
        return first != SexprTree.NONE && t.isSymbol(first) ? t.text(first) : "";
    }

    /** The value of {@code (property "KEY" "VALUE" …)}: its second atom. */
    private static String propertyKey(SexprTree t, int property) {
        int key = t.nextSibling(property, t.firstChild(property));
        return key == SexprTree.NONE || t.isList(key) ? "" : t.stringValue(key);
    }

    private static String propertyValue(SexprTree t, int property) {
        int key = t.nextSibling(property, t.firstChild(property));
        int value = key == SexprTree.NONE ? SexprTree.NONE : t.nextSibling(property, key);
        return value == SexprTree.NONE || t.isList(value) ? "" : t.stringValue(value);
    }

    private Sym symbol(String lib, String name) {
        Library library = library(lib);
        Sym found = library.symbols.get(name);
        if (found != null) {
            return found;
        }
        if (library.whole == null) {
            SexprTree alone = parseAlone(library.bytes, name);
            if (alone != null) {
                Sym sym = new Sym(alone, alone.root());
                library.symbols.put(name, sym);
                return sym;
            }
            library.whole = parse(library.bytes, library.source);
            library.wholeSymbols = new HashMap<>();
            SexprTree tree = library.whole;
            int root = tree.root();
            for (int c = next(tree, root, tree.firstChild(root)); c != SexprTree.NONE; c = next(tree, root, c)) {
                if (isHead(tree, c, "symbol")) {
                    int n = tree.nextSibling(c, tree.firstChild(c));
                    if (n != SexprTree.NONE && !tree.isList(n)) {
                        library.wholeSymbols.putIfAbsent(tree.stringValue(n), c);
                    }
                }
            }
        }
        Integer node = library.wholeSymbols.get(name);
        if (node == null) {
            throw new SchematicException("symbol " + lib + ":" + name + " is no longer in its library file;"
                    + " the library changed since it was indexed, index it again");
        }
        Sym sym = new Sym(library.whole, node);
        library.symbols.put(name, sym);
        return sym;
    }

    private String extendsOf(SexprTree t, int symbol) {
        for (int c = next(t, symbol, t.firstChild(symbol)); c != SexprTree.NONE; c = next(t, symbol, c)) {
            if (isHead(t, c, "extends")) {
                int name = t.nextSibling(c, t.firstChild(c));
                return name == SexprTree.NONE || t.isList(name) ? "" : t.stringValue(name);
            }
        }
        return null;
    }

    /**
     * Appends {@code (symbol "ID" …)}: symbol {@code name} of library {@code lib}, flattened, named
     * {@code id}.
     */
    void write(SexprBuilder b, String lib, String name, String id) {
        Sym self = symbol(lib, name);
        List<Sym> chain = new ArrayList<>();
        chain.add(self);
        String parent = extendsOf(self.tree(), self.node());
        while (parent != null) {
            if (chain.size() > 64) {
                throw new SchematicException("symbol " + lib + ":" + name + " extends a chain of more than 64 symbols");
            }
            Sym p = symbol(lib, parent);
            if (chain.contains(p)) {
                throw new SchematicException("symbol " + lib + ":" + name + " extends itself through " + parent);
            }
            chain.add(p);
            parent = extendsOf(p.tree(), p.node());
        }
        Sym rootSym = chain.get(chain.size() - 1);
        SexprTree t = rootSym.tree();
        int root = rootSym.node();
        b.list("symbol").string(id);
        if (chain.size() == 1) {
            boolean fonts = false;
            for (int c = next(t, root, next(t, root, t.firstChild(root))); c != SexprTree.NONE; c = next(t, root, c)) {
                fonts |= isHead(t, c, "embedded_fonts");
                copy(t, c, b, null, null);
            }
            if (!fonts) {
                b.list("embedded_fonts").symbol("no").end();
            }
            b.end();
            return;
        }
        // Fields: the root's, then each level down overrides (eeschema's Flatten): a mandatory
        // field when the level gives it text, any other field by name (moved to the end), the
        // keywords and footprint filters when the level gives them.
        List<Sym> fields = new ArrayList<>();
        for (int level = chain.size() - 1; level >= 0; level--) {
            SexprTree lt = chain.get(level).tree();
            int s = chain.get(level).node();
            for (int c = next(lt, s, lt.firstChild(s)); c != SexprTree.NONE; c = next(lt, s, c)) {
                if (!isHead(lt, c, "property")) {
                    continue;
                }
                String key = propertyKey(lt, c);
                int found = -1;
                for (int i = 0; i < fields.size(); i++) {
                    if (propertyKey(fields.get(i).tree(), fields.get(i).node()).equals(key)) {
                        found = i;
                    }
                }
                boolean mandatory = isMandatory(key);
                boolean keepsParent = (mandatory || key.equals("ki_keywords") || key.equals("ki_fp_filters"))
                        && propertyValue(lt, c).isEmpty();
                if (found >= 0 && keepsParent) {
                    continue;
                }
                if (found >= 0 && mandatory) {
                    fields.set(found, new Sym(lt, c));
                } else {
                    if (found >= 0) {
                        fields.remove(found);
                    }
                    fields.add(new Sym(lt, c));
                }
            }
        }
        String rootName = tree(t, root);
        for (int c = next(t, root, next(t, root, t.firstChild(root))); c != SexprTree.NONE; c = next(t, root, c)) {
            String head = t.isList(c) ? headOf(t, c) : "";
            if (head.equals("property") || head.equals("symbol") || head.equals("extends")
                    || head.equals("embedded_fonts")) {
                continue;
            }
            copy(t, c, b, null, null);
        }
        for (String key : MANDATORY) {
            for (Sym f : fields) {
                if (propertyKey(f.tree(), f.node()).equals(key)) {
                    copy(f.tree(), f.node(), b, null, null);
                }
            }
        }
        for (int pass = 0; pass < 2; pass++) {
            for (Sym f : fields) {
                String key = propertyKey(f.tree(), f.node());
                boolean ki = key.equals("ki_keywords") || key.equals("ki_fp_filters");
                if (!isMandatory(key) && ki == (pass == 1)) {
                    copy(f.tree(), f.node(), b, null, null);
                }
            }
        }
        for (int c = next(t, root, next(t, root, t.firstChild(root))); c != SexprTree.NONE; c = next(t, root, c)) {
            if (isHead(t, c, "symbol")) {
                copy(t, c, b, rootName, name);
            }
        }
        b.list("embedded_fonts").symbol("no").end();
        b.end();
    }

    private static String tree(SexprTree t, int symbol) {
        return t.stringValue(t.nextSibling(symbol, t.firstChild(symbol)));
    }

    private static boolean isMandatory(String key) {
        for (String m : MANDATORY) {
            if (m.equals(key)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Copies the subtree at {@code node} into {@code b}. With {@code from} set, {@code node} is a
     * sub-symbol {@code (symbol "FROM_U_B" …)} whose name takes {@code to} for its prefix.
     */
    private static void copy(SexprTree t, int node, SexprBuilder b, String from, String to) {
        int end = t.next(node);
        int[] closeAt = new int[16];
        int depth = 0;
        for (int i = node; i < end; i++) {
            while (depth > 0 && closeAt[depth - 1] <= i) {
                b.end();
                depth--;
            }
            switch (t.kind(i)) {
                case SexprTree.LIST -> {
                    b.list();
                    if (depth == closeAt.length) {
                        closeAt = java.util.Arrays.copyOf(closeAt, depth * 2);
                    }
                    closeAt[depth++] = t.next(i);
                }
                case SexprTree.SYMBOL -> b.symbol(t.text(i));
                default -> {
                    String value = t.stringValue(i);
                    if (from != null && i == node + 2 && value.startsWith(from + "_")) {
                        value = to + value.substring(from.length());
                    }
                    b.string(value);
                }
            }
        }
        while (depth > 0) {
            b.end();
            depth--;
        }
    }
}
