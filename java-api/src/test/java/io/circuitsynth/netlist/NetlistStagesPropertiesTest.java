package io.circuitsynth.netlist;

import static org.assertj.core.api.Assertions.assertThat;

import io.circuitsynth.natives.NativeDesign;
import io.circuitsynth.natives.Natives;
import io.circuitsynth.testing.ByteAsserts;
import io.circuitsynth.testing.KicadFiles;
import io.circuitsynth.testing.TestEngines;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.statistics.Statistics;

/**
 * Random designs through every {@link NetlistStage} under test: identical circuit JSON bytes,
 * identical {@code .net} bytes or identical errors (class and message), and the written JSON read
 * back identically by every engine. Every error is a {@link NetlistException}: bad input never
 * surfaces as another exception from either engine. The coverage checks keep the generator
 * honest: at least 15 % of the designs must finalize, and at least 15 % must not.
 */
class NetlistStagesPropertiesTest {

    @Provide
    Arbitrary<Design> designs() {
        return DesignArbitraries.plausibleDesign();
    }

    @AfterContainer
    static void closeIndexes() {
        NetlistStagesConformanceTest.closeIndexes();
    }

    private record Result(byte[] bytes, Class<?> errorClass, String error, Design design) {}

    private static Result writeNet(NetlistStage stage, Design design) {
        try {
            return new Result(stage.writeNet(design, NetlistStagesConformanceTest.builtinIndex(stage)), null, null,
                    null);
        } catch (RuntimeException e) {
            return new Result(null, e.getClass(), e.getMessage(), null);
        }
    }

    private static Result readJson(NetlistStage stage, byte[] json) {
        try {
            return new Result(null, null, null, stage.readCircuitJson(json));
        } catch (RuntimeException e) {
            return new Result(null, e.getClass(), e.getMessage(), null);
        }
    }

    private static void assertAgree(String what, Result reference, Result other) {
        assertThat(other.errorClass()).as("%s: exception class", what).isEqualTo(reference.errorClass());
        assertThat(other.error()).as("%s: message", what).isEqualTo(reference.error());
        assertThat(other.design()).as("%s: design", what).isEqualTo(reference.design());
        if (reference.bytes() != null) {
            ByteAsserts.assertSameBytes(other.bytes(), reference.bytes(), what);
        }
    }

    @Property(tries = 300)
    void enginesAgreeOnEveryDesign(@ForAll("designs") Design design) {
        List<NetlistStage> stages = TestEngines.netlistStagesUnderTest();
        byte[] json = stages.get(0).writeCircuitJson(design);
        Result net = writeNet(stages.get(0), design);
        Result read = readJson(stages.get(0), json);
        for (Result r : List.of(net, read)) {
            if (r.errorClass() != null) {
                assertThat(r.errorClass()).as(r.error()).isEqualTo(NetlistException.class);
            }
        }
        Statistics.label("writeNet").collect(net.bytes() != null ? "written" : "refused");
        // What refused the designs, numbers and quoted text folded, so the report shows which
        // checks the generator reaches.
        Statistics.label("why").collect(net.error() == null ? "-"
                : net.error().replaceAll("[0-9]+", "N").replaceAll("\"[^\"]*\"|'[^']*'", "Q")
                        .replaceAll("(pins are|: ).*", "$1"));
        Statistics.label("writeNet").coverage(c -> c.check("written").percentage(p -> p >= 15));
        Statistics.label("writeNet").coverage(c -> c.check("refused").percentage(p -> p >= 15));
        for (NetlistStage other : stages.subList(1, stages.size())) {
            String name = TestEngines.name(other);
            ByteAsserts.assertSameBytes(other.writeCircuitJson(design), json, name + " circuit JSON");
            assertAgree(name + " .net", net, writeNet(other, design));
            assertAgree(name + " circuit JSON read back", read, readJson(other, json));
        }
    }
    private record References(List<String> references, Class<?> errorClass, String error) {}

    private static References references(Function<Design, List<String>> engine, Design design) {
        try {
            return new References(engine.apply(design), null, null);
        } catch (RuntimeException e) {
            return new References(null, e.getClass(), e.getMessage());
        }
    }

    /**
     * Reference generation alone (what {@code NetlistBenchmark.references10k} times): the same
     * references or the same error from both engines, and when the design finalizes, exactly the
     * references of its finalized components. (That a refused design gets finalize's own message is
     * held by the Rust vector test {@code references_alone_are_finalizes}.)
     */
    @Property(tries = 300)
    void referencesAreFinalizesInBothEngines(@ForAll("designs") Design design) {
        References java = references(Finalizer::references, design);
        if (java.errorClass() != null) {
            assertThat(java.errorClass()).as(java.error()).isEqualTo(NetlistException.class);
        }
        NetlistStage javaStage = new JavaNetlistStage();
        try {
            Netlist netlist = Finalizer.finalize(design, NetlistStagesConformanceTest.builtinIndex(javaStage));
            assertThat(java.references()).as(java.error())
                    .containsExactlyElementsOf(netlist.components().stream().map(Netlist.Component::reference).toList());
        } catch (NetlistException e) {
            // Finalize checks symbols and nets before the references, so its error may be another.
        }
        if (nativeUnderTest()) {
            assertThat(references(Natives::references, design)).as("native references").isEqualTo(java);
            assertThat(references(NetlistStagesPropertiesTest::heldReferences, design)).as("held design's references")
                    .isEqualTo(java);
        }
    }

    private static List<String> heldReferences(Design design) {
        try (NativeDesign held = Natives.hold(design)) {
            return held.references();
        }
    }

    private static boolean nativeUnderTest() {
        return TestEngines.netlistStagesUnderTest().stream().anyMatch(s -> !(s instanceof JavaNetlistStage));
    }

    /**
     * Every circuit JSON vector of {@code conformance/netlist/}: the same references or the same
     * error, message included, from both engines. The native engine first sends the outline
     * without component names, and asks again with them for a refused design's message; the
     * refused vectors (duplicate references, bad prefixes, hierarchy errors) are that path.
     */
    @Example
    void everyVectorHasTheSameReferencesInBothEngines() throws IOException {
        Path dir = TestCircuits.vectorDir();
        List<Path> inputs = KicadFiles.find(dir, ".json").stream()
                .filter(p -> p.getParent().equals(dir))
                .filter(p -> !p.getFileName().toString().endsWith(".out.json"))
                .filter(p -> !p.getFileName().toString().endsWith(".cs.json"))
                .toList();
        int[] counts = new int[2];
        for (Path in : inputs) {
            Design design;
            try {
                design = CircuitJson.read(Files.readAllBytes(in));
            } catch (NetlistException unreadable) {
                continue;
            }
            References java = references(Finalizer::references, design);
            if (nativeUnderTest()) {
                assertThat(references(Natives::references, design)).as(in.toString()).isEqualTo(java);
            }
            counts[java.error() == null ? 0 : 1]++;
        }
        KicadFiles.require(counts[0] >= 8 && counts[1] >= 10, "only " + counts[0] + " vectors with references and "
                + counts[1] + " refused for them in " + dir);
    }
}
