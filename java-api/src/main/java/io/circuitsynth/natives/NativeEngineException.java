package io.circuitsynth.natives;

import io.circuitsynth.CircuitSynthException;

/**
 * The native engine failed internally (a Rust panic or a JNI failure). Raised in place of the
 * crash such a failure would otherwise cause; the JVM and the library stay usable.
 */
public final class NativeEngineException extends CircuitSynthException {
    private static final long serialVersionUID = 1L;

    public NativeEngineException(String message) {
        super(message);
    }
}
