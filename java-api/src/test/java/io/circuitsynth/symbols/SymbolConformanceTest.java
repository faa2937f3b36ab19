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

    /** {@code search.txt}: search and suggestion vectors, in the format its header describes. */
    @TestFactory
    Stream<DynamicNode> searchVectors() throws IOException {
        Path file = vectorDir().resolve("search.txt");
        KicadFiles.require(Files.exists(file), "no search vectors in " + file);
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        List<DynamicNode> engines = new ArrayList<>();
        for (SymbolStage stage : TestEngines.symbolStagesUnderTest()) {
            List<DynamicNode> tests = new ArrayList<>();
            List<LibrarySource> libraries = new ArrayList<>();
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i);
                if (line.startsWith("libraries ")) {
                    libraries = new ArrayList<>();
                    for (String nick : line.substring("libraries ".length()).trim().split(" +")) {
                        libraries.add(LibrarySource.inMemory(nick, nick + ".kicad_sym",
                                Files.readAllBytes(vectorDir().resolve(nick + ".kicad_sym"))));
                    }
                    continue;
                }
                if (!line.startsWith("search ") && !line.startsWith("suggest ")) {
                    continue;
                }
                List<String> expected = new ArrayList<>();
                while (i + 1 < lines.size() && lines.get(i + 1).startsWith("  ")) {
                    expected.add(lines.get(++i).substring(2));
                }
                List<LibrarySource> libs = libraries;
                int lineNumber = i + 1 - expected.size();
                tests.add(DynamicTest.dynamicTest("line " + lineNumber + ": " + line, () -> {
                    try (SymbolIndex index = stage.open(libs, null)) {
                        assertThat(index.warnings()).isEmpty();
                        assertThat(answer(index, line)).as(line).containsExactlyElementsOf(expected);
                    }
                }));
            }
            engines.add(DynamicContainer.dynamicContainer(TestEngines.name(stage), tests));
        }
        return engines.stream();
    }

    private static List<String> answer(SymbolIndex index, String line) {
        List<String> result = new ArrayList<>();
        if (line.startsWith("search ")) {
            String rest = line.substring("search ".length());
            int space = rest.indexOf(' ');
            int limit = Integer.parseInt(space < 0 ? rest : rest.substring(0, space));
            String query = space < 0 ? "" : rest.substring(space + 1);
            for (SearchHit hit : index.search(query, limit)) {
                result.add(hit.score() + " " + hit.id());
            }
        } else {
            String id = line.substring("suggest ".length());
            int colon = id.indexOf(':');
            result.addAll(index.suggestions(id.substring(0, colon), id.substring(colon + 1)));
        }
        return result;
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
            // Every symbol survives its record unchanged, and every engine's record is the Java engine's.
            try (JavaSymbolIndex java = (JavaSymbolIndex) new JavaSymbolStage().open(List.of(source), null)) {
                assertThat(index.stats().symbols()).isEqualTo(java.stats().symbols());
                for (String name : java.names(stem)) {
                    Symbol s = index.lookup(stem, name).orElseThrow();
                    byte[] record = SymbolRecords.encode(s);
                    assertThat(SymbolRecords.decode(source, record)).isEqualTo(s);
                    assertThat(record).as(name).isEqualTo(SymbolRecords.encode(java.lookup(stem, name).orElseThrow()));
                }
            }
        }
    }
}
