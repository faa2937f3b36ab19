package io.circuitsynth.pins;

/** A box being grown, in long so that sums of int coordinates never overflow. Mutable, local use. */
final class Bounds {
    long minX;
    long minY;
    long maxX;
    long maxY;

    private Bounds(long minX, long minY, long maxX, long maxY) {
        this.minX = minX;
        this.minY = minY;
        this.maxX = maxX;
        this.maxY = maxY;
    }

    static Bounds point(long x, long y) {
        return new Bounds(x, y, x, y);
    }

    static Bounds of(long x0, long y0, long x1, long y1) {
        return new Bounds(Math.min(x0, x1), Math.min(y0, y1), Math.max(x0, x1), Math.max(y0, y1));
    }

    Bounds copy() {
        return new Bounds(minX, minY, maxX, maxY);
    }

    void addPoint(long x, long y) {
        minX = Math.min(minX, x);
        minY = Math.min(minY, y);
        maxX = Math.max(maxX, x);
        maxY = Math.max(maxY, y);
    }

    void merge(Bounds other) {
        addPoint(other.minX, other.minY);
        addPoint(other.maxX, other.maxY);
    }

    void inflate(long by) {
        minX -= by;
        minY -= by;
        maxX += by;
        maxY += by;
    }

    void shift(long x, long y) {
        minX += x;
        maxX += x;
        minY += y;
        maxY += y;
    }

    boolean sameAs(Bounds o) {
        return minX == o.minX && minY == o.minY && maxX == o.maxX && maxY == o.maxY;
    }

    /** The box as a {@link Rect}, or null when a coordinate does not fit an int. */
    Rect toRectOrNull() {
        if (!fits(minX) || !fits(minY) || !fits(maxX) || !fits(maxY)) {
            return null;
        }
        return new Rect((int) minX, (int) minY, (int) maxX, (int) maxY);
    }

    static boolean fits(long v) {
        return v >= Integer.MIN_VALUE && v <= Integer.MAX_VALUE;
    }

    /** {@code ceil(a / b)} for {@code b > 0}. */
    static long ceilDiv(long a, long b) {
        return Math.floorDiv(a, b) + (Math.floorMod(a, b) != 0 ? 1 : 0);
    }
}
