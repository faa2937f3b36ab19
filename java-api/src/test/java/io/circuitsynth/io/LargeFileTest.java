package io.circuitsynth.io;

import static org.assertj.core.api.Assertions.assertThat;

import io.circuitsynth.testing.TestEngines;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Files of hundreds of MB parse and reprint in both engines. The input is already in KiCad 9's
 * layout, so its reprint must equal it byte for byte, and its node count is known by
 * construction.
 */
class LargeFileTest {
    /** One symbol block in canonical layout: 3 + 3 + 4 + 5 + 2 + 4 + 4 = 25 nodes. */
    private static final String BLOCK = "\t(symbol \"R_%07d\"\n"
            + "\t\t(in_bom yes)\n"
            + "\t\t(property \"Value\" \"a value with \\\"quotes\\\" and µ\"\n"
            + "\t\t\t(at 1.27 -2.54 0)\n"
            + "\t\t)\n"
            + "\t\t(polyline\n"
            + "\t\t\t(xy 0 0) (xy 1 1)\n"
            + "\t\t)\n"
            + "\t)\n";
    private static final int NODES_PER_BLOCK = 25;
    private static final int BLOCKS = 2_200_000;

    @TempDir
    static Path dir;

    private static Path file;
    private static long size;

    @BeforeAll
    static void writeFile() throws IOException {
        file = dir.resolve("large.kicad_sym");
        try (OutputStream out = new java.io.BufferedOutputStream(Files.newOutputStream(file), 1 << 20)) {
            out.write("(kicad_symbol_lib\n\t(version 20241209)\n".getBytes(StandardCharsets.UTF_8));
            for (int i = 0; i < BLOCKS; i++) {
                out.write(String.format(java.util.Locale.ROOT, BLOCK, i).getBytes(StandardCharsets.UTF_8));
            }
            out.write(")\n".getBytes(StandardCharsets.UTF_8));
        }
        size = Files.size(file);
    }

    @TestFactory
    List<DynamicTest> parsesAndReprintsAFileOfHundredsOfMegabytes() {
        return TestEngines.stagesUnderTest().stream()
                .map(io -> DynamicTest.dynamicTest(TestEngines.name(io), () -> {
                    assertThat(size).isGreaterThan(300L << 20);
                    long expectedNodes = 2 + 3 + (long) BLOCKS * NODES_PER_BLOCK;
                    assertThat(io.parseFiles(List.of(file))).isEqualTo(expectedNodes);

                    byte[] bytes = Files.readAllBytes(file);
                    SexprTree tree = io.parse(bytes, file.toString());
                    assertThat(tree.size()).isEqualTo(expectedNodes);
                    byte[] printed = io.print(tree);
                    assertThat(printed.length).isEqualTo(bytes.length);
                    assertThat(Arrays.equals(printed, bytes)).as("reprint equals the input").isTrue();
                }))
                .toList();
    }
}
