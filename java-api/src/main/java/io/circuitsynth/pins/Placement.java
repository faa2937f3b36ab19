package io.circuitsynth.pins;

import java.util.Objects;

/**
 * Where and how a symbol sits on a sheet: its origin in sheet IU (Y down), rotation and mirror,
 * as {@code (symbol … (at X Y ANGLE) (mirror x|y) …)} says in a {@code .kicad_sch}.
 *
 * @param x sheet X of the symbol's origin, IU
 * @param y sheet Y, IU, growing downwards
 * @param rotation counter-clockwise on screen
 * @param mirror applied after the rotation, in sheet axes, as eeschema composes it
 */
public record Placement(int x, int y, Rotation rotation, Mirror mirror) {
    public Placement {
        Objects.requireNonNull(rotation, "rotation");
        Objects.requireNonNull(mirror, "mirror");
    }

    /** An unrotated, unmirrored placement at {@code (x, y)}. */
    public static Placement at(int x, int y) {
        return new Placement(x, y, Rotation.R0, Mirror.NONE);
    }

    /**
     * eeschema's {@code TRANSFORM} {@code {x1, y1, x2, y2}}: a Y-down library point {@code (u, v)}
     * lands at {@code (x + x1·u + y1·v, y + x2·u + y2·v)}.
     *
     * <p>The parser sets the rotation's matrix first; {@code (mirror …)} then goes through
     * {@code SCH_SYMBOL::SetOrientation}, whose product puts the mirror on the left, so the mirror
     * acts on the already rotated symbol, in sheet axes.
     */
    public int[] matrix() {
        int[] m = rotation.matrix();
        switch (mirror) {
            case X:
                m[2] = -m[2];
                m[3] = -m[3];
                break;
            case Y:
                m[0] = -m[0];
                m[1] = -m[1];
                break;
            default:
                break;
        }
        return m;
    }

    /** Sheet X of a library point (Y up, as in the file); long so nothing overflows. */
    long sheetX(int[] m, long x, long yUp) {
        return this.x + directionX(m, x, yUp);
    }

    long sheetY(int[] m, long x, long yUp) {
        return this.y + directionY(m, x, yUp);
    }

    /** X of a library vector (Y up) turned into sheet axes, without the translation. */
    static long directionX(int[] m, long x, long yUp) {
        return m[0] * x + m[1] * -yUp;
    }

    static long directionY(int[] m, long x, long yUp) {
        return m[2] * x + m[3] * -yUp;
    }
}
