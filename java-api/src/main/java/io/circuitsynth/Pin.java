package io.circuitsynth;

import java.util.Objects;

/**
 * Pins of a {@link Component}, as a net node sees them: one pin by number, or every pin of one
 * name (all the {@code GND} pins of a part together), optionally restricted to one unit of a
 * multi-unit part. A value: two {@code Pin}s of the same component, selector and unit are equal.
 *
 * <pre>{@code
 * r1.pin(1).connect(vcc);                 // by number
 * u1.pin("VDD").connect(vcc);             // by name (every pin called VDD)
 * u1.unit(2).pin("+").connect(r2.pin(2)); // a pin of unit 2, connected through a new unnamed net
 * u1.pin("NC").noConnect();               // not connected on purpose
 * }</pre>
 *
 * <p>Whether the pin exists is checked against the symbol's real pins when the circuit is
 * finalized (writing a {@code .net}): a selector that matches no pin is reported there with the
 * symbol's pins listed.
 */
public final class Pin {
    private final Component component;
    private final String selector;
    private final int unit;

    Pin(Component component, String selector, int unit) {
        this.component = component;
        this.selector = selector;
        this.unit = unit;
    }

    /** The component these pins belong to. */
    public Component component() {
        return component;
    }

    /** The pin number, or the pin name that selects every pin of that name. */
    public String selector() {
        return selector;
    }

    /** The unit a name selector is restricted to; 0 for every unit. */
    public int unit() {
        return unit;
    }

    /**
     * Connects these pins to {@code net}.
     *
     * @return {@code net}
     * @throws IllegalArgumentException if {@code net} belongs to another circuit than the pin
     */
    public Net connect(Net net) {
        Args.notNull(net, "Pin.connect(net): net");
        return net.connect(CallSite.caller(), this);
    }

    /**
     * Connects these pins to {@code others}: to the net this pin is already in, else to the net
     * the first of {@code others} is in, else to a new unnamed net.
     *
     * @return that net
     * @throws IllegalArgumentException if a pin belongs to another circuit than this one; nothing
     *     is connected then
     */
    public Net connect(Pin... others) {
        Args.notNull(others, "Pin.connect(pins): pins");
        for (Pin other : others) {
            Args.notNull(other, "Pin.connect(pins): a pin");
        }
        String origin = CallSite.caller();
        Circuit circuit = component.circuit();
        for (Pin other : others) {
            Circuit theirs = other.component.circuit();
            if (theirs != circuit) {
                throw new IllegalArgumentException("cannot connect pin " + this + " of circuit " + circuit.name()
                        + " to pin " + other + " of circuit " + theirs.name() + "; pins of different circuits"
                        + " meet through a subcircuit's ports");
            }
        }
        Net net = net();
        for (int i = 0; net == null && i < others.length; i++) {
            net = others[i].net();
        }
        if (net == null) {
            net = circuit.newNet(origin);
        }
        Pin[] all = new Pin[others.length + 1];
        all[0] = this;
        System.arraycopy(others, 0, all, 1, others.length);
        return net.connect(origin, all);
    }

    /**
     * Marks these pins as not connected on purpose (KiCad's no-connect flag). Finalize reports a
     * marked pin that is also in a net with another pin.
     *
     * @return this pin
     */
    public Pin noConnect() {
        component.circuit().addNoConnect(this, CallSite.caller());
        return this;
    }

    /** The net these pins were connected to through the API or read from a file, or null. */
    public Net net() {
        return component.circuit().netOf(this);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Pin p && p.component == component && p.selector.equals(selector) && p.unit == unit;
    }

    @Override
    public int hashCode() {
        return Objects.hash(System.identityHashCode(component), selector, unit);
    }

    /** {@code R1.2}, or {@code U1.+ (unit 2)}. */
    @Override
    public String toString() {
        return component.id() + "." + selector + (unit > 0 ? " (unit " + unit + ")" : "");
    }
}
