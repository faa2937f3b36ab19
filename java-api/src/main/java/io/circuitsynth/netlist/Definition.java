package io.circuitsynth.netlist;

import java.util.List;
import java.util.Objects;

/**
 * One circuit of a {@link Design}: its ports, components, nets, no-connect marks and the
 * subcircuit instances it places. Immutable.
 *
 * @param name unique within the design
 * @param ports port names in order; inside the definition each is a net of that name
 * @param components components in order (their order drives reference numbering)
 * @param nets nets in order
 * @param noConnects pins marked not connected on purpose
 * @param instances subcircuit instances placed here, in order (their order drives page numbers)
 * @param origin where the definition came from, for messages (a JSON path), or null
 */
public record Definition(String name, List<String> ports, List<ComponentSpec> components, List<NetSpec> nets,
        List<PinRef> noConnects, List<InstanceSpec> instances, String origin) {

    public Definition {
        Objects.requireNonNull(name, "name");
        ports = List.copyOf(ports);
        components = List.copyOf(components);
        nets = List.copyOf(nets);
        noConnects = List.copyOf(noConnects);
        instances = List.copyOf(instances);
    }
}
