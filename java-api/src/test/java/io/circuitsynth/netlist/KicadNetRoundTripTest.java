package io.circuitsynth.netlist;

import static org.assertj.core.api.Assertions.assertThat;

import io.circuitsynth.symbols.SymbolIndex;
import io.circuitsynth.symbols.SymbolStage;
import io.circuitsynth.testing.KicadFiles;
import io.circuitsynth.testing.TestEngines;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * KiCad's own exports ({@code conformance/netlist/kicad/*.net}) read, finalized against no library
 * (so every part keeps the pins its libpart lists) and written again: the nets come back exactly,
 * the components and the sheets exactly but for what the design model does not carry. The Rust
 * twin, {@code rust-crates/netlist/tests/kicad_roundtrip.rs}, lists what that is.
 */
class KicadNetRoundTripTest {

    /** The top-level section {@code name} of a {@code .net} text, up to the next one. */
    private static String section(String text, String name) {
        int start = text.indexOf("\n  (" + name);
        assertThat(start).as("a " + name + " section").isNotNegative();
        int end = text.indexOf("\n  (", start + 1);
        return text.substring(start, end < 0 ? text.length() : end);
    }

    private static String trimParens(String line) {
        int end = line.length();
        while (end > 0 && line.charAt(end - 1) == ')') {
            end--;
        }
        return line.substring(0, end);
    }

    /** Net codes replaced by positions; nothing else changed. */
    private static String nets(String text) {
        StringBuilder out = new StringBuilder();
        int code = 0;
        for (String line : section(text, "nets").split("\n", -1)) {
            String prefix = "    (net (code \"";
            if (line.startsWith(prefix)) {
                code++;
                String rest = line.substring(prefix.length());
                out.append(prefix).append(code).append(rest.substring(rest.indexOf('"'))).append('\n');
            } else {
                out.append(line).append('\n');
            }
        }
        return out.toString();
    }

    /** The components section without what the model does not carry. */
    private static String components(String text) {
        StringBuilder out = new StringBuilder();
        boolean afterSheetname = false;
        for (String line : section(text, "components").split("\n", -1)) {
            String trimmed = line.stripLeading();
            if (trimmed.startsWith("(comp ")) {
                afterSheetname = false;
            }
            String prefix = "(property (name \"";
            if (trimmed.startsWith(prefix)) {
                String rest = trimmed.substring(prefix.length());
                String name = rest.substring(0, rest.indexOf('"'));
                if (name.equals("Sheetname")) {
                    afterSheetname = true;
                } else if (Set.of("Sheetfile", "ki_keywords", "ki_fp_filters").contains(name)
                        || (afterSheetname && !name.equals("exclude_from_bom") && !name.equals("dnp"))) {
                    continue;
                }
            }
            int at = line.indexOf("(description \"");
            if (at >= 0 && trimmed.startsWith("(libsource ")) {
                line = line.substring(0, at) + "(description \"\"))";
            }
            // A line left out may have closed its element: closing parens are not compared.
            out.append(trimParens(line)).append('\n');
        }
        return out.toString();
    }

    /** Sheet headers (number, name, tstamps) and libpart headers with their pins. */
    private static String sheetsAndLibparts(String text) {
        StringBuilder out = new StringBuilder();
        for (String line : section(text, "design").split("\n", -1)) {
            if (line.startsWith("    (sheet ")) {
                out.append(line).append('\n');
            }
        }
        for (String line : section(text, "libparts").split("\n", -1)) {
            String trimmed = line.stripLeading();
            if (trimmed.startsWith("(libpart ") || trimmed.startsWith("(pin ")) {
                out.append(trimParens(line)).append('\n');
            }
        }
        return out.toString();
    }

    @Test
    void kicadExportsReadAndWrittenAgainKeepTheirNetsAndComponents() throws IOException {
        Path dir = TestCircuits.vectorDir().resolve("kicad");
        List<Path> files = Files.isDirectory(dir) ? KicadFiles.find(dir, ".net") : List.of();
        assertThat(files.size()).as("KiCad exports in " + dir).isGreaterThanOrEqualTo(29);
        for (SymbolStage stage : TestEngines.symbolStagesUnderTest()) {
            List<String> failures = new ArrayList<>();
            try (SymbolIndex none = stage.open(List.of(), null)) {
                for (Path file : files) {
                    String name = file.getFileName().toString();
                    byte[] bytes = Files.readAllBytes(file);
                    Netlist netlist = Finalizer.finalize(NetReader.read(bytes), none);
                    String ours = new String(NetWriter.write(netlist), StandardCharsets.UTF_8);
                    String kicad = new String(bytes, StandardCharsets.UTF_8);
                    compare(failures, name, "nets", nets(kicad), nets(ours));
                    compare(failures, name, "components", components(kicad), components(ours));
                    compare(failures, name, "sheets and libpart pins", sheetsAndLibparts(kicad),
                            sheetsAndLibparts(ours));
                }
            }
            assertThat(failures).as(TestEngines.name(stage) + " symbols").isEmpty();
        }
    }

    private static void compare(List<String> failures, String name, String what, String kicad, String ours) {
        if (kicad.equals(ours)) {
            return;
        }
        String[] a = kicad.split("\n", -1);
        String[] b = ours.split("\n", -1);
        for (int i = 0; i < Math.min(a.length, b.length); i++) {
            if (!a[i].equals(b[i])) {
                failures.add(name + ": " + what + " differ: KiCad " + a[i] + ", ours " + b[i]);
                return;
            }
        }
        failures.add(name + ": " + what + " differ in length");
    }
}
