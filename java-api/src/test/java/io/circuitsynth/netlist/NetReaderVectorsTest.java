package io.circuitsynth.netlist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.circuitsynth.testing.KicadFiles;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The {@code .net} reader's vectors in {@code conformance/netlist/}: {@code NAME.in.net} with
 * {@code NAME.err} (the one-line error) or with {@code NAME.out.json} (the design read, as
 * canonical circuit JSON), the contract shared with the Rust engine ({@code net_read_vectors.rs}).
 */
class NetReaderVectorsTest {

    @TestFactory
    Stream<DynamicTest> errorVectors() {
        Path dir = NetReaderKicadTest.netlistVectors();
        KicadFiles.require(Files.isDirectory(dir), "netlist vectors not found in " + dir);
        List<Path> errors = KicadFiles.find(dir, ".err").stream()
                .filter(p -> Files.exists(inputOf(p)))
                .toList();
        assertThat(errors.size()).as("error vectors in %s", dir).isGreaterThanOrEqualTo(20);
        return errors.stream().map(err -> DynamicTest.dynamicTest(inputOf(err).getFileName().toString(),
                inputOf(err).toUri(), () -> {
                    String expected = Files.readString(err, StandardCharsets.UTF_8);
                    byte[] input = Files.readAllBytes(inputOf(err));
                    assertThatThrownBy(() -> NetReader.read(input)).isExactlyInstanceOf(NetlistException.class)
                            .hasMessage(expected);
                }));
    }

    @TestFactory
    Stream<DynamicTest> designVectors() {
        Path dir = NetReaderKicadTest.netlistVectors();
        KicadFiles.require(Files.isDirectory(dir), "netlist vectors not found in " + dir);
        List<Path> inputs = KicadFiles.find(dir, ".in.net").stream()
                .filter(p -> p.getParent().equals(dir))
                .filter(p -> !Files.exists(sibling(p, ".err")))
                .toList();
        assertThat(inputs).as("design vectors in %s", dir).isNotEmpty();
        return inputs.stream().map(in -> DynamicTest.dynamicTest(in.getFileName().toString(), in.toUri(), () -> {
            Path out = sibling(in, ".out.json");
            assertThat(out).as("a .in.net that reads has its .out.json").exists();
            Design design = NetReader.read(Files.readAllBytes(in));
            assertThat(new String(CircuitJson.write(design), StandardCharsets.UTF_8))
                    .isEqualTo(Files.readString(out, StandardCharsets.UTF_8));
        }));
    }

    private static Path sibling(Path input, String extension) {
        String name = input.getFileName().toString();
        return input.resolveSibling(name.substring(0, name.length() - ".in.net".length()) + extension);
    }

    private static Path inputOf(Path err) {
        String name = err.getFileName().toString();
        return err.resolveSibling(name.substring(0, name.length() - ".err".length()) + ".in.net");
    }
}
