package io.circuitsynth;

import static org.assertj.core.api.Assertions.assertThat;

import io.circuitsynth.netlist.Definition;
import io.circuitsynth.netlist.Design;
import io.circuitsynth.netlist.InstanceSpec;
import io.circuitsynth.netlist.NetSpec;
import io.circuitsynth.netlist.PinRef;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The examples in the public Javadoc of this package, run as written, so they cannot rot. */
class JavadocExamplesTest {

    /** {@link Circuit}'s example, up to the design (the written netlist is checked end to end). */
    static Circuit filterExample() {
        Circuit channel = Circuit.subcircuit("Channel", "IN", "OUT");  // an RC low-pass filter
        Component r = channel.component("Device:R", "R1", "10k");      // local R1: R201, R301...
        Component c = channel.component("Device:C", "C1", "100n");
        channel.port("IN").connect(r.pin(1));
        channel.port("OUT").connect(r.pin(2), c.pin(1));
        channel.net("GND").connect(c.pin(2));                          // GND: a power net, global

        Circuit board = Circuit.create("filter");
        Component j1 = board.component("Connector_Generic:Conn_01x04", "J1")
                .footprint("Connector_PinHeader_2.54mm:PinHeader_1x04_P2.54mm_Vertical");
        Net in = board.net("IN").connect(j1.pin(1));
        board.instantiate(channel, "ch1").bind("IN", in).bind("OUT", board.net("OUT1"));
        board.instantiate(channel, "ch2").bind("IN", in).bind("OUT", board.net("OUT2"));
        board.net("OUT1").connect(j1.pin(2));
        board.net("OUT2").connect(j1.pin(3));
        board.net("GND").connect(j1.pin(4));
        return board;
    }

