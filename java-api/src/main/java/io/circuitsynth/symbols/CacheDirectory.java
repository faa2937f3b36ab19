package io.circuitsynth.symbols;

import java.nio.file.Path;
import java.util.Locale;
import java.util.function.Function;

/**
 * Where CircuitSynth keeps its persistent caches ({@code CACHE} in the specification):
 * the system property {@code circuitsynth.cache.dir} when set, else the platform's per-user cache
 * directory: {@code $XDG_CACHE_HOME/circuitsynth} (or {@code ~/.cache/circuitsynth}) on Linux and
 * other Unix, {@code ~/Library/Caches/circuitsynth} on macOS, {@code %LOCALAPPDATA%\circuitsynth\cache}
 * on Windows. Read on every call, so a test or application may set the property at any time.
 */
public final class CacheDirectory {
    /** The system property that overrides the default location. */
    public static final String PROPERTY = "circuitsynth.cache.dir";

    private CacheDirectory() {}

    /** The cache root for this JVM, or null when none can be named (no home directory). */
    public static Path defaultDir() {
        return resolve(System::getProperty, System::getenv);
    }

    static Path resolve(Function<String, String> properties, Function<String, String> env) {
        String explicit = properties.apply(PROPERTY);
        if (explicit != null && !explicit.isBlank()) {
            return Path.of(explicit.trim()).toAbsolutePath();
        }
        String os = properties.apply("os.name") == null ? "" : properties.apply("os.name").toLowerCase(Locale.ROOT);
        String home = properties.apply("user.home");
        Path homeDir = home == null || home.isBlank() ? null : Path.of(home);
        if (os.startsWith("windows")) {
            String local = env.apply("LOCALAPPDATA");
            if (local != null && !local.isBlank()) {
                return Path.of(local, "circuitsynth", "cache");
            }
            return homeDir == null ? null : homeDir.resolve("AppData").resolve("Local").resolve("circuitsynth")
                    .resolve("cache");
        }
        if (os.startsWith("mac") || os.startsWith("darwin")) {
            return homeDir == null ? null : homeDir.resolve("Library").resolve("Caches").resolve("circuitsynth");
        }
        String xdg = env.apply("XDG_CACHE_HOME");
        // The XDG spec says relative values are invalid and must be ignored.
        if (xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute()) {
            return Path.of(xdg, "circuitsynth");
        }
        return homeDir == null ? null : homeDir.resolve(".cache").resolve("circuitsynth");
    }
}
