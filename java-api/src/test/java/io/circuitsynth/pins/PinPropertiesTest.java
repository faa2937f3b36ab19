package io.circuitsynth.pins;

import static org.assertj.core.api.Assertions.assertThat;

import io.circuitsynth.io.JavaIoStage;
import io.circuitsynth.io.SexprTree;
import io.circuitsynth.symbols.BuiltinLibraries;
import io.circuitsynth.symbols.JavaSymbolStage;
import io.circuitsynth.symbols.LibrarySource;
import io.circuitsynth.symbols.Symbol;
import io.circuitsynth.symbols.SymbolLibraries;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/** What the specification promises beyond the vectors, over every built-in symbol and placement. */
class PinPropertiesTest {
    private static final List<SymbolGeometry> GEOMETRIES = load();

    private static List<SymbolGeometry> load() {
        List<LibrarySource> sources = new ArrayList<>();
        for (BuiltinLibraries.Library lib : BuiltinLibraries.sources()) {
            sources.add(LibrarySource.inMemory(lib.nickname(), lib.path(), lib.content()));
        }
        List<SymbolGeometry> out = new ArrayList<>();
        try (SymbolLibraries libs = SymbolLibraries.open(new JavaSymbolStage(), sources, null)) {
            for (BuiltinLibraries.Library lib : BuiltinLibraries.sources()) {
                SexprTree t = new JavaIoStage().parse(lib.content(), lib.path());
                for (int c = t.firstChild(0); c != SexprTree.NONE; c = t.nextSibling(0, c)) {
                    if (t.isList(c) && t.textEquals(t.firstChild(c), "symbol")) {
                        String name = t.stringValue(t.nextSibling(c, t.firstChild(c)));
                        Symbol s = libs.find(lib.nickname(), name).orElseThrow();
                        out.add(SymbolGeometry.of(s));
                    }
                }
            }
        }
        return out;
    }

    @Provide
    Arbitrary<Placement> placements() {
        return net.jqwik.api.Combinators.combine(Arbitraries.integers().between(-100_000_000, 100_000_000),
                Arbitraries.integers().between(-100_000_000, 100_000_000), Arbitraries.of(Rotation.class),
                Arbitraries.of(Mirror.class)).as(Placement::new);
    }

    @Provide
    Arbitrary<String> texts() {
        return Arbitraries.oneOf(Arbitraries.strings().withCharRange(' ', '~').ofMaxLength(24),
                Arbitraries.strings().withChars("RUCQ0123456789µΩk.").ofMaxLength(10), Arbitraries.just(""));
    }

    @Property(tries = 300)
    void placingAtXyIsPlacingAtTheOriginMoved(@ForAll @IntRange(min = 0, max = 999) int g,
            @ForAll @IntRange(min = 1, max = 8) int unit, @ForAll("placements") Placement p) {
        SymbolGeometry geometry = GEOMETRIES.get(g % GEOMETRIES.size());
        int u = 1 + (unit - 1) % geometry.unitCount();
        PlacedUnit placed = geometry.place(u, 1, p);
        PlacedUnit origin = geometry.place(u, 1, new Placement(0, 0, p.rotation(), p.mirror()));
        assertThat(placed.body().minX() - p.x()).isEqualTo(origin.body().minX());
        assertThat(placed.body().maxY() - p.y()).isEqualTo(origin.body().maxY());
        for (int i = 0; i < placed.pins().size(); i++) {
            PlacedPin a = placed.pins().get(i);
            PlacedPin b = origin.pins().get(i);
            assertThat(new int[] {a.x() - p.x(), a.y() - p.y()}).containsExactly(b.x(), b.y());
            assertThat(Math.abs(a.dx()) + Math.abs(a.dy())).isEqualTo(1);
            if (!a.hidden()) {
                int length = geometry.pins().get(a.index()).length();
                Rect box = placed.body();
                int rootX = a.x() - a.dx() * length;
                int rootY = a.y() - a.dy() * length;
                assertThat(box.intersects(new Rect(a.x(), a.y(), a.x(), a.y()))).isTrue();
                assertThat(box.intersects(new Rect(rootX, rootY, rootX, rootY))).isTrue();
            }
        }
    }

    @Property(tries = 300)
    void fieldsStayClearOfTheBodyAndEachOther(@ForAll @IntRange(min = 0, max = 999) int g,
            @ForAll @IntRange(min = 1, max = 8) int unit, @ForAll("placements") Placement p,
            @ForAll("texts") String reference, @ForAll("texts") String value,
            @ForAll @IntRange(min = 5_000, max = 30_000) int size) {
        SymbolGeometry geometry = GEOMETRIES.get(g % GEOMETRIES.size());
        PlacedUnit placed = geometry.place(1 + (unit - 1) % geometry.unitCount(), 1, p);
        FieldLayout fields = Fields.place(placed, p, reference, value, size);
        Rect r = fields.reference().box();
        Rect v = fields.value().box();
        assertThat(r.intersects(placed.body())).isFalse();
        assertThat(v.intersects(placed.body())).isFalse();
        assertThat(r.maxY()).isLessThan(v.minY());
    }
}
