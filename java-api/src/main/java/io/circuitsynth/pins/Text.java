package io.circuitsynth.pins;

/**
 * The box a text occupies in KiCad's default stroke font, approximated from the font's own
 * advances (measured on KiCad 9.0.8's output; the rules are in {@code conformance/pins/README.md}).
 */
final class Text {
    private Text() {}

    /**
     * Advances of the printable ASCII characters (U+0020 to U+007E), in 21sts of the glyph width,
     * as KiCad 9's newstroke font spaces them.
     */
    private static final byte[] ASCII_ADVANCE = {
        16, 10, 16, 21, 20, 24, 26, 10, 14, 14, 16, 26, 10, 26, 10, 22, // space to /
        20, 20, 20, 20, 20, 20, 20, 20, 20, 20, 10, 10, 26, 26, 26, 18, // 0 to ?
        27, 18, 21, 21, 21, 19, 18, 21, 22, 10, 16, 21, 17, 24, 22, 22, // @ to O
        21, 22, 21, 20, 16, 22, 18, 24, 20, 18, 20, 14, 14, 14, 12, 16, // P to _
        8, 19, 19, 18, 19, 18, 12, 19, 19, 10, 10, 17, 11, 28, 19, 19, // ` to o
        19, 19, 13, 17, 12, 19, 16, 22, 17, 16, 17, 14, 20, 14, 15, // p to ~
    };

    /** Advance of any other character: the widest glyph measured (CJK), so the box errs on the large side. */
    private static final int OTHER_ADVANCE = 31;

    private static int advance(int c) {
        if (c >= ' ' && c <= '~') {
            return ASCII_ADVANCE[c - 0x20];
        }
        switch (c) {
            case 0x00B0: // degree sign
                return 16;
            case 0x00B1: // plus-minus
                return 26;
            case 0x00B5: // micro sign
            case 0x03BC: // Greek mu
                return 22;
            case 0x03A9: // Greek capital omega
                return 24;
            default:
                return c < ' ' ? 0 : OTHER_ADVANCE;
        }
    }

    /**
     * Total advance of one line, in 21sts of the glyph width. KiCad's markup {@code ~{…}},
     * {@code _{…}} and {@code ^{…}} draws its content (overbar, subscript, superscript) and not the
     * braces or the marker.
     */
    private static long lineUnits(String line) {
        long units = 0;
        int open = 0;
        int i = 0;
        int n = line.length();
        while (i < n) {
            int c = line.codePointAt(i);
            i += Character.charCount(c);
            if ((c == '~' || c == '_' || c == '^') && i < n && line.charAt(i) == '{') {
                i++;
                open++;
            } else if (c == '}' && open > 0) {
                open--;
            } else {
                units += advance(c);
            }
        }
        return units;
    }

    /** What the box needs of a text: its widest line in 21sts of the glyph width, and its lines. */
    record Measure(long units, long lines) {}

    static Measure measure(String text) {
        // KiCad shows "~" alone as an empty text (its old spelling of an empty field).
        String shown = text.equals("~") ? "" : text;
        long lines = 0;
        long widest = 0;
        for (String line : shown.split("\n", -1)) {
            lines++;
            widest = Math.max(widest, lineUnits(line));
        }
        // The caps only keep absurd texts from overflowing; whatever they cut is far outside the
        // coordinate range and reported as such.
        return new Measure(Math.min(widest, 1L << 31), Math.min(lines, 1L << 24));
    }

    /** The text box relative to its anchor, in the text's own frame before rotation (Y down). */
    private static Bounds unrotated(Measure m, long sizeX, long sizeY, HAlign h, VAlign v) {
        long units = m.units();
        long width = Bounds.ceilDiv(units * sizeX, 21);
        long pitch = Bounds.ceilDiv(sizeY * 161, 100);
        long extra = (m.lines() - 1) * pitch;
        long above = Bounds.ceilDiv(sizeY, 5);
        long below = Bounds.ceilDiv(sizeY * 13, 10);
        long centre = Bounds.ceilDiv(sizeY * 3, 4);
        long x0;
        long x1;
        switch (h) {
            case LEFT:
                x0 = 0;
                x1 = width;
                break;
            case CENTER:
                x0 = -Bounds.ceilDiv(width, 2);
                x1 = Bounds.ceilDiv(width, 2);
                break;
            default:
                x0 = -width;
                x1 = 0;
                break;
        }
        long y0;
        long y1;
        switch (v) {
            case TOP:
                y0 = -above;
                y1 = below + extra;
                break;
            case CENTER:
                long half = centre + Bounds.ceilDiv(extra, 2);
                y0 = -half;
                y1 = half;
                break;
            default:
                y0 = -(below + extra);
                y1 = above;
                break;
        }
        return Bounds.of(x0, y0, x1, y1);
    }

    /** A box of the text frame turned by a right angle, counter-clockwise on screen (Y down). */
    private static Bounds turn(Rotation rotation, Bounds b) {
        switch (rotation) {
            case R90:
                return Bounds.of(b.minY, -b.minX, b.maxY, -b.maxX);
            case R180:
                return Bounds.of(-b.minX, -b.minY, -b.maxX, -b.maxY);
            case R270:
                return Bounds.of(-b.minY, b.minX, -b.maxY, b.maxX);
            default:
                return b;
        }
    }

    /** The text box relative to its anchor, turned by a right angle. */
    static Bounds relativeBox(String text, TextStyle style) {
        return measuredBox(measure(text), style);
    }

    /** {@link #relativeBox} of a text already measured. */
    static Bounds measuredBox(Measure m, TextStyle style) {
        Bounds b = unrotated(m, Math.abs((long) style.sizeX()), Math.abs((long) style.sizeY()), style.h(),
                style.v());
        return turn(style.angle(), b);
    }

    /**
     * A library text's box relative to its anchor for any angle in tenths of a degree; angles off the
     * right angles get the square that holds the text at every angle, so no trigonometry (which Java
     * and Rust round differently) is involved.
     */
    static Bounds relativeBoxTenths(String text, long sizeX, long sizeY, long tenths, HAlign h, VAlign v) {
        Bounds b = unrotated(measure(text), Math.abs(sizeX), Math.abs(sizeY), h, v);
        switch ((int) Math.floorMod(tenths, 3600L)) {
            case 0:
                return turn(Rotation.R0, b);
            case 900:
                return turn(Rotation.R90, b);
            case 1800:
                return turn(Rotation.R180, b);
            case 2700:
                return turn(Rotation.R270, b);
            default:
                double farX = Math.max(Math.abs(b.minX), Math.abs(b.maxX));
                double farY = Math.max(Math.abs(b.minY), Math.abs(b.maxY));
                long r = (long) Math.ceil(Math.sqrt(farX * farX + farY * farY));
                return Bounds.of(-r, -r, r, r);
        }
    }
}
