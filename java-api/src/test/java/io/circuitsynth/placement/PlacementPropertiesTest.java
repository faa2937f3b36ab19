package io.circuitsynth.placement;

import static org.assertj.core.api.Assertions.assertThat;

import io.circuitsynth.testing.TestEngines;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Any valid sheet gives a layout with no two boxes closer than one grid step, every anchor on the
 * grid, everything inside the page frame and clear of the title block, and fixed items kept
 * relative to each other; every engine under test gives exactly the same layout, or exactly the
 * same error, as the Java engine.
 */
class PlacementPropertiesTest {
    private static final int GRID = 12_700;

    @Provide
    Arbitrary<Sheet> sheets() {
        Arbitrary<List<NetKind>> nets = Arbitraries.of(NetKind.class).list().ofMinSize(1).ofMaxSize(12);
        return nets.flatMap(kinds -> {
            int m = kinds.size();
            Arbitrary<Pin> pin = Combinators.combine(Arbitraries.integers().between(-25, 25),
                    Arbitraries.integers().between(-25, 25), Arbitraries.integers().between(-1, m - 1))
                    .as((dx, dy, net) -> new Pin(dx * GRID, dy * GRID, net));
            Arbitrary<Item> item = Combinators.combine(Arbitraries.integers().between(1, 40),
                    Arbitraries.integers().between(1, 40), Arbitraries.integers().between(-20, 20),
                    Arbitraries.integers().between(-20, 20), pin.list().ofMaxSize(8), Arbitraries.integers().between(0, 3))
                    .as((w, h, ox, oy, pins, labels) -> Item.of(ox * 1000 - w * 6350, oy * 1000 - h * 6350,
                            ox * 1000 + w * 6350 + 77, oy * 1000 + h * 6350 + 33, pins.size(), labels, pins));
            Arbitrary<List<Boolean>> fixed = Arbitraries.of(false, false, false, true).list().ofSize(60);
            return Combinators.combine(item.list().ofMaxSize(60), fixed).as((items, flags) -> {
                List<Item> placed = new ArrayList<>();
                long x = 0;
                for (int i = 0; i < items.size(); i++) {
                    Item it = items.get(i);
                    // Starting within 750 mm, as in the Rust property: a fixed row nearly as wide as
                    // A0's frame leaves the movable parts no room, and the placer reports the sheet.
                    if (flags.get(i) && x < 15L * 500_000) {
                        long at = Math.floorDiv(x - it.minX(), GRID) * GRID + GRID;
                        it = it.fixedAt((int) at, 0);
                        x = at + it.maxX() + 2L * GRID;
                    }
                    placed.add(it);
                }
                return new Sheet(placed, kinds);
            });
        });
    }

    @Property(tries = 150)
    void anySheetPlacesCleanlyAndAlike(@ForAll("sheets") Sheet sheet) {
        Layout layout = new JavaPlacementStage().place(sheet);
        check(sheet, layout);
        for (PlacementStage stage : TestEngines.placementStagesUnderTest()) {
            assertThat(stage.place(sheet)).as(TestEngines.name(stage)).isEqualTo(layout);
        }
    }

    @Provide
    Arbitrary<Sheet> brokenSheets() {
        Arbitrary<Integer> coordinate = Arbitraries.oneOf(Arbitraries.integers().between(-30_000_000, 30_000_000),
                Arbitraries.of(20_000_000, 20_000_001, -20_000_001, 6350));
        Arbitrary<Pin> pin = Combinators.combine(coordinate, coordinate, Arbitraries.integers().between(-2, 3))
                .as(Pin::new);
        Arbitrary<Item> item = Combinators.combine(coordinate, coordinate, coordinate, coordinate,
                pin.list().ofMaxSize(3), Arbitraries.integers().between(-1, 2), Arbitraries.of(false, true),
                Arbitraries.of(0, 6350, 12700, 25400))
                .as((a, b, c, d, pins, stubs, fixed, at) -> {
                    Item it = Item.of(a, b, c, d, stubs, 0, pins);
                    return fixed ? it.fixedAt(at, at) : it;
                });
        return item.list().ofMinSize(1).ofMaxSize(4).map(items -> new Sheet(items, List.of(NetKind.SIGNAL,
                NetKind.POWER)));
    }

    @Property(tries = 300)
    void errorsAreTheSameInEveryEngine(@ForAll("brokenSheets") Sheet sheet) {
        String expected = outcome(new JavaPlacementStage(), sheet);
        for (PlacementStage stage : TestEngines.placementStagesUnderTest()) {
            assertThat(outcome(stage, sheet)).as(TestEngines.name(stage)).isEqualTo(expected);
        }
    }

    private static String outcome(PlacementStage stage, Sheet sheet) {
        try {
            return PlacementText.formatLayout(stage.place(sheet));
        } catch (PlacementException e) {
            return "error: " + e.getMessage();
        }
    }

    private static void check(Sheet sheet, Layout layout) {
        int n = sheet.items().size();
        assertThat(layout.positions()).hasSize(n);
        long w = layout.page().width();
        long h = layout.page().height();
        long[][] boxes = new long[n][];
        for (int i = 0; i < n; i++) {
            Item item = sheet.items().get(i);
            long x = layout.positions().get(i).x();
            long y = layout.positions().get(i).y();
            assertThat(Math.floorMod(x, GRID)).as("x of %d", i).isZero();
            assertThat(Math.floorMod(y, GRID)).as("y of %d", i).isZero();
            long[] b = {x + item.minX(), y + item.minY(), x + item.maxX(), y + item.maxY()};
            assertThat(b[0] >= 152_400 && b[1] >= 152_400 && b[2] <= w - 152_400 && b[3] <= h - 152_400)
                    .as("item %d inside the frame", i).isTrue();
            assertThat(b[2] <= w - 1_225_400 || b[3] <= h - 465_400).as("item %d clear of the title block", i)
                    .isTrue();
            boxes[i] = b;
        }
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                long[] a = boxes[i];
                long[] b = boxes[j];
                boolean apart = a[2] + GRID <= b[0] || b[2] + GRID <= a[0] || a[3] + GRID <= b[1]
                        || b[3] + GRID <= a[1];
                assertThat(apart).as("items %d and %d at least one grid step apart", i, j).isTrue();
            }
        }
        int first = -1;
        for (int i = 0; i < n; i++) {
            Item item = sheet.items().get(i);
            if (!item.fixed()) {
                continue;
            }
            if (first < 0) {
                first = i;
            }
            Item f = sheet.items().get(first);
            assertThat(layout.positions().get(i).x() - layout.positions().get(first).x())
                    .isEqualTo((long) item.fixedX() - f.fixedX());
            assertThat(layout.positions().get(i).y() - layout.positions().get(first).y())
                    .isEqualTo((long) item.fixedY() - f.fixedY());
        }
        assertThat(layout.metrics().overlaps()).isZero();
        assertThat(layout.metrics().stubs()).isEqualTo(sheet.items().stream().mapToLong(Item::stubs).sum());
        assertThat(layout.metrics().area()).isEqualTo(layout.metrics().width() * layout.metrics().height());
    }
}
