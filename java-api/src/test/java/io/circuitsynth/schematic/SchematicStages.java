package io.circuitsynth.schematic;

import io.circuitsynth.symbols.BuiltinLibraries;
import io.circuitsynth.symbols.JavaSymbolStage;
import io.circuitsynth.symbols.LibrarySource;
import io.circuitsynth.symbols.SymbolIndex;
import io.circuitsynth.symbols.SymbolStage;
import java.util.ArrayList;
import java.util.List;

/** The schematic stages under test (the rule of {@code TestEngines}), and the indexes each one reads. */
final class SchematicStages {
    private SchematicStages() {}

    static List<SchematicStage> underTest() {
        return List.of(new JavaSchematicStage());
    }

    static String name(SchematicStage stage) {
        return stage instanceof JavaSchematicStage ? "java" : "native";
    }

    /** The symbol stage whose indexes {@code stage} reads. */
    static SymbolStage symbolStage(SchematicStage stage) {
        return new JavaSymbolStage();
    }

    /** The built-in libraries held in memory, opened by {@code stage}'s symbol stage. */
    static SymbolIndex builtinIndex(SchematicStage stage) {
        List<LibrarySource> sources = new ArrayList<>();
        for (BuiltinLibraries.Library library : BuiltinLibraries.sources()) {
            sources.add(LibrarySource.inMemory(library.nickname(),
                    "circuitsynth-builtin/" + library.nickname() + ".kicad_sym", library.content()));
        }
        return symbolStage(stage).open(sources, null);
    }
}
