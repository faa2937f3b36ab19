package io.circuitsynth.netlist;

import io.circuitsynth.symbols.SymbolIndex;

/**
 * The {@code netlist} stage: reads every supported input into a {@link Design}, writes circuit
 * JSON, and finalizes a design into a KiCad {@code .net}. Two implementations give identical bytes
 * and identical error messages: {@link JavaNetlistStage} and
 * {@code io.circuitsynth.natives.NativeNetlistStage}. The specification is
 * {@code conformance/netlist/README.md}. Applications use {@code io.circuitsynth.Circuit}.
 *
 * <p>Every method throws {@link NetlistException} for bad input, with the specification's one-line
 * message (no source name: the caller prefixes {@code SOURCE: } when it shows it).
 */
public interface NetlistStage {

    /** Circuit JSON (specification section 5) into a design. */
    Design readCircuitJson(byte[] json);

    /** circuit-synth's circuit JSON (section 6) into a design. */
    Design readCircuitSynthJson(byte[] json);

    /** A KiCad {@code .net} (section 4) into a design. */
    Design readNet(byte[] net);

    /** A design as circuit JSON in the canonical layout (section 5, writing). */
    byte[] writeCircuitJson(Design design);

    /**
     * Finalizes {@code design} (section 2) against {@code symbols} and writes its KiCad {@code .net}
     * (section 3).
     *
     * @param symbols the libraries components resolve in; for the native stage an index the native
     *     engine opened
     */
    byte[] writeNet(Design design, SymbolIndex symbols);
}
