package io.circuitsynth.netlist;

import static org.assertj.core.api.Assertions.assertThat;

import io.circuitsynth.io.internal.Xxh64;
import io.circuitsynth.symbols.JavaSymbolStage;
import io.circuitsynth.symbols.SymbolIndex;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/**
 * Properties of circuit JSON over random designs ({@link RandomDesigns}), and the shared corpus
 * {@code conformance/netlist/json_random.txt} that the Rust engine wrote: the same seeds must give
 * the same lines here. The Rust twin is {@code rust-crates/netlist/tests/json_properties.rs}.
 */
class JsonPropertiesTest {
    private static final int CORPUS_SEEDS = 150;
    private static final int CORPUS_MUTATIONS = 6;
    private static final Pattern LOCATED = Pattern.compile("(\\$|[0-9]+:[0-9]+: ).*");

    private static String hex(byte[] bytes) {
        return String.format(Locale.ROOT, "%016x", Xxh64.hash(bytes));
    }

    /** The result of reading {@code bytes} as the corpus records it. */
    private static String outcome(byte[] bytes) {
        try {
            return "ok " + hex(CircuitJson.write(CircuitJson.read(bytes)));
        } catch (NetlistException e) {
            return e.getMessage();
        }
    }

    @Test
    void randomCorpus() throws IOException {
        List<String> actual = new ArrayList<>();
        for (long seed = 1; seed <= CORPUS_SEEDS; seed++) {
            byte[] written = CircuitJson.write(RandomDesigns.design(seed));
            actual.add(seed + "\t0\t" + hex(written));
            RandomDesigns r = new RandomDesigns(seed ^ 0x5EED5EEDL);
            for (int j = 1; j <= CORPUS_MUTATIONS; j++) {
                actual.add(seed + "\t" + j + "\t" + outcome(r.mutate(written)));
            }
        }
        String text = Files.readString(JsonVectorsTest.dir().resolve("json_random.txt"), StandardCharsets.UTF_8);
        List<String> expected = text.lines().filter(l -> !l.startsWith("#")).toList();
        assertThat(actual).containsExactlyElementsOf(expected);
    }

    @Test
    void generatorGivesValidDesigns() {
        for (long seed = 1; seed <= CORPUS_SEEDS; seed++) {
            Design design = RandomDesigns.design(seed);
            Design read = CircuitJson.read(CircuitJson.write(design));
            assertThat(RandomDesigns.withoutOrigins(read)).as("seed %d", seed).isEqualTo(design);
        }
    }

    @Test
    void designsReadFromKicadNetlistsSurviveJson() throws IOException {
        // Circuit JSON holds everything a .net import gives: UUIDs, verbatim net names, classes.
        List<java.nio.file.Path> files;
        try (var list = Files.list(JsonVectorsTest.dir().resolve("kicad"))) {
            files = list.filter(p -> p.getFileName().toString().endsWith(".net")).sorted().toList();
        }
        assertThat(files).hasSizeGreaterThanOrEqualTo(6);
        for (java.nio.file.Path file : files) {
            Design design = NetReader.read(Files.readAllBytes(file));
            byte[] written = CircuitJson.write(design);
            Design back = CircuitJson.read(written);
            assertThat(CircuitJson.write(back)).as(file.toString()).isEqualTo(written);
            assertThat(RandomDesigns.withoutOrigins(back)).as(file.toString())
                    .isEqualTo(RandomDesigns.withoutOrigins(design));
        }
    }

    @Property(tries = 300)
    void writeThenReadIsTheIdentity(@ForAll long seed) {
        Design design = RandomDesigns.design(seed);
        byte[] written = CircuitJson.write(design);
        Design read = CircuitJson.read(written);
        assertThat(CircuitJson.write(read)).isEqualTo(written);
        assertThat(RandomDesigns.withoutOrigins(read)).isEqualTo(design);
    }

    /** The built-in libraries, opened once for all tries. */
    private static final class Index {
        static final SymbolIndex BUILTIN = TestCircuits.builtinIndex(new JavaSymbolStage());
    }

    /**
     * A message is one line and says where: a JSON path, or {@code LINE:COLUMN}. Finalize messages
     * about items without an origin carry no position, so {@code located} is only asked of the
     * reader's.
     */
    private static void checkMessage(String message, boolean located) {
        assertThat(message).doesNotContain("\n").doesNotContain("\r");
        if (located) {
            assertThat(message).matches(LOCATED);
        }
    }

    private static void checkFinalize(Design design) {
        try {
            Finalizer.finalize(design, Index.BUILTIN);
        } catch (NetlistException e) {
            checkMessage(e.getMessage(), false);
        }
    }

    @Property(tries = 300)
    void mutationsGiveOneLineErrors(@ForAll long seed) {
        // The names are full of line breaks and controls: finalize must show them escaped too.
        Design design = RandomDesigns.design(seed);
        checkFinalize(design);
        byte[] written = CircuitJson.write(design);
        RandomDesigns r = new RandomDesigns(seed);
        for (int i = 0; i < 8; i++) {
            byte[] mutated = r.mutate(written);
            Design read;
            try {
                read = CircuitJson.read(mutated);
            } catch (NetlistException e) {
                checkMessage(e.getMessage(), true);
                continue;
            }
            checkFinalize(read);
        }
    }

    @Provide
    Arbitrary<byte[]> bytes() {
        return Arbitraries.bytes().array(byte[].class).ofMaxSize(200);
    }

    @Property(tries = 500)
    void arbitraryBytesOnlyEverThrowNetlistException(@ForAll("bytes") byte[] bytes) {
        for (int engine = 0; engine < 2; engine++) {
            try {
                if (engine == 0) {
                    CircuitJson.read(bytes);
                } else {
                    CircuitSynthJson.read(bytes);
                }
            } catch (NetlistException e) {
                assertThat(e.getMessage()).doesNotContain("\n").matches(LOCATED);
            }
        }
    }
}
