package io.circuitsynth.natives;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.circuitsynth.netlist.ComponentSpec;
import io.circuitsynth.netlist.ComponentSpec.ReferenceKind;
import io.circuitsynth.netlist.Definition;
import io.circuitsynth.netlist.Design;
import io.circuitsynth.netlist.Finalizer;
import io.circuitsynth.netlist.NetlistException;
import io.circuitsynth.netlist.SyntheticDesigns;
import io.circuitsynth.symbols.SymbolIndex;
import io.circuitsynth.testing.ByteAsserts;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A design held by the native engine ({@link Natives#hold}) gives what the native stage gives
 * for the same design sent with every call, refuses use after close, and can be shared by
 * threads. (The property {@code NetlistStagesPropertiesTest.referencesAreFinalizesInBothEngines}
 * also holds random designs.)
 */
class NativeDesignTest {

    @BeforeAll
    static void nativeLoaded() {
        Assumptions.assumeTrue(NativeDesignCodecTest.nativeUnderTest(),
                () -> "SKIPPED: native engine not under test: " + System.getProperty("circuitsynth.engine", "auto"));
    }

    @Test
    void referencesAndNetAreTheStagesOwn() {
        Design design = SyntheticDesigns.design(300, 360);
        try (NativeDesign held = Natives.hold(design);
                SymbolIndex index = new NativeSymbolStage().open(NativeDesignCodecTest.builtinSources(), null)) {
            assertThat(held.references()).isEqualTo(Natives.references(design))
                    .isEqualTo(Finalizer.references(design)).hasSize(300);
            byte[] net = new NativeNetlistStage().writeNet(design, index);
            ByteAsserts.assertSameBytes(held.writeNet(index), net, "held design's .net");
            // Asked twice, the same answer: nothing in the held design is consumed.
            ByteAsserts.assertSameBytes(held.writeNet(index), net, "held design's .net, again");
            assertThat(held.references()).isEqualTo(Finalizer.references(design));
        }
    }

    @Test
    void aRefusedDesignGivesFinalizesMessage() {
        ComponentSpec r1 = new ComponentSpec("a", "Device:R", ReferenceKind.FIXED, "R1", "1k", "", "", "",
                List.of(), false, true, true, null, List.of(), "$.components[0]");
        ComponentSpec again = new ComponentSpec("b", "Device:R", ReferenceKind.ABSOLUTE, "r1", "1k", "", "", "",
                List.of(), false, true, true, null, List.of(), "$.components[1]");
        Design design = new Design("dup", "Main", List.of(new Definition("Main", List.of(), List.of(r1, again),
                List.of(), List.of(), List.of(), null)));
        String message = "duplicate reference r1: / a (at $.components[0]) and / b (at $.components[1])";
        assertThatThrownBy(() -> Finalizer.references(design)).isExactlyInstanceOf(NetlistException.class)
                .hasMessage(message);
        assertThatThrownBy(() -> Natives.references(design)).isExactlyInstanceOf(NetlistException.class)
                .hasMessage(message);
        try (NativeDesign held = Natives.hold(design)) {
            assertThatThrownBy(held::references).isExactlyInstanceOf(NetlistException.class).hasMessage(message);
        }
    }

    @Test
    void aClosedDesignRefusesEveryCallAndClosesTwiceQuietly() {
        NativeDesign held = Natives.hold(SyntheticDesigns.prefixOnly(10));
        held.close();
        held.close();
        assertThatThrownBy(held::references).isExactlyInstanceOf(IllegalStateException.class)
                .hasMessage("held design is closed");
        try (SymbolIndex index = new NativeSymbolStage().open(List.of(), null)) {
            assertThatThrownBy(() -> held.writeNet(index)).isExactlyInstanceOf(IllegalStateException.class)
                    .hasMessage("held design is closed");
        }
    }

    @Test
    void threadsShareOneHeldDesign() throws Exception {
        Design design = SyntheticDesigns.prefixOnly(2_000);
        List<String> expected = Finalizer.references(design);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try (NativeDesign held = Natives.hold(design)) {
            List<Future<List<String>>> answers = new java.util.ArrayList<>();
            for (int i = 0; i < 16; i++) {
                answers.add(pool.submit(held::references));
            }
            for (Future<List<String>> answer : answers) {
                assertThat(answer.get()).isEqualTo(expected);
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
