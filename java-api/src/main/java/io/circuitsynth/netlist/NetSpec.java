package io.circuitsynth.netlist;

import java.util.List;
import java.util.Objects;

/**
 * A net of a {@link Definition}, before finalize. Immutable.
 *
 * @param name the net's name, or null for an unnamed net
 * @param id an identifier that lets bindings reach an unnamed net, or null
 * @param power whether it is a power net ({@link Power#AUTO}: decided by its name)
 * @param netClass the net class ({@code Default} unless set)
 * @param nodes the pins it connects, in order
 * @param absolute the name is used verbatim, never path-prefixed (a {@code .net} import)
 * @param origin where the net came from, for messages (a JSON path), or null
 */
public record NetSpec(String name, String id, Power power, String netClass, List<PinRef> nodes, boolean absolute,
        String origin) {

    /** Whether a net is a global power net. */
    public enum Power {
        /** Decided by the name (specification section 1, power nets). */
        AUTO,
        YES,
        NO
    }

    public NetSpec {
        Objects.requireNonNull(power, "power");
        Objects.requireNonNull(netClass, "netClass");
        nodes = List.copyOf(nodes);
    }
}
