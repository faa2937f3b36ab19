package io.circuitsynth.symbols;

/**
 * A pin's graphic style. The declaration order is the specification's, so {@link #ordinal()} is
 * the {@code style} byte of the binary symbol record.
 */
public enum PinStyle {
    LINE("line"),
    INVERTED("inverted"),
    CLOCK("clock"),
    INVERTED_CLOCK("inverted_clock"),
    INPUT_LOW("input_low"),
    CLOCK_LOW("clock_low"),
    OUTPUT_LOW("output_low"),
    EDGE_CLOCK_HIGH("edge_clock_high"),
    NON_LOGIC("non_logic");

    private static final PinStyle[] ALL = values();
    private final String keyword;

    PinStyle(String keyword) {
        this.keyword = keyword;
    }

    /** The keyword KiCad writes, such as {@code inverted_clock}. */
    public String keyword() {
        return keyword;
    }

    /** The style KiCad writes as {@code keyword}, or null. */
    public static PinStyle fromKeyword(String keyword) {
        for (PinStyle s : ALL) {
            if (s.keyword.equals(keyword)) {
                return s;
            }
        }
        return null;
    }

    static PinStyle fromIndex(int index) {
        return index >= 0 && index < ALL.length ? ALL[index] : null;
    }
}
