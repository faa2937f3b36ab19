package io.circuitsynth.pins;

import io.circuitsynth.CircuitSynthException;

/**
 * Bad input to the pin calculator: a unit or body style the symbol lacks, a drawing that does not
 * read, a rotation off the right angles, or geometry beyond KiCad's coordinate range. The message
 * is the specification's ({@code conformance/pins/README.md}), the same in both engines.
 */
public class PinException extends CircuitSynthException {
    private static final long serialVersionUID = 1L;

    public PinException(String message) {
        super(message);
    }
}