    @Test
    void circuitExample() {
        Design design = filterExample().toDesign();
        assertThat(design.name()).isEqualTo("filter");
        assertThat(design.definitions()).extracting(Definition::name).containsExactly("filter", "Channel");
        Definition root = design.definitions().get(0);
        assertThat(root.instances()).extracting(InstanceSpec::name, InstanceSpec::definition, InstanceSpec::bindings)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("ch1", "Channel", List.of(
                                new InstanceSpec.Binding("IN", "IN"), new InstanceSpec.Binding("OUT", "OUT1"))),
                        org.assertj.core.groups.Tuple.tuple("ch2", "Channel", List.of(
                                new InstanceSpec.Binding("IN", "IN"), new InstanceSpec.Binding("OUT", "OUT2"))));
        assertThat(root.nets()).extracting(NetSpec::name).containsExactly("IN", "OUT1", "OUT2", "GND");
        assertThat(root.nets()).extracting(n -> n.nodes().stream().map(p -> p.component() + "." + p.pin()).toList())
                .containsExactly(List.of("J1.1"), List.of("J1.2"), List.of("J1.3"), List.of("J1.4"));
        Definition channel = design.definitions().get(1);
        assertThat(channel.ports()).containsExactly("IN", "OUT");
        assertThat(channel.nets()).extracting(NetSpec::name).containsExactly("IN", "OUT", "GND");
        assertThat(channel.nets().get(1).nodes()).extracting(PinRef::component, PinRef::pin).containsExactly(
                org.assertj.core.groups.Tuple.tuple("R1", "2"), org.assertj.core.groups.Tuple.tuple("C1", "1"));
    }

    @Test
    void componentExample() {
        Circuit board = Circuit.create("amp");
        Component r1 = board.component("Device:R", "R", "10k")          // prefix R: numbered R1, R2...
                .footprint("Resistor_SMD:R_0603_1608Metric")
                .field("MPN", "RC0603FR-0710KL");
        Component u1 = board.component("Amplifier_Operational:LM358", "U1"); // fixed reference U1
        u1.unit(1).pin("+").connect(r1.pin(2));

        assertThat(r1.id()).isEqualTo("R?1");
        assertThat(r1.pin(2).net().pins()).containsExactly(u1.unit(1).pin("+"), r1.pin(2));
        String origin = r1.pin(2).net().nodes.get(0).origin();
        assertThat(origin).startsWith("JavadocExamplesTest.java:");
        assertThat(board.toDesign().definitions().get(0).nets().get(0).nodes()).containsExactly(
                new PinRef("U1", "+", 1, origin), new PinRef("R?1", "2", 0, origin));
    }

    @Test
    void pinAndNetExamples() {
        Circuit board = Circuit.create("b");
        Component r1 = board.component("Device:R", "R1");
        Component r2 = board.component("Device:R", "R2");
        Component u1 = board.component("MCU_Microchip_ATtiny:ATtiny85-20P", "U1");
        Net vcc = board.net("VCC");                       // the circuit's net called VCC (made on first use)
        vcc.connect(r1.pin(1), u1.pin("VDD"));
        Net bus = board.power("VBUS_SYS");                // a power net by declaration
        Net sense = board.net().netClass("Analog");       // an unnamed net; finalize names it from its pins
        r1.pin(1).connect(vcc);                 // by number
        u1.pin("VDD").connect(vcc);             // by name (every pin called VDD)
        u1.unit(2).pin("+").connect(r2.pin(2)); // a pin of unit 2, connected through a new unnamed net
        u1.pin("NC").noConnect();               // not connected on purpose

        assertThat(vcc.pins()).containsExactly(r1.pin(1), u1.pin("VDD"));
        assertThat(board.nets()).containsExactly(vcc, bus, sense, r2.pin(2).net());
        assertThat(r2.pin(2).net().pins()).containsExactly(u1.unit(2).pin("+"), r2.pin(2));
        assertThat(board.noConnects()).containsExactly(u1.pin("NC"));
        NetSpec busSpec = board.toDesign().definitions().get(0).nets().get(1);
        assertThat(busSpec.power()).isEqualTo(NetSpec.Power.YES);
        assertThat(board.toDesign().definitions().get(0).nets().get(2).netClass()).isEqualTo("Analog");
    }

    @Test
    void instanceExample() {
        Circuit board = Circuit.create("b");
        Net vin1 = board.net("VIN1");
        Net vin2 = board.net("VIN2");
        Net vout1 = board.net("VOUT1");
        Net vout2 = board.net("VOUT2");
        Circuit channel = Circuit.subcircuit("Channel", "IN", "OUT");
        // ... channel's components, connected to channel.port("IN") and channel.port("OUT") ...
        board.instantiate(channel, "ch1").bind("IN", vin1).bind("OUT", vout1);
        board.instantiate(channel, "ch2").bind("IN", vin2).bind("OUT", vout2);

        assertThat(board.instances()).extracting(Instance::toString).containsExactly("ch1 (Channel)", "ch2 (Channel)");
        assertThat(board.instances().get(1).bindings()).containsEntry("IN", vin2).containsEntry("OUT", vout2);
    }

    /** The package's example, up to the design. */
    static Circuit blinkyExample() {
        Circuit board = Circuit.create("blinky");
        Component led = board.component("Device:LED", "D", "red");
        Component r = board.component("Device:R", "R", "330");
        board.net("+5V").connect(r.pin(1));
        r.pin(2).connect(led.pin("A"));
        board.net("GND").connect(led.pin("K"));
        return board;
    }

    @Test
    void packageExample() {
        Definition root = blinkyExample().toDesign().definitions().get(0);
        assertThat(root.components()).extracting(c -> c.id() + " " + c.symbol() + " " + c.value())
                .containsExactly("D?1 Device:LED red", "R?1 Device:R 330");
        assertThat(root.nets()).extracting(n -> n.name() + " " + n.nodes().stream()
                        .map(p -> p.component() + "." + p.pin()).toList())
                .containsExactly("+5V [R?1.1]", "null [R?1.2, D?1.A]", "GND [D?1.K]");
    }
}
