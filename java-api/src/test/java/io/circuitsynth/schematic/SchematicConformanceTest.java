package io.circuitsynth.schematic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.circuitsynth.CircuitSynthException;
import io.circuitsynth.netlist.Design;
import io.circuitsynth.netlist.JavaNetlistStage;
import io.circuitsynth.symbols.LibrarySource;
import io.circuitsynth.symbols.SymbolIndex;
import io.circuitsynth.testing.KicadFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The schematic vectors: each circuit JSON of {@code conformance/schematic/} (and the synthetic
 * circuits of 1 to 100 parts) generated against the built-in libraries gives exactly the files of
 * the folder of the same name, byte for byte, in every engine under test. The Rust crate's
 * {@code tests/conformance.rs} runs the same vectors. {@code -Dcircuitsynth.writeVectors=true}
 * writes the folders from the Java engine instead (after a deliberate change of the output).
 */
class SchematicConformanceTest {

    @TestFactory
    Stream<DynamicTest> everyErrorVectorGivesItsMessage() throws IOException {
        Path dir = SchematicVectors.dir().resolve("errors");
        List<DynamicTest> tests = new ArrayList<>();
        for (Path vector : KicadFiles.find(dir, ".json")) {
            Design design = new JavaNetlistStage().readCircuitJson(Files.readAllBytes(vector));
            Path err = vector.resolveSibling(vector.getFileName().toString().replaceFirst("\\.json$", ".err"));
            for (SchematicStage stage : SchematicStages.underTest()) {
                tests.add(DynamicTest.dynamicTest(vector.getFileName() + " (" + SchematicStages.name(stage) + ")", () -> {
                    List<LibrarySource> extra = List.of(LibrarySource.of("stacked", dir.resolve("stacked.kicad_sym")));
                    try (SymbolIndex index = SchematicStages.builtinIndex(stage, extra)) {
                        if (Boolean.getBoolean("circuitsynth.writeVectors") && !Files.exists(err)) {
                            try {
                                stage.generate(design, index);
                            } catch (CircuitSynthException e) {
                                Files.writeString(err, e.getMessage(), StandardCharsets.UTF_8);
                            }
                        }
                        assertThatThrownBy(() -> stage.generate(design, index))
                                .isInstanceOf(CircuitSynthException.class)
                                .hasMessage(Files.readString(err, StandardCharsets.UTF_8));
                    }
                }));
            }
        }
        return tests.stream();
    }

    static List<Path> vectors() {
        List<Path> out = new ArrayList<>();
        for (Path p : KicadFiles.find(SchematicVectors.dir(), ".json")) {
            String name = p.getFileName().toString();
            if (p.getParent().equals(SchematicVectors.dir()) || name.matches("synthetic_(1|10|100)\\.json")) {
                out.add(p);
            }
        }
        return out;
    }

    static Path expectedDir(Path vector) {
        return vector.resolveSibling(vector.getFileName().toString().replaceFirst("\\.json$", ""));
    }

    @TestFactory
    Stream<DynamicTest> everyVectorGivesItsFiles() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        for (Path vector : vectors()) {
            Design design = new JavaNetlistStage().readCircuitJson(Files.readAllBytes(vector));
            for (SchematicStage stage : SchematicStages.underTest()) {
                String engine = SchematicStages.name(stage);
                tests.add(DynamicTest.dynamicTest(vector.getFileName() + " (" + engine + ")", () -> {
                    GeneratedProject project;
                    try (SymbolIndex index = SchematicStages.builtinIndex(stage)) {
                        project = stage.generate(design, index);
                    }
                    Path dir = expectedDir(vector);
                    if (Boolean.getBoolean("circuitsynth.writeVectors") && engine.equals("java")) {
                        Files.createDirectories(dir);
                        try (Stream<Path> old = Files.list(dir)) {
                            for (Path p : old.toList()) {
                                Files.delete(p);
                            }
                        }
                        for (GeneratedProject.File f : project.files()) {
                            Files.write(dir.resolve(f.path()), f.bytes());
                        }
                    }
                    List<String> expected;
                    try (Stream<Path> files = Files.list(dir)) {
                        expected = files.map(p -> p.getFileName().toString()).sorted().toList();
                    }
                    List<String> actual = project.files().stream().map(GeneratedProject.File::path).sorted().toList();
                    assertThat(actual).isEqualTo(expected);
                    for (GeneratedProject.File f : project.files()) {
                        assertThat(new String(f.bytes(), StandardCharsets.UTF_8)).as(f.path())
                                .isEqualTo(Files.readString(dir.resolve(f.path()), StandardCharsets.UTF_8));
                    }
                    for (GeneratedProject.SheetReport sheet : project.sheets()) {
                        assertThat(sheet.overlaps()).as(sheet.file() + " overlaps").isZero();
                    }
                }));
            }
        }
        return tests.stream();
    }
}
