package io.circuitsynth.netlist;

import static org.assertj.core.api.Assertions.assertThat;

import io.circuitsynth.symbols.JavaSymbolStage;
import io.circuitsynth.symbols.SymbolIndex;
import io.circuitsynth.testing.ByteAsserts;
import io.circuitsynth.testing.TestEngines;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * The benchmark designs are what they claim, in every engine under test: the synthetic design
 * finalizes with every net it was built with, and the absolute twin of the prefix-only design
 * writes the same {@code .net}. (The encodings of both generators are held to
 * {@code conformance/netlist/codec/synthetic.hex} by the codec tests.)
 */
class SyntheticDesignsTest {

    @Test
    void theSyntheticDesignFinalizesWithAllItsComponentsAndNets() {
        try (SymbolIndex index = TestCircuits.builtinIndex(new JavaSymbolStage())) {
            Netlist netlist = Finalizer.finalize(SyntheticDesigns.design(1_000, 1_200), index);
            assertThat(netlist.components()).hasSize(1_000);
            assertThat(netlist.nets()).hasSize(1_200);
        }
    }

    @Test
    void prefixOnlyAndItsAbsoluteTwinWriteTheSameNet() {
        for (NetlistStage stage : TestEngines.netlistStagesUnderTest()) {
            try (SymbolIndex index = TestCircuits.builtinIndex(TestEngines.symbolStageFor(stage))) {
                byte[] prefixed = stage.writeNet(SyntheticDesigns.prefixOnly(60), index);
                byte[] absolute = stage.writeNet(SyntheticDesigns.absoluteOnly(60), index);
                ByteAsserts.assertSameBytes(prefixed, absolute, TestEngines.name(stage));
                assertThat(new String(prefixed, StandardCharsets.UTF_8)).contains("(comp (ref \"U12\")");
            }
        }
    }
}
