package io.circuitsynth;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A subcircuit placed in a circuit: one hierarchical sheet. Its ports are bound to nets of the
 * placing circuit.
 *
 * <pre>{@code
 * Circuit channel = Circuit.subcircuit("Channel", "IN", "OUT");
 * // ... channel's components, connected to channel.port("IN") and channel.port("OUT") ...
 * board.instantiate(channel, "ch1").bind("IN", vin1).bind("OUT", vout1);
 * board.instantiate(channel, "ch2").bind("IN", vin2).bind("OUT", vout2);
 * }</pre>
 *
 * <p>Every instance has its own reference namespace: a fixed {@code R5} inside {@code Channel}
 * becomes {@code R205} in the first instance (sheet 2) and {@code R305} in the second. Finalize
 * reports a port left unbound, and one net bound to two ports of an instance (a net connected to
 * itself through the subcircuit).
 */
public final class Instance {
    /** A port's net, and the text the binding was read as ({@code null} when made through the API). */
    record Binding(Net net, String written) {}

    private final Circuit parent;
    private final Circuit definition;
    private final String name;
    final Map<String, Binding> bindings = new LinkedHashMap<>();
    final String origin;

    Instance(Circuit parent, Circuit definition, String name, String origin) {
        this.parent = parent;
        this.definition = definition;
        this.name = name;
        this.origin = origin;
    }

    /**
     * Binds the subcircuit's port {@code port} to {@code net}, a net of the placing circuit.
     *
     * @return this instance
     * @throws IllegalArgumentException if the subcircuit has no such port, the port is already
     *     bound, or {@code net} belongs to another circuit than the placing one
     */
    public Instance bind(String port, Net net) {
        Args.text(port, "Instance.bind(port, net): port");
        Args.notNull(net, "Instance.bind(port, net): net");
        if (!definition.ports().contains(port)) {
            throw new IllegalArgumentException("instance " + name + " of " + definition.name() + " has no port "
                    + port + "; " + (definition.ports().isEmpty() ? "it has no ports"
                            : "its ports are " + String.join(", ", definition.ports())));
        }
        Binding bound = bindings.get(port);
        if (bound != null) {
            throw new IllegalArgumentException("port " + port + " of instance " + name + " is already bound to net "
                    + bound.net().label() + "; bind each port once");
        }
        if (net.circuit() != parent) {
            throw new IllegalArgumentException("port " + port + " of instance " + name + " must be bound to a net of "
                    + parent.name() + ", the circuit that places it; net " + net.label() + " belongs to "
                    + net.circuit().name());
        }
        bindings.put(port, new Binding(net, null));
        return this;
    }

    /** The sheet name, unique among the placing circuit's instances. */
    public String name() {
        return name;
    }

    /** The subcircuit placed. */
    public Circuit definition() {
        return definition;
    }

    /** The circuit that places it. */
    public Circuit parent() {
        return parent;
    }

    /** Port → net of the placing circuit, in binding order. */
    public Map<String, Net> bindings() {
        Map<String, Net> nets = new LinkedHashMap<>();
        bindings.forEach((port, binding) -> nets.put(port, binding.net()));
        return Collections.unmodifiableMap(nets);
    }

    @Override
    public String toString() {
        return name + " (" + definition.name() + ")";
    }
}
