package io.circuitsynth;

import io.circuitsynth.netlist.NetSpec;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A net of one {@link Circuit}: the pins it connects, an optional name, whether it is a power
 * net and its net class.
 *
 * <pre>{@code
 * Net vcc = board.net("VCC");                       // the circuit's net called VCC (made on first use)
 * vcc.connect(r1.pin(1), u1.pin("VDD"));
 * Net bus = board.power("VBUS_SYS");                // a power net by declaration
 * Net sense = board.net().netClass("Analog");       // an unnamed net; finalize names it from its pins
 * }</pre>
 *
 * <p>Power nets are global: every net of the design with the same power name is one net, in every
 * subcircuit. A net is a power net when declared so ({@link #power(boolean)},
 * {@link Circuit#power(String)}) or, left undeclared, when its name is a power name ({@code GND},
 * {@code VCC}, {@code VDD_IO}, {@code +3V3}, {@code -12V}...; the list is in the netlist
 * specification). Other named nets are local to their circuit; a subcircuit reaches its parent's
 * nets through its ports.
 */
public final class Net {
    /** A pin connection and the source location of the call that made it. */
    record Node(Pin pin, String origin) {}

    private final Circuit circuit;
    private final String name;
    final String id;
    NetSpec.Power power = NetSpec.Power.AUTO;
    String netClass = "Default";
    final boolean absolute;
    final String origin;
    /** Read from a {@code Design} (kept as written), rather than made through the API. */
    final boolean declared;
    final List<Node> nodes = new ArrayList<>();

    Net(Circuit circuit, String name, String id, boolean absolute, String origin, boolean declared) {
        this.circuit = circuit;
        this.name = name;
        this.id = id;
        this.absolute = absolute;
        this.origin = origin;
        this.declared = declared;
    }

    /**
     * Connects {@code pins} to this net. A pin already connected to this net is skipped.
     *
     * @return this net
     * @throws IllegalArgumentException if a pin belongs to another circuit: a subcircuit's pins
     *     reach this circuit's nets through the subcircuit's ports
     */
    public Net connect(Pin... pins) {
        return connect(CallSite.caller(), pins);
    }

    Net connect(String origin, Pin... pins) {
        Args.notNull(pins, "Net.connect(pins): pins");
        for (Pin pin : pins) {
            Args.notNull(pin, "Net.connect(pins): a pin");
            Circuit other = pin.component().circuit();
            if (other != circuit) {
                throw new IllegalArgumentException("cannot connect pin " + pin + " of circuit " + other.name()
                        + " to net " + label() + " of circuit " + circuit.name() + "; connect it to a net of "
                        + other.name() + " (a subcircuit reaches its parent's nets through its ports)");
            }
        }
        for (Pin pin : pins) {
            if (circuit.netOf(pin) != this) {
                nodes.add(new Node(pin, origin));
                circuit.pinConnected(pin, this);
            }
        }
        return this;
    }

    /**
     * Declares this net a power net ({@code true}) or not ({@code false}), whatever its name says.
     *
     * @return this net
     */
    public Net power(boolean on) {
        power = on ? NetSpec.Power.YES : NetSpec.Power.NO;
        return this;
    }

    /**
     * Sets the net class ({@code Default} unless set).
     *
     * @return this net
     */
    public Net netClass(String className) {
        netClass = Args.text(className, "Net.netClass(name): name");
        return this;
    }

    /** The net's name, or null for an unnamed net (finalize names it from its pins, as KiCad does). */
    public String name() {
        return name;
    }

    /** The net class. */
    public String netClass() {
        return netClass;
    }

    /** The circuit the net belongs to. */
    public Circuit circuit() {
        return circuit;
    }

    /** The pins connected to this net, in connection order. */
    public List<Pin> pins() {
        List<Pin> pins = new ArrayList<>(nodes.size());
        for (Node node : nodes) {
            pins.add(node.pin());
        }
        return Collections.unmodifiableList(pins);
    }

    /** For messages: the name, else the id, else {@code (unnamed, with R1.2)} naming its first pin. */
    String label() {
        if (name != null) {
            return name;
        }
        if (id != null) {
            return id;
        }
        return nodes.isEmpty() ? "(unnamed)" : "(unnamed, with " + nodes.get(0).pin() + ")";
    }

    @Override
    public String toString() {
        return label();
    }
}
