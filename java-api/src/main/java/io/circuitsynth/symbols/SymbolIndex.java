package io.circuitsynth.symbols;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Resolved symbols of a set of libraries, from {@link SymbolStage#open}. Thread-safe. Close it to
 * release native memory; using it after {@link #close()} throws {@link IllegalStateException}.
 */
public interface SymbolIndex extends AutoCloseable {

    /**
     * Sizes of an index.
     *
     * @param libraries libraries served (skipped ones not counted)
     * @param symbols symbols in them
     * @param derived how many of those extend another symbol
     * @param residentBytes memory the index holds for symbol data, approximately
     */
    record Stats(long libraries, long symbols, long derived, long residentBytes) {}

    /** The symbol {@code name} of library {@code lib}, if the index serves that library and it holds the name. */
    Optional<Symbol> lookup(String lib, String name);

    /**
     * The file of the library served as {@code nickname}, made absolute the way
     * {@link Path#toAbsolutePath()} does (no link or {@code ..} resolution); empty when no library
     * serves that nickname (absent, skipped, or a later duplicate) or it is held in memory (a
     * built-in library). The {@code .net} writer lists these in its libraries section.
     */
    Optional<Path> libraryFile(String nickname);

    /** Up to five {@code LIB:NAME} close to an unknown {@code lib:name}, best first (specification's rule). */
    List<String> suggestions(String lib, String name);

    /** Symbols matching every term of {@code query}, best first, at most {@code limit}. */
    List<SearchHit> search(String query, int limit);

    Stats stats();

    /**
     * Warnings in library order: libraries skipped (with the reason and position) and cache files
     * found unusable or not writable. Both engines word them alike; they are also logged.
     */
    List<String> warnings();

    /** The specification's dump of every symbol of {@code lib}, UTF-8; null for an unknown library. */
    byte[] dumpLibrary(String lib);

    @Override
    void close();
}
