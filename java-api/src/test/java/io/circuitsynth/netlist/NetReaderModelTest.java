package io.circuitsynth.netlist;

import static org.assertj.core.api.Assertions.assertThat;

import io.circuitsynth.netlist.ComponentSpec.Field;
import io.circuitsynth.netlist.ComponentSpec.PinSpec;
import io.circuitsynth.netlist.ComponentSpec.ReferenceKind;
import io.circuitsynth.netlist.InstanceSpec.Binding;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code read_hierarchy.in.net} read into exactly the design section 4 describes, field by field:
 * nested sheets, a sheet file placed twice, nets through ports, pins from libparts and from nodes,
 * fields, flags, UUIDs, KiCad 6's {@code tstamp}, ignored children. The Rust twin is
 * {@code net_read_model.rs}.
 */
class NetReaderModelTest {

    private static PinSpec pin(String number, String name, String type) {
        return new PinSpec(number, name, type, 0, false);
    }

    private static PinRef node(String component, String pin) {
        return new PinRef(component, pin, 0, null);
    }

    private static NetSpec net(String name, String netClass, PinRef... nodes) {
        return new NetSpec(name, null, NetSpec.Power.AUTO, netClass, List.of(nodes), true, null);
    }

    private static List<Binding> binds(String... names) {
        List<Binding> out = new ArrayList<>();
        for (String n : names) {
            out.add(new Binding(n, n));
        }
        return out;
    }

    private static ComponentSpec component(String reference, String symbol, String value, String footprint,
            String datasheet, String description, List<Field> fields, boolean dnp, boolean inBom, boolean onBoard,
            List<PinSpec> pins, String... uuids) {
        return new ComponentSpec(reference, symbol, ReferenceKind.ABSOLUTE, reference, value, footprint, datasheet,
                description, fields, dnp, inBom, onBoard, pins, List.of(uuids), null);
    }

    private static ComponentSpec resistor(String reference, String value, String uuid) {
        return component(reference, "Device:R", value, "", "", "", List.of(), false, true, true,
                List.of(pin("1", "", "passive"), pin("2", "", "passive")), uuid);
    }

    static Design expected() {
        ComponentSpec j1 = component("J1", "Connector:Conn_01x02", "Conn_01x02", "Connector:Conn_01x02", "~",
                "Two pins", List.of(new Field("MPN", "X-2"), new Field("Empty", "")), false, true, true,
                List.of(pin("1", "Pin_1", "passive"), pin("2", "", "passive")), "aaaaaaaa-0000-0000-0000-000000000001");
        ComponentSpec u1 = component("U1", "local:MCU", "MCU", "", "", "", List.of(), true, false, false,
                List.of(pin("3", "PA0", "bidirectional"), pin("2", "GND", "power_in"), pin("1", "NC", "no_connect")),
                "aaaaaaaa-0000-0000-0000-000000000005", "aaaaaaaa-0000-0000-0000-000000000004");
        Definition demo = new Definition("demo", List.of(), List.of(j1),
                List.of(net("/IN", "Signal", node("J1", "1")), net("GND", "Default", node("J1", "2")),
                        net("/a/MID", "Default"), net("/EMPTY", "Default")),
                List.of(),
                List.of(new InstanceSpec("a", "amp", binds("/IN", "GND", "/a/MID"), null),
                        new InstanceSpec("c", "c", binds("GND", "/a/MID"), null)),
                null);
        Definition amp = new Definition("amp", List.of("/IN", "GND", "/a/MID"),
                List.of(resistor("R1", "", "aaaaaaaa-0000-0000-0000-000000000002")),
                List.of(net("GND", "Default", node("R1", "2")), net("/a/MID", "Default", node("R1", "1"))),
                List.of(), List.of(new InstanceSpec("b", "amp_2", binds("/IN"), null)), null);
        Definition amp2 = new Definition("amp_2", List.of("/IN"),
                List.of(resistor("R2", "4k7", "aaaaaaaa-0000-0000-0000-000000000003")),
                List.of(net("/IN", "Signal", node("R2", "1")), net("/a/b/OUT", "Default", node("R2", "2"))),
                List.of(), List.of(), null);
        Definition c = new Definition("c", List.of("GND", "/a/MID"), List.of(u1),
                List.of(net("GND", "Default", node("U1", "2")), net("/a/MID", "Default", node("U1", "3")),
                        net("unconnected-(U1-NC-Pad1)", "Default", node("U1", "1"))),
                List.of(node("U1", "1")), List.of(), null);
        return new Design("demo", "demo", List.of(demo, amp, amp2, c),
                List.of(new Design.SheetUuid("/a/", "11111111-0000-0000-0000-000000000001"),
                        new Design.SheetUuid("/a/b/", "22222222-0000-0000-0000-000000000002"),
                        new Design.SheetUuid("/c/", "33333333-0000-0000-0000-000000000003")));
    }

    @Test
    void readHierarchyGivesTheDesignOfSection4() throws IOException {
        Design design = NetReader.read(Files.readAllBytes(
                NetReaderKicadTest.netlistVectors().resolve("read_hierarchy.in.net")));
        Design expected = expected();
        assertThat(design.definitions()).hasSameSizeAs(expected.definitions());
        for (int i = 0; i < expected.definitions().size(); i++) {
            assertThat(design.definitions().get(i)).as("definition %s", expected.definitions().get(i).name())
                    .isEqualTo(expected.definitions().get(i));
        }
        assertThat(design).isEqualTo(expected);
    }

    @Test
    void aDesignWithoutSourceOrSheetsIsOneNetlistDefinition() {
        Design design = NetReader.read(("(export (version E) (components (comp (ref R1)))"
                + " (nets (net (name N) (node (ref R1) (pin 1)))))").getBytes(StandardCharsets.UTF_8));
        ComponentSpec r1 = component("R1", "", "", "", "", "", List.of(), false, true, true, List.of(pin("1", "", "")));
        Design expected = new Design("netlist", "netlist", List.of(new Definition("netlist", List.of(), List.of(r1),
                List.of(net("N", "Default", node("R1", "1"))), List.of(), List.of(), null)));
        assertThat(design).isEqualTo(expected);
    }
}
