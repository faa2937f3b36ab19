package io.circuitsynth.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class NetlistCliTest {
    private static final String ENGINE = System.getProperty("circuitsynth.engine", "auto");

    @TempDir
    Path dir;

    private record Result(int exitCode, String out, String err) {}

    private static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = Main.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int code = cli.execute(args);
        return new Result(code, out.toString(), err.toString());
    }

    @Test
    void missingInputIsOneLineAndLeavesNoOutput() {
        Path missing = dir.resolve("missing.json");
        Path out = dir.resolve("out.net");
        Result r = run("netlist", missing.toString(), "-o", out.toString(), "--engine", ENGINE, "--no-cache");
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err()).isEqualTo("circuitsynth: cannot read " + missing + ": file not found\n");
        assertThat(r.out()).isEmpty();
        assertThat(out).doesNotExist();
    }

    @Test
    void outputIsRequired() throws Exception {
        Path in = Files.writeString(dir.resolve("in.json"), "{}");
        Result r = run("netlist", in.toString(), "--engine", ENGINE);
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).startsWith("Missing required option: '--output=OUT.net'\n");
    }
}
