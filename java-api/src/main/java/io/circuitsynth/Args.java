package io.circuitsynth;

/** Argument checks of the public API, with messages that name the call and the argument. */
final class Args {
    private Args() {}

    /** {@code value}, which must be neither null nor empty; {@code what} is {@code call: argument}. */
    static String text(String value, String what) {
        if (value == null) {
            throw new NullPointerException(what + " is null");
        }
        if (value.isEmpty()) {
            throw new IllegalArgumentException(what + " is empty");
        }
        return value;
    }

    /** {@code value}, which must not be null (it may be empty). */
    static <T> T notNull(T value, String what) {
        if (value == null) {
            throw new NullPointerException(what + " is null");
        }
        return value;
    }
}
