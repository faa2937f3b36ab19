package io.circuitsynth.pins;

/** A symbol's rotation on the sheet, counter-clockwise as seen on screen. */
public enum Rotation {
    R0(0, 1, 0, 0, 1),
    R90(90, 0, 1, -1, 0),
    R180(180, -1, 0, 0, -1),
    R270(270, 0, -1, 1, 0);

    private final int degrees;
    /** KiCad's {@code TRANSFORM} for {@code (at X Y ANGLE)}: {@code x1, y1, x2, y2} on Y-down points. */
    private final int[] matrix;

    Rotation(int degrees, int x1, int y1, int x2, int y2) {
        this.degrees = degrees;
        this.matrix = new int[] {x1, y1, x2, y2};
    }

    public int degrees() {
        return degrees;
    }

    int[] matrix() {
        return matrix.clone();
    }

    /**
     * The rotation of {@code degrees}.
     *
     * @throws PinException for anything but 0, 90, 180 and 270
     */
    public static Rotation parse(int degrees) {
        for (Rotation r : values()) {
            if (r.degrees == degrees) {
                return r;
            }
        }
        throw new PinException("rotation must be 0, 90, 180 or 270, found " + degrees);
    }

    @Override
    public String toString() {
        return Integer.toString(degrees);
    }
}
