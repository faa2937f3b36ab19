package io.circuitsynth;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.circuitsynth.io.JavaIoStage;
import io.circuitsynth.netlist.NetlistException;
import io.circuitsynth.netlist.NetlistStage;
import io.circuitsynth.symbols.BuiltinLibraries;
import io.circuitsynth.symbols.LibrarySource;
import io.circuitsynth.symbols.SymbolIndex;
import io.circuitsynth.symbols.SymbolStage;
import io.circuitsynth.testing.TestEngines;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Circuits built with the API, finalized and written as KiCad {@code .net} against the built-in
 * libraries by every engine under test: exact bytes, the same from each engine, and finalize's
 * messages placed at this file's lines.
 */
class CircuitNetTest {
    /** One engine's netlist stage, with the built-in libraries opened by the same engine. */
    record Engine(String name, CircuitFiles files, SymbolIndex builtin) {
        String net(Circuit circuit) {
            return new String(files.net(circuit, builtin), UTF_8);
        }
    }

    static List<Engine> engines;

    @BeforeAll
    static void openEngines() {
        engines = new ArrayList<>();
        for (NetlistStage stage : TestEngines.netlistStagesUnderTest()) {
            engines.add(new Engine(TestEngines.name(stage), new CircuitFiles(stage, new JavaIoStage()),
                    builtinIndex(TestEngines.symbolStageFor(stage))));
        }
    }

    @AfterAll
    static void closeEngines() {
        for (Engine engine : engines) {
            engine.builtin().close();
        }
    }

    static SymbolIndex builtinIndex(SymbolStage stage) {
        List<LibrarySource> sources = new ArrayList<>();
        for (BuiltinLibraries.Library library : BuiltinLibraries.sources()) {
            sources.add(LibrarySource.inMemory(library.nickname(),
                    "circuitsynth-builtin/" + library.nickname() + ".kicad_sym", library.content()));
        }
        return stage.open(sources, null);
    }

    /** The netlist every engine writes; they must agree byte for byte. */
    private static String net(Circuit circuit) {
        String first = null;
        for (Engine engine : engines) {
            String net = engine.net(circuit);
            if (first == null) {
                first = net;
            } else {
                assertThat(net).as(engine.name() + " engine").isEqualTo(first);
            }
        }
        return first;
    }

    /** Every engine's finalize rejects {@code circuit} with {@code message}. */
    private static void assertFinalizeError(Circuit circuit, String message) {
        for (Engine engine : engines) {
            assertThatThrownBy(() -> engine.net(circuit)).as(engine.name() + " engine")
                    .isInstanceOf(NetlistException.class).hasMessage(message);
        }
    }

    private static String vector(String name) throws Exception {
        return Files.readString(CircuitFilesVectorsTest.vectors().resolve(name), UTF_8);
    }

    /** {@code conformance/netlist/divider.json}, in code: the vector's {@code .net} byte for byte. */
    @Test
    void dividerInCodeGivesTheVectorsNetlist() throws Exception {
        Circuit main = Circuit.create("Main").project("divider");
        Component j = main.component("Connector_Generic:Conn_01x03", "J", "IN").id("J")
                .footprint("Connector_PinHeader_2.54mm:PinHeader_1x03_P2.54mm_Vertical");
        Component rtop = main.component("Device:R", "R", "10k").id("Rtop")
                .footprint("Resistor_SMD:R_0603_1608Metric").datasheet("https://example.com/rc0603.pdf")
                .field("MPN", "RC0603FR-0710KL").field("Tolerance", "");
        Component rbot = main.component("Device:R", "R", "4k7").id("Rbot")
                .footprint("Resistor_SMD:R_0603_1608Metric").description("Bottom resistor").dnp();
        Component c = main.component("Device:C", "C7", "100n").id("C").inBom(false);
        Component tp = main.component("Connector:TestPoint", "TP").id("TP");
        main.net("VIN").connect(j.pin(1), rtop.pin(1));
        rtop.pin(2).connect(rbot.pin(1), c.pin(1), j.pin("Pin_2"));
        main.net("GND").netClass("Power").connect(rbot.pin(2), c.pin(2), j.pin(3));
        tp.pin(1).noConnect();

        assertThat(net(main)).isEqualTo(vector("divider.net"));
    }

