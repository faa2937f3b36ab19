package io.circuitsynth.natives;

/** One reason the native library could not be used; the message is shown to the user as is. */
final class LoadFailure extends Exception {
    private static final long serialVersionUID = 1L;

    private boolean quiet;

    LoadFailure(String message) {
        super(message);
    }

    LoadFailure(String message, Throwable cause) {
        super(message, cause);
    }

    /**
     * Marks an expected absence (no natives jar at all, an unsupported platform): logged at DEBUG
     * instead of WARN, since a Java-only deployment is legitimate.
     */
    LoadFailure quiet() {
        quiet = true;
        return this;
    }

    boolean isQuiet() {
        return quiet;
    }
}
