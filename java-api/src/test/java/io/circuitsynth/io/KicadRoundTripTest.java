package io.circuitsynth.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.circuitsynth.testing.ByteAsserts;
import io.circuitsynth.testing.KicadFiles;
import io.circuitsynth.testing.TestEngines;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * KiCad's own files: every file in the current format must reprint byte for byte, older formats
 * must parse, and the two files KiCad 9.0 wrote with a known writer bug must fail precisely.
 */
class KicadRoundTripTest {
    private static final Map<String, String> CURRENT_VERSION = Map.of(
            "kicad_sym", "20241209",
            "kicad_sch", "20250114",
            "kicad_pcb", "20241229",
            "kicad_mod", "20241229");

    /** Unbalanced files from KiCad 9.0's writer bug: {@code (curved_edges no)filter_ratio 0.9)}. */
    private static final Set<String> WRITER_BUG_FILES = Set.of(
            "RoyalBlue54L-Feather.kicad_pcb",
            "CONN-SMD_5P-P0.50_HCTL_HC-FPC-05-09-5RLTAG.kicad_mod");

    private static final String ROOT_CLOSED_DETAIL =
            "expected end of input after the root list closed at \\d+:\\d+, found '\\('";

    @TestFactory
    Stream<DynamicTest> symbolLibrary() {
        List<Path> files = KicadFiles.find(KicadFiles.symbolDir(), ".kicad_sym");
        assertThat(files).isNotEmpty();
        return files.stream().map(f -> DynamicTest.dynamicTest(f.getFileName().toString(), f.toUri(), () -> check(f)));
    }

    @TestFactory
    Stream<DynamicTest> demos() {
        List<Path> files = KicadFiles.find(KicadFiles.demosDir(), ".kicad_sch", ".kicad_pcb", ".kicad_mod", ".kicad_sym");
        assertThat(files).isNotEmpty();
        return files.stream().map(f -> DynamicTest.dynamicTest(
                KicadFiles.demosDir().relativize(f).toString(), f.toUri(), () -> check(f)));
    }

    @TestFactory
    Stream<DynamicTest> kicad6SymbolLibrary() {
        List<Path> files = KicadFiles.find(KicadFiles.kicad6SymbolDir(), ".kicad_sym");
        assertThat(files).isNotEmpty();
        return files.stream().map(f -> DynamicTest.dynamicTest(f.getFileName().toString(), f.toUri(), () -> {
            byte[] input = Files.readAllBytes(f);
            for (IoStage stage : TestEngines.stagesUnderTest()) {
                SexprTree tree = stage.parse(input, f.toString());
                assertThat(tree.textEquals(tree.firstChild(0), "kicad_symbol_lib")).isTrue();
            }
        }));
    }

    @Test
    void wholeLibraryParsesInParallelWithTheSameNodeCount() throws IOException {
        List<Path> files = KicadFiles.find(KicadFiles.symbolDir(), ".kicad_sym");
        long sequential = 0;
        JavaIoStage java = new JavaIoStage();
        for (Path f : files) {
            sequential += java.parse(Files.readAllBytes(f), f.toString()).size();
        }
        for (IoStage stage : TestEngines.stagesUnderTest()) {
            assertThat(stage.parseFiles(files)).as(TestEngines.name(stage)).isEqualTo(sequential);
        }
    }

    @Test
    void writerBugFileFailsParseFilesWithItsPath() throws IOException {
        List<Path> files = new ArrayList<>(KicadFiles.find(KicadFiles.demosDir(), ".kicad_pcb"));
        Path bad = files.stream().filter(f -> f.getFileName().toString().equals("RoyalBlue54L-Feather.kicad_pcb"))
                .findFirst().orElseThrow(() -> new AssertionError("RoyalBlue54L-Feather.kicad_pcb not in the demos"));
        for (IoStage stage : TestEngines.stagesUnderTest()) {
            SexprParseException e = catchThrowableOfType(SexprParseException.class, () -> stage.parseFiles(files));
            assertThat(e).as(TestEngines.name(stage)).isNotNull();
            assertThat(e.sourceName()).isEqualTo(bad.toString());
            assertThat(e.detail()).matches(ROOT_CLOSED_DETAIL);
        }
    }

    private static void check(Path file) throws IOException {
        byte[] input = Files.readAllBytes(file);
        String name = file.getFileName().toString();
        String ext = name.substring(name.lastIndexOf('.') + 1);
        List<IoStage> stages = TestEngines.stagesUnderTest();
        if (WRITER_BUG_FILES.contains(name)) {
            List<String> messages = new ArrayList<>();
            for (IoStage stage : stages) {
                SexprParseException e = catchThrowableOfType(SexprParseException.class, () -> stage.parse(input, file.toString()));
                assertThat(e).as("%s must fail on %s", TestEngines.name(stage), name).isNotNull();
                assertThat(e.detail()).matches(ROOT_CLOSED_DETAIL);
                messages.add(e.getMessage());
            }
            assertThat(messages).as("same error from every engine").containsOnly(messages.get(0));
            return;
        }
        List<byte[]> printed = new ArrayList<>();
        int[] firstTable = null;
        for (IoStage stage : stages) {
            SexprTree tree = stage.parse(input, file.toString());
            int[] table = tree.nodeTable();
            if (firstTable == null) {
                firstTable = table;
            } else {
                assertThat(Arrays.equals(table, firstTable)).as("same node table from every engine").isTrue();
            }
            String version = rootVersion(tree);
            byte[] out = stage.print(tree);
            printed.add(out);
            if (CURRENT_VERSION.get(ext).equals(version)) {
                ByteAsserts.assertSameBytes(out, input, TestEngines.name(stage) + " reprint of " + file);
            } else {
                assertThat(stage.parse(out, file.toString())).isEqualTo(tree);
            }
        }
        for (byte[] out : printed) {
            ByteAsserts.assertSameBytes(out, printed.get(0), "every engine prints " + file + " alike");
        }
    }

    /** The {@code N} of the root's {@code (version N)}, or null. */
    static String rootVersion(SexprTree tree) {
        for (int c = tree.firstChild(0); c != SexprTree.NONE; c = tree.nextSibling(0, c)) {
            int head = tree.firstChild(c);
            if (head != SexprTree.NONE && tree.textEquals(head, "version")) {
                int value = tree.nextSibling(c, head);
                return value == SexprTree.NONE ? null : tree.text(value);
            }
        }
        return null;
    }
}
