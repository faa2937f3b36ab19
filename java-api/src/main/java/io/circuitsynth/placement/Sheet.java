package io.circuitsynth.placement;

import java.util.List;
import java.util.Objects;

/** One sheet's input: the items and the kind of every net (pins name nets by index). */
public record Sheet(List<Item> items, List<NetKind> nets) {
    public Sheet {
        items = List.copyOf(Objects.requireNonNull(items, "items"));
        nets = List.copyOf(Objects.requireNonNull(nets, "nets"));
    }
}
