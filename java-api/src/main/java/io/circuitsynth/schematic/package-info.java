/**
 * The {@code schematic-writer} stage: a finalized design drawn as a KiCad 9 project that KiCad
 * reads back to the same circuit.
 *
 * <p>{@link io.circuitsynth.schematic.SchematicStage#generate} runs the whole pipeline: finalize
 * (netlist stage), symbols (symbol-cache), pin geometry (pin-calculator), layout per sheet and the
 * files. Every connected pin gets a short wire stub ending in a local label, a hierarchical label
 * where its net leaves the sheet, or a power symbol for a power net; unconnected pins get
 * no-connect flags, undriven power nets a {@code PWR_FLAG}. The specification, with the
 * geometry, element order and UUID names, is {@code conformance/schematic/README.md}.
 */
package io.circuitsynth.schematic;
