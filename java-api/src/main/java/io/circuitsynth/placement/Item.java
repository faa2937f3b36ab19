package io.circuitsynth.placement;

import java.util.List;
import java.util.Objects;

/**
 * One thing to place: a bounding box relative to its anchor, in IU, that already includes the
 * symbol's fields, wire stubs, labels and power symbols, and its pins.
 *
 * @param fixed whether the item keeps {@code (fixedX, fixedY)} relative to the other fixed items
 * @param stubs how many wire stubs the writer draws for the item (summed by the metrics)
 * @param labels how many labels the writer draws for the item (summed by the metrics)
 */
public record Item(int minX, int minY, int maxX, int maxY, List<Pin> pins, boolean fixed, int fixedX, int fixedY,
        int stubs, int labels) {

    public Item {
        pins = List.copyOf(Objects.requireNonNull(pins, "pins"));
    }

    /** A movable item. */
    public static Item of(int minX, int minY, int maxX, int maxY, int stubs, int labels, List<Pin> pins) {
        return new Item(minX, minY, maxX, maxY, pins, false, 0, 0, stubs, labels);
    }

    /** This item, fixed with its anchor at {@code (x, y)}. */
    public Item fixedAt(int x, int y) {
        return new Item(minX, minY, maxX, maxY, pins, true, x, y, stubs, labels);
    }
}
