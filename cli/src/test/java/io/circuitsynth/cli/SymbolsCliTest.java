package io.circuitsynth.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.circuitsynth.cli.CliRun.Result;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SymbolsCliTest {
    private static final String ENGINE = System.getProperty("circuitsynth.engine", "auto");

    private static final String LIBRARY = "(kicad_symbol_lib (version 20241209) (generator \"test\")\n"
            + "  (symbol \"Q_Test\" (in_bom yes) (on_board yes)\n"
            + "    (property \"Reference\" \"Q\") (property \"Value\" \"Q_Test\")\n"
            + "    (property \"Description\" \"Test transistor for the CLI\")\n"
            + "    (property \"ki_keywords\" \"zzqtest transistor\")\n"
            + "    (symbol \"Q_Test_1_1\"\n"
            + "      (pin input line (at -5.08 0 0) (length 2.54) (name \"B\") (number \"1\"))\n"
            + "      (pin passive line (at 2.54 5.08 270) (length 2.54) (name \"C\") (number \"2\"))\n"
            + "      (pin passive line (at 2.54 -5.08 90) (length 2.54) hide (name \"E\") (number \"3\")))))\n";

    @TempDir
    Path dir;

    private Result run(String... args) throws Exception {
        Path lib = dir.resolve("ZzCli.kicad_sym");
        if (!Files.exists(lib)) {
            Files.writeString(lib, LIBRARY);
        }
        String[] all = new String[args.length + 5];
        System.arraycopy(args, 0, all, 0, args.length);
        all[args.length] = "--engine";
        all[args.length + 1] = ENGINE;
        all[args.length + 2] = "--symbol-dir";
        all[args.length + 3] = lib.toString();
        all[args.length + 4] = "--no-cache";
        return CliRun.run(all);
    }

    @Test
    void showPrintsThePinTable() throws Exception {
        Result r = run("symbols", "show", "ZzCli:Q_Test");
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).isEqualTo("ZzCli:Q_Test\n"
                + "  description  Test transistor for the CLI\n"
                + "  keywords     zzqtest transistor\n"
                + "  reference    Q    value Q_Test\n"
                + "  footprint    \n"
                + "  datasheet    \n"
                + "  units        1\n"
                + "  pin      name                 type            style           unit body    x (mm)    y (mm)  rot\n"
                + "  1        B                    input           line               1    1     -5.08         0    0\n"
                + "  2        C                    passive         line               1    1      2.54      5.08  270\n"
                + "  3        E                    passive         line               1    1      2.54     -5.08   90  hidden\n");
    }

    @Test
    void showJsonCarriesEveryPin() throws Exception {
        Result r = run("symbols", "show", "ZzCli:Q_Test", "--json");
        assertThat(r.exitCode()).isZero();
        String json = r.out().replaceAll("\\s+", "");
        assertThat(json).startsWith("{\"id\":\"ZzCli:Q_Test\",\"lib\":\"ZzCli\",\"name\":\"Q_Test\",\"extends\":null,\"power\":false,");
        assertThat(json).contains("\"pins\":[{\"number\":\"1\",\"name\":\"B\",\"type\":\"input\",\"style\":\"line\",\"unit\":1,"
                + "\"bodyStyle\":1,\"x\":-5.08,\"y\":0,\"rotation\":0,\"length\":2.54,\"hidden\":false},"
                + "{\"number\":\"2\",\"name\":\"C\",\"type\":\"passive\",\"style\":\"line\",\"unit\":1,"
                + "\"bodyStyle\":1,\"x\":2.54,\"y\":5.08,\"rotation\":270,\"length\":2.54,\"hidden\":false},"
                + "{\"number\":\"3\",\"name\":\"E\",\"type\":\"passive\",\"style\":\"line\",\"unit\":1,"
                + "\"bodyStyle\":1,\"x\":2.54,\"y\":-5.08,\"rotation\":90,\"length\":2.54,\"hidden\":true}]}");
    }

    @Test
    void unknownSymbolExitsNonZeroAndListsTheClosestMatches() throws Exception {
        Result r = run("symbols", "show", "ZzCli:Q_Tst");
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err()).startsWith("circuitsynth: Unknown symbol 'ZzCli:Q_Tst'. Closest matches: ZzCli:Q_Test");
        assertThat(r.err()).contains("ZzCli (" + dir.resolve("ZzCli.kicad_sym") + ")");
    }

    @Test
    void searchRanksTheKeywordMatch() throws Exception {
        Result r = run("symbols", "search", "zzqtest");
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).isEqualTo("  120  ZzCli:Q_Test                             Test transistor for the CLI\n");
    }

    @Test
    void indexSummarizes() throws Exception {
        Result r = run("symbols", "index");
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).containsPattern("(?m)^libraries +[0-9]+");
        assertThat(r.out()).containsPattern("(?m)^symbols +[0-9]+$");
        assertThat(r.out()).containsPattern("(?m)^derived symbols +[0-9]+$");
        assertThat(r.out()).containsPattern("(?m)^time +[0-9]+ ms$");
        assertThat(r.out()).contains("cache            off\n");
    }
}
