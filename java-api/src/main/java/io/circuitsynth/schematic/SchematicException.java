package io.circuitsynth.schematic;

import io.circuitsynth.CircuitSynthException;

/**
 * A design that finalizes but cannot be drawn as KiCad would read it back (two nets on pins that
 * share one point of a symbol, a symbol library that no longer reads). The message is one line
 * saying what, where and what to do; both engines raise the same message.
 */
public class SchematicException extends CircuitSynthException {
    private static final long serialVersionUID = 1L;

    public SchematicException(String message) {
        super(message);
    }
}
