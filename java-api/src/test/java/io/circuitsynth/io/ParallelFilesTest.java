package io.circuitsynth.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.circuitsynth.io.internal.Xxh64;
import io.circuitsynth.testing.TestEngines;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** {@code parseFiles} and {@code hash}: results and errors in list order, whatever ran first. */
class ParallelFilesTest {
    private static final byte[] GOOD = "(kicad_sch\n\t(version 20250114)\n)\n".getBytes(StandardCharsets.UTF_8);

    @TempDir
    Path dir;

    static Stream<IoStage> stages() {
        return TestEngines.stagesUnderTest().stream();
    }

    @ParameterizedTest
    @MethodSource("stages")
    void theFirstBadFileInListOrderIsReportedEvenWhenALaterOneIsBiggerAndParsedFirst(IoStage stage) throws IOException {
        Path good = write("good.kicad_sch", GOOD);
        Path small = write("small.kicad_sch", "(a\n  (b)".getBytes(StandardCharsets.UTF_8));
        Path big = write("big.kicad_sch", ("(a " + "x ".repeat(200_000) + "\u0000)").getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> stage.parseFiles(List.of(good, small, big)))
                .isInstanceOf(SexprParseException.class)
                .hasMessage(small + ":2:6: expected ')' to close the list opened at 1:1, found end of input");
        assertThatThrownBy(() -> stage.parseFiles(List.of(big, good, small)))
                .isInstanceOf(SexprParseException.class)
                .hasMessage(big + ":1:400004: NUL byte in input; KiCad files are text, is this a binary file?");
        Path missing = dir.resolve("missing.kicad_sch");
        assertThatThrownBy(() -> stage.parseFiles(List.of(good, missing, small)))
                .isInstanceOf(IOException.class)
                .hasMessage("cannot read " + missing + ": file not found");
    }

    @ParameterizedTest
    @MethodSource("stages")
    void nodeCountsAndHashesCoverEveryFile(IoStage stage) throws IOException {
        List<Path> files = new ArrayList<>();
        List<Long> expected = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            byte[] bytes = ("(f" + i + " " + "(n 1) ".repeat(i * 500) + ")").getBytes(StandardCharsets.UTF_8);
            files.add(write("f" + i + ".kicad_sch", bytes));
            expected.add(Xxh64.hash(bytes));
        }
        long nodes = 0;
        for (int i = 0; i < 40; i++) {
            nodes += 2 + 3L * i * 500;
        }
        assertThat(stage.parseFiles(files)).isEqualTo(nodes);
        List<ContentHash> hashes = stage.hash(files);
        assertThat(hashes).extracting(ContentHash::path).containsExactlyElementsOf(files);
        assertThat(hashes).extracting(ContentHash::xxh64).containsExactlyElementsOf(expected);
        for (ContentHash h : hashes) {
            assertThat(h.size()).isEqualTo(Files.size(h.path()));
        }
        assertThat(stage.parseFiles(List.of())).isZero();
        assertThat(stage.hash(List.of())).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("stages")
    void callsFromInsideABusyCommonPoolAllFinishWithTheSameAnswer(IoStage stage) throws IOException {
        List<Path> files = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            files.add(write("c" + i + ".kicad_sch", ("(c " + "(n 1) ".repeat(i * 1000) + ")").getBytes(StandardCharsets.UTF_8)));
        }
        long expected = stage.parseFiles(files);
        long[] answers = IntStream.range(0, 32).parallel().mapToLong(k -> {
            try {
                return stage.parseFiles(files);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }).toArray();
        assertThat(answers).containsOnly(expected);
    }

    @ParameterizedTest
    @MethodSource("stages")
    void readErrorsNameThePathAndTheReason(IoStage stage) throws IOException {
        Path missing = dir.resolve("missing.kicad_sym");
        Path directory = Files.createDirectory(dir.resolve("lib.kicad_sym"));
        Path good = write("good.kicad_sym", GOOD);
        assertThatThrownBy(() -> stage.hash(List.of(good, missing, directory)))
                .isInstanceOf(IOException.class).hasMessage("cannot read " + missing + ": file not found");
        assertThatThrownBy(() -> stage.hash(List.of(good, directory, missing)))
                .isInstanceOf(IOException.class).hasMessage("cannot read " + directory + ": is a directory");
        assertThatThrownBy(() -> stage.parseFiles(List.of(good, missing)))
                .isInstanceOf(IOException.class).hasMessage("cannot read " + missing + ": file not found");
        assertThatThrownBy(() -> stage.parseFiles(List.of(directory, good)))
                .isInstanceOf(IOException.class).hasMessage("cannot read " + directory + ": is a directory");
        assertThat(stage.parseFiles(List.of(good, good))).isEqualTo(10);
    }

    private Path write(String name, byte[] bytes) throws IOException {
        return Files.write(dir.resolve(name), bytes);
    }
}
