package io.circuitsynth.symbols;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The Java engine's {@link SymbolIndex}: library records in memory, search tables built on first use. */
final class JavaSymbolIndex implements SymbolIndex {
    private final List<LibraryData> libraries;
    private final Map<String, LibraryData> byNickname;
    private final List<String> warnings;
    private volatile List<SymbolSearch.Entry> searchEntries;
    private volatile boolean closed;

    JavaSymbolIndex(List<LibraryData> libraries, List<String> warnings) {
        this.libraries = List.copyOf(libraries);
        this.warnings = List.copyOf(warnings);
        byNickname = new HashMap<>();
        for (LibraryData l : libraries) {
            byNickname.putIfAbsent(l.nickname(), l);
        }
    }

    @Override
    public Optional<Symbol> lookup(String lib, String name) {
        checkOpen();
        LibraryData l = byNickname.get(lib);
        if (l == null) {
            return Optional.empty();
        }
        int i = l.indexOf(name);
        return i < 0 ? Optional.empty() : Optional.of(l.symbol(i));
    }

    @Override
    public Optional<Path> libraryFile(String nickname) {
        checkOpen();
        LibraryData l = byNickname.get(nickname);
        if (l == null || l.source.inMemoryOrNull() != null) {
            return Optional.empty();
        }
        return Optional.of(l.source.path().toAbsolutePath());
    }

    @Override
    public List<String> suggestions(String lib, String name) {
        checkOpen();
        List<String> nicknames = new ArrayList<>(libraries.size());
        List<String[]> names = new ArrayList<>(libraries.size());
        for (LibraryData l : libraries) {
            nicknames.add(l.nickname());
            names.add(l.names);
        }
        return SymbolSearch.suggestions(nicknames, names, lib, name);
    }

    @Override
    public List<SearchHit> search(String query, int limit) {
        checkOpen();
        return SymbolSearch.search(entries(), query, limit);
    }

    private List<SymbolSearch.Entry> entries() {
        List<SymbolSearch.Entry> e = searchEntries;
        if (e == null) {
            synchronized (this) {
                e = searchEntries;
                if (e == null) {
                    List<SymbolSearch.Entry> built = new ArrayList<>();
                    for (LibraryData l : libraries) {
                        for (int i = 0; i < l.size(); i++) {
                            built.add(SymbolSearch.Entry.of(l.symbol(i)));
                        }
                    }
                    searchEntries = e = List.copyOf(built);
                }
            }
        }
        return e;
    }

    @Override
    public Stats stats() {
        checkOpen();
        long symbols = 0;
        long derived = 0;
        long bytes = 0;
        for (LibraryData l : libraries) {
            symbols += l.size();
            derived += l.derived;
            bytes += l.residentBytes();
        }
        return new Stats(libraries.size(), symbols, derived, bytes);
    }

    @Override
    public List<String> warnings() {
        checkOpen();
        return warnings;
    }

    @Override
    public byte[] dumpLibrary(String lib) {
        checkOpen();
        LibraryData l = byNickname.get(lib);
        if (l == null) {
            return null;
        }
        List<Symbol> symbols = new ArrayList<>(l.size());
        for (int i = 0; i < l.size(); i++) {
            symbols.add(l.symbol(i));
        }
        return SymbolDump.dump(symbols);
    }

    /** Names of library {@code lib}'s symbols in file order, or null; for tests that walk every symbol. */
    List<String> names(String lib) {
        LibraryData l = byNickname.get(lib);
        return l == null ? null : List.of(l.names);
    }

    /** The stored record of {@code lib}'s symbol {@code i} (file order). */
    byte[] record(String lib, int i) {
        return byNickname.get(lib).record(i);
    }

    /** Nicknames of the served libraries, in order. */
    List<String> nicknames() {
        List<String> result = new ArrayList<>(libraries.size());
        for (LibraryData l : libraries) {
            result.add(l.nickname());
        }
        return result;
    }

    @Override
    public void close() {
        closed = true;
    }

    private void checkOpen() {
        if (closed) {
            throw new IllegalStateException("symbol index is closed");
        }
    }
}
