package io.circuitsynth.placement;

import java.util.List;
import java.util.Objects;

/**
 * A placed sheet: every item's anchor (page coordinates in IU, on the 1.27 mm grid), the page and
 * the metrics. Items are never rotated: the writer's boxes include horizontal field text, which
 * does not turn with a symbol.
 */
public record Layout(PageSize page, List<Position> positions, Metrics metrics) {
    public Layout {
        Objects.requireNonNull(page, "page");
        positions = List.copyOf(positions);
        Objects.requireNonNull(metrics, "metrics");
    }

    /** An item's anchor. */
    public record Position(long x, long y) {}
}
