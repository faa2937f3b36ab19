package io.circuitsynth.pins;

/** {@code (mirror x)} flips the symbol top to bottom (about the X axis), {@code (mirror y)} left to right. */
public enum Mirror {
    NONE("none"),
    X("x"),
    Y("y");

    private final String keyword;

    Mirror(String keyword) {
        this.keyword = keyword;
    }

    /** {@code none}, {@code x} or {@code y}. */
    public String keyword() {
        return keyword;
    }

    /**
     * The mirror KiCad writes as {@code keyword} ({@code none} for no mirror).
     *
     * @throws PinException for any other word
     */
    public static Mirror parse(String keyword) {
        for (Mirror m : values()) {
            if (m.keyword.equals(keyword)) {
                return m;
            }
        }
        throw new PinException("mirror must be none, x or y, found '" + keyword + "'");
    }

    @Override
    public String toString() {
        return keyword;
    }
}
