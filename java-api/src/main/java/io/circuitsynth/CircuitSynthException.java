package io.circuitsynth;

/**
 * Base class of every exception CircuitSynth throws for bad input or an unusable environment.
 * Messages say what was wrong, where, and what to do about it; both engines raise the same type
 * and message for the same bad input.
 */
public class CircuitSynthException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public CircuitSynthException(String message) {
        super(message);
    }

    public CircuitSynthException(String message, Throwable cause) {
        super(message, cause);
    }
}
