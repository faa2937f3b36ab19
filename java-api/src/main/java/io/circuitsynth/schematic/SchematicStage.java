package io.circuitsynth.schematic;

import io.circuitsynth.netlist.Design;
import io.circuitsynth.symbols.SymbolIndex;

/**
 * The {@code schematic-writer} stage: a design becomes a complete KiCad 9 project, every file's
 * bytes in memory. Two implementations give identical bytes and identical error messages:
 * {@link JavaSchematicStage}, which runs the Java stages one after the other, and
 * {@code io.circuitsynth.natives.NativeSchematicStage}, which makes one whole-pipeline JNI call.
 * The specification is {@code conformance/schematic/README.md}.
 */
public interface SchematicStage {

    /**
     * Finalizes {@code design}, places every sheet and writes the project.
     *
     * @param symbols the libraries components resolve in; for the native stage an index the
     *     native engine opened
     * @throws io.circuitsynth.netlist.NetlistException for a design finalize rejects
     * @throws SchematicException for a design KiCad cannot draw as given
     */
    GeneratedProject generate(Design design, SymbolIndex symbols);
}
