package io.circuitsynth.symbols;

import io.circuitsynth.internal.Engines;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.Optional;

/**
 * KiCad symbol libraries, indexed and ready to answer {@code LIB:NAME} lookups and searches. The
 * selected engine ({@code circuitsynth.engine}) does the work; a persistent cache
 * ({@link CacheDirectory}) makes every open after the first fast.
 *
 * <pre>{@code
 * try (SymbolLibraries libs = SymbolLibraries.open(List.of(
 *         LibrarySource.of(Path.of("/usr/share/kicad/symbols/Device.kicad_sym"))))) {
 *     Symbol r = libs.symbol("Device:R");          // or SymbolNotFoundException with suggestions
 *     List<SearchHit> hits = libs.search("op amp dual");
 * }
 * }</pre>
 *
 * <p>Thread-safe. Libraries that cannot be read are skipped and reported by {@link #warnings()}
 * (and logged); the others are served.
 */
public final class SymbolLibraries implements AutoCloseable {
    private final List<LibrarySource> libraries;
    private final SymbolIndex index;
    private final List<String> discoveryWarnings;

    private SymbolLibraries(List<LibrarySource> libraries, SymbolIndex index, List<String> discoveryWarnings) {
        this.libraries = libraries;
        this.index = index;
        this.discoveryWarnings = discoveryWarnings;
    }

    private SymbolLibraries withDiscoveryWarnings(List<String> warnings) {
        return new SymbolLibraries(libraries, index, List.copyOf(warnings));
    }

    /**
     * Every library KiCad itself would find on this machine ({@link SymbolLibraryDiscovery}),
     * indexed with the selected engine and the default cache directory. The built-in generic
     * libraries fill every nickname that nothing installed provides, so {@code Device:R} resolves
     * on a machine without KiCad too. Discovery warnings are part of {@link #warnings()}.
     */
    public static SymbolLibraries discover() {
        return discover(SymbolLibraryDiscovery.builder());
    }

    /** As {@link #discover()}, with a project, added libraries, or both. */
    public static SymbolLibraries discover(SymbolLibraryDiscovery.Builder discovery) {
        SymbolLibraryDiscovery.Result result = discovery.discover();
        SymbolLibraries libs = open(Engines.symbols(), sources(result), CacheDirectory.defaultDir());
        return result.warnings().isEmpty() ? libs : libs.withDiscoveryWarnings(result.warnings());
    }

    /**
     * The libraries of a discovery, in precedence order, followed by the built-in generic
     * library of every nickname the discovery did not find. Built-in libraries are held in
     * memory and never cached.
     */
    public static List<LibrarySource> sources(SymbolLibraryDiscovery.Result result) {
        List<LibrarySource> sources = new ArrayList<>();
        Set<String> nicknames = new HashSet<>();
        for (SymbolLibraryDiscovery.Library library : result.libraries()) {
            sources.add(LibrarySource.of(library.nickname(), library.path()));
            nicknames.add(library.nickname());
        }
        for (BuiltinLibraries.Library builtin : BuiltinLibraries.sources()) {
            if (!nicknames.contains(builtin.nickname())) {
                sources.add(LibrarySource.inMemory(builtin.nickname(),
                        BUILTIN_LABEL_DIR + "/" + builtin.nickname() + ".kicad_sym", builtin.content()));
            }
        }
        return sources;
    }

    /**
     * Where built-in libraries say they come from in messages. Not {@link BuiltinLibraries#PATH_PREFIX}:
     * a colon is no valid path character on Windows, and {@link LibrarySource} holds a path.
     */
    static final String BUILTIN_LABEL_DIR = "circuitsynth-builtin";

    /** Indexes {@code libraries} with the selected engine and the default cache directory. */
    public static SymbolLibraries open(List<LibrarySource> libraries) {
        return open(libraries, CacheDirectory.defaultDir());
    }

    /** Indexes {@code libraries} with the selected engine; {@code cacheDirOrNull} null means no persistent cache. */
    public static SymbolLibraries open(List<LibrarySource> libraries, Path cacheDirOrNull) {
        return open(Engines.symbols(), libraries, cacheDirOrNull);
    }

    /** Indexes {@code libraries} with {@code stage}. */
    public static SymbolLibraries open(SymbolStage stage, List<LibrarySource> libraries, Path cacheDirOrNull) {
        List<LibrarySource> copy = List.copyOf(libraries);
        return new SymbolLibraries(copy, stage.open(copy, cacheDirOrNull), List.of());
    }

    /**
     * The symbol {@code LIB:NAME}.
     *
     * @throws SymbolNotFoundException listing the closest matches and the libraries searched
     */
    public Symbol symbol(String id) {
        int colon = id.indexOf(':');
        String lib = colon < 0 ? "" : id.substring(0, colon);
        String name = colon < 0 ? id : id.substring(colon + 1);
        Optional<Symbol> found = colon < 0 ? Optional.empty() : index.lookup(lib, name);
        if (found.isPresent()) {
            return found.get();
        }
        throw new SymbolNotFoundException(id, index.suggestions(lib, name), servedLibraries());
    }

    /** The symbol {@code LIB:NAME}, if an indexed library holds it. */
    public Optional<Symbol> find(String id) {
        int colon = id.indexOf(':');
        return colon < 0 ? Optional.empty() : index.lookup(id.substring(0, colon), id.substring(colon + 1));
    }

    /** The symbol {@code name} of library {@code lib}, if present. */
    public Optional<Symbol> find(String lib, String name) {
        return index.lookup(lib, name);
    }

    /** The best 20 matches for {@code query} (every term must match). */
    public List<SearchHit> search(String query) {
        return search(query, SymbolSearch.DEFAULT_LIMIT);
    }

    public List<SearchHit> search(String query, int limit) {
        return index.search(query, limit);
    }

    /** The libraries asked for, in order, skipped ones included. */
    public List<LibrarySource> libraries() {
        return libraries;
    }

    /** One line per skipped library. */
    public List<String> warnings() {
        if (discoveryWarnings.isEmpty()) {
            return index.warnings();
        }
        List<String> all = new ArrayList<>(discoveryWarnings);
        all.addAll(index.warnings());
        return List.copyOf(all);
    }

    public SymbolIndex.Stats stats() {
        return index.stats();
    }

    /** The underlying index, for the other pipeline stages. */
    public SymbolIndex index() {
        return index;
    }

    /** The libraries asked for minus the skipped ones, which every engine reports by the same warning text. */
    private List<LibrarySource> servedLibraries() {
        List<String> warnings = index.warnings();
        List<LibrarySource> served = new java.util.ArrayList<>(libraries.size());
        for (LibrarySource s : libraries) {
            String skipped = "skipping library " + s.nickname() + " (" + s.path() + "): ";
            if (warnings.stream().noneMatch(w -> w.startsWith(skipped))) {
                served.add(s);
            }
        }
        return served;
    }

    @Override
    public void close() {
        index.close();
    }
}
