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
 * {@code NAME.err}, the contract shared with the Rust engine ({@code net_read_vectors.rs}).
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

    private static Path inputOf(Path err) {
        String name = err.getFileName().toString();
        return err.resolveSibling(name.substring(0, name.length() - ".err".length()) + ".in.net");
    }
}
