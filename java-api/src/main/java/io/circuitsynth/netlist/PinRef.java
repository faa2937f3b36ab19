package io.circuitsynth.netlist;

import java.util.Objects;

/**
 * A reference to pins of a component: a net's node, or a no-connect mark.
 *
 * @param component the component's id in the same definition
 * @param pin the pin selector: a pin number, else every pin of that name
 * @param unit restricts a name selector to one unit; 0 for no restriction
 * @param origin where it came from, for messages (a JSON path), or null
 */
public record PinRef(String component, String pin, int unit, String origin) {
    public PinRef {
        Objects.requireNonNull(component, "component");
        Objects.requireNonNull(pin, "pin");
    }
}
