package io.circuitsynth.symbols;

import static org.assertj.core.api.Assertions.assertThat;

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
 * Every vector of {@code conformance/symbols/}, once per engine under test: the library read from
 * its bytes under its stem as nickname gives exactly the {@code .dump}, or is skipped with exactly
 * the {@code .err} warning. {@code circuitsynth.symbolVectors} points elsewhere while developing.
 */
class SymbolConformanceTest {

    static Path vectorDir() {
        String override = System.getProperty("circuitsynth.symbolVectors");
        if (override != null && !override.isBlank()) {
            return Path.of(override);
        }
        String root = System.getProperty("circuitsynth.projectRoot");
        Path dir = root != null ? Path.of(root, "conformance", "symbols") : Path.of("..", "conformance", "symbols");
        return dir.toAbsolutePath().normalize();
    }

    @TestFactory
    Stream<DynamicNode> libraryVectors() {
        Path dir = vectorDir();
        List<Path> inputs = Files.isDirectory(dir) ? KicadFiles.find(dir, ".kicad_sym") : List.of();
        KicadFiles.require(!inputs.isEmpty(), "no symbol-cache vectors (*.kicad_sym) in " + dir);
        List<DynamicNode> engines = new ArrayList<>();
        for (SymbolStage stage : TestEngines.symbolStagesUnderTest()) {
            List<DynamicNode> tests = new ArrayList<>();
            for (Path in : inputs) {
                String stem = in.getFileName().toString().replaceFirst("\\.kicad_sym$", "");
                tests.add(DynamicTest.dynamicTest(stem, in.toUri(), () -> check(stage, dir, stem)));
            }
            engines.add(DynamicContainer.dynamicContainer(TestEngines.name(stage), tests));
        }
        return engines.stream();
    }

    private static void check(SymbolStage stage, Path dir, String stem) throws IOException {
        byte[] library = Files.readAllBytes(dir.resolve(stem + ".kicad_sym"));
        Path dump = dir.resolve(stem + ".dump");
        Path err = dir.resolve(stem + ".err");
        assertThat(Files.exists(dump) ^ Files.exists(err)).as("exactly one of %s.dump and %s.err", stem, stem).isTrue();
        LibrarySource source = LibrarySource.inMemory(stem, stem + ".kicad_sym", library);
        try (SymbolIndex index = stage.open(List.of(source), null)) {
            if (Files.exists(err)) {
                assertThat(index.warnings()).containsExactly(Files.readString(err, StandardCharsets.UTF_8));
                assertThat(index.stats()).isEqualTo(new SymbolIndex.Stats(0, 0, 0, 0));
                assertThat(index.dumpLibrary(stem)).isNull();
                return;
            }
            assertThat(index.warnings()).isEmpty();
            String expected = Files.readString(dump, StandardCharsets.UTF_8);
            assertThat(new String(index.dumpLibrary(stem), StandardCharsets.UTF_8)).isEqualTo(expected);
            // Every symbol survives its record unchanged, and the record is the one the index holds.
            try (SymbolIndex java = new JavaSymbolStage().open(List.of(source), null)) {
                assertThat(index.stats().symbols()).isEqualTo(java.stats().symbols());
            }
        }
    }
}
