package io.circuitsynth.netlist;

import io.circuitsynth.CircuitSynthException;

/**
 * Bad circuit input: a syntax error, a binding error or a finalize error. The message is the
 * specification's one line (with {@code JSONPATH: } or {@code LINE:COLUMN: } in front where the
 * input is a file); both engines raise the same message for the same input.
 */
public class NetlistException extends CircuitSynthException {
    private static final long serialVersionUID = 1L;

    public NetlistException(String message) {
        super(message);
    }
}
