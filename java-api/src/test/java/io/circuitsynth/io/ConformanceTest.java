package io.circuitsynth.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

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

/** Every vector of {@code conformance/}, once per engine under test. */
class ConformanceTest {

    static Path conformanceDir() {
        String root = System.getProperty("circuitsynth.projectRoot");
        Path dir = root != null ? Path.of(root, "conformance") : Path.of("..", "conformance");
        return dir.toAbsolutePath().normalize();
    }

    @TestFactory
    Stream<DynamicNode> sexprVectors() throws IOException {
        Path dir = conformanceDir().resolve("sexpr");
        KicadFiles.require(Files.isDirectory(dir), "conformance vectors not found in " + dir);
        List<Path> inputs = KicadFiles.find(dir, ".in");
        assertThat(inputs).as("vectors in %s", dir).isNotEmpty();
        List<DynamicNode> engines = new ArrayList<>();
        for (IoStage stage : TestEngines.stagesUnderTest()) {
            List<DynamicNode> tests = new ArrayList<>();
            for (Path in : inputs) {
                String stem = in.getFileName().toString().replaceFirst("\\.in$", "");
                tests.add(DynamicTest.dynamicTest(stem, in.toUri(), () -> check(stage, dir, stem)));
            }
            engines.add(DynamicContainer.dynamicContainer(TestEngines.name(stage), tests));
        }
        return engines.stream();
    }

    private static void check(IoStage stage, Path dir, String stem) throws IOException {
        byte[] input = Files.readAllBytes(dir.resolve(stem + ".in"));
        Path out = dir.resolve(stem + ".out");
        Path err = dir.resolve(stem + ".err");
        Path nodes = dir.resolve(stem + ".nodes");
        assertThat(Files.exists(out) ^ Files.exists(err)).as("exactly one of %s.out and %s.err", stem, stem).isTrue();
        if (Files.exists(err)) {
            String expected = Files.readString(err, StandardCharsets.UTF_8);
            SexprParseException e = catchThrowableOfType(SexprParseException.class, () -> stage.parse(input, stem));
            assertThat(e).as("parse of %s must fail", stem).isNotNull();
            assertThat(e.line() + ":" + e.column() + ": " + e.detail()).isEqualTo(expected);
            assertThat(MalformedInputTest.lineColumn(input, (int) e.offset())).as("offset %d", e.offset())
                    .isEqualTo(e.line() + ":" + e.column());
            assertThat(e.getMessage()).isEqualTo(stem + ":" + expected);
            assertThatThrownBy(() -> stage.format(input, stem)).isInstanceOf(SexprParseException.class)
                    .hasMessage(stem + ":" + expected);
            return;
        }
        byte[] expected = Files.readAllBytes(out);
        assertThat(new String(stage.format(input, stem), StandardCharsets.UTF_8))
                .isEqualTo(new String(expected, StandardCharsets.UTF_8));
        assertThat(stage.format(input, stem)).isEqualTo(expected);
        SexprTree tree = stage.parse(input, stem);
        assertThat(stage.print(tree)).isEqualTo(expected);
        if (Files.exists(nodes)) {
            assertThat(table(tree)).isEqualTo(Files.readString(nodes, StandardCharsets.UTF_8).strip());
        }
    }

    static String table(SexprTree tree) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < tree.size(); i++) {
            if (i > 0) {
                text.append('\n');
            }
            text.append(tree.kind(i)).append(' ').append(tree.start(i)).append(' ')
                    .append(tree.end(i)).append(' ').append(tree.next(i));
        }
        return text.toString();
    }

    @TestFactory
    Stream<DynamicNode> hashVectors() throws IOException {
        Path dir = conformanceDir().resolve("hash");
        KicadFiles.require(Files.isDirectory(dir), "hash vectors not found in " + dir);
        List<String> lines = Files.readAllLines(dir.resolve("hashes.txt"), StandardCharsets.UTF_8);
        List<Path> files = new ArrayList<>();
        List<String> expected = new ArrayList<>();
        for (String line : lines) {
            if (line.isBlank()) {
                continue;
            }
            String[] parts = line.trim().split("\\s+");
            files.add(dir.resolve(parts[0] + ".bin"));
            expected.add(parts[0] + " " + parts[1] + " " + parts[2]);
        }
        assertThat(files).isNotEmpty();
        List<DynamicNode> tests = new ArrayList<>();
        for (IoStage stage : TestEngines.stagesUnderTest()) {
            tests.add(DynamicTest.dynamicTest(TestEngines.name(stage), () -> {
                List<ContentHash> hashes = stage.hash(files);
                List<String> actual = new ArrayList<>();
                for (ContentHash h : hashes) {
                    actual.add(h.path().getFileName().toString().replaceFirst("\\.bin$", "") + " " + h.size() + " " + h.hex());
                }
                assertThat(actual).containsExactlyElementsOf(expected);
            }));
        }
        return tests.stream();
    }
}