    /** {@code conformance/netlist/hierarchy.json}, in code: three sheets, a block placed twice. */
    @Test
    void hierarchyInCodeGivesTheVectorsNetlist() throws Exception {
        Circuit channel = Circuit.subcircuit("Channel", "IN", "OUT");
        Component rin = channel.component("Device:R", "R", "22k").id("Rin");
        Component rfb = channel.component("Device:R", "R5", "100k").id("Rfb");
        Component q = channel.component("Transistor_BJT:Q_NPN_BCE", "Q", "BC547").id("Q");
        channel.port("IN").connect(rin.pin(1));
        channel.net("BASE").connect(rin.pin(2), q.pin("B"), rfb.pin(1));
        channel.port("OUT").connect(q.pin("C"), rfb.pin(2));
        channel.net("GND").connect(q.pin("E"));

        Circuit supply = Circuit.subcircuit("Supply");
        Component d = supply.component("Device:D", "D", "1N4148").absoluteReference("D1").id("D");
        supply.net("+5V").connect(d.pin("K"));

        Circuit main = Circuit.create("Main").project("amp");
        Component j = main.component("Connector_Generic:Conn_01x03", "J", "IO").id("J");
        Component cbulk = main.component("Device:C_Polarized", "C", "10u").id("Cbulk");
        Component rload = main.component("Device:R", "R", "1k").id("Rload");
        Component rpull = main.component("Device:R", "R1", "10k").id("Rpull");
        Component led = main.component("Device:LED", "D", "red").id("Led");
        Net sig = main.net("SIG").connect(j.pin(1), rpull.pin(2));
        Net mid = main.net();
        Net out = main.net("OUT").netClass("Signal").connect(j.pin(2), rload.pin(1));
        main.net("GND").connect(j.pin(3), cbulk.pin(2), rload.pin(2));
        main.net("+5V").connect(cbulk.pin(1), rpull.pin(1), led.pin("A"));
        main.instantiate(channel, "ch1").bind("IN", sig).bind("OUT", mid);
        main.instantiate(channel, "ch2").bind("IN", mid).bind("OUT", out);
        main.instantiate(supply, "psu");

        assertThat(net(main)).isEqualTo(vector("hierarchy.net"));
    }

    @Test
    void aBlockPlacedTwiceNumbersItsFixedReferencesPerSheet() {
        Circuit filter = Circuit.subcircuit("Filter", "IN", "OUT");
        Component r = filter.component("Device:R", "R1", "1k");
        Component c = filter.component("Device:C", "C1", "10n");
        filter.port("IN").connect(r.pin(1));
        filter.port("OUT").connect(r.pin(2), c.pin(1));
        filter.net("GND").connect(c.pin(2));
        Circuit board = Circuit.create("twice");
        Component r1 = board.component("Device:R", "R1", "0");
        Net in = board.net("IN").connect(r1.pin(1));
        board.net("GND").connect(r1.pin(2));
        board.instantiate(filter, "a").bind("IN", in).bind("OUT", board.net("OUT_A"));
        board.instantiate(filter, "b").bind("IN", in).bind("OUT", board.net());

        String net = net(board);
        assertThat(net).contains("(comp (ref \"C201\")", "(comp (ref \"C301\")", "(comp (ref \"R1\")",
                "(comp (ref \"R201\")", "(comp (ref \"R301\")");
        String nets = net.substring(net.indexOf("\n  (nets"));
        assertThat(nets).isEqualTo("\n  (nets\n"
                + "    (net (code \"1\") (name \"/IN\") (class \"Default\")\n"
                + "      (node (ref \"R1\") (pin \"1\") (pintype \"passive\"))\n"
                + "      (node (ref \"R201\") (pin \"1\") (pintype \"passive\"))\n"
                + "      (node (ref \"R301\") (pin \"1\") (pintype \"passive\")))\n"
                + "    (net (code \"2\") (name \"/OUT_A\") (class \"Default\")\n"
                + "      (node (ref \"C201\") (pin \"1\") (pintype \"passive\"))\n"
                + "      (node (ref \"R201\") (pin \"2\") (pintype \"passive\")))\n"
                + "    (net (code \"3\") (name \"/b/OUT\") (class \"Default\")\n"
                + "      (node (ref \"C301\") (pin \"1\") (pintype \"passive\"))\n"
                + "      (node (ref \"R301\") (pin \"2\") (pintype \"passive\")))\n"
                + "    (net (code \"4\") (name \"GND\") (class \"Default\")\n"
                + "      (node (ref \"C201\") (pin \"2\") (pintype \"passive\"))\n"
                + "      (node (ref \"C301\") (pin \"2\") (pintype \"passive\"))\n"
                + "      (node (ref \"R1\") (pin \"2\") (pintype \"passive\")))))");
    }

    @Test
    void aPinTheSymbolLacksIsReportedAtTheConnectingLineWithTheSymbolsPins() {
        Circuit board = Circuit.create("Main");
        Component r = board.component("Device:R", "R", "10k");
        board.net("VIN").connect(r.pin(1), r.pin(3)); String at = CircuitTest.here();
        assertFinalizeError(board, at + ": component R?1 of Main (Device:R) has no pin \"3\"; its pins are 1, 2");
    }

    @Test
    void aDuplicateReferenceNamesBothPlaces() {
        Circuit board = Circuit.create("Main");
        board.component("Device:R", "R1"); String first = CircuitTest.here();
        board.component("Device:R", "R1"); String second = CircuitTest.here();
        assertFinalizeError(board, "duplicate reference R1: / R1 (at " + first + ") and / R1#2 (at " + second + ")");
    }

