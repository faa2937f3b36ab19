package io.circuitsynth.natives;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.circuitsynth.netlist.CodecVectors;
import io.circuitsynth.netlist.Design;
import io.circuitsynth.netlist.DesignCodec;
import io.circuitsynth.netlist.Finalizer;
import io.circuitsynth.netlist.Netlist;
import io.circuitsynth.netlist.DesignArbitraries;
import io.circuitsynth.netlist.SyntheticDesigns;
import io.circuitsynth.symbols.BuiltinLibraries;
import io.circuitsynth.symbols.JavaSymbolStage;
import io.circuitsynth.symbols.LibrarySource;
import io.circuitsynth.symbols.SymbolIndex;
import io.circuitsynth.testing.ByteAsserts;
import io.circuitsynth.testing.TestEngines;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The JNI plumbing of the netlist stage, independent of the stage's parts: a design encoded in
 * Java, decoded and re-encoded in Rust through JNI, comes back byte for byte; the Rust decoder
 * refuses exactly what the Java one refuses, with the same message; the native stage refuses a
 * Java symbol index; the benchmarks' finalize-only hook finalizes what the Java engine does.
 */
class NativeDesignCodecTest {

    /** Whether the native engine is under test: never under {@code java}, always (or fail) under {@code native}. */
    static boolean nativeUnderTest() {
        return TestEngines.netlistStagesUnderTest().stream().anyMatch(s -> s instanceof NativeNetlistStage);
    }

    @BeforeAll
    static void nativeLoaded() {
        Assumptions.assumeTrue(nativeUnderTest(),
                () -> "SKIPPED: native engine not under test: " + System.getProperty("circuitsynth.engine", "auto"));
    }

    private static void assertRoundTrip(Design design, String what) {
        byte[] encoded = DesignCodec.encode(design);
        ByteAsserts.assertSameBytes(NativeBridge.designRoundTrip(encoded), encoded, what);
    }

    @Test
    void theSmallDesignComesBackByteForByte() {
        assertRoundTrip(CodecVectors.smallDesign(), "small design");
    }

    @Test
    void aLargeDesignComesBackByteForByte() {
        assertRoundTrip(SyntheticDesigns.design(10_000, 12_000), "synthetic design");
    }

    @TestFactory
    List<DynamicTest> theRustDecoderRefusesWhatTheJavaOneRefuses() {
        List<DynamicTest> tests = new ArrayList<>();
        for (CodecVectors.Refused v : CodecVectors.refused()) {
            tests.add(DynamicTest.dynamicTest(v.name(), () -> {
                assertThatThrownBy(() -> DesignCodec.decode(v.bytes())).hasMessage(v.message());
                assertThatThrownBy(() -> NativeBridge.designRoundTrip(v.bytes()))
                        .isExactlyInstanceOf(IllegalArgumentException.class)
                        .hasMessage("designRoundTrip received a design the native engine cannot decode: "
                                + v.message());
            }));
        }
        return tests;
    }

    @Test
    void nullArgumentsAreNullPointerExceptions() {
        assertThatThrownBy(() -> NativeBridge.designRoundTrip(null)).isExactlyInstanceOf(NullPointerException.class)
                .hasMessage("design is null");
        assertThatThrownBy(() -> NativeBridge.netlistReadNet(null)).isExactlyInstanceOf(NullPointerException.class)
                .hasMessage("net is null");
    }

    @Test
    void writeNetRefusesAJavaSymbolIndex() {
        try (SymbolIndex javaIndex = new JavaSymbolStage().open(List.of(), null)) {
            assertThatThrownBy(() -> new NativeNetlistStage().writeNet(CodecVectors.smallDesign(), javaIndex))
                    .isExactlyInstanceOf(IllegalArgumentException.class)
                    .hasMessage("the native netlist stage needs a symbol index opened by the native engine, not "
                            + "io.circuitsynth.symbols.JavaSymbolIndex; open the libraries with"
                            + " Engines.nativeSymbols() (the same engine as the netlist stage), or use the Java"
                            + " netlist stage");
        }
    }

    @Test
    void writeNetRefusesAClosedNativeIndex() {
        SymbolIndex index = new NativeSymbolStage().open(List.of(), null);
        index.close();
        assertThatThrownBy(() -> new NativeNetlistStage().writeNet(CodecVectors.smallDesign(), index))
                .isExactlyInstanceOf(IllegalStateException.class).hasMessage("symbol index is closed");
    }

    @Test
    void finalizeAloneCountsWhatWriteNetWrites() {
        Design design = SyntheticDesigns.design(100, 120);
        try (SymbolIndex index = new NativeSymbolStage().open(builtinSources(), null);
                SymbolIndex javaIndex = new JavaSymbolStage().open(builtinSources(), null)) {
            Netlist java = Finalizer.finalize(design, javaIndex);
            assertThat(Natives.finalizeCounts(design, index))
                    .containsExactly(java.components().size(), java.nets().size());
            assertThat(java.components()).hasSize(100);
            assertThat(java.nets()).hasSize(120);
        }
    }

    static List<LibrarySource> builtinSources() {
        List<LibrarySource> sources = new ArrayList<>();
        for (BuiltinLibraries.Library lib : BuiltinLibraries.sources()) {
            sources.add(LibrarySource.inMemory(lib.nickname(), lib.path(), lib.content()));
        }
        return sources;
    }

    @Test
    void aMalformedAnswerIsANativeEngineDefect() {
        assertThatThrownBy(() -> NativeNetlistStage.decode(new byte[] {'C', 'S', 'D', 'E', 1}, "readNet"))
                .isExactlyInstanceOf(NativeEngineException.class)
                .hasMessage("readNet returned a design the Java codec cannot decode: malformed design encoding at"
                        + " byte 5: it ends early");
    }

    @Provide
    Arbitrary<Design> designs() {
        return DesignArbitraries.anyDesign();
    }

    /** jqwik ignores {@code @BeforeAll}; under the Java engine alone this checks the Java codec only. */
    @Property(tries = 300)
    void everyDesignComesBackByteForByte(@ForAll("designs") Design design) {
        byte[] encoded = DesignCodec.encode(design);
        assertThat(DesignCodec.encode(DesignCodec.decode(encoded))).isEqualTo(encoded);
        if (nativeUnderTest()) {
            assertRoundTrip(design, "random design");
        }
    }
}
