package io.circuitsynth.schematic;

import io.circuitsynth.natives.Natives;
import io.circuitsynth.symbols.BuiltinLibraries;
import io.circuitsynth.symbols.JavaSymbolStage;
import io.circuitsynth.symbols.LibrarySource;
import io.circuitsynth.symbols.SymbolIndex;
import io.circuitsynth.symbols.SymbolStage;
import io.circuitsynth.testing.TestEngines;
import java.util.ArrayList;
import java.util.List;

/** The schematic stages under test (the rule of {@code TestEngines}), and the indexes each one reads. */
final class SchematicStages {
    private SchematicStages() {}

    /** The Java stage, and the native one beside it as {@code TestEngines} decides. */
    static List<SchematicStage> underTest() {
        List<SchematicStage> out = new ArrayList<>();
        out.add(new JavaSchematicStage());
        for (SymbolStage symbols : TestEngines.symbolStagesUnderTest()) {
            if (!(symbols instanceof JavaSymbolStage)) {
                out.add(Natives.schematicStage().orElseThrow(() -> new AssertionError(
                        "a native symbol stage without a native schematic stage: " + Natives.status().reason())));
            }
        }
        return out;
    }

    static String name(SchematicStage stage) {
        return stage instanceof JavaSchematicStage ? "java" : "native";
    }

    /** The symbol stage whose indexes {@code stage} reads. */
    static SymbolStage symbolStage(SchematicStage stage) {
        if (stage instanceof JavaSchematicStage) {
            return new JavaSymbolStage();
        }
        return Natives.symbolStage().orElseThrow(() -> new AssertionError(Natives.status().reason()));
    }

    /** The built-in libraries held in memory, opened by {@code stage}'s symbol stage. */
    static SymbolIndex builtinIndex(SchematicStage stage) {
        return builtinIndex(stage, List.of());
    }

    /** The built-in libraries and {@code extra}, opened by {@code stage}'s symbol stage. */
    static SymbolIndex builtinIndex(SchematicStage stage, List<LibrarySource> extra) {
        List<LibrarySource> sources = new ArrayList<>(extra);
        for (BuiltinLibraries.Library library : BuiltinLibraries.sources()) {
            sources.add(LibrarySource.inMemory(library.nickname(),
                    "circuitsynth-builtin/" + library.nickname() + ".kicad_sym", library.content()));
        }
        return symbolStage(stage).open(sources, null);
    }
}