    @Test
    void aDuplicateReferenceAcrossSheetsNamesBothSheets() {
        Circuit channel = Circuit.subcircuit("Channel");
        channel.component("Device:R", "R1"); String inner = CircuitTest.here();
        Circuit board = Circuit.create("Main");
        board.component("Device:R", "R201"); String outer = CircuitTest.here();
        board.instantiate(channel, "ch1");
        assertFinalizeError(board, "duplicate reference R201: / R201 (at " + outer + ") and /ch1/ R1 (at " + inner + ")");
    }

    @Test
    void aNetConnectedToItselfThroughAPortIsReportedAtTheInstance() {
        Circuit channel = Circuit.subcircuit("Channel", "IN", "OUT");
        Component r = channel.component("Device:R", "R1");
        channel.port("IN").connect(r.pin(1));
        channel.port("OUT").connect(r.pin(2));
        Circuit board = Circuit.create("Main");
        Net vin = board.net("VIN");
        board.instantiate(channel, "ch1").bind("IN", vin).bind("OUT", vin); String at = CircuitTest.here();
        assertFinalizeError(board, at + ": net VIN is connected to itself through ports IN and OUT of instance /ch1/"
                        + " (definition Channel); make them one port if they are one net");
    }

    @Test
    void anUnboundPortIsReportedAtTheInstance() {
        Circuit channel = Circuit.subcircuit("Channel", "IN", "OUT");
        Circuit board = Circuit.create("Main");
        board.instantiate(channel, "ch1").bind("IN", board.net("VIN")); String at = CircuitTest.here();
        assertFinalizeError(board, at + ": port OUT of instance /ch1/ (definition Channel) is not connected; bind it to a net"
                        + " or remove the port");
    }

    @Test
    void writtenNetlistIsTheFinalizedBytes() throws Exception {
        Path dir = Files.createTempDirectory("circuit-net");
        try {
            Path out = dir.resolve("divider.net");
            Circuit board = Circuit.create("b");
            board.net("GND").connect(board.component("Device:R", "R").pin(1));
            for (Engine engine : engines) {
                Files.deleteIfExists(out);
                assertThat(engine.files().writeNet(board, engine.builtin(), out)).isTrue();
                assertThat(Files.readString(out, UTF_8)).isEqualTo(net(board));
                assertThat(engine.files().writeNet(board, engine.builtin(), out)).isFalse();
            }
        } finally {
            try (var walk = Files.walk(dir)) {
                walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    /** The README's example, with the built-in libraries. */
    @Test
    void readmeExample() {
        Circuit channel = Circuit.subcircuit("Channel", "IN", "OUT");   // a block with two ports
        Component r = channel.component("Device:R", "R1", "10k");       // fixed R1: R201 in ch1, R301 in ch2
        Component c = channel.component("Device:C", "C1", "100n");
        channel.port("IN").connect(r.pin(1));
        channel.port("OUT").connect(r.pin(2), c.pin(1));
        channel.net("GND").connect(c.pin(2));                           // power nets (GND, +3V3...) are global

        Circuit board = Circuit.create("filter");
        Component j1 = board.component("Connector_Generic:Conn_01x03", "J", "IN");  // prefix J: numbered J1
        Net in = board.net("IN").connect(j1.pin(1));
        board.instantiate(channel, "ch1").bind("IN", in).bind("OUT", board.net("OUT1"));
        board.instantiate(channel, "ch2").bind("IN", in).bind("OUT", board.net("OUT2"));
        board.net("OUT1").connect(j1.pin(2));
        board.net("GND").connect(j1.pin(3));

        String net = net(board);
        String nets = net.substring(net.indexOf("\n  (nets"));
        assertThat(nets).isEqualTo("\n  (nets\n"
                + "    (net (code \"1\") (name \"/IN\") (class \"Default\")\n"
                + "      (node (ref \"J1\") (pin \"1\") (pinfunction \"Pin_1\") (pintype \"passive\"))\n"
                + "      (node (ref \"R201\") (pin \"1\") (pintype \"passive\"))\n"
                + "      (node (ref \"R301\") (pin \"1\") (pintype \"passive\")))\n"
                + "    (net (code \"2\") (name \"/OUT1\") (class \"Default\")\n"
                + "      (node (ref \"C201\") (pin \"1\") (pintype \"passive\"))\n"
                + "      (node (ref \"J1\") (pin \"2\") (pinfunction \"Pin_2\") (pintype \"passive\"))\n"
                + "      (node (ref \"R201\") (pin \"2\") (pintype \"passive\")))\n"
                + "    (net (code \"3\") (name \"/OUT2\") (class \"Default\")\n"
                + "      (node (ref \"C301\") (pin \"1\") (pintype \"passive\"))\n"
                + "      (node (ref \"R301\") (pin \"2\") (pintype \"passive\")))\n"
                + "    (net (code \"4\") (name \"GND\") (class \"Default\")\n"
                + "      (node (ref \"C201\") (pin \"2\") (pintype \"passive\"))\n"
                + "      (node (ref \"C301\") (pin \"2\") (pintype \"passive\"))\n"
                + "      (node (ref \"J1\") (pin \"3\") (pinfunction \"Pin_3\") (pintype \"passive\")))))");
    }
}
