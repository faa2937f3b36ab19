package io.circuitsynth.pins;

import static org.assertj.core.api.Assertions.assertThat;

import io.circuitsynth.testing.KicadFiles;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** Every vector of {@code conformance/pins/}: the Java engine gives exactly the {@code .out} text. */
class PinConformanceTest {

    @TestFactory
    Stream<DynamicTest> pinVectors() {
        Path dir = PinVectors.vectorDir();
        List<Path> inputs = Files.isDirectory(dir) ? KicadFiles.find(dir, ".in") : List.of();
        assertThat(inputs).as("pin vectors in %s", dir).hasSizeGreaterThanOrEqualTo(5);
        return inputs.stream().map(in -> DynamicTest.dynamicTest(in.getFileName().toString(), in.toUri(), () -> {
            String expected = Files.readString(Path.of(in.toString().replaceFirst("\\.in$", ".out")),
                    StandardCharsets.UTF_8);
            assertThat(PinVectors.run(Files.readAllBytes(in))).isEqualTo(expected);
        }));
    }
}
