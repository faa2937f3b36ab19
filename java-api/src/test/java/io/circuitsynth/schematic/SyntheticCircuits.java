package io.circuitsynth.schematic;

import io.circuitsynth.netlist.ComponentSpec;
import io.circuitsynth.netlist.ComponentSpec.ReferenceKind;
import io.circuitsynth.netlist.Definition;
import io.circuitsynth.netlist.Design;
import io.circuitsynth.netlist.InstanceSpec;
import io.circuitsynth.netlist.NetSpec;
import io.circuitsynth.netlist.PinRef;
import java.util.ArrayList;
import java.util.List;

/**
 * Correct circuits of exactly {@code n} parts, for the oracle and the benchmarks: a connector
 * bringing +5V, GND and a signal; a chain of RC cells (R in series, C to GND); an LED at the end.
 * From 100 parts on, most cells sit in a {@code Channel} subcircuit placed four times in a row, so
 * the project has a shared sheet file with hierarchical labels. Every net has at least two pins
 * and a name (the channel's nets are local names), so KiCad keeps every name. The circuit JSON of
 * 1, 10, 100 and 1,000 parts is in {@code conformance/schematic/synthetic/}, read by both engines.
 */
final class SyntheticCircuits {
    private SyntheticCircuits() {}

    private static ComponentSpec part(String id, String symbol, String prefix, String value, String footprint) {
        return new ComponentSpec(id, symbol, ReferenceKind.PREFIX, prefix, value, footprint, "", "", List.of(), false,
                true, true, null, List.of(), null);
    }

    private static PinRef pin(String component, String pin) {
        return new PinRef(component, pin, 0, null);
    }

    private static NetSpec net(String name, PinRef... nodes) {
        return new NetSpec(name, null, NetSpec.Power.AUTO, "Default", List.of(nodes), false, null);
    }

    private static final String R = "Device:R";
    private static final String C = "Device:C";
    private static final String R_FP = "Resistor_SMD:R_0603_1608Metric";
    private static final String C_FP = "Capacitor_SMD:C_0603_1608Metric";

    /** The design of {@code n >= 1} parts. */
    static Design of(int n) {
        String name = "synthetic_" + n;
        if (n == 1) {
            List<ComponentSpec> parts = List.of(part("R1", R, "R", "10k", R_FP));
            List<NetSpec> nets = List.of(net("+5V", pin("R1", "1")), net("GND", pin("R1", "2")));
            return new Design(name, "Main", List.of(new Definition("Main", List.of(), parts, nets, List.of(),
                    List.of(), null)));
        }
        int channels = n >= 100 ? 4 : 0;
        // Two parts in the root (connector, LED), a test point between two channels, two parts per
        // cell; an odd remainder adds a capacitor on +5V.
        int fixed = 2 + (channels > 0 ? channels - 1 : 0);
        int cells = (n - fixed) / 2;
        boolean extra = (n - fixed) % 2 == 1;
        int perChannel = channels == 0 ? 0 : cells * 3 / 4 / channels;
        int rootCells = cells - perChannel * channels;
        List<Definition> definitions = new ArrayList<>();
        List<ComponentSpec> parts = new ArrayList<>();
        List<NetSpec> nets = new ArrayList<>();
        List<InstanceSpec> instances = new ArrayList<>();
        parts.add(part("J1", "Connector_Generic:Conn_01x03", "J", "Input", "Connector_PinHeader_2.54mm:PinHeader_1x03_P2.54mm_Vertical"));
        List<PinRef> plus = new ArrayList<>(List.of(pin("J1", "1")));
        List<PinRef> ground = new ArrayList<>(List.of(pin("J1", "2")));
        String signal = "S0";
        List<PinRef> current = new ArrayList<>(List.of(pin("J1", "3")));
        for (int i = 1; i <= rootCells; i++) {
            String r = "R" + i;
            String c = "C" + i;
            parts.add(part(r, R, "R", "1k", R_FP));
            parts.add(part(c, C, "C", "100n", C_FP));
            current.add(pin(r, "1"));
            nets.add(net(signal, current.toArray(new PinRef[0])));
            signal = "S" + i;
            current = new ArrayList<>(List.of(pin(r, "2"), pin(c, "1")));
            ground.add(pin(c, "2"));
        }
        if (channels > 0) {
            List<ComponentSpec> cp = new ArrayList<>();
            List<NetSpec> cn = new ArrayList<>();
            List<PinRef> cg = new ArrayList<>();
            List<PinRef> cur = new ArrayList<>();
            String local = "IN";
            for (int i = 1; i <= perChannel; i++) {
                String r = "R" + i;
                String c = "C" + i;
                cp.add(part(r, R, "R", "4k7", R_FP));
                cp.add(part(c, C, "C", "10n", C_FP));
                cur.add(pin(r, "1"));
                cn.add(net(local, cur.toArray(new PinRef[0])));
                local = i == perChannel ? "OUT" : "N" + i;
                cur = new ArrayList<>(List.of(pin(r, "2"), pin(c, "1")));
                cg.add(pin(c, "2"));
            }
            cn.add(net(local, cur.toArray(new PinRef[0])));
            cn.add(net("GND", cg.toArray(new PinRef[0])));
            definitions.add(new Definition("Channel", List.of("IN", "OUT"), cp, cn, List.of(), List.of(), null));
            // The root's signal runs through the four channels in turn.
            nets.add(net(signal, current.toArray(new PinRef[0])));
            for (int k = 1; k <= channels; k++) {
                String next = k == channels ? "OUT" : "L" + k;
                instances.add(new InstanceSpec("ch" + k, "Channel",
                        List.of(new InstanceSpec.Binding("IN", signal), new InstanceSpec.Binding("OUT", next)), null));
                signal = next;
                current = new ArrayList<>();
                if (k < channels) {
                    // A test point on each link between channels keeps every root net on a pin.
                    String tp = "TP" + k;
                    parts.add(part(tp, R, "R", "100k", R_FP));
                    current.add(pin(tp, "1"));
                    ground.add(pin(tp, "2"));
                    nets.add(net(signal, current.toArray(new PinRef[0])));
                }
            }
            current = new ArrayList<>();
        }
        parts.add(part("D1", "Device:LED", "D", "red", "LED_SMD:LED_0603_1608Metric"));
        current.add(pin("D1", "2"));
        nets.add(net(signal, current.toArray(new PinRef[0])));
        ground.add(pin("D1", "1"));
        if (extra) {
            parts.add(part("C0", C, "C", "10u", C_FP));
            plus.add(pin("C0", "1"));
            ground.add(pin("C0", "2"));
        }
        nets.add(net("+5V", plus.toArray(new PinRef[0])));
        nets.add(net("GND", ground.toArray(new PinRef[0])));
        definitions.add(0, new Definition("Main", List.of(), parts, nets, List.of(), instances, null));
        return new Design(name, "Main", definitions);
    }
}
