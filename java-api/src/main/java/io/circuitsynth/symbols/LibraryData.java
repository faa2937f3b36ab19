package io.circuitsynth.symbols;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One served library: its symbols' records in one array (the layout the persistent cache stores:
 * a freshly read library and a cache file are held the same way), with their names. Symbols are
 * decoded on lookup, which keeps a full index at a few bytes per pin instead of an object graph.
 */
final class LibraryData {
    final LibrarySource source;
    final byte[] buf;
    /** Records start here; {@code starts} and {@code ends} count from it. */
    final int base;
    final int[] starts;
    final int[] ends;
    final String[] names;
    final int derived;
    private final Map<String, Integer> byName;

    LibraryData(LibrarySource source, byte[] buf, int base, int[] starts, int[] ends, String[] names, int derived) {
        this.source = source;
        this.buf = buf;
        this.base = base;
        this.starts = starts;
        this.ends = ends;
        this.names = names;
        this.derived = derived;
        byName = new HashMap<>(names.length * 2);
        for (int i = 0; i < names.length; i++) {
            byName.putIfAbsent(names[i], i);
        }
    }

    static LibraryData of(LibrarySource source, List<Symbol> symbols) {
        SymbolRecords.Out out = new SymbolRecords.Out(symbols.size() * 1024);
        int n = symbols.size();
        int[] starts = new int[n];
        int[] ends = new int[n];
        String[] names = new String[n];
        // Where each encoded record's sections start: a derived symbol carries its parent's body
        // byte for byte, so it is copied from the parent's record instead of encoded again.
        int[][] sections = new int[n][];
        Map<String, Integer> encoded = new HashMap<>(n * 2);
        int derived = 0;
        for (int i = 0; i < n; i++) {
            Symbol s = symbols.get(i);
            starts[i] = out.size();
            names[i] = s.name();
            Integer parent = s.isDerived() ? encoded.get(s.extendsName()) : null;
            if (s.isDerived()) {
                derived++;
            }
            if (parent != null) {
                sections[i] = SymbolRecords.encodeDerived(s, out, sections[parent]);
            } else {
                sections[i] = SymbolRecords.encode(s, out);
            }
            ends[i] = out.size();
            encoded.putIfAbsent(s.name(), i);
        }
        return new LibraryData(source, out.toByteArray(), 0, starts, ends, names, derived);
    }

    String nickname() {
        return source.nickname();
    }

    int size() {
        return names.length;
    }

    int indexOf(String name) {
        Integer i = byName.get(name);
        return i == null ? -1 : i;
    }

    Symbol symbol(int i) {
        return SymbolRecords.decode(source, buf, base + starts[i], base + ends[i]);
    }

    byte[] record(int i) {
        return Arrays.copyOfRange(buf, base + starts[i], base + ends[i]);
    }

    /** The records region, as the cache file stores it. */
    int recordsLength() {
        return buf.length - base;
    }

    /** Memory held for this library, approximately: its bytes, tables and names. */
    long residentBytes() {
        long bytes = buf.length + 8L * names.length + 48L * names.length;
        for (String n : names) {
            bytes += n.length();
        }
        return bytes;
    }
}
