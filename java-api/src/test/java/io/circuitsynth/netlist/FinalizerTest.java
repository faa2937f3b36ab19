package io.circuitsynth.netlist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.circuitsynth.netlist.ComponentSpec.PinSpec;
import io.circuitsynth.netlist.ComponentSpec.ReferenceKind;
import io.circuitsynth.netlist.Netlist.NetSheet;
import io.circuitsynth.symbols.BuiltinLibraries;
import io.circuitsynth.symbols.JavaSymbolStage;
import io.circuitsynth.symbols.LibrarySource;
import io.circuitsynth.symbols.SymbolIndex;
import io.circuitsynth.symbols.SymbolStage;
import io.circuitsynth.testing.TestEngines;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Finalize on designs built in code (the API's path, items without origins): the messages circuit
 * JSON vectors cannot reach, absolute names and kept UUIDs from {@code .net} imports, the libraries
 * section, and the netlist the schematic writer reads. The Rust twin is
 * {@code rust-crates/netlist/tests/finalize_api.rs}.
 */
class FinalizerTest {
    private static SymbolIndex index;

    @BeforeAll
    static void open() {
        index = TestCircuits.builtinIndex(new JavaSymbolStage());
    }

    @AfterAll
    static void close() {
        index.close();
    }

    private static ComponentSpec component(String id, String symbol, ReferenceKind kind, String reference) {
        return new ComponentSpec(id, symbol, kind, reference, "", "", "", "", List.of(), false, true, true, null,
                List.of(), null);
    }

    private static ComponentSpec resistor(String id) {
        return component(id, "Device:R", ReferenceKind.PREFIX, "R");
    }

    private static ComponentSpec withPins(ComponentSpec c, List<PinSpec> pins) {
        return new ComponentSpec(c.id(), c.symbol(), c.referenceKind(), c.reference(), c.value(), c.footprint(),
                c.datasheet(), c.description(), c.fields(), c.dnp(), c.inBom(), c.onBoard(), pins, c.uuids(),
                c.origin());
    }

    private static PinRef node(String component, String pin) {
        return new PinRef(component, pin, 0, null);
    }

    private static NetSpec net(String name, List<PinRef> nodes) {
        return new NetSpec(name, null, NetSpec.Power.AUTO, "Default", nodes, false, null);
    }

    private static Definition root(List<ComponentSpec> components, List<NetSpec> nets) {
        return new Definition("Main", List.of(), components, nets, List.of(), List.of(), null);
    }

    private static Design design(Definition... definitions) {
        return new Design("api", "Main", List.of(definitions));
    }

    private static String error(Design design) {
        try {
            Finalizer.finalize(design, index);
        } catch (NetlistException e) {
            return e.getMessage();
        }
        throw new AssertionError("finalize must fail");
    }

    @Test
    void messagesWithoutOriginsHaveNoPrefix() {
        assertThat(error(design(root(List.of(component("D", "Device:LEDx", ReferenceKind.PREFIX, "D")), List.of()))))
                .isEqualTo("unknown symbol Device:LEDx; did you mean Device:LED");
        assertThat(error(design(root(List.of(component("X", "NoColon", ReferenceKind.PREFIX, "X")), List.of()))))
                .startsWith("unknown symbol NoColon");
    }

    @Test
    void nodesAndMarksNamingMissingComponents() {
        NetSpec n = new NetSpec("VIN", null, NetSpec.Power.AUTO, "Default", List.of(node("R", "1"), node("R9", "1")),
                false, "net origin");
        assertThat(error(design(root(List.of(resistor("R")), List.of(n)))))
                .isEqualTo("net origin: net VIN in definition Main: no component \"R9\"");
        Definition main = new Definition("Main", List.of(), List.of(resistor("R")), List.of(),
                List.of(node("R7", "1")), List.of(), null);
        assertThat(error(design(main))).isEqualTo("no-connect in definition Main: no component \"R7\"");
        main = new Definition("Main", List.of(), List.of(resistor("R")), List.of(), List.of(node("R", "9")),
                List.of(), null);
        assertThat(error(design(main)))
                .isEqualTo("component R of Main (Device:R) has no pin \"9\"; its pins are 1, 2");
    }

    @Test
    void pinTablesWithUnknownTypesAndNoPins() {
        ComponentSpec odd = withPins(component("U", "Chips:Odd", ReferenceKind.PREFIX, "U"),
                List.of(new PinSpec("1", "A", "analog", 0, false)));
        assertThat(error(design(root(List.of(odd), List.of())))).isEqualTo("component U of Main: pin 1 has unknown"
                + " electrical type 'analog'; expected one of input, output, bidirectional, tri_state, passive, free,"
                + " unspecified, power_in, power_out, open_collector, open_emitter, no_connect");
        ComponentSpec empty = withPins(component("U", "Chips:Empty", ReferenceKind.PREFIX, "U"), List.of());
        assertThat(error(design(root(List.of(empty), List.of(net(null, List.of(node("U", "1"))))))))
                .isEqualTo("component U of Main (Chips:Empty) has no pin \"1\"; it has no pins");
    }

    @Test
    void hierarchyFaultsOfTheApi() {
        assertThat(error(new Design("api", "Top", List.of(root(List.of(), List.of())))))
                .isEqualTo("the root definition Top is not one of the design's definitions");
        Definition channel = new Definition("Channel", List.of("IN"), List.of(resistor("R")),
                List.of(net("IN", List.of(node("R", "1")))), List.of(), List.of(), null);
        java.util.function.Function<InstanceSpec, Design> with = instance -> design(
                new Definition("Main", List.of(), List.of(), List.of(net("A", List.of())), List.of(),
                        List.of(instance), null),
                channel);
        assertThat(error(with.apply(new InstanceSpec("", "Channel", List.of(new InstanceSpec.Binding("IN", "A")),
                null)))).isEqualTo("an instance of Channel in definition Main has an empty name");
        assertThat(error(with.apply(new InstanceSpec("ch", "Channel", List.of(new InstanceSpec.Binding("IN", "A"),
                new InstanceSpec.Binding("IN", "A")), null))))
                .isEqualTo("port IN of instance /ch/ (definition Channel) is bound twice");
        assertThat(error(with.apply(new InstanceSpec("ch", "Channel",
                List.of(new InstanceSpec.Binding("IN", "Elsewhere")), null))))
                .isEqualTo("port IN of instance /ch/ must be bound to a net of Main, the definition that places it");
    }

    @Test
    void hiddenPowerPinsMayBeListedInTheirOwnPowerNet() {
        ComponentSpec u = withPins(component("U", "Chips:X", ReferenceKind.PREFIX, "U"),
                List.of(new PinSpec("1", "GND", "power_in", 0, true), new PinSpec("2", "OUT", "output", 0, false)));
        Netlist netlist = Finalizer.finalize(design(root(List.of(u, resistor("R")),
                List.of(net("GND", List.of(node("U", "GND"), node("R", "1"))),
                        net(null, List.of(node("U", "OUT"), node("R", "2")))))), index);
        assertThat(netlist.nets()).extracting(Netlist.Net::name).containsExactly("GND", "Net-(U1-OUT)");
        assertThat(netlist.nets().get(0).power()).isTrue();
    }

    @Test
    void absoluteNamesAndKeptUuidsAreUsedAsRead() {
        ComponentSpec c = new ComponentSpec("U1", "Amplifier_Operational:OpAmp_Dual", ReferenceKind.ABSOLUTE, "U1", "",
                "", "", "", List.of(), false, true, true, null, List.of("u-3", "u-1", "u-2"), null);
        ComponentSpec r = new ComponentSpec("R1", "Device:R", ReferenceKind.ABSOLUTE, "R1", "", "", "", "", List.of(),
                false, true, true, null, List.of("r-1"), null);
        NetSpec a = new NetSpec("/weird{slash}name", null, NetSpec.Power.AUTO, "Default",
                List.of(node("R1", "1"), node("U1", "1")), true, null);
        Definition main = new Definition("Main", List.of(), List.of(c, r), List.of(a), List.of(node("R1", "2")),
                List.of(), null);
        Design d = new Design("api", "Main", List.of(main), List.of(new Design.SheetUuid("/", "root-uuid")));
        Netlist netlist = Finalizer.finalize(d, index);
        assertThat(netlist.sheets().get(0).uuid()).isEqualTo("root-uuid");
        assertThat(netlist.sheets().get(0).tstamps()).isEqualTo("/");
        assertThat(netlist.components().get(0).uuidsKept()).isTrue();
        String text = new String(NetWriter.write(netlist), StandardCharsets.UTF_8);
        assertThat(text).contains("\n      (tstamps \"u-3\" \"u-1\" \"u-2\"))")
                .contains("\n      (tstamps \"r-1\"))")
                .contains("(net (code \"1\") (name \"/weird{slash}name\") (class \"Default\")")
                .contains("(name \"unconnected-(R1-Pad2)\") (class \"Default\")\n      (node (ref \"R1\") (pin \"2\")"
                        + " (pintype \"passive+no_connect\"))");
    }

    @Test
    void theDateGoesIntoTheDesignSection() {
        Netlist netlist = Finalizer.finalize(design(root(List.of(resistor("R")), List.of())), index);
        String text = new String(NetWriter.write(netlist, "2025-01-01"), StandardCharsets.UTF_8);
        assertThat(text).contains("\n    (date \"2025-01-01\")\n    (tool \"circuitsynth\")").endsWith(")))");
    }

    @Test
    void librariesSectionListsFileLibrariesByAbsolutePath(@TempDir Path dir) throws IOException {
        Path device = dir.resolve("Device.kicad_sym");
        byte[] power = null;
        for (BuiltinLibraries.Library library : BuiltinLibraries.sources()) {
            if (library.nickname().equals("Device")) {
                Files.write(device, library.content());
            } else if (library.nickname().equals("power")) {
                power = library.content();
            }
        }
        for (SymbolStage stage : TestEngines.symbolStagesUnderTest()) {
            try (SymbolIndex files = stage.open(List.of(LibrarySource.of("Device", device),
                    LibrarySource.inMemory("power", "circuitsynth-builtin/power.kicad_sym", power)), null)) {
                ComponentSpec flag = component("F", "power:PWR_FLAG", ReferenceKind.PREFIX, "FLG");
                ComponentSpec off = new ComponentSpec("Coff", "Device:C", ReferenceKind.PREFIX, "C", "", "", "", "",
                        List.of(), false, true, false, null, List.of(), null);
                Netlist netlist = Finalizer.finalize(design(root(List.of(resistor("R"), flag, off), List.of())), files);
                assertThat(netlist.libraries()).containsExactly(new Netlist.Library("Device", device.toString()));
                assertThat(new String(NetWriter.write(netlist), StandardCharsets.UTF_8)).contains(
                        "\n  (libraries\n    (library (logical \"Device\")\n      (uri \"" + device + "\")))\n  (nets");
            }
        }
    }

    @Test
    void theNetlistTellsTheSchematicWriterWhereNetsGo() throws IOException {
        Design d = CircuitJson.read(Files.readAllBytes(TestCircuits.vectorDir().resolve("hierarchy.json")));
        Netlist netlist = Finalizer.finalize(d, index);
        assertThat(netlist.sheets()).extracting(Netlist.Sheet::path).containsExactly("/", "/ch1/", "/ch2/", "/psu/");
        assertThat(netlist.sheets().get(0).parent()).isEqualTo(Netlist.NONE);
        assertThat(netlist.sheets().get(1).parent()).isZero();
        assertThat(netlist.sheets().get(2).definition()).isEqualTo("Channel");
        assertThat(netlist.sheetComponents(1)).hasSize(3);
        List<String> names = new ArrayList<>();
        netlist.nets().forEach(n -> names.add(n.name()));
        Netlist.Net mid = netlist.nets().get(names.indexOf("/ch1/OUT"));
        assertThat(mid.sheets()).containsExactly(new NetSheet(0, null, null), new NetSheet(1, "OUT", null),
                new NetSheet(2, "IN", null));
        Netlist.Net sig = netlist.nets().get(names.indexOf("/SIG"));
        assertThat(sig.sheets()).containsExactly(new NetSheet(0, null, "SIG"), new NetSheet(1, "IN", null));
        Netlist.Net gnd = netlist.nets().get(names.indexOf("GND"));
        assertThat(gnd.power()).isTrue();
        assertThat(gnd.sheets()).extracting(NetSheet::sheet).containsExactly(0, 1, 2);
        assertThat(netlist.nets().get(names.indexOf("/OUT")).netClass()).isEqualTo("Signal");
        for (int c = 0; c < netlist.components().size(); c++) {
            for (int p = 0; p < netlist.partOf(c).pins().size(); p++) {
                Netlist.Net n = netlist.nets().get(netlist.netOf(c, p));
                assertThat(n.nodes()).contains(new Netlist.PinAt(c, p));
            }
        }
        Netlist.Component q201 = netlist.components().stream().filter(c -> c.reference().equals("Q201")).findFirst()
                .orElseThrow();
        assertThat(q201.spec().id()).isEqualTo("Q");
        assertThat(netlist.parts().get(q201.part()).pins().get(0).name()).isEqualTo("B");
    }

    private static ComponentSpec withTable(String id, String symbol, String reference, String... numberAndName) {
        List<PinSpec> pins = new ArrayList<>();
        for (int i = 0; i < numberAndName.length; i += 2) {
            pins.add(new PinSpec(numberAndName[i], numberAndName[i + 1], "passive", 0, false));
        }
        return withPins(component(id, symbol, ReferenceKind.PREFIX, reference), pins);
    }

    @Test
    void componentsWithOnePinTableShareAPart() {
        Design d = design(root(List.of(
                withTable("a", "Lost:R", "R", "1", "~", "2", "~"),
                withTable("b", "Lost:R", "R", "1", "~", "2", "~"),
                // Another table, another prefix, another symbol: each its own part.
                withTable("c", "Lost:R", "R", "1", "~", "2", "B"),
                withTable("d", "Lost:R", "RN", "1", "~", "2", "~"),
                withTable("e", "Lost:C", "R", "1", "~", "2", "~"),
                withTable("f", "Lost:R", "R", "1", "~", "2", "~")), List.of()));
        Netlist netlist = Finalizer.finalize(d, index);
        assertThat(netlist.components()).extracting(Netlist.Component::part).containsExactly(0, 0, 1, 2, 3, 0);
        assertThat(netlist.parts()).hasSize(4);
        assertThat(netlist.parts().get(2).fields().get(0).value()).isEqualTo("RN");
        assertThat(netlist.parts().get(1).pins().get(1).name()).isEqualTo("B");
    }
}
