package io.circuitsynth.placement;

/** How a net takes part in the layout. */
public enum NetKind {
    /** An ordinary net: its pins pull toward each other. */
    SIGNAL,
    /**
     * A supply rail drawn with a power symbol at every pin: it pulls nothing together, but a
     * decoupling capacitor on it is drawn toward the IC pin on the same rail.
     */
    POWER,
    /** A ground rail: like {@link #POWER}, except that a capacitor between a rail and ground is placed by its rail pin. */
    GROUND,
    /** A net with very many pins (a bus enable, a reset line): it pulls weakly. */
    LARGE;

    /** The code of the flat encoding and the vector text: 0 signal, 1 power, 2 ground, 3 large. */
    public int code() {
        return ordinal();
    }

    /** Drawn with power symbols rather than wires or labels. */
    public boolean isSupply() {
        return this == POWER || this == GROUND;
    }
}
