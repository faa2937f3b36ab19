package io.circuitsynth.io;

import io.circuitsynth.CircuitSynthException;

/**
 * Malformed S-expression input. The message is {@code SOURCE:LINE:COLUMN: DETAIL}; the parts are
 * available separately. Thrown, with the same message, by both engines (the native one
 * constructs it through JNI with the constructor below, so its signature is part of the ABI).
 */
public final class SexprParseException extends CircuitSynthException {
    private static final long serialVersionUID = 1L;

    private final String sourceName;
    private final int line;
    private final int column;
    private final long offset;
    private final String detail;

    public SexprParseException(String sourceName, int line, int column, long offset, String detail) {
        super(sourceName + ":" + line + ":" + column + ": " + detail);
        this.sourceName = sourceName;
        this.line = line;
        this.column = column;
        this.offset = offset;
        this.detail = detail;
    }

    /** The file name or other label the input was parsed under. */
    public String sourceName() {
        return sourceName;
    }

    /** 1-based line of the error. */
    public int line() {
        return line;
    }

    /** 1-based column of the error, counted in characters. */
    public int column() {
        return column;
    }

    /** 0-based byte offset of the error. */
    public long offset() {
        return offset;
    }

    /** What was wrong and what was expected, without the position. */
    public String detail() {
        return detail;
    }
}
