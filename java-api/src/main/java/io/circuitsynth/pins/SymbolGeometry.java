package io.circuitsynth.pins;

import io.circuitsynth.symbols.Symbol;
import io.circuitsynth.symbols.SymbolPin;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * A symbol prepared for placement: its pins and, per unit and body style, which pins it draws and
 * the library-space box of its body. Building one reads the symbol's drawings; placing is then a
 * handful of integer operations per pin. Immutable and safe to share.
 *
 * <pre>{@code
 * SymbolGeometry r = SymbolGeometry.of(libs.symbol("Device:R"));
 * PlacedUnit u = r.place(1, 1, new Placement(254_000, 254_000, Rotation.R90, Mirror.NONE));
 * u.pins().get(0).x();   // 215_900: pin 1, which sat above the body, now points left
 * u.body();              // the box of the drawing and the pin lines
 * }</pre>
 */
public final class SymbolGeometry {
    /** Pins and body box of one (unit, body style), in library space; body null when it draws nothing. */
    private record UnitShape(int[] pins, Bounds body) {}

    private final String name;
    private final int unitCount;
    private final int bodyStyleCount;
    private final List<SymbolPin> pins;
    /** {@code (unit - 1) * bodyStyleCount + (bodyStyle - 1)}. */
    private final UnitShape[] shapes;

    private SymbolGeometry(String name, int unitCount, int bodyStyleCount, List<SymbolPin> pins, UnitShape[] shapes) {
        this.name = name;
        this.unitCount = unitCount;
        this.bodyStyleCount = bodyStyleCount;
        this.pins = pins;
        this.shapes = shapes;
    }

    /**
     * Prepares {@code symbol}, reading its drawings from the library it came from.
     *
     * @throws PinException when a sub-symbol does not read
     * @throws java.io.UncheckedIOException when the library file can no longer be read
     */
    public static SymbolGeometry of(Symbol symbol) {
        return of(symbol, symbol.graphicsSexpr());
    }

    /**
     * Prepares {@code symbol}, whose sub-symbol lists are {@code graphics} (the exact text of each,
     * in the symbol's order, as {@link Symbol#graphicsSexpr()} gives them).
     *
     * @throws PinException when a sub-symbol does not read (specification: "Reading the drawings")
     */
    public static SymbolGeometry of(Symbol symbol, List<byte[]> graphics) {
        String name = symbol.name();
        List<Graphics.Item> items = new ArrayList<>();
        for (int i = 0; i < graphics.size(); i++) {
            Graphics.readSubSymbol(name, i + 1, graphics.get(i), items);
        }
        List<SymbolPin> pins = symbol.pins();
        int unitCount = Math.max(symbol.unitCount(), 1);
        int bodyStyleCount = Math.max(symbol.bodyStyleCount(), 1);
        UnitShape[] shapes = new UnitShape[unitCount * bodyStyleCount];
        int k = 0;
        for (int unit = 1; unit <= unitCount; unit++) {
            for (int bodyStyle = 1; bodyStyle <= bodyStyleCount; bodyStyle++) {
                shapes[k++] = shape(pins, items, unit, bodyStyle);
            }
        }
        return new SymbolGeometry(name, unitCount, bodyStyleCount, pins, shapes);
    }

    public String name() {
        return name;
    }

    public int unitCount() {
        return unitCount;
    }

    public int bodyStyleCount() {
        return bodyStyleCount;
    }

    /** Every pin of the symbol, in library order. */
    public List<SymbolPin> pins() {
        return pins;
    }

