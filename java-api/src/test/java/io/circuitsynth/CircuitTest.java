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
import io.circuitsynth.symbols.ElectricalType;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The designs the API builds, compared whole against hand-written ones, and the errors it throws
 * at the call. Origins are this file's lines: {@link #here()} on the line of the call.
 */
class CircuitTest {

    /** {@code CircuitTest.java:LINE} of the caller's line. */
    static String here() {
        StackTraceElement caller = new Throwable().getStackTrace()[1];
        return caller.getFileName() + ":" + caller.getLineNumber();
    }

    static ComponentSpec part(String id, String symbol, ReferenceKind kind, String reference, String value,
            String origin) {
        return new ComponentSpec(id, symbol, kind, reference, value, "", "", "", List.of(), false, true, true, null,
                List.of(), origin);
    }

    static PinRef node(String component, String pin, String origin) {
        return new PinRef(component, pin, 0, origin);
    }

    static NetSpec net(String name, String origin, PinRef... nodes) {
        return new NetSpec(name, null, NetSpec.Power.AUTO, "Default", List.of(nodes), false, origin);
    }

    @Test
    void flatCircuitGivesTheDesignItDescribes() {
        Circuit board = Circuit.create("amp"); String boardAt = here();
        Component r1 = board.component("Device:R", "R", "10k"); String r1At = here();
        r1.footprint("Resistor_SMD:R_0603_1608Metric").field("MPN", "RC0603FR-0710KL").field("Tolerance", "1%")
                .field("MPN", "RC0603FR-0710KL-X").datasheet("https://example.com/r.pdf").description("resistor");
        Component r2 = board.component("Device:R", "R").dnp().inBom(false); String r2At = here();
        Component u1 = board.component("Amplifier_Operational:LM358", "U1", "LM358"); String u1At = here();
        Net vcc = board.net("VCC"); String vccAt = here();
        vcc.connect(r1.pin(1), u1.pin("V+")); String c1 = here();
        Net mid = r1.pin(2).connect(r2.pin(1)); String c2 = here();
        u1.unit(1).pin("+").connect(r2.pin(1)); String c3 = here();
        board.net("GND").connect(u1.pin("V-"), r2.pin(2)); String c4 = here();
        board.power("VBAT_SENSE").connect(u1.unit(2).pin(5)).netClass("Power"); String c5 = here();
        board.net("GNDISH").power(false); String c6 = here();
        u1.pin(7).noConnect(); String nc = here();
        u1.pin(7).noConnect();

        assertThat(board.toDesign()).isEqualTo(new Design("amp", "amp", List.of(new Definition("amp", List.of(),
                List.of(new ComponentSpec("R?1", "Device:R", ReferenceKind.PREFIX, "R", "10k",
                                "Resistor_SMD:R_0603_1608Metric", "https://example.com/r.pdf", "resistor",
                                List.of(new ComponentSpec.Field("MPN", "RC0603FR-0710KL-X"),
                                        new ComponentSpec.Field("Tolerance", "1%")),
                                false, true, true, null, List.of(), r1At),
                        new ComponentSpec("R?2", "Device:R", ReferenceKind.PREFIX, "R", "", "", "", "", List.of(),
                                true, false, true, null, List.of(), r2At),
                        part("U1", "Amplifier_Operational:LM358", ReferenceKind.FIXED, "U1", "LM358", u1At)),
                List.of(net("VCC", vccAt, node("R?1", "1", c1), node("U1", "V+", c1)),
                        net(null, c2, node("R?1", "2", c2), node("R?2", "1", c2), new PinRef("U1", "+", 1, c3)),
                        net("GND", c4, node("U1", "V-", c4), node("R?2", "2", c4)),
                        new NetSpec("VBAT_SENSE", null, NetSpec.Power.YES, "Power", List.of(new PinRef("U1", "5", 2, c5)),
                                false, c5),
                        new NetSpec("GNDISH", null, NetSpec.Power.NO, "Default", List.of(), false, c6)),
                List.of(node("U1", "7", nc)), List.of(), boardAt))));
        assertThat(mid.pins()).containsExactly(r1.pin(2), r2.pin(1), u1.unit(1).pin("+"));
        assertThat(r2.pin(1).net()).isSameAs(mid);
        assertThat(u1.pin("+").net()).isNull();
        assertThat(board.noConnects()).containsExactly(u1.pin(7));
        assertThat(r1.fields()).containsExactly(java.util.Map.entry("MPN", "RC0603FR-0710KL-X"),
                java.util.Map.entry("Tolerance", "1%"));
        assertThat(r2.isDnp()).isTrue();
        assertThat(r2.isInBom()).isFalse();
    }

