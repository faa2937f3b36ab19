package io.circuitsynth.placement;

import io.circuitsynth.CircuitSynthException;

/**
 * A sheet the stage cannot place: the specification's one-line message saying what, where (item
 * and pin index) and what to do; both engines raise the same message.
 */
public class PlacementException extends CircuitSynthException {
    private static final long serialVersionUID = 1L;

    public PlacementException(String message) {
        super(message);
    }
}
