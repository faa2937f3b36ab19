package io.circuitsynth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.circuitsynth.netlist.ComponentSpec;
import io.circuitsynth.netlist.ComponentSpec.ReferenceKind;
import io.circuitsynth.netlist.Definition;
import io.circuitsynth.netlist.Design;
import io.circuitsynth.netlist.InstanceSpec;
import io.circuitsynth.netlist.NetSpec;
import io.circuitsynth.netlist.NetlistException;
import io.circuitsynth.netlist.PinRef;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A design read from a file becomes circuits that give the same design back, whatever it holds. */
class DesignConversionTest {

    static Design everything() {
        Definition leaf = new Definition("Leaf", List.of("A"),
                List.of(new ComponentSpec("R?1", "Device:R", ReferenceKind.PREFIX, "R", "1k", "", "", "", List.of(),
                        false, true, true, null, List.of(), "$.definitions.Leaf.components[0]")),
                List.of(new NetSpec("A", null, NetSpec.Power.AUTO, "Default",
                        List.of(new PinRef("R?1", "1", 0, null)), false, null)),
                List.of(), List.of(), "$.definitions.Leaf");
        Definition channel = new Definition("Channel", List.of("IN", "OUT"),
                List.of(new ComponentSpec("U1", "Amplifier_Operational:LM358", ReferenceKind.FIXED, "U1", "LM358",
                        "Package_SO:SOIC-8", "", "", List.of(), false, true, true, null, List.of(), null)),
                List.of(new NetSpec("IN", null, NetSpec.Power.AUTO, "Default",
                                List.of(new PinRef("U1", "+", 1, "$.n[0]"), new PinRef("U1", "+", 1, "$.n[1]")), false,
                                null),
                        new NetSpec("EMPTY", null, NetSpec.Power.AUTO, "Default", List.of(), false, null)),
                List.of(new PinRef("U1", "7", 2, null)),
                List.of(new InstanceSpec("leaf", "Leaf", List.of(new InstanceSpec.Binding("A", "OUT")), null)),
                null);
        Definition main = new Definition("Main", List.of(),
                List.of(new ComponentSpec("J1", "Connector_Generic:Conn_01x02", ReferenceKind.ABSOLUTE, "J1", "",
                                "", "https://example.com", "two pins",
                                List.of(new ComponentSpec.Field("MPN", "X-1"), new ComponentSpec.Field("Note", "")),
                                true, false, false,
                                List.of(new ComponentSpec.PinSpec("1", "A", "passive", 0, false),
                                        new ComponentSpec.PinSpec("2", "~", "power_in", 1, true)),
                                List.of("00000000-0000-0000-0000-000000000001"), "12:3")),
                List.of(new NetSpec("VIN", "vin", NetSpec.Power.AUTO, "Default",
                                List.of(new PinRef("J1", "1", 0, null)), false, null),
                        new NetSpec(null, "n1", NetSpec.Power.NO, "Signal", List.of(new PinRef("J1", "2", 0, null)),
                                false, null),
                        new NetSpec("/x/GND", null, NetSpec.Power.YES, "Default", List.of(), true, "20:1")),
                List.of(),
                List.of(new InstanceSpec("ch1", "Channel", List.of(new InstanceSpec.Binding("IN", "vin"),
                                new InstanceSpec.Binding("OUT", "n1")), "$.i[0]"),
                        new InstanceSpec("ch2", "Channel", List.of(new InstanceSpec.Binding("IN", "VIN"),
                                new InstanceSpec.Binding("NOPE", "VIN")), null)),
                null);
        Definition unused = new Definition("Unused", List.of(), List.of(), List.of(), List.of(), List.of(), null);
        return new Design("amp", "Main", List.of(channel, main, unused, leaf),
                List.of(new Design.SheetUuid("/ch1/", "00000000-0000-0000-0000-0000000000aa")));
    }

    @Test
    void readDesignComesBackEqual() {
        Design design = everything();
        Circuit main = Circuit.from(design);
        assertThat(main.toDesign()).isEqualTo(design);
    }