    @Test
    void referencesEndingInADigitAreFixedOthersArePrefixesAndIdsNeverRepeat() {
        Circuit board = Circuit.create("ids");
        Component a = board.component("Device:R", "R5");
        Component b = board.component("Device:R", "R5");
        Component c = board.component("Device:R", "R5");
        Component p1 = board.component("Device:C", "C");
        Component p2 = board.component("Device:C", "C");
        Component abs = board.component("Device:C", "C").absoluteReference("C100");
        Component fixedByName = board.component("Connector:USB_C", "J").reference("J_USB");
        Component prefixed = board.component("Device:L", "L7").prefix("L");

        assertThat(List.of(a, b, c, p1, p2, abs, fixedByName, prefixed)).extracting(Component::id)
                .containsExactly("R5", "R5#2", "R5#3", "C?1", "C?2", "C?3", "J?1", "L7");
        assertThat(board.toDesign().definitions().get(0).components())
                .extracting(ComponentSpec::referenceKind, ComponentSpec::reference)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(ReferenceKind.FIXED, "R5"),
                        org.assertj.core.groups.Tuple.tuple(ReferenceKind.FIXED, "R5"),
                        org.assertj.core.groups.Tuple.tuple(ReferenceKind.FIXED, "R5"),
                        org.assertj.core.groups.Tuple.tuple(ReferenceKind.PREFIX, "C"),
                        org.assertj.core.groups.Tuple.tuple(ReferenceKind.PREFIX, "C"),
                        org.assertj.core.groups.Tuple.tuple(ReferenceKind.ABSOLUTE, "C100"),
                        org.assertj.core.groups.Tuple.tuple(ReferenceKind.FIXED, "J_USB"),
                        org.assertj.core.groups.Tuple.tuple(ReferenceKind.PREFIX, "L"));
    }

    @Test
    void ownPinTableIsKeptForSymbolsNoLibraryHas() {
        Circuit board = Circuit.create("custom");
        board.component("MyParts:LDO", "U1").definePin("1", "VI", ElectricalType.POWER_IN)
                .definePin("2", "GND", ElectricalType.POWER_IN).definePin("3", "VO", ElectricalType.POWER_OUT);
        assertThat(board.toDesign().definitions().get(0).components().get(0).pins()).containsExactly(
                new ComponentSpec.PinSpec("1", "VI", "power_in", 0, false),
                new ComponentSpec.PinSpec("2", "GND", "power_in", 0, false),
                new ComponentSpec.PinSpec("3", "VO", "power_out", 0, false));
    }

    @Test
    void subcircuitPlacedTwiceBindsItsPortsAndUnnamedNetsGetIds() {
        Circuit channel = Circuit.subcircuit("Channel", "IN", "OUT", "SPARE"); String channelAt = here();
        Component r = channel.component("Device:R", "R1", "10k"); String rAt = here();
        Component c = channel.component("Device:C", "C1", "100n"); String cAt = here();
        channel.port("IN").connect(r.pin(1)); String inAt = here();
        channel.port("OUT").connect(r.pin(2), c.pin(1)); String outAt = here();
        channel.net("GND").connect(c.pin(2)); String gndAt = here();
        channel.port("SPARE");

        Circuit board = Circuit.create("filter"); String boardAt = here();
        Net in = board.net("IN"); String boardInAt = here();
        Net mid = board.net(); String midAt = here();
        Instance ch1 = board.instantiate(channel, "ch1").bind("IN", in).bind("OUT", mid); String ch1At = here();
        board.instantiate(channel, "ch2").bind("OUT", board.net("OUT")).bind("IN", mid); String ch2At = here();

        Definition channelDefinition = new Definition("Channel", List.of("IN", "OUT", "SPARE"),
                List.of(part("R1", "Device:R", ReferenceKind.FIXED, "R1", "10k", rAt),
                        part("C1", "Device:C", ReferenceKind.FIXED, "C1", "100n", cAt)),
                List.of(net("IN", inAt, node("R1", "1", inAt)),
                        net("OUT", outAt, node("R1", "2", outAt), node("C1", "1", outAt)),
                        net("GND", gndAt, node("C1", "2", gndAt))),
                List.of(), List.of(), channelAt);
        assertThat(board.toDesign()).isEqualTo(new Design("filter", "filter", List.of(
                new Definition("filter", List.of(), List.of(),
                        List.of(net("IN", boardInAt), new NetSpec(null, "#1", NetSpec.Power.AUTO, "Default", List.of(),
                                false, midAt), net("OUT", ch2At)),
                        List.of(),
                        List.of(new InstanceSpec("ch1", "Channel", List.of(new InstanceSpec.Binding("IN", "IN"),
                                        new InstanceSpec.Binding("OUT", "#1")), ch1At),
                                new InstanceSpec("ch2", "Channel", List.of(new InstanceSpec.Binding("OUT", "OUT"),
                                        new InstanceSpec.Binding("IN", "#1")), ch2At)),
                        boardAt),
                channelDefinition)));
        assertThat(ch1.bindings()).containsExactly(java.util.Map.entry("IN", in), java.util.Map.entry("OUT", mid));
        assertThat(ch1.definition()).isSameAs(channel);
        assertThat(ch1.parent()).isSameAs(board);
    }

    @Test
    void definitionsAreTheRootThenEveryPlacedCircuitDepthFirstOnceEach() {
        Circuit leaf = Circuit.subcircuit("Leaf", "A");
        Circuit left = Circuit.subcircuit("Left", "A");
        Circuit right = Circuit.subcircuit("Right", "A");
        left.instantiate(leaf, "l1").bind("A", left.port("A"));
        right.instantiate(leaf, "l1").bind("A", right.port("A"));
        right.instantiate(left, "inner").bind("A", right.port("A"));
        Circuit root = Circuit.create("top");
        root.instantiate(right, "r").bind("A", root.net("A"));
        root.instantiate(left, "l").bind("A", root.net("A"));

        Design design = root.toDesign();
        assertThat(design.definitions()).extracting(Definition::name).containsExactly("top", "Right", "Leaf", "Left");
        // A port bound straight to a port of the placing circuit needs no net entry: the port is the net.
        assertThat(design.definition("Right").orElseThrow().nets()).isEmpty();
        assertThat(design.definition("Right").orElseThrow().instances()).extracting(InstanceSpec::bindings)
                .containsExactly(List.of(new InstanceSpec.Binding("A", "A")), List.of(new InstanceSpec.Binding("A", "A")));
    }

    @Test
    void aCircuitPlacingItselfIsLeftForFinalizeToReport() {
        Circuit a = Circuit.subcircuit("A");
        Circuit b = Circuit.subcircuit("B");
        a.instantiate(b, "b");
        b.instantiate(a, "a");
        Circuit root = Circuit.create("top");
        root.instantiate(a, "a");
        assertThat(root.toDesign().definitions()).extracting(Definition::name).containsExactly("top", "A", "B");
    }

    @Test
    void twoCircuitsWithOneNameCannotFormADesign() {
        Circuit first = Circuit.subcircuit("Channel"); String firstAt = here();
        Circuit second = Circuit.subcircuit("Channel"); String secondAt = here();
        Circuit root = Circuit.create("top");
        root.instantiate(first, "a");
        root.instantiate(second, "b");
        assertThatThrownBy(root::toDesign).isInstanceOf(NetlistException.class).hasMessage(
                "two different circuits are called Channel (made at " + firstAt + " and at " + secondAt
                        + "); give each its own name");
    }

    @Test
    void selfConnectionThroughPortsIsLeftForFinalizeToReport() {
        Circuit channel = Circuit.subcircuit("Channel", "IN", "OUT");
        Circuit board = Circuit.create("b");
        Net vin = board.net("VIN");
        board.instantiate(channel, "ch1").bind("IN", vin).bind("OUT", vin);
        assertThat(board.toDesign().definitions().get(0).instances().get(0).bindings()).containsExactly(
                new InstanceSpec.Binding("IN", "VIN"), new InstanceSpec.Binding("OUT", "VIN"));
    }

    @Test
    void nullAndEmptyArgumentsAreRejectedAtTheCall() {
        Circuit board = Circuit.create("b");
        Component r1 = board.component("Device:R", "R1");
        assertThatThrownBy(() -> Circuit.create(null)).isInstanceOf(NullPointerException.class)
                .hasMessage("Circuit.create(name): name is null");
        assertThatThrownBy(() -> Circuit.create("")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Circuit.create(name): name is empty");
        assertThatThrownBy(() -> Circuit.subcircuit("S", "IN", "")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Circuit.subcircuit(name, ports): a port name is empty");
        assertThatThrownBy(() -> board.component(null, "R1")).isInstanceOf(NullPointerException.class)
                .hasMessage("Circuit.component(symbol, reference): symbol is null");
        assertThatThrownBy(() -> board.component("Device:R", "")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Circuit.component(symbol, reference): reference is empty");
        assertThatThrownBy(() -> board.component("Device:R", "R", null)).isInstanceOf(NullPointerException.class)
                .hasMessage("Circuit.component(symbol, reference, value): value is null");
        assertThatThrownBy(() -> board.net("")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Circuit.net(name): name is empty");
        assertThatThrownBy(() -> r1.pin(null)).isInstanceOf(NullPointerException.class)
                .hasMessage("Component.pin(numberOrName): numberOrName is null");
        assertThatThrownBy(() -> r1.unit(1).pin("")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Unit.pin(numberOrName): numberOrName is empty");
        assertThatThrownBy(() -> r1.value(null)).isInstanceOf(NullPointerException.class)
                .hasMessage("Component.value(value): value is null");
        assertThatThrownBy(() -> r1.field("", "x")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Component.field(name, value): name is empty");
        assertThatThrownBy(() -> board.net("A").connect(r1.pin(1), null)).isInstanceOf(NullPointerException.class)
                .hasMessage("Net.connect(pins): a pin is null");
        assertThatThrownBy(() -> r1.pin(1).connect((Net) null)).isInstanceOf(NullPointerException.class)
                .hasMessage("Pin.connect(net): net is null");
        assertThatThrownBy(() -> board.instantiate(null, "x")).isInstanceOf(NullPointerException.class)
                .hasMessage("Circuit.instantiate(subcircuit, name): subcircuit is null");
        assertThat(board.net("A").pins()).isEmpty();
    }

    @Test
    void malformedArgumentsAreRejectedAtTheCall() {
        Circuit board = Circuit.create("Board");
        Component r1 = board.component("Device:R", "R1");
        assertThatThrownBy(() -> board.component("R", "R1")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Circuit.component(symbol, reference): symbol \"R\" is not LIB:NAME; write it with its"
                        + " library, such as Device:R");
        assertThatThrownBy(() -> board.component("Device:", "R1")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Circuit.component(symbol, reference): symbol \"Device:\" is not LIB:NAME; write it"
                        + " with its library, such as Device:R");
        assertThatThrownBy(() -> r1.unit(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Component.unit(unit): unit 0 of R1 does not exist; units are numbered from 1 (unit A)");
        assertThatThrownBy(() -> r1.field("Value", "10k")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Component.field(name, value): Value is a built-in field of every component; set it"
                        + " with value(...)");
        assertThatThrownBy(() -> r1.field("Reference", "R2")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Component.field(name, value): Reference is a built-in field of every component; set it"
                        + " with reference(...), prefix(...) or absoluteReference(...)");
        assertThatThrownBy(() -> Circuit.subcircuit("S", "IN", "IN")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Circuit.subcircuit(name, ports): port IN of S is listed twice");
        assertThatThrownBy(() -> board.port("IN")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("circuit Board has no port IN; it has no ports (declare them with"
                        + " Circuit.subcircuit(name, ports...))");
        Circuit channel = Circuit.subcircuit("Channel", "IN", "OUT");
        assertThatThrownBy(() -> channel.port("OUT2")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("circuit Channel has no port OUT2; its ports are IN, OUT");
    }

    @Test
    void pinsAndNetsOfAnotherCircuitAreRejectedAtTheCall() {
        Circuit board = Circuit.create("Board");
        Component r1 = board.component("Device:R", "R1");
        Circuit channel = Circuit.subcircuit("Channel", "IN");
        Component inner = channel.component("Device:R", "R1");
        Net vcc = board.net("VCC");

        assertThatThrownBy(() -> vcc.connect(r1.pin(1), inner.pin(1))).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("cannot connect pin R1.1 of circuit Channel to net VCC of circuit Board; connect it to a"
                        + " net of Channel (a subcircuit reaches its parent's nets through its ports)");
        assertThat(vcc.pins()).isEmpty();
        assertThatThrownBy(() -> inner.pin(2).connect(vcc)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("cannot connect pin R1.2 of circuit Channel to net VCC of circuit Board; connect it to a"
                        + " net of Channel (a subcircuit reaches its parent's nets through its ports)");
        assertThatThrownBy(() -> r1.pin(2).connect(inner.pin(2))).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("cannot connect pin R1.2 of circuit Board to pin R1.2 of circuit Channel; pins of"
                        + " different circuits meet through a subcircuit's ports");
        assertThat(board.nets()).containsExactly(vcc);

        Instance ch1 = board.instantiate(channel, "ch1");
        assertThatThrownBy(() -> ch1.bind("IN", channel.net("X"))).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("port IN of instance ch1 must be bound to a net of Board, the circuit that places it;"
                        + " net X belongs to Channel");
        assertThatThrownBy(() -> ch1.bind("OUT", vcc)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("instance ch1 of Channel has no port OUT; its ports are IN");
        ch1.bind("IN", vcc);
        assertThatThrownBy(() -> ch1.bind("IN", board.net("VDD"))).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("port IN of instance ch1 is already bound to net VCC; bind each port once");
        assertThatThrownBy(() -> board.instantiate(Circuit.subcircuit("Empty"), "e").bind("X", vcc))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("instance e of Empty has no port X; it has no ports");
    }

    @Test
    void instanceNamesAreSheetNames() {
        Circuit board = Circuit.create("Board");
        Circuit channel = Circuit.subcircuit("Channel");
        board.instantiate(channel, "ch1");
        assertThatThrownBy(() -> board.instantiate(channel, "ch1")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("circuit Board already has an instance called ch1; sheet names must be unique among"
                        + " siblings");
        assertThatThrownBy(() -> board.instantiate(channel, "a/b")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("instance name 'a/b' contains '/', which separates sheets in a path; choose another name");
        assertThat(board.instances()).extracting(Instance::name).containsExactly("ch1");
    }

    @Test
    void originIsTheFirstFrameOutsideTheApi() {
        Circuit board = Circuit.create("b");
        String[] at = new String[1];
        Component r = addResistor(board, at);
        assertThat(r.origin).isEqualTo(at[0]).startsWith("CircuitTest.java:");
    }

    /** A user's helper: the origin is the helper's line, the first one outside the API. */
    private static Component addResistor(Circuit board, String[] at) {
        Component r = board.component("Device:R", "R"); at[0] = here();
        return r;
    }

    @Test
    void idsCanBeChosenAndStayUnique() {
        Circuit board = Circuit.create("Main");
        Component top = board.component("Device:R", "R").id("Rtop"); String topAt = here();
        Component other = board.component("Device:R", "R");
        assertThat(other.id()).isEqualTo("R?1");
        assertThat(top.id("Rtop").id()).isEqualTo("Rtop");
        assertThatThrownBy(() -> other.id("Rtop")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Component.id(id): circuit Main already has a component Rtop (made at " + topAt
                        + "); ids are unique in a circuit");
        top.id("R?2");
        assertThat(board.component("Device:R", "R").id()).isEqualTo("R?3");
        assertThat(board.component("Device:R", "Rtop").id()).isEqualTo("Rtop?1");
        board.net("A").connect(top.pin(1));
        assertThat(board.toDesign().definitions().get(0).nets().get(0).nodes().get(0).component()).isEqualTo("R?2");
    }
}
