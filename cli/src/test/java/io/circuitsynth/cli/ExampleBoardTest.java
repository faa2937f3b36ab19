package io.circuitsynth.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.circuitsynth.Circuit;
import io.circuitsynth.Circuits;
import io.circuitsynth.Component;
import io.circuitsynth.Instance;
import io.circuitsynth.internal.Engines;
import io.circuitsynth.symbols.BuiltinLibraries;
import io.circuitsynth.symbols.LibrarySource;
import io.circuitsynth.symbols.SymbolLibraries;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The example board against its committed vectors ({@code conformance/example/}): the circuit
 * JSON it builds, and its KiCad 9 netlist with KiCad's libraries and with the built-in library
 * alone. Run {@link #main} to rewrite the vectors after a deliberate change, then review the diff.
 */
class ExampleBoardTest {
    /** The libraries the board's symbols come from when KiCad is installed. */
    static final List<String> KICAD_LIBRARIES = List.of("Connector", "Connector_Generic", "Device",
            "MCU_ST_STM32F1", "Power_Protection", "Regulator_Linear", "Switch", "power");

    /** Where the vectors name KiCad's symbol directory, whatever it is on the machine. */
    static final String KICAD_DIR_IN_VECTORS = "/usr/share/kicad/symbols";

    static Path vectors() {
        String root = System.getProperty("circuitsynth.projectRoot");
        Path dir = root != null ? Path.of(root, "conformance", "example") : Path.of("..", "conformance", "example");
        return dir.toAbsolutePath().normalize();
    }

    static SymbolLibraries builtinLibraries() {
        List<LibrarySource> sources = new ArrayList<>();
        for (BuiltinLibraries.Library lib : BuiltinLibraries.sources()) {
            sources.add(LibrarySource.inMemory(lib.nickname(), "circuitsynth-builtin/" + lib.nickname() + ".kicad_sym",
                    lib.content()));
        }
        return SymbolLibraries.open(Engines.symbols(), sources, null);
    }

    /** KiCad's symbol directory, or a skip (a failure under CI=true) when it is missing. */
    static Path kicadSymbolDir() {
        String env = System.getenv("KICAD9_SYMBOL_DIR");
        Path dir = Path.of(env == null || env.isEmpty() ? KICAD_DIR_IN_VECTORS : env);
        if (!Files.isRegularFile(dir.resolve("MCU_ST_STM32F1.kicad_sym"))) {
            String why = "KiCad 9 symbol library not found in " + dir + "; install kicad-symbols or set KICAD9_SYMBOL_DIR";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                throw new AssertionError(why + " (CI=true, so this fails instead of skipping)");
            }
            System.err.println("SKIPPED: " + why);
            Assumptions.abort(why);
        }
        return dir;
    }

    static SymbolLibraries kicadLibraries(Path dir) {
        List<LibrarySource> sources = new ArrayList<>();
        for (String nickname : KICAD_LIBRARIES) {
            sources.add(LibrarySource.of(nickname, dir.resolve(nickname + ".kicad_sym")));
        }
        return SymbolLibraries.open(Engines.symbols(), sources, null);
    }

    static String kicadNet(Path dir) {
        try (SymbolLibraries libs = kicadLibraries(dir)) {
            String net = new String(Circuits.toNet(ExampleBoard.circuit(), libs), StandardCharsets.UTF_8);
            return net.replace("(uri \"" + dir.toAbsolutePath() + "/", "(uri \"" + KICAD_DIR_IN_VECTORS + "/");
        }
    }

    static String builtinNet() {
        try (SymbolLibraries libs = builtinLibraries()) {
            return new String(Circuits.toNet(ExampleBoard.circuit(), libs), StandardCharsets.UTF_8);
        }
    }

    static String vector(String file) throws Exception {
        return Files.readString(vectors().resolve(file));
    }

    @Test
    void circuitJsonIsTheVector() throws Exception {
        assertThat(new String(Circuits.toJson(ExampleBoard.circuit()), StandardCharsets.UTF_8))
                .isEqualTo(vector("example.circuit.json"));
    }

    @Test
    void builtinNetlistIsTheVector() throws Exception {
        assertThat(builtinNet()).isEqualTo(vector("example.builtin.net"));
    }

    @Test
    void kicadNetlistIsTheVector() throws Exception {
        assertThat(kicadNet(kicadSymbolDir())).isEqualTo(vector("example.kicad.net"));
    }

    /**
     * The pin tables stand in for KiCad's symbols exactly: the same nets, node for node, with the
     * same pin names and electrical types, whichever library serves.
     */
    @Test
    void bothLibrarySetupsGiveTheSameNets() throws Exception {
        String kicad = vector("example.kicad.net");
        String builtin = vector("example.builtin.net");
        assertThat(section(builtin, "  (nets")).isEqualTo(section(kicad, "  (nets"));
        assertThat(section(kicad, "  (nets")).contains("(node (ref \"U501\") (pin \"7\") (pinfunction \"NRST\")"
                + " (pintype \"input\"))");
    }

    /** What the board is: its sheets, its 48 parts, and an MCU with no pin left floating. */
    @Test
    void theBoardHasItsSheetsAndParts() throws Exception {
        Circuit board = ExampleBoard.circuit();
        assertThat(board.project()).isEqualTo("example");
        assertThat(board.instances()).extracting(Instance::name)
                .containsExactly("USB", "Power", "MCU", "LED1", "LED2", "LED3");

        String net = vector("example.kicad.net");
        Map<String, String> parts = new TreeMap<>();
        Matcher comp = Pattern.compile("\\(comp \\(ref \"([^\"]+)\"\\)\\s+\\(value \"([^\"]*)\"\\)").matcher(net);
        while (comp.find()) {
            parts.put(comp.group(1), comp.group(2));
        }
        assertThat(parts).hasSize(48).containsEntry("U501", "STM32F103C8T6").containsEntry("U301", "AMS1117-3.3")
                .containsEntry("J201", "USB-C").containsEntry("J501", "SWD").containsEntry("U201", "USBLC6-2SC6");

        // Every one of the MCU's 48 pins is in a named net, or marked not connected on purpose.
        Map<String, String> mcuPins = pinsOf(net, "U501");
        assertThat(mcuPins).hasSize(48);
        List<String> floating = new ArrayList<>();
        mcuPins.forEach((pin, netName) -> {
            if (netName.startsWith("unconnected-")) {
                floating.add(pin);
            }
        });
        assertThat(floating).containsExactlyInAnyOrder("3", "4", "11", "12", "13", "14", "15", "16", "17", "18",
                "19", "21", "22", "27", "28", "29", "38", "40", "41", "45", "46");
        Circuit mcu = board.instances().get(2).definition();
        Component u = mcu.components().get(0);
        assertThat(mcu.noConnects()).filteredOn(p -> p.component() == u).hasSize(floating.size());
        assertThat(mcuPins).containsEntry("7", "/MCU/NRST").containsEntry("34", "/MCU/SWDIO")
                .containsEntry("24", "+3V3").containsEntry("47", "GND").containsEntry("2", "/LED1");
    }

    /** The text of the list that starts with {@code head} on its own line, to its closing line. */
    static String section(String net, String head) {
        int start = net.indexOf("\n" + head + "\n");
        assertThat(start).as(head).isNotNegative();
        return net.substring(start);
    }

    /** Pin number → net name for {@code ref}, from a {@code .net}. */
    static Map<String, String> pinsOf(String net, String ref) {
        Map<String, String> pins = new TreeMap<>();
        String current = null;
        Pattern netName = Pattern.compile("\\(net \\(code \"\\d+\"\\) \\(name \"([^\"]*)\"\\)");
        Pattern node = Pattern.compile("\\(node \\(ref \"([^\"]+)\"\\) \\(pin \"([^\"]+)\"\\)");
        for (String line : section(net, "  (nets").split("\n")) {
            Matcher n = netName.matcher(line);
            if (n.find()) {
                current = n.group(1);
            }
            Matcher m = node.matcher(line);
            if (m.find() && m.group(1).equals(ref)) {
                assertThat(pins.put(m.group(2), current)).as(ref + "." + m.group(2) + " in one net").isNull();
            }
        }
        return pins;
    }

    /** Rewrites the vectors from the current code. */
    public static void main(String[] args) throws Exception {
        Path dir = vectors();
        Files.createDirectories(dir);
        Files.write(dir.resolve("example.circuit.json"), Circuits.toJson(ExampleBoard.circuit()));
        Files.writeString(dir.resolve("example.builtin.net"), builtinNet());
        Files.writeString(dir.resolve("example.kicad.net"), kicadNet(kicadSymbolDir()));
        System.out.println("wrote " + new TreeSet<>(List.of("example.circuit.json", "example.builtin.net",
                "example.kicad.net")) + " in " + dir);
    }
}
