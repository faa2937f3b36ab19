package io.circuitsynth.schematic;

import io.circuitsynth.io.JavaIoStage;
import io.circuitsynth.io.SexprBuilder;
import io.circuitsynth.io.SexprParseException;
import io.circuitsynth.io.SexprTree;
import io.circuitsynth.symbols.BuiltinLibraries;
import io.circuitsynth.symbols.SymbolIndex;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The library text of symbols, for a schematic's {@code lib_symbols} and the project library:
 * each symbol as its library has it, renamed to its {@code LIB:NAME} id, derived symbols
 * flattened the way eeschema's {@code LIB_SYMBOL::Flatten} does (specification section
 * "lib_symbols"). Each library file is read and parsed once per project.
 */
final class LibrarySymbols {
    /** A parsed library: its tree and its top-level symbols by name. */
    private record Library(SexprTree tree, Map<String, Integer> symbols) {}

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
        libraries.put(lib, parse(bytes, lib + ".kicad_sym"));
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
        Library library = parse(bytes, source);
        libraries.put(lib, library);
        return library;
    }

    private static Library parse(byte[] bytes, String source) {
        SexprTree tree;
        try {
            tree = new JavaIoStage().parse(bytes, source);
        } catch (SexprParseException e) {
            throw new SchematicException(e.getMessage());
        }
        Map<String, Integer> symbols = new HashMap<>();
        int root = tree.root();
        for (int c = next(tree, root, tree.firstChild(root)); c != SexprTree.NONE; c = next(tree, root, c)) {
            if (isHead(tree, c, "symbol")) {
                int name = tree.nextSibling(c, tree.firstChild(c));
                if (name != SexprTree.NONE && !tree.isList(name)) {
                    symbols.putIfAbsent(tree.stringValue(name), c);
                }
            }
        }
        return new Library(tree, symbols);
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

    private int symbolNode(String lib, String name) {
        Integer node = library(lib).symbols().get(name);
        if (node == null) {
            throw new SchematicException("symbol " + lib + ":" + name + " is no longer in its library file;"
                    + " the library changed since it was indexed, index it again");
        }
        return node;
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
        SexprTree t = library(lib).tree();
        int node = symbolNode(lib, name);
        List<Integer> chain = new ArrayList<>();
        chain.add(node);
        String parent = extendsOf(t, node);
        while (parent != null) {
            if (chain.size() > 64) {
                throw new SchematicException("symbol " + lib + ":" + name + " extends a chain of more than 64 symbols");
            }
            int p = symbolNode(lib, parent);
            if (chain.contains(p)) {
                throw new SchematicException("symbol " + lib + ":" + name + " extends itself through " + parent);
            }
            chain.add(p);
            parent = extendsOf(t, p);
        }
        int root = chain.get(chain.size() - 1);
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
        List<int[]> fields = new ArrayList<>();
        for (int level = chain.size() - 1; level >= 0; level--) {
            int s = chain.get(level);
            for (int c = next(t, s, t.firstChild(s)); c != SexprTree.NONE; c = next(t, s, c)) {
                if (!isHead(t, c, "property")) {
                    continue;
                }
                String key = propertyKey(t, c);
                int found = -1;
                for (int i = 0; i < fields.size(); i++) {
                    if (propertyKey(t, fields.get(i)[0]).equals(key)) {
                        found = i;
                    }
                }
                boolean mandatory = isMandatory(key);
                boolean keepsParent = (mandatory || key.equals("ki_keywords") || key.equals("ki_fp_filters"))
                        && propertyValue(t, c).isEmpty();
                if (found >= 0 && keepsParent) {
                    continue;
                }
                if (found >= 0 && mandatory) {
                    fields.set(found, new int[] {c});
                } else {
                    if (found >= 0) {
                        fields.remove(found);
                    }
                    fields.add(new int[] {c});
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
            for (int[] f : fields) {
                if (propertyKey(t, f[0]).equals(key)) {
                    copy(t, f[0], b, null, null);
                }
            }
        }
        for (int pass = 0; pass < 2; pass++) {
            for (int[] f : fields) {
                String key = propertyKey(t, f[0]);
                boolean ki = key.equals("ki_keywords") || key.equals("ki_fp_filters");
                if (!isMandatory(key) && ki == (pass == 1)) {
                    copy(t, f[0], b, null, null);
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