    @Test
    void readCircuitsAreOrdinaryCircuits() {
        Circuit main = Circuit.from(everything());
        assertThat(main.name()).isEqualTo("Main");
        assertThat(main.project()).isEqualTo("amp");
        Component j1 = main.components().get(0);
        assertThat(j1.pin(1).net()).isSameAs(main.net("VIN"));
        assertThat(main.net("VIN").pins()).containsExactly(j1.pin("1"));
        assertThat(j1.fields()).containsExactly(java.util.Map.entry("MPN", "X-1"), java.util.Map.entry("Note", ""));
        Instance ch1 = main.instances().get(0);
        assertThat(ch1.bindings().get("OUT")).isSameAs(main.nets().get(1));
        Circuit channel = ch1.definition();
        assertThat(channel.ports()).containsExactly("IN", "OUT");
        assertThat(channel.noConnects()).containsExactly(channel.components().get(0).unit(2).pin(7));

        Circuit leaf = channel.instances().get(0).definition();
        Component added = leaf.component("Device:R", "R");
        assertThat(added.id()).isEqualTo("R?2");
        leaf.port("A").connect(added.pin(2));
        Design changed = main.toDesign();
        assertThat(changed.definition("Leaf").orElseThrow().nets().get(0).nodes()).extracting(PinRef::component)
                .containsExactly("R?1", "R?2");
        assertThat(changed.definitions()).extracting(Definition::name)
                .containsExactly("Channel", "Main", "Unused", "Leaf");
    }

    @Test
    void aCircuitPlacedInANewRootKeepsItsContent() {
        Circuit main = Circuit.from(everything());
        Circuit channel = main.instances().get(0).definition();
        Circuit top = Circuit.create("top");
        top.instantiate(channel, "c").bind("IN", top.net("IN")).bind("OUT", top.net("OUT"));
        Design design = top.toDesign();
        assertThat(design.definitions()).extracting(Definition::name).containsExactly("top", "Channel", "Leaf");
        assertThat(design.definitions().get(1)).isEqualTo(everything().definition("Channel").orElseThrow());
        assertThat(design.sheetUuids()).isEmpty();
    }

    @Test
    void designsThatReferToWhatTheyLackAreReportedWithTheirOrigin() {
        Definition main = new Definition("Main", List.of(),
                List.of(new ComponentSpec("R1", "Device:R", ReferenceKind.FIXED, "R1", "", "", "", "", List.of(), false,
                        true, true, null, List.of(), null)),
                List.of(), List.of(), List.of(), null);
        assertThatThrownBy(() -> Circuit.from(new Design("p", "Root", List.of(main))))
                .isInstanceOf(NetlistException.class)
                .hasMessage("the root definition Root is not among the design's definitions");
        assertThatThrownBy(() -> Circuit.from(design(main, List.of(new NetSpec("VIN", null, NetSpec.Power.AUTO,
                        "Default", List.of(new PinRef("R1", "1", 0, null), new PinRef("R9", "1", 0,
                                "$.definitions.Main.nets[0].nodes[1]")), false, null)), List.of(), List.of())))
                .isInstanceOf(NetlistException.class)
                .hasMessage("$.definitions.Main.nets[0].nodes[1]: net VIN in definition Main: no component \"R9\"");
        assertThatThrownBy(() -> Circuit.from(design(main, List.of(
                        new NetSpec("A", null, NetSpec.Power.AUTO, "Default", List.of(), false, null),
                        new NetSpec(null, null, NetSpec.Power.AUTO, "Default", List.of(new PinRef("R2", "1", 0, null)),
                                false, null)), List.of(), List.of())))
                .isInstanceOf(NetlistException.class)
                .hasMessage("net #1 in definition Main: no component \"R2\"");
        assertThatThrownBy(() -> Circuit.from(design(main, List.of(), List.of(new PinRef("R3", "2", 0, "4:7")),
                        List.of())))
                .isInstanceOf(NetlistException.class)
                .hasMessage("4:7: no component \"R3\" in definition Main");
        assertThatThrownBy(() -> Circuit.from(design(main, List.of(), List.of(),
                        List.of(new InstanceSpec("ch1", "Chanel", List.of(), "$.definitions.Main.instances[0]")))))
                .isInstanceOf(NetlistException.class)
                .hasMessage("$.definitions.Main.instances[0]: instance ch1 in definition Main: no definition called"
                        + " Chanel");
        assertThatThrownBy(() -> Circuit.from(design(main, List.of(), List.of(),
                        List.of(new InstanceSpec("m", "Main", List.of(new InstanceSpec.Binding("IN", "VIN")), null)))))
                .isInstanceOf(NetlistException.class)
                .hasMessage("no net \"VIN\" in definition Main");
    }

    private static Design design(Definition base, List<NetSpec> nets, List<PinRef> noConnects,
            List<InstanceSpec> instances) {
        return new Design("p", "Main", List.of(new Definition("Main", base.ports(), base.components(), nets, noConnects,
                instances, null)));
    }
}
