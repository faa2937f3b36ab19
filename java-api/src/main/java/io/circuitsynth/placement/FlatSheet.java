package io.circuitsynth.placement;

import java.util.ArrayList;
import java.util.List;

/**
 * The flat encoding that carries a sheet across JNI in one {@code int[]} and a layout back in one
 * {@code long[]}; the Rust twin is {@code rust-crates/placement/src/flat.rs}.
 *
 * <p>Internal-use class, public only for {@code io.circuitsynth.natives}; not part of the
 * supported API.
 */
public final class FlatSheet {
    private FlatSheet() {}

    /**
     * {@code [items, nets, kind × nets, then per item: minX, minY, maxX, maxY, fixed (0 or 1),
     * fixedX, fixedY, stubs, labels, pinCount, then dx, dy, net per pin]}.
     */
    public static int[] encode(Sheet sheet) {
        int size = 2 + sheet.nets().size();
        for (Item item : sheet.items()) {
            size += 10 + 3 * item.pins().size();
        }
        int[] ints = new int[size];
        int at = 0;
        ints[at++] = sheet.items().size();
        ints[at++] = sheet.nets().size();
        for (NetKind kind : sheet.nets()) {
            ints[at++] = kind.code();
        }
        for (Item item : sheet.items()) {
            ints[at++] = item.minX();
            ints[at++] = item.minY();
            ints[at++] = item.maxX();
            ints[at++] = item.maxY();
            ints[at++] = item.fixed() ? 1 : 0;
            ints[at++] = item.fixed() ? item.fixedX() : 0;
            ints[at++] = item.fixed() ? item.fixedY() : 0;
            ints[at++] = item.stubs();
            ints[at++] = item.labels();
            ints[at++] = item.pins().size();
            for (Pin pin : item.pins()) {
                ints[at++] = pin.dx();
                ints[at++] = pin.dy();
                ints[at++] = pin.net();
            }
        }
        return ints;
    }

    /**
     * {@code [page index (A4 = 0 … A0 = 4), item count, x, y per item, overlaps, stubs, labels,
     * width, height, area, wire edges, wire length, mean wire, guest edges, mean guest]}.
     *
     * @throws IllegalStateException when the array does not have that shape
     */
    public static Layout decodeLayout(long[] flat, int items) {
        if (flat.length != 2 + 2 * items + 11 || flat[1] != items || flat[0] < 0
                || flat[0] >= PageSize.values().length) {
            throw new IllegalStateException("native placement returned " + flat.length + " values for " + items
                    + " items");
        }
        List<Layout.Position> positions = new ArrayList<>(items);
        for (int i = 0; i < items; i++) {
            positions.add(new Layout.Position(flat[2 + 2 * i], flat[3 + 2 * i]));
        }
        int m = 2 + 2 * items;
        Metrics metrics = new Metrics(flat[m], flat[m + 1], flat[m + 2], flat[m + 3], flat[m + 4], flat[m + 5],
                flat[m + 6], flat[m + 7], flat[m + 8], flat[m + 9], flat[m + 10]);
        return new Layout(PageSize.values()[(int) flat[0]], positions, metrics);
    }
}
