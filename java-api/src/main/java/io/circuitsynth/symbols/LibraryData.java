package io.circuitsynth.symbols;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One served library: its symbols' records back to back in one array (the layout the persistent
 * cache stores), with their names. Symbols are decoded on lookup, which keeps a full index at
 * a few bytes per pin instead of an object graph.
 */
final class LibraryData {
    final LibrarySource source;
    final byte[] buf;
    /** Record {@code i} spans {@code buf[base + offsets[i], base + offsets[i + 1])}. */
    final int base;
    final int[] offsets;
    final String[] names;
    final int derived;
    private final Map<String, Integer> byName;

    LibraryData(LibrarySource source, byte[] buf, int base, int[] offsets, String[] names, int derived) {
        this.source = source;
        this.buf = buf;
        this.base = base;
        this.offsets = offsets;
        this.names = names;
        this.derived = derived;
        byName = new HashMap<>(names.length * 2);
        for (int i = 0; i < names.length; i++) {
            byName.putIfAbsent(names[i], i);
        }
    }

    static LibraryData of(LibrarySource source, List<Symbol> symbols) {
        SymbolRecords.Out out = new SymbolRecords.Out(symbols.size() * 1024);
        int[] offsets = new int[symbols.size() + 1];
        String[] names = new String[symbols.size()];
        int derived = 0;
        for (int i = 0; i < names.length; i++) {
            Symbol s = symbols.get(i);
            offsets[i] = out.size();
            names[i] = s.name();
            if (s.isDerived()) {
                derived++;
            }
            SymbolRecords.encode(s, out);
        }
        offsets[names.length] = out.size();
        return new LibraryData(source, out.toByteArray(), 0, offsets, names, derived);
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
        return SymbolRecords.decode(source, buf, base + offsets[i], base + offsets[i + 1]);
    }

    byte[] record(int i) {
        return java.util.Arrays.copyOfRange(buf, base + offsets[i], base + offsets[i + 1]);
    }

    long recordBytes() {
        return offsets[names.length];
    }
}
