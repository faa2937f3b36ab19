package io.circuitsynth.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.circuitsynth.cli.CliRun.Result;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NetlistCliTest {
    private static final String ENGINE = System.getProperty("circuitsynth.engine", "auto");

    /** A library only these tests use, so the output is the same whatever KiCad is installed. */
    private static final String LIBRARY = "(kicad_symbol_lib (version 20241209) (generator \"test\")\n"
            + "  (symbol \"Two\" (in_bom yes) (on_board yes)\n"
            + "    (property \"Reference\" \"R\") (property \"Value\" \"Two\")\n"
            + "    (property \"Description\" \"Two-pin test part\")\n"
            + "    (symbol \"Two_1_1\"\n"
            + "      (pin passive line (at 0 3.81 270) (length 1.27) (name \"~\") (number \"1\"))\n"
            + "      (pin passive line (at 0 -3.81 90) (length 1.27) (name \"~\") (number \"2\")))))\n";

    private static final String JSON = "{\"format\": \"circuitsynth-circuit\", \"version\": 1, \"name\": \"cli\","
            + " \"root\": \"Main\", \"definitions\": {\"Main\": {\"components\": [\n"
            + "  {\"id\": \"R1\", \"symbol\": \"ZzNet:Two\", \"reference\": \"R1\", \"value\": \"1k\"},\n"
            + "  {\"id\": \"Rb\", \"symbol\": \"ZzNet:Two\", \"prefix\": \"R\", \"value\": \"2k\"}],\n"
            + " \"nets\": [{\"name\": \"IN\", \"nodes\": [{\"component\": \"R1\", \"pin\": \"1\"}]},\n"
            + "  {\"nodes\": [{\"component\": \"R1\", \"pin\": \"2\"}, {\"component\": \"Rb\", \"pin\": \"1\"}]},\n"
            + "  {\"name\": \"GND\", \"nodes\": [{\"component\": \"Rb\", \"pin\": \"%s\"}]}]}}}\n";

    @TempDir
    Path dir;

    private Path library() throws Exception {
        Path lib = dir.resolve("ZzNet.kicad_sym");
        if (!Files.exists(lib)) {
            Files.writeString(lib, LIBRARY);
        }
        return lib;
    }

    private Result netlist(Path in, Path out) throws Exception {
        return run("netlist", in.toString(), "-o", out.toString(), "--engine", ENGINE, "--no-cache",
                "--symbol-dir", library().toString());
    }

    private static Result run(String... args) {
        return CliRun.run(args);
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

    /**
     * {@link #JSON}'s netlist, checked by hand: R1 fixed, the prefix R takes R2, nets in StrNumCmp
     * order, symbol UUIDs v5 of {@code circuitsynth:symbol:/:ID:1} (Python's {@code uuid.uuid5}
     * agrees), the second component's id being {@code Rb}.
     */
    private static String expectedNet(Path library) {
        return expectedNet(library, "0912bb12-2b87-52b0-bd5f-2fc95a9cc93c");
    }

    private static String expectedNet(Path library, String secondUuid) {
        return "(export (version \"E\")\n"
                + "  (design\n"
                + "    (source \"cli.kicad_sch\")\n"
                + "    (date)\n"
                + "    (tool \"circuitsynth\")\n"
                + "    (sheet (number \"1\") (name \"/\") (tstamps \"/\")\n"
                + "      (title_block\n"
                + "        (title)\n"
                + "        (company)\n"
                + "        (rev)\n"
                + "        (date)\n"
                + "        (source \"cli.kicad_sch\")\n"
                + comments()
                + "  (components\n"
                + "    (comp (ref \"R1\")\n"
                + "      (value \"1k\")\n"
                + "      (fields\n"
                + "        (field (name \"Footprint\"))\n"
                + "        (field (name \"Datasheet\"))\n"
                + "        (field (name \"Description\")))\n"
                + "      (libsource (lib \"ZzNet\") (part \"Two\") (description \"Two-pin test part\"))\n"
                + "      (property (name \"Sheetname\") (value \"\"))\n"
                + "      (property (name \"Sheetfile\") (value \"cli.kicad_sch\"))\n"
                + "      (sheetpath (names \"/\") (tstamps \"/\"))\n"
                + "      (tstamps \"1ff8a848-4a2f-546d-8827-837ea998ebbc\"))\n"
                + "    (comp (ref \"R2\")\n"
                + "      (value \"2k\")\n"
                + "      (fields\n"
                + "        (field (name \"Footprint\"))\n"
                + "        (field (name \"Datasheet\"))\n"
                + "        (field (name \"Description\")))\n"
                + "      (libsource (lib \"ZzNet\") (part \"Two\") (description \"Two-pin test part\"))\n"
                + "      (property (name \"Sheetname\") (value \"\"))\n"
                + "      (property (name \"Sheetfile\") (value \"cli.kicad_sch\"))\n"
                + "      (sheetpath (names \"/\") (tstamps \"/\"))\n"
                + "      (tstamps \"" + secondUuid + "\")))\n"
                + "  (libparts\n"
                + "    (libpart (lib \"ZzNet\") (part \"Two\")\n"
                + "      (description \"Two-pin test part\")\n"
                + "      (fields\n"
                + "        (field (name \"Reference\") \"R\")\n"
                + "        (field (name \"Value\") \"Two\")\n"
                + "        (field (name \"Footprint\"))\n"
                + "        (field (name \"Datasheet\"))\n"
                + "        (field (name \"Description\") \"Two-pin test part\"))\n"
                + "      (pins\n"
                + "        (pin (num \"1\") (name \"\") (type \"passive\"))\n"
                + "        (pin (num \"2\") (name \"\") (type \"passive\")))))\n"
                + "  (libraries\n"
                + "    (library (logical \"ZzNet\")\n"
                + "      (uri \"" + library.toAbsolutePath() + "\")))\n"
                + "  (nets\n"
                + "    (net (code \"1\") (name \"/IN\") (class \"Default\")\n"
                + "      (node (ref \"R1\") (pin \"1\") (pintype \"passive\")))\n"
                + "    (net (code \"2\") (name \"GND\") (class \"Default\")\n"
                + "      (node (ref \"R2\") (pin \"2\") (pintype \"passive\")))\n"
                + "    (net (code \"3\") (name \"Net-(R1-Pad2)\") (class \"Default\")\n"
                + "      (node (ref \"R1\") (pin \"2\") (pintype \"passive\"))\n"
                + "      (node (ref \"R2\") (pin \"1\") (pintype \"passive\")))))";
    }

    private static String comments() {
        StringBuilder s = new StringBuilder();
        for (int i = 1; i <= 9; i++) {
            s.append("        (comment (number \"").append(i).append("\") (value \"\"))").append(i == 9 ? ")))\n" : "\n");
        }
        return s.toString();
    }

    @Test
    void circuitJsonBecomesANetlist() throws Exception {
        Path in = Files.writeString(dir.resolve("board.json"), String.format(JSON, "2"));
        Path out = dir.resolve("board.net");
        Result r = netlist(in, out);
        assertThat(r.err()).isEqualTo("wrote " + out + "\n");
        assertThat(r.exitCode()).isZero();
        assertThat(Files.readString(out)).isEqualTo(expectedNet(library()));

        Result again = netlist(in, out);
        assertThat(again.err()).isEqualTo("unchanged " + out + "\n");
        assertThat(again.exitCode()).isZero();
    }

    @Test
    void aNetlistReadsBackToTheSameNetlist() throws Exception {
        Path in = Files.writeString(dir.resolve("in.net"), expectedNet(library()));
        Path out = dir.resolve("out.net");
        Result r = netlist(in, out);
        assertThat(r.err()).isEqualTo("wrote " + out + "\n");
        assertThat(r.exitCode()).isZero();
        assertThat(Files.readString(out)).isEqualTo(expectedNet(library()));
    }

    /** circuit-synth 0.1.0's shape (specification section 6), the same circuit as {@link #JSON}. */
    private static final String CIRCUIT_SYNTH = "{\"name\": \"cli\", \"description\": \"\", \"tstamps\": \"/cli-1/\","
            + " \"source_file\": \"cli.kicad_sch\",\n"
            + " \"components\": {\n"
            + "  \"R1\": {\"symbol\": \"ZzNet:Two\", \"ref\": \"R1\", \"value\": \"1k\", \"footprint\": \"\","
            + " \"datasheet\": \"\", \"description\": \"\", \"properties\": {}, \"tstamps\": null, \"_extra_fields\": {},"
            + " \"pins\": [{\"pin_id\": \"1\", \"name\": \"~\", \"num\": \"1\", \"func\": \"passive\", \"unit\": 1},"
            + " {\"pin_id\": \"2\", \"name\": \"~\", \"num\": \"2\", \"func\": \"passive\", \"unit\": 1}]},\n"
            + "  \"R2\": {\"symbol\": \"ZzNet:Two\", \"ref\": \"R2\", \"value\": \"2k\"}},\n"
            + " \"nets\": {\n"
            + "  \"IN\": [{\"component\": \"R1\", \"pin\": {\"number\": \"1\", \"name\": \"~\", \"func\": \"passive\"}}],\n"
            + "  \"N$1\": [{\"component\": \"R1\", \"pin\": {\"number\": \"2\"}}, {\"component\": \"R2\", \"pin\": {\"number\": 1}}],\n"
            + "  \"GND\": [{\"component\": \"R2\", \"pin\": {\"number\": \"2\"}}]},\n"
            + " \"subcircuits\": [], \"annotations\": []}\n";

    @Test
    void circuitSynthJsonBecomesANetlist() throws Exception {
        Path in = Files.writeString(dir.resolve("circuit.json"), CIRCUIT_SYNTH);
        Path out = dir.resolve("cs.net");
        Result r = netlist(in, out);
        assertThat(r.err()).isEqualTo("wrote " + out + "\n");
        assertThat(r.exitCode()).isZero();
        // The same circuit as the circuit JSON one; its second component's id is R2, hence its UUID.
        assertThat(Files.readString(out)).isEqualTo(expectedNet(library(), "4ffbd9ce-5d10-5cee-82fc-f9eb52c625cb"));
    }

    @Test
    void badInputIsOneLineNamingTheFileAndLeavesTheOutputAlone() throws Exception {
        Path out = Files.writeString(dir.resolve("old.net"), "old");
        Path syntax = Files.writeString(dir.resolve("syntax.json"), "{\"format\": \"circuitsynth-circuit\",\n  oops}");
        Result r = netlist(syntax, out);
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err()).isEqualTo("circuitsynth: " + syntax + ":2:3: unexpected character 'o'\n");

        Path noPin = Files.writeString(dir.resolve("nopin.json"), String.format(JSON, "3"));
        r = netlist(noPin, out);
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err()).isEqualTo("circuitsynth: " + noPin + ": $.definitions.Main.nets[2].nodes[0]: component Rb"
                + " of Main (ZzNet:Two) has no pin \"3\"; its pins are 1, 2\n");
        assertThat(Files.readString(out)).isEqualTo("old");

        Path fresh = dir.resolve("fresh.net");
        r = netlist(noPin, fresh);
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(fresh).doesNotExist();
        assertThat(r.out()).isEmpty();
    }
}
