package io.circuitsynth.pins;

import java.util.Objects;

/**
 * How a text is drawn.
 *
 * @param sizeX glyph width in IU (KiCad scales advances by it); the absolute value is used
 * @param sizeY glyph height in IU
 * @param angle counter-clockwise on screen
 * @param h horizontal justification
 * @param v vertical justification
 */
public record TextStyle(int sizeX, int sizeY, Rotation angle, HAlign h, VAlign v) {
    public TextStyle {
        Objects.requireNonNull(angle, "angle");
        Objects.requireNonNull(h, "h");
        Objects.requireNonNull(v, "v");
    }

    /** KiCad's usual field text: {@code size} square, centred, horizontal. */
    public static TextStyle of(int size) {
        return new TextStyle(size, size, Rotation.R0, HAlign.CENTER, VAlign.CENTER);
    }
}
