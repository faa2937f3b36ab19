package io.circuitsynth.netlist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.circuitsynth.netlist.ComponentSpec.ReferenceKind;
import io.circuitsynth.testing.ByteAsserts;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The Java design codec against {@code conformance/netlist/codec/} (the same vectors the Rust
 * codec's {@code tests/codec.rs} reads) and its properties.
 */
class DesignCodecTest {

    private static void assertGolden(String file, Design design) {
        byte[] expected = CodecVectors.readHex(CodecVectors.dir().resolve(file));
        ByteAsserts.assertSameBytes(DesignCodec.encode(design), expected, file);
        assertThat(DesignCodec.decode(expected)).isEqualTo(design);
    }

    @Test
    void smallDesignEncodesToTheGoldenBytes() {
        assertGolden("small.hex", CodecVectors.smallDesign());
    }

    /** The same bytes as the Rust twin's {@code encode_outline} (tests/codec.rs). */
    @Test
    void smallOutlinesEncodeToTheGoldenBytes() {
        for (boolean names : new boolean[] {true, false}) {
            String file = names ? "small.outline.hex" : "small.nameless-outline.hex";
            byte[] expected = CodecVectors.readHex(CodecVectors.dir().resolve(file));
            ByteAsserts.assertSameBytes(DesignCodec.encodeOutline(CodecVectors.smallDesign(), names), expected, file);
        }
    }

    @Test
    void syntheticDesignMatchesTheRustGenerator() {
        assertGolden("synthetic.hex", SyntheticDesigns.design(12, 14));
    }

    @Test
    void emptyDesignIsMagicVersionAndFourZeros() {
        byte[] bytes = DesignCodec.encode(new Design("", "", List.of()));
        assertThat(bytes).containsExactly('C', 'S', 'D', 'E', 1, 0, 0, 0, 0);
    }

    @TestFactory
    List<DynamicTest> refusedBytesGiveTheVectorMessages() {
        List<CodecVectors.Refused> vectors = CodecVectors.refused();
        assertThat(vectors).hasSizeGreaterThanOrEqualTo(10);
        List<DynamicTest> tests = new ArrayList<>();
        for (CodecVectors.Refused v : vectors) {
            tests.add(DynamicTest.dynamicTest(v.name(), () -> assertThatThrownBy(() -> DesignCodec.decode(v.bytes()))
                    .isExactlyInstanceOf(DesignCodec.MalformedDesignException.class)
                    .hasMessage(v.message())));
        }
        return tests;
    }

    @Test
    void largeDesignRoundTrips() {
        Design design = SyntheticDesigns.design(10_000, 12_000);
        assertThat(DesignCodec.decode(DesignCodec.encode(design))).isEqualTo(design);
    }

    @Test
    void unpairedSurrogatesAreWrittenAsQuestionMarks() {
        Design design = new Design("a\uD800b", "\uDC00", List.of());
        assertThat(DesignCodec.decode(DesignCodec.encode(design))).isEqualTo(new Design("a?b", "?", List.of()));
    }

    @Test
    void negativeUnitsAreRefused() {
        ComponentSpec c = new ComponentSpec("R1", "Device:R", ReferenceKind.FIXED, "R1", "", "", "", "", List.of(),
                false, true, true, null, List.of(), null);
        NetSpec net = new NetSpec("N", null, NetSpec.Power.AUTO, "Default", List.of(new PinRef("R1", "1", -1, null)),
                false, null);
        Design design = new Design("p", "Main",
                List.of(new Definition("Main", List.of(), List.of(c), List.of(net), List.of(), List.of(), null)));
        assertThatThrownBy(() -> DesignCodec.encode(design)).isExactlyInstanceOf(IllegalArgumentException.class)
                .hasMessage("node R1.1 has unit -1; units are 0 or more");
    }

    @Test
    void aRealReplacementCharacterIsNoError() {
        Design design = new Design("\uFFFD", "x\uFFFD", List.of());
        assertThat(DesignCodec.decode(DesignCodec.encode(design))).isEqualTo(design);
    }

    @Provide
    Arbitrary<Design> designs() {
        return DesignArbitraries.anyDesign();
    }

    /** The design {@link DesignCodec#encodeOutline} encodes, built field by field. */
    private static Design outlineOf(Design design, boolean componentNames) {
        List<Definition> definitions = new ArrayList<>();
        for (Definition d : design.definitions()) {
            List<ComponentSpec> components = new ArrayList<>();
            for (ComponentSpec c : d.components()) {
                components.add(new ComponentSpec(componentNames ? c.id() : "", "", c.referenceKind(), c.reference(),
                        "", "", "", "", List.of(), false, false, false, null, List.of(),
                        componentNames ? c.origin() : null));
            }
            List<InstanceSpec> instances = new ArrayList<>();
            for (InstanceSpec i : d.instances()) {
                instances.add(new InstanceSpec(i.name(), i.definition(), List.of(), i.origin()));
            }
            definitions.add(new Definition(d.name(), d.ports(), components, List.of(), List.of(), instances,
                    d.origin()));
        }
        return new Design("", design.root(), definitions);
    }

    /**
     * An outline is the encoding, byte for byte, of the design it describes, with or without
     * component names; designs with non-ASCII and long references take the general path.
     */
    @Property(tries = 300)
    void anOutlineIsTheEncodingOfItsDesign(@ForAll("designs") Design design) {
        for (boolean names : new boolean[] {true, false}) {
            Design outline = outlineOf(design, names);
            byte[] bytes = DesignCodec.encodeOutline(design, names);
            ByteAsserts.assertSameBytes(bytes, DesignCodec.encode(outline), "outline, names " + names);
            assertThat(DesignCodec.decode(bytes)).isEqualTo(outline);
        }
    }

    @Test
    void outlinesOfUnusualReferencesAreTheirEncodings() {
        String longReference = "R".repeat(200);
        List<ComponentSpec> components = new ArrayList<>();
        for (String reference : List.of("R", "Ω", "R\u00e9", longReference, "R".repeat(127), "R".repeat(128), "")) {
            components.add(new ComponentSpec("c" + components.size(), "Device:R", ReferenceKind.PREFIX, reference,
                    "1k", "", "", "", List.of(), false, true, true, null, List.of(), "$.components[0]"));
        }
        Design design = new Design("unusual", "Main", List.of(new Definition("Main", List.of(), components,
                List.of(), List.of(), List.of(), null)));
        for (boolean names : new boolean[] {true, false}) {
            ByteAsserts.assertSameBytes(DesignCodec.encodeOutline(design, names),
                    DesignCodec.encode(outlineOf(design, names)), "names " + names);
        }
    }

    @Property(tries = 500)
    void everyDesignRoundTrips(@ForAll("designs") Design design) {
        byte[] bytes = DesignCodec.encode(design);
        assertThat(DesignCodec.decode(bytes)).isEqualTo(design);
    }

    @Provide
    Arbitrary<List<Tuple.Tuple3<Integer, Integer, Integer>>> edits() {
        return Combinators.combine(Arbitraries.integers().between(0, Integer.MAX_VALUE),
                Arbitraries.integers().between(0, 255), Arbitraries.integers().between(0, 2)).as(Tuple::of)
                .list().ofMinSize(1).ofMaxSize(3);
    }

    /** Damaged bytes are refused with the codec's own exception, or decode and re-encode to themselves. */
    @Property(tries = 500)
    void damagedEncodingsFailCleanlyOrReEncodeToThemselves(@ForAll("designs") Design design,
            @ForAll("edits") List<Tuple.Tuple3<Integer, Integer, Integer>> edits) {
        List<Byte> bytes = new ArrayList<>();
        for (byte b : DesignCodec.encode(design)) {
            bytes.add(b);
        }
        for (Tuple.Tuple3<Integer, Integer, Integer> edit : edits) {
            if (bytes.isEmpty()) {
                break;
            }
            int at = edit.get1() % bytes.size();
            byte value = (byte) (int) edit.get2();
            switch (edit.get3()) {
                case 0 -> bytes.set(at, value);
                case 1 -> bytes.subList(at, bytes.size()).clear();
                default -> bytes.add(at, value);
            }
        }
        byte[] damaged = new byte[bytes.size()];
        for (int i = 0; i < damaged.length; i++) {
            damaged[i] = bytes.get(i);
        }
        Design decoded;
        try {
            decoded = DesignCodec.decode(damaged);
        } catch (DesignCodec.MalformedDesignException e) {
            assertThat(e.getMessage()).startsWith("malformed design encoding at byte ");
            return;
        }
        assertThat(DesignCodec.encode(decoded)).isEqualTo(damaged);
    }
}
