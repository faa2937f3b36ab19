package io.circuitsynth.netlist;

import java.util.List;
import java.util.Objects;

/**
 * A subcircuit instance placed in a {@link Definition}: a hierarchical sheet. Immutable.
 *
 * @param name the sheet name, unique among siblings, no {@code /}
 * @param definition the name of the definition it instantiates
 * @param bindings port of that definition → net of the placing definition, in order
 * @param origin where the instance came from, for messages (a JSON path), or null
 */
public record InstanceSpec(String name, String definition, List<Binding> bindings, String origin) {

    /**
     * One port binding.
     *
     * @param port a port of the instantiated definition
     * @param net the {@code name} or {@code id} of a net, or a port, of the placing definition
     */
    public record Binding(String port, String net) {
        public Binding {
            Objects.requireNonNull(port, "port");
            Objects.requireNonNull(net, "net");
        }
    }

    public InstanceSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(definition, "definition");
        bindings = List.copyOf(bindings);
    }
}