    /**
     * The pins and body box of {@code unit} with {@code bodyStyle} placed by {@code placement}.
     *
     * @throws PinException for a unit or body style the symbol does not have, or a result outside
     *     KiCad's coordinate range
     */
    public PlacedUnit place(int unit, int bodyStyle, Placement placement) {
        UnitShape shape = shape(unit, bodyStyle);
        int[] m = placement.matrix();
        PlacedPin[] out = new PlacedPin[shape.pins().length];
        int n = 0;
        for (int i : shape.pins()) {
            SymbolPin pin = pins.get(i);
            long x = placement.sheetX(m, pin.x(), pin.y());
            long y = placement.sheetY(m, pin.x(), pin.y());
            int o = orientation(pin);
            long dx = Placement.directionX(m, -INWARD_X[o], -INWARD_Y[o]);
            long dy = Placement.directionY(m, -INWARD_X[o], -INWARD_Y[o]);
            if (!Bounds.fits(x) || !Bounds.fits(y)) {
                throw outOfRange(placement);
            }
            out[n++] = new PlacedPin(i, pin.number(), pin.name(), pin.type(), pin.hidden(), (int) x, (int) y,
                    (int) dx, (int) dy);
        }
        Bounds body;
        Bounds b = shape.body();
        if (b != null) {
            // The Y-down box goes through the matrix as its two corners (the file's Y up is already
            // undone, so sheetX/sheetY get them back in file form).
            body = Bounds.of(placement.sheetX(m, b.minX, -b.minY), placement.sheetY(m, b.minX, -b.minY),
                    placement.sheetX(m, b.maxX, -b.maxY), placement.sheetY(m, b.maxX, -b.maxY));
        } else {
            body = Bounds.point(placement.x(), placement.y());
        }
        Rect rect = body.toRectOrNull();
        if (rect == null) {
            throw outOfRange(placement);
        }
        return new PlacedUnit(Collections.unmodifiableList(Arrays.asList(out)), rect);
    }

    private UnitShape shape(int unit, int bodyStyle) {
        if (unit < 1 || unit > unitCount) {
            throw new PinException("unit " + unit + " of symbol " + name + " does not exist; the symbol has units 1 to "
                    + unitCount);
        }
        if (bodyStyle < 1 || bodyStyle > bodyStyleCount) {
            throw new PinException("body style " + bodyStyle + " of symbol " + name
                    + " does not exist; the symbol has body styles 1 to " + bodyStyleCount);
        }
        return shapes[(unit - 1) * bodyStyleCount + (bodyStyle - 1)];
    }

    private PinException outOfRange(Placement placement) {
        return new PinException("symbol " + name + " placed at (" + placement.x() + ", " + placement.y()
                + ") reaches outside KiCad's coordinate range");
    }

    /**
     * The Y-up vector from the connection point towards the body (KiCad's pin orientation), by
     * {@link #orientation}: 0°, 90°, 180°, 270°.
     */
    private static final int[] INWARD_X = {1, 0, -1, 0};
    private static final int[] INWARD_Y = {0, 1, 0, -1};

    private static int orientation(SymbolPin pin) {
        switch (pin.rotation()) {
            case 90:
                return 1;
            case 180:
                return 2;
            case 270:
                return 3;
            default:
                return 0;
        }
    }

    private static boolean belongs(long itemUnit, long itemBody, int unit, int bodyStyle) {
        return (itemUnit == 0 || itemUnit == unit) && (itemBody == 0 || itemBody == bodyStyle);
    }

    /**
     * The pins and library-space body box of one unit and body style: every drawn item, and the whole
     * line of every shown pin.
     */
    private static UnitShape shape(List<SymbolPin> pins, List<Graphics.Item> items, int unit, int bodyStyle) {
        Bounds body = null;
        for (Graphics.Item item : items) {
            if (belongs(item.unit(), item.bodyStyle(), unit, bodyStyle)) {
                if (body == null) {
                    body = item.bounds().copy();
                } else {
                    body.merge(item.bounds());
                }
            }
        }
        int[] indexes = new int[pins.size()];
        int n = 0;
        for (int i = 0; i < pins.size(); i++) {
            SymbolPin pin = pins.get(i);
            if (!belongs(Integer.toUnsignedLong(pin.unit()), Integer.toUnsignedLong(pin.bodyStyle()), unit, bodyStyle)) {
                continue;
            }
            indexes[n++] = i;
            if (!pin.hidden()) {
                int o = orientation(pin);
                long x = pin.x();
                long y = pin.y();
                long length = pin.length();
                Bounds line = Bounds.of(x, -y, x + INWARD_X[o] * length, -(y + INWARD_Y[o] * length));
                if (body == null) {
                    body = line;
                } else {
                    body.merge(line);
                }
            }
        }
        return new UnitShape(Arrays.copyOf(indexes, n), body);
    }
}
