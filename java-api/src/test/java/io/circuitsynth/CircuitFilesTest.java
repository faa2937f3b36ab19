package io.circuitsynth;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.circuitsynth.io.JavaIoStage;
import io.circuitsynth.netlist.Definition;
import io.circuitsynth.netlist.Design;
import io.circuitsynth.netlist.NetlistException;
import io.circuitsynth.netlist.NetlistStage;
import io.circuitsynth.symbols.SymbolIndex;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The facade's own work, over a scripted {@code netlist} stage: telling inputs apart, naming the
 * file in errors, writing atomically. The stage's readers and writers are tested where they live.
 */
class CircuitFilesTest {
    @TempDir
    Path dir;

    /** Records which entry point ran; answers with {@link #design} or throws {@link #error}. */
    static final class ScriptedStage implements NetlistStage {
        final List<String> calls = new ArrayList<>();
        Design design = new Design("p", "Main",
                List.of(new Definition("Main", List.of(), List.of(), List.of(), List.of(), List.of(), null)));
        String error;
        byte[] output = "(export (version \"E\"))".getBytes(UTF_8);

        private Design answer(String call) {
            calls.add(call);
            if (error != null) {
                throw new NetlistException(error);
            }
            return design;
        }

        @Override
        public Design readCircuitJson(byte[] json) {
            return answer("circuit JSON");
        }

        @Override
        public Design readCircuitSynthJson(byte[] json) {
            return answer("circuit-synth JSON");
        }

        @Override
        public Design readNet(byte[] net) {
            return answer(".net");
        }

        @Override
        public byte[] writeCircuitJson(Design d) {
            answer("write JSON");
            return output;
        }

        @Override
        public byte[] writeNet(Design d, SymbolIndex symbols) {
            answer("write .net");
            return output;
        }
    }

    final ScriptedStage stage = new ScriptedStage();
    final CircuitFiles files = new CircuitFiles(stage, new JavaIoStage());

    private Path file(String name, String content) throws Exception {
        return Files.writeString(dir.resolve(name), content, UTF_8);
    }

    private String detected(String content) throws Exception {
        stage.calls.clear();
        files.readAny(file("input.txt", content));
        return stage.calls.get(0);
    }

    @Test
    void readAnyTellsTheInputsApartByContent() throws Exception {
        assertThat(detected("(export (version \"E\"))")).isEqualTo(".net");
        assertThat(detected(" \r\n\t(export")).isEqualTo(".net");
        assertThat(detected("\uFEFF(export")).isEqualTo(".net");
        assertThat(detected("{\"format\": \"circuitsynth-circuit\", \"version\": 1}")).isEqualTo("circuit JSON");
        assertThat(detected("{\"name\": \"root\", \"components\": {}, \"nets\": {}}")).isEqualTo("circuit-synth JSON");
        assertThat(detected("{\"components\": [{\"format\": 1}], \"subcircuits\": []}"))
                .isEqualTo("circuit-synth JSON");
        assertThat(detected("{\"components\": {}, \"format\": \"circuitsynth-circuit\"}")).isEqualTo("circuit JSON");
        assertThat(detected("{\"name\": \"x\"}")).isEqualTo("circuit JSON");
        // Malformed or not an object: the circuit JSON reader reports what is wrong and where.
        assertThat(detected("{\"components\": {")).isEqualTo("circuit JSON");
        assertThat(detected("[1, 2]")).isEqualTo("circuit JSON");
        assertThat(detected("")).isEqualTo("circuit JSON");
        assertThat(detected("PK\u0003\u0004")).isEqualTo("circuit JSON");
    }

    @Test
    void eachReaderCallsItsOwnEntryPoint() throws Exception {
        Path any = file("x", "{}");
        files.readJson(any);
        files.readNet(any);
        files.readCircuitSynth(any);
        assertThat(stage.calls).containsExactly("circuit JSON", ".net", "circuit-synth JSON");
    }

