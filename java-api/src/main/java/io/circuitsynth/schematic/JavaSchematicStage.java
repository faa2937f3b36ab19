package io.circuitsynth.schematic;

import io.circuitsynth.netlist.Design;
import io.circuitsynth.netlist.Finalizer;
import io.circuitsynth.symbols.SymbolIndex;

/** The Java implementation of the {@code schematic-writer} stage: the Java stages, one after the other. */
public final class JavaSchematicStage implements SchematicStage {

    @Override
    public GeneratedProject generate(Design design, SymbolIndex symbols) {
        return ProjectWriter.write(design, Finalizer.finalize(design, symbols), symbols);
    }
}
