package io.circuitsynth.natives;

import io.circuitsynth.io.IoStage;
import java.util.Optional;

/**
 * Placeholder until the loader lands: the loader's {@code Natives} replaces this class. Loads the
 * library named by the system property {@code circuitsynth.native.path}, if set, without
 * extraction, hash check or ABI handshake.
 */
public final class Natives {
    private Natives() {}

    /** The native io stage, if the library at {@code circuitsynth.native.path} loaded. */
    public static Optional<IoStage> ioStage() {
        String path = System.getProperty("circuitsynth.native.path");
        if (path == null || path.isEmpty()) {
            return Optional.empty();
        }
        System.load(path);
        return Optional.of(new NativeIoStage());
    }
}
