package io.circuitsynth.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.circuitsynth.cli.CliRun.Result;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code circuitsynth example} and {@code circuitsynth generate}, with the built-in library so
 * the bytes do not depend on the KiCad installed.
 */
class GenerateCliTest {
    private static final String ENGINE = System.getProperty("circuitsynth.engine", "auto");

    @TempDir
    Path dir;

    private static Result run(String... args) {
        return CliRun.run(args);
    }

    private static String vector(String file) throws Exception {
        return ExampleBoardTest.vector(file);
    }

    private static String[] files(Path dir) throws Exception {
        try (Stream<Path> list = Files.list(dir)) {
            return list.map(p -> p.getFileName().toString()).sorted().toArray(String[]::new);
        }
    }

    /** The files of the example's project with the built-in library, in the order written. */
    static final String[] BUILTIN_FILES = {"example.kicad_sch", "UsbInput.kicad_sch", "Regulator.kicad_sch",
            "Indicator.kicad_sch", "Mcu.kicad_sch", "example.kicad_sym", "sym-lib-table", "example.kicad_pro",
            "example.net", "example.circuit.json"};

    private static String report(Path out, String verb) {
        StringBuilder b = new StringBuilder();
        for (String file : BUILTIN_FILES) {
            b.append(verb).append(' ').append(out.resolve(file)).append('\n');
        }
        return b.append("example: 48 components, 56 nets, 5 sheet files\n").toString();
    }

    @Test
    void exampleWritesTheBoardThenRewritesNothing() throws Exception {
        Path out = dir.resolve("build/example");
        Result first = run("example", "-o", out.toString(), "--builtin-symbols", "--engine", ENGINE);
        assertThat(first.err()).isEqualTo(report(out, "wrote"));
        assertThat(first.exitCode()).isZero();
        assertThat(first.out()).isEmpty();
        assertThat(files(out)).containsExactlyInAnyOrder(BUILTIN_FILES);
        assertThat(Files.readString(out.resolve("example.net"))).isEqualTo(vector("example.builtin.net"));
        assertThat(Files.readString(out.resolve("example.circuit.json"))).isEqualTo(vector("example.circuit.json"));

        Result again = run("example", "-o", out.toString(), "--builtin-symbols", "--engine", ENGINE);
        assertThat(again.err()).isEqualTo(report(out, "unchanged"));
        assertThat(again.exitCode()).isZero();
    }

    @Test
    void generateFromCircuitJsonGivesTheExampleBack() throws Exception {
        Path in = Files.writeString(dir.resolve("in.json"), vector("example.circuit.json"));
        Path out = dir.resolve("out");
        Result r = run("generate", in.toString(), "-o", out.toString(), "--builtin-symbols", "--engine", ENGINE);
        assertThat(r.err()).isEqualTo(report(out, "wrote"));
        assertThat(r.exitCode()).isZero();
        assertThat(Files.readString(out.resolve("example.net"))).isEqualTo(vector("example.builtin.net"));
        assertThat(Files.readString(out.resolve("example.circuit.json"))).isEqualTo(vector("example.circuit.json"));
    }

    @Test
    void nameRenamesTheProject() throws Exception {
        Path in = Files.writeString(dir.resolve("in.json"), vector("example.circuit.json"));
        Path out = dir.resolve("out");
        Result r = run("generate", in.toString(), "-o", out.toString(), "--name", "board", "--builtin-symbols",
                "--engine", ENGINE);
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(files(out)).containsExactlyInAnyOrder(Stream.of(BUILTIN_FILES)
                .map(f -> f.replace("example.", "board.")).toArray(String[]::new));
        assertThat(Files.readString(out.resolve("board.net")))
                .isEqualTo(vector("example.builtin.net").replace("\"example.kicad_sch\"", "\"board.kicad_sch\""));
        assertThat(Files.readString(out.resolve("board.circuit.json")))
                .isEqualTo(vector("example.circuit.json").replace("\"name\": \"example\"", "\"name\": \"board\""));
    }

    /** A netlist KiCad wrote (here the example's own) gives the same nets back. */
    @Test
    void generateFromNetKeepsTheNets() throws Exception {
        Path in = Files.writeString(dir.resolve("board.net"), vector("example.builtin.net"));
        Path out = dir.resolve("out");
        Result r = run("generate", in.toString(), "-o", out.toString(), "--builtin-symbols", "--engine", ENGINE);
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(ExampleBoardTest.section(Files.readString(out.resolve("example.net")), "  (nets"))
                .isEqualTo(ExampleBoardTest.section(vector("example.builtin.net"), "  (nets"));
    }

    @Test
    void missingInputIsOneLineAndWritesNothing() {
        Path missing = dir.resolve("missing.json");
        Path out = dir.resolve("out");
        Result r = run("generate", missing.toString(), "-o", out.toString(), "--engine", ENGINE);
        assertThat(r.err()).isEqualTo("circuitsynth: cannot read " + missing + ": file not found\n");
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(out).doesNotExist();
    }

    @Test
    void badContentNamesTheFileAndWritesNothing() throws Exception {
        Path in = Files.writeString(dir.resolve("bad.json"), vector("example.circuit.json")
                .replace("\"symbol\": \"Device:R\"", "\"symbol\": \"Device:NoSuchPart\""));
        Path out = dir.resolve("out");
        Result r = run("generate", in.toString(), "-o", out.toString(), "--builtin-symbols", "--engine", ENGINE);
        assertThat(r.err()).startsWith("circuitsynth: " + in + ": ").contains("unknown symbol Device:NoSuchPart")
                .endsWith("\n").hasLineCount(1);
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(out).doesNotExist();
    }

    @Test
    void aNameWithASlashIsRefused() {
        Path out = dir.resolve("out");
        Result r = run("example", "-o", out.toString(), "--name", "a/b", "--builtin-symbols", "--engine", ENGINE);
        assertThat(r.err()).isEqualTo("circuitsynth: project name \"a/b\" contains '/'; it is the stem of every file"
                + " name (NAME.kicad_pro, NAME.kicad_sch), so give a plain name\n");
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(out).doesNotExist();
    }

    @Test
    void outputIsRequired() {
        Result r = run("generate", "in.json", "--engine", ENGINE);
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).startsWith("Missing required option: '--output=DIR'\n");
    }
}
