package io.circuitsynth.netlist;

import io.circuitsynth.symbols.BuiltinLibraries;
import io.circuitsynth.symbols.LibrarySource;
import io.circuitsynth.symbols.SymbolIndex;
import io.circuitsynth.symbols.SymbolStage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Test support: where the vectors are, and the built-in symbol libraries they are finalized
 * against. The Rust twin is {@code rust-crates/netlist/tests/support/mod.rs}.
 */
final class TestCircuits {
    private TestCircuits() {}

    static Path vectorDir() {
        String root = System.getProperty("circuitsynth.projectRoot");
        Path dir = root != null ? Path.of(root, "conformance", "netlist") : Path.of("..", "conformance", "netlist");
        return dir.toAbsolutePath().normalize();
    }

    /** The libraries shipped in the jar, held in memory. */
    static SymbolIndex builtinIndex(SymbolStage stage) {
        List<LibrarySource> sources = new ArrayList<>();
        for (BuiltinLibraries.Library library : BuiltinLibraries.sources()) {
            sources.add(LibrarySource.inMemory(library.nickname(),
                    "circuitsynth-builtin/" + library.nickname() + ".kicad_sym", library.content()));
        }
        SymbolIndex index = stage.open(sources, null);
        if (!index.warnings().isEmpty()) {
            throw new AssertionError(index.warnings().toString());
        }
        return index;
    }
}
