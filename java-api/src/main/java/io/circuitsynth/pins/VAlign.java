package io.circuitsynth.pins;

/** Vertical justification, in the text's own frame. */
public enum VAlign {
    TOP("top"),
    CENTER("center"),
    BOTTOM("bottom");

    private final String keyword;

    VAlign(String keyword) {
        this.keyword = keyword;
    }

    /** The word KiCad writes in {@code (justify …)}; {@code center} is written by leaving it out. */
    public String keyword() {
        return keyword;
    }

    /** The justification KiCad writes as {@code keyword}, or null. */
    public static VAlign fromKeyword(String keyword) {
        for (VAlign v : values()) {
            if (v.keyword.equals(keyword)) {
                return v;
            }
        }
        return null;
    }
}