    @Test
    void readErrorsStartWithTheFile() throws Exception {
        Path net = file("board.net", "(export");
        stage.error = "1:8: expected ')' to close the list opened at 1:1, found end of input";
        assertThatThrownBy(() -> files.readAny(net)).isInstanceOf(NetlistException.class)
                .hasMessage(net + ":1:8: expected ')' to close the list opened at 1:1, found end of input")
                .hasCauseInstanceOf(NetlistException.class);
        Path json = file("board.json", "{}");
        stage.error = "$.definitions.Main.components[3].symbol: missing member \"symbol\"";
        assertThatThrownBy(() -> files.readJson(json)).isInstanceOf(NetlistException.class)
                .hasMessage(json + ": $.definitions.Main.components[3].symbol: missing member \"symbol\"");
        stage.error = "12: not a position";
        assertThatThrownBy(() -> files.readJson(json)).hasMessage(json + ": 12: not a position");
    }

    @Test
    void designsTheApiCannotHoldAreReportedWithTheFile() throws Exception {
        Path json = file("board.json", "{}");
        stage.design = new Design("p", "Root", List.of());
        assertThatThrownBy(() -> files.readJson(json)).isInstanceOf(NetlistException.class)
                .hasMessage(json + ": the root definition Root is not among the design's definitions");
    }

    @Test
    void unreadableFilesAreNamed() {
        Path missing = dir.resolve("missing.json");
        assertThatThrownBy(() -> files.readAny(missing)).isInstanceOf(UncheckedIOException.class)
                .hasMessage("cannot read " + missing + ": file not found");
        assertThatThrownBy(() -> files.readJson(dir)).isInstanceOf(UncheckedIOException.class)
                .hasMessage("cannot read " + dir + ": is a directory");
        assertThat(stage.calls).isEmpty();
    }

    @Test
    void finalizeErrorsOfAReadCircuitNameItsFileAndThoseOfABuiltOneDoNot() throws Exception {
        Path json = file("board.json", "{}");
        Circuit read = files.readJson(json);
        stage.error = "$.definitions.Main.components[0]: duplicate reference R1: / R1 (at X) and / R2";
        assertThatThrownBy(() -> files.net(read, null)).isInstanceOf(NetlistException.class)
                .hasMessage(json + ": $.definitions.Main.components[0]: duplicate reference R1: / R1 (at X) and / R2");
        stage.error = "duplicate reference R1: / R1 (at Board.java:10) and / R1#2 (at Board.java:11)";
        assertThatThrownBy(() -> files.net(Circuit.create("b"), null)).isInstanceOf(NetlistException.class)
                .hasMessage("duplicate reference R1: / R1 (at Board.java:10) and / R1#2 (at Board.java:11)");
    }

    @Test
    void writesAreAtomicAndSkipUnchangedFiles() throws Exception {
        Path out = dir.resolve("board.net");
        Circuit board = Circuit.create("board");
        assertThat(files.writeNet(board, null, out)).isTrue();
        assertThat(Files.readAllBytes(out)).isEqualTo(stage.output);
        assertThat(files.writeNet(board, null, out)).isFalse();
        Path json = dir.resolve("board.json");
        assertThat(files.writeJson(board, json)).isTrue();
        assertThat(stage.calls).containsExactly("write .net", "write .net", "write JSON");
        assertThat(dir.toFile().list()).containsExactlyInAnyOrder("board.net", "board.json");
    }

    @Test
    void aFailedWriteLeavesNoFileAndKeepsAnOldOne() throws Exception {
        Path missingDir = dir.resolve("no-such-dir").resolve("board.net");
        assertThatThrownBy(() -> files.write(missingDir, new byte[] {1})).isInstanceOf(UncheckedIOException.class)
                .hasMessage("cannot write " + missingDir + ": file not found");

        Path old = file("old.net", "old");
        stage.error = "some finalize error";
        assertThatThrownBy(() -> files.writeNet(Circuit.create("b"), null, old))
                .isInstanceOf(NetlistException.class).hasMessage("some finalize error");
        assertThat(Files.readString(old)).isEqualTo("old");
        Path fresh = dir.resolve("fresh.net");
        assertThatThrownBy(() -> files.writeNet(Circuit.create("b"), null, fresh))
                .isInstanceOf(NetlistException.class);
        assertThat(dir.toFile().list()).containsExactly("old.net");
    }
}
