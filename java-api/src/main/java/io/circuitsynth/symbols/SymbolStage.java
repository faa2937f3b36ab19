package io.circuitsynth.symbols;

import java.nio.file.Path;
import java.util.List;

/**
 * The {@code symbol-cache} stage: reads KiCad symbol libraries into a searchable index of resolved
 * symbols, kept in a persistent cache between runs. Two implementations give identical results:
 * {@link JavaSymbolStage} and {@code io.circuitsynth.natives.NativeSymbolStage}. The specification
 * is {@code conformance/symbols/README.md}. Applications use {@link SymbolLibraries}.
 */
public interface SymbolStage {

    /**
     * Indexes {@code libraries}, in parallel; the index answers in library order. A library that
     * cannot be read is skipped with a warning ({@link SymbolIndex#warnings()}); every other one is
     * served.
     *
     * @param cacheDirOrNull the cache root ({@code CACHE} of the specification), or null for no
     *     persistent cache
     */
    SymbolIndex open(List<LibrarySource> libraries, Path cacheDirOrNull);
}
