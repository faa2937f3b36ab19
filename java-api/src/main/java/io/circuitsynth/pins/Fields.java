package io.circuitsynth.pins;

import java.util.List;

/** Field texts: their boxes, and where Reference and Value go beside a placed unit. */
public final class Fields {
    private Fields() {}

    /** Where the two fields stand relative to the body box. */
    private enum Side {
        RIGHT,
        ABOVE,
        BELOW,
        LEFT,
        /** Above the box's top right corner: every side has pins, and no pin's wire stub crosses a corner region. */
        CORNER
    }

    /**
     * The box a text drawn at {@code (x, y)} with {@code style} occupies on the sheet.
     *
     * @throws PinException for a box reaching outside KiCad's coordinate range
     */
    public static Rect textBox(String text, int x, int y, TextStyle style) {
        Bounds b = Text.relativeBox(text, style);
        b.shift(x, y);
        Rect r = b.toRectOrNull();
        if (r == null) {
            throw new PinException("a text at (" + x + ", " + y + ") reaches outside KiCad's coordinate range");
        }
        return r;
    }

    /** {@link #place(Rect, List, Placement, String, String, int)} for a {@link PlacedUnit}. */
    public static FieldLayout place(PlacedUnit unit, Placement placement, String reference, String value, int size) {
        return place(unit.body(), unit.pins(), placement, reference, value, size);
    }

    /**
     * Places Reference above Value beside {@code body} (a placed unit's body box, which holds its pin
     * lines), on the first side of right, top, bottom, left that no shown pin leaves from; when every
     * side has pins, off the top right corner. The text boxes never touch the body box nor each
     * other. {@code size} is the text size in IU. {@code reference} is the text as KiCad shows it:
     * for a symbol of several units that is the reference with its unit letter ({@code U1A}).
     *
     * @throws PinException for a field reaching outside KiCad's coordinate range
     */
    public static FieldLayout place(Rect body, List<PlacedPin> pins, Placement placement, String reference,
            String value, int size) {
        boolean right = false;
        boolean top = false;
        boolean bottom = false;
        boolean left = false;
        for (PlacedPin p : pins) {
            if (p.hidden()) {
                continue;
            }
            if (p.dx() == 1) {
                right = true;
            } else if (p.dx() == -1) {
                left = true;
            } else if (p.dy() == -1) {
                top = true;
            } else {
                bottom = true;
            }
        }
        Side side;
        if (!right) {
            side = Side.RIGHT;
        } else if (!top) {
            side = Side.ABOVE;
        } else if (!bottom) {
            side = Side.BELOW;
        } else if (!left) {
            side = Side.LEFT;
        } else {
            side = Side.CORNER;
        }
        long gap = Math.abs((long) size) / 2;
        HAlign h;
        VAlign v = VAlign.CENTER;
        switch (side) {
            case RIGHT:
            case CORNER:
                h = HAlign.LEFT;
                break;
            case LEFT:
                h = HAlign.RIGHT;
                break;
            default:
                h = HAlign.CENTER;
                break;
        }
        TextStyle style = new TextStyle(size, size, Rotation.R0, h, v);
        Bounds rb = Text.relativeBox(reference, style);
        Bounds vb = Text.relativeBox(value, style);
        long minX = body.minX();
        long minY = body.minY();
        long maxX = body.maxX();
        long maxY = body.maxY();
        long cx = Math.floorDiv(minX + maxX, 2);
        long cy = Math.floorDiv(minY + maxY, 2);
        long rx;
        long ry;
        long vx;
        long vy;
        switch (side) {
            case RIGHT:
            case LEFT: {
                long x = side == Side.RIGHT ? maxX + gap : minX - gap;
                long half = Math.floorDiv(gap, 2);
                rx = x;
                ry = cy - half - rb.maxY;
                vx = x;
                vy = cy + half - vb.minY;
                break;
            }
            case ABOVE:
            case CORNER: {
                long x = side == Side.ABOVE ? cx : maxX + gap;
                vy = minY - gap - vb.maxY;
                ry = vy + vb.minY - gap - rb.maxY;
                rx = x;
                vx = x;
                break;
            }
            default: {
                ry = maxY + gap - rb.minY;
                vy = ry + rb.maxY + gap - vb.minY;
                rx = cx;
                vx = cx;
                break;
            }
        }
        return new FieldLayout(field(reference, style, rx, ry, placement), field(value, style, vx, vy, placement));
    }

    /**
     * One field drawn with {@code style} at {@code (x, y)} on a symbol placed by {@code placement},
     * and the angle and justification the file must say so that eeschema draws it so (the file
     * form of {@link #place}). The schematic writer places power symbols' values with it.
     *
     * @throws PinException for a field reaching outside KiCad's coordinate range
     */
    public static FieldPlacement field(String text, TextStyle style, int x, int y, Placement placement) {
        return field(text, style, (long) x, (long) y, placement);
    }

    private static FieldPlacement field(String text, TextStyle style, long x, long y, Placement placement) {
        if (!Bounds.fits(x) || !Bounds.fits(y)) {
            throw range(x, y);
        }
        Text.Measure measured = Text.measure(text);
        Bounds relative = Text.measuredBox(measured, style);
        Bounds b = relative.copy();
        b.shift(x, y);
        Rect box = b.toRectOrNull();
        if (box == null) {
            throw range(x, y);
        }
        int[] m = placement.matrix();
        for (Rotation angle : new Rotation[] {Rotation.R0, Rotation.R90}) {
            for (HAlign fh : HAlign.values()) {
                for (VAlign fv : VAlign.values()) {
                    Bounds c = Text.measuredBox(measured, new TextStyle(style.sizeX(), style.sizeY(), angle, fh, fv));
                    Bounds turned = Bounds.of(m[0] * c.minX + m[1] * c.minY, m[2] * c.minX + m[3] * c.minY,
                            m[0] * c.maxX + m[1] * c.maxY, m[2] * c.maxX + m[3] * c.maxY);
                    if (turned.sameAs(relative)) {
                        return new FieldPlacement((int) x, (int) y, style.h(), style.v(), box, angle, fh, fv);
                    }
                }
            }
        }
        throw new AssertionError("every right-angle transform maps some text box onto the drawn one");
    }

    private static PinException range(long x, long y) {
        return new PinException("a field at (" + x + ", " + y + ") reaches outside KiCad's coordinate range");
    }
}
