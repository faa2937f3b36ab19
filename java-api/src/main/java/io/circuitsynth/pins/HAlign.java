package io.circuitsynth.pins;

/** Horizontal justification, in the text's own frame. */
public enum HAlign {
    LEFT("left"),
    CENTER("center"),
    RIGHT("right");

    private final String keyword;

    HAlign(String keyword) {
        this.keyword = keyword;
    }

    /** The word KiCad writes in {@code (justify …)}; {@code center} is written by leaving it out. */
    public String keyword() {
        return keyword;
    }

    /** The justification KiCad writes as {@code keyword}, or null. */
    public static HAlign fromKeyword(String keyword) {
        for (HAlign h : values()) {
            if (h.keyword.equals(keyword)) {
                return h;
            }
        }
        return null;
    }
}
