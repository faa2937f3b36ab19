package io.circuitsynth.netlist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.circuitsynth.symbols.SymbolIndex;
import io.circuitsynth.symbols.SymbolStage;
import io.circuitsynth.testing.KicadFiles;
import io.circuitsynth.testing.TestEngines;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The circuit JSON vectors of {@code conformance/netlist/}: every {@code NAME.json} with a
 * {@code NAME.net} or a {@code NAME.err} is read ({@link CircuitJson#read}), finalized against the
 * built-in libraries served by every symbol engine under test and written, and must give exactly
 * that file (an {@code .err} may come from reading or from finalize). The Rust twin is
 * {@code rust-crates/netlist/tests/finalize_vectors.rs}.
 */
class FinalizeVectorsTest {

    @TestFactory
    Stream<DynamicNode> vectors() {
        Path dir = TestCircuits.vectorDir();
        List<Path> inputs = Files.isDirectory(dir) ? KicadFiles.find(dir, ".json") : List.of();
        // Circuit JSON round-trip vectors (NAME.out.json) have neither file and are not these.
        inputs = inputs.stream().filter(p -> p.getParent().equals(dir))
                .filter(p -> !p.getFileName().toString().endsWith(".cs.json"))
                .filter(p -> !p.getFileName().toString().endsWith(".out.json"))
                .filter(p -> {
                    String stem = p.getFileName().toString().replaceFirst("\\.json$", "");
                    return Files.exists(dir.resolve(stem + ".net")) || Files.exists(dir.resolve(stem + ".err"));
                })
                .toList();
        KicadFiles.require(inputs.size() >= 36, "only " + inputs.size() + " netlist vectors (*.json) in " + dir);
        List<DynamicNode> engines = new ArrayList<>();
        for (SymbolStage stage : TestEngines.symbolStagesUnderTest()) {
            List<DynamicNode> tests = new ArrayList<>();
            for (Path in : inputs) {
                String stem = in.getFileName().toString().replaceFirst("\\.json$", "");
                tests.add(DynamicTest.dynamicTest(stem, in.toUri(), () -> check(stage, dir, stem)));
            }
            engines.add(DynamicContainer.dynamicContainer(TestEngines.name(stage) + " symbols", tests));
        }
        return engines.stream();
    }

    private static void check(SymbolStage stage, Path dir, String stem) throws IOException {
        byte[] json = Files.readAllBytes(dir.resolve(stem + ".json"));
        Path net = dir.resolve(stem + ".net");
        Path err = dir.resolve(stem + ".err");
        try (SymbolIndex index = TestCircuits.builtinIndex(stage)) {
            if (Files.exists(net)) {
                assertThat(Files.exists(err)).as("a vector has a .net or a .err, not both").isFalse();
                byte[] actual = NetWriter.write(Finalizer.finalize(CircuitJson.read(json), index));
                assertThat(new String(actual, StandardCharsets.UTF_8))
                        .isEqualTo(new String(Files.readAllBytes(net), StandardCharsets.UTF_8));
                assertThat(actual).isEqualTo(Files.readAllBytes(net));
            } else {
                assertThat(Files.exists(err)).as(stem + " needs a .net or a .err").isTrue();
                String expected = Files.readString(err, StandardCharsets.UTF_8);
                assertThatThrownBy(() -> Finalizer.finalize(CircuitJson.read(json), index))
                        .isInstanceOf(NetlistException.class)
                        .hasMessage(expected);
            }
        }
    }
}
