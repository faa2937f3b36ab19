package io.circuitsynth.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.circuitsynth.cli.CliRun.Result;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CliTest {
    private static final String ENGINE = System.getProperty("circuitsynth.engine", "auto");

    @TempDir
    Path dir;

    private static Result run(String... args) {
        return CliRun.run(args);
    }

    @Test
    void doctorReportsPlatformEngineAndKicad() {
        Result r = run("doctor", "--engine", ENGINE);
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).containsPattern("(?m)^platform +[a-z]+-[a-z0-9_]+$");
        assertThat(r.out()).containsPattern("(?m)^engine +(native|java) \\(.+\\)$");
        assertThat(r.out()).containsPattern("(?m)^native library +.+$");
        assertThat(r.out()).containsPattern("(?m)^kicad-cli +.+$");
        assertThat(r.out()).containsPattern("(?m)^symbol libraries (\\d+ found|none found; built-in .+ serve)$");
        if (ENGINE.equals("native")) {
            assertThat(r.out()).containsPattern("(?m)^engine +native ");
        } else if (ENGINE.equals("java")) {
            assertThat(r.out()).containsPattern("(?m)^engine +java ");
        }
    }

    @Test
    void checkNamesEveryFileThatDiffersWithItsFirstDifferingLine() throws Exception {
        Path same = dir.resolve("same.kicad_sch");
        Files.writeString(same, "(kicad_sch\n\t(version 20250114)\n)\n");
        Path differs = dir.resolve("differs.kicad_sch");
        Files.writeString(differs, "(kicad_sch\n\t(version 20250114)\n  (uuid \"x\")\n)\n");
        Path broken = dir.resolve("broken.kicad_sch");
        Files.writeString(broken, "(kicad_sch\n\t(version 20250114)\n");

        Result r = run("sexpr", "check", "--engine", ENGINE, same.toString(), differs.toString(), broken.toString());

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.out()).isEqualTo(
                "same     " + same + "\n"
                + "DIFFERS  " + differs + ": first difference at line 3\n"
                + "           file:      (uuid \"x\")\n"
                + "           reprint: \\t(uuid \"x\")\n"
                + "FAILED   " + broken + ":3:1: expected ')' to close the list opened at 1:1, found end of input\n"
                + "3 files: 1 identical, 1 differ, 1 failed\n");
    }

    @Test
    void checkExitsZeroWhenEveryFileReprintsIdentically() throws Exception {
        Path same = dir.resolve("same.kicad_sym");
        Files.writeString(same, "(kicad_symbol_lib\n\t(version 20241209)\n\t(generator \"x\")\n)\n");
        Result r = run("sexpr", "check", "-q", "--engine", ENGINE, same.toString());
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).isEqualTo("1 files: 1 identical, 0 differ, 0 failed\n");
    }

    @Test
    void checkReportsMissingFile() {
        Path missing = dir.resolve("missing.kicad_sch");
        Result r = run("sexpr", "check", "--engine", ENGINE, missing.toString());
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.out()).startsWith("FAILED   cannot read " + missing + ": file not found\n");
    }

    @Test
    void fmtWritesTheCanonicalLayoutAndDoesNotRewriteUnchangedOutput() throws Exception {
        Path in = dir.resolve("in.kicad_sch");
        Files.writeString(in, "(kicad_sch (version 20250114) (generator \"eeschema\") (paper \"A4\"))");
        Path out = dir.resolve("out.kicad_sch");

        Result first = run("sexpr", "fmt", "--engine", ENGINE, in.toString(), "-o", out.toString());
        assertThat(first.exitCode()).isZero();
        assertThat(first.err()).isEqualTo("wrote " + out + "\n");
        assertThat(Files.readString(out, StandardCharsets.UTF_8))
                .isEqualTo("(kicad_sch\n\t(version 20250114)\n\t(generator \"eeschema\")\n\t(paper \"A4\")\n)\n");

        Result second = run("sexpr", "fmt", "--engine", ENGINE, in.toString(), "-o", out.toString());
        assertThat(second.err()).isEqualTo("unchanged " + out + "\n");
    }

    @Test
    void fmtReportsParseErrorsWithPosition() throws Exception {
        Path in = dir.resolve("bad.kicad_sch");
        Files.writeString(in, "(kicad_sch (version 20250114) \"unterminated)\n");
        Result r = run("sexpr", "fmt", "--engine", ENGINE, in.toString());
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("circuitsynth: " + in + ":1:31: unterminated string; expected a closing '\"' before end of input\n");
    }

    @Test
    void rejectsUnknownEngine() {
        Result r = run("doctor", "--engine", "turbo");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("Invalid value for --engine: 'turbo' (expected auto, native or java)");
    }
}
