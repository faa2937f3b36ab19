package io.circuitsynth.pins;

/**
 * A box in sheet coordinates (IU, Y down), corners included: {@code minX <= maxX},
 * {@code minY <= maxY}.
 */
public record Rect(int minX, int minY, int maxX, int maxY) {
    /** Whether the two boxes share at least one point (touching counts). */
    public boolean intersects(Rect other) {
        return minX <= other.maxX && other.minX <= maxX && minY <= other.maxY && other.minY <= maxY;
    }

    public long width() {
        return (long) maxX - minX;
    }

    public long height() {
        return (long) maxY - minY;
    }

    /** {@code MINX,MINY,MAXX,MAXY}, as the vectors write it. */
    @Override
    public String toString() {
        return minX + "," + minY + "," + maxX + "," + maxY;
    }
}
