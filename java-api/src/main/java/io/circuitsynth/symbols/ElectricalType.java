package io.circuitsynth.symbols;

/**
 * A pin's electrical type. The declaration order is the specification's, so {@link #ordinal()} is
 * the {@code type} byte of the binary symbol record.
 */
public enum ElectricalType {
    INPUT("input"),
    OUTPUT("output"),
    BIDIRECTIONAL("bidirectional"),
    TRI_STATE("tri_state"),
    PASSIVE("passive"),
    FREE("free"),
    UNSPECIFIED("unspecified"),
    POWER_IN("power_in"),
    POWER_OUT("power_out"),
    OPEN_COLLECTOR("open_collector"),
    OPEN_EMITTER("open_emitter"),
    NO_CONNECT("no_connect");

    private static final ElectricalType[] ALL = values();
    private final String keyword;

    ElectricalType(String keyword) {
        this.keyword = keyword;
    }

    /** The keyword KiCad writes, such as {@code power_in}. */
    public String keyword() {
        return keyword;
    }

    /** The type KiCad writes as {@code keyword}, or null. */
    public static ElectricalType fromKeyword(String keyword) {
        for (ElectricalType t : ALL) {
            if (t.keyword.equals(keyword)) {
                return t;
            }
        }
        return null;
    }

    static ElectricalType fromIndex(int index) {
        return index >= 0 && index < ALL.length ? ALL[index] : null;
    }
}
