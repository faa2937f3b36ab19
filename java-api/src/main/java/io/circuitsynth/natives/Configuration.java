package io.circuitsynth.natives;

import io.circuitsynth.CircuitSynthException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import org.slf4j.Logger;

/**
 * Every system property CircuitSynth reads to choose its engine and load its native library.
 * Each constant names the property, its type, and when it is read. Values are trimmed; an empty
 * value counts as unset. Properties are read once, when the engine is first needed, so set them
 * before the first CircuitSynth call (on the command line, {@code -Dname=value}).
 *
 * <p>Internal-use class: the property names are the supported interface, not this class.
 */
public final class Configuration {

    /** The values of {@link #ENGINE}. */
    public enum EngineMode {
        /** The native engine when it loads and its handshake passes, else the Java engine. */
        AUTO,
        /** The native engine or an exception explaining why it is unusable. */
        NATIVE,
        /** The Java engine; the native library is never looked at. */
        JAVA
    }

    /**
     * {@code circuitsynth.engine}, {@link EngineMode} ({@code auto}, {@code native} or
     * {@code java}, case-insensitive), default {@code auto}. Also read from the environment
     * variable {@code CIRCUITSYNTH_ENGINE}; the system property wins when both are set. Read once,
     * when the engine is first selected.
     */
    public static final Option<EngineMode> ENGINE =
            new Option<>("circuitsynth.engine", "CIRCUITSYNTH_ENGINE", EngineMode.AUTO, Configuration::engineMode);

    /**
     * {@code circuitsynth.native.path}, a file path: load this native library file as it is,
     * without looking for a natives jar or extracting anything. Read once, when the native library
     * is first loaded.
     */
    public static final Option<Path> NATIVE_PATH =
            new Option<>("circuitsynth.native.path", null, null, Configuration::path);

    /**
     * {@code circuitsynth.native.extractDir}, a directory path: extract the native library here
     * (under {@code <version>-<sha256 prefix>/<platform>/}) before trying the per-user cache
     * directory and the temporary directory. Use it when those refuse execution (noexec mounts).
     * Read once, when the native library is first loaded.
     */
    public static final Option<Path> EXTRACT_DIR =
            new Option<>("circuitsynth.native.extractDir", null, null, Configuration::path);

    /**
     * {@code circuitsynth.platform}, a platform key in the os-maven-plugin vocabulary such as
     * {@code linux-x86_64} or {@code osx-aarch_64}: use it instead of the one derived from
     * {@code os.name} and {@code os.arch}. Read once, when the native library is first loaded.
     */
    public static final Option<String> PLATFORM =
            new Option<>("circuitsynth.platform", null, null, Function.identity());

    /**
     * {@code circuitsynth.requireNative}, a boolean, default false: when true, {@code auto} behaves
     * like {@code native}, so an unusable native library is an error instead of a fallback. Read
     * once, when the engine is first selected.
     */
    public static final Option<Boolean> REQUIRE_NATIVE =
            new Option<>("circuitsynth.requireNative", null, Boolean.FALSE, Configuration::bool);

    static final List<Option<?>> ALL = List.of(ENGINE, NATIVE_PATH, EXTRACT_DIR, PLATFORM, REQUIRE_NATIVE);

    private Configuration() {}

    /**
     * One configuration property.
     *
     * @param <T> the type of its value
     */
    public static final class Option<T> {
        private final String property;
        private final String environmentVariable;
        private final T defaultValue;
        private final Function<String, T> parser;

        private Option(String property, String environmentVariable, T defaultValue, Function<String, T> parser) {
            this.property = property;
            this.environmentVariable = environmentVariable;
            this.defaultValue = defaultValue;
            this.parser = parser;
        }

        /** The system property's name. */
        public String property() {
            return property;
        }

        /** The current value, from the system property, the environment, or the default. */
        public T get() {
            return get(Settings.system());
        }

        T get(Settings settings) {
            String raw = raw(settings);
            if (raw == null) {
                return defaultValue;
            }
            try {
                return parser.apply(raw);
            } catch (IllegalArgumentException e) {
                throw new CircuitSynthException(
                        "invalid value for " + origin(settings) + ": '" + raw + "': " + e.getMessage(), e);
            }
        }

        private String raw(Settings settings) {
            String value = trimmed(settings.property(property));
            if (value == null && environmentVariable != null) {
                value = trimmed(settings.env(environmentVariable));
            }
            return value;
        }

        private String origin(Settings settings) {
            if (trimmed(settings.property(property)) != null) {
                return "system property " + property;
            }
            if (environmentVariable != null && trimmed(settings.env(environmentVariable)) != null) {
                return "environment variable " + environmentVariable;
            }
            return "default";
        }

        String describe(Settings settings) {
            Object value;
            try {
                value = get(settings);
            } catch (CircuitSynthException e) {
                value = "<invalid: " + raw(settings) + ">";
            }
            return property + "=" + value + " (" + origin(settings) + ")";
        }

        @Override
        public String toString() {
            return property;
        }
    }

    /** Logs every property with its resolved value and where it came from, at DEBUG. */
    static void logResolved(Logger log, Settings settings) {
        if (log.isDebugEnabled()) {
            for (Option<?> option : ALL) {
                log.debug("{}", option.describe(settings));
            }
        }
    }

    private static String trimmed(String value) {
        if (value == null) {
            return null;
        }
        String t = value.trim();
        return t.isEmpty() ? null : t;
    }

    private static EngineMode engineMode(String raw) {
        switch (raw.toLowerCase(Locale.ROOT)) {
            case "auto":
                return EngineMode.AUTO;
            case "native":
                return EngineMode.NATIVE;
            case "java":
                return EngineMode.JAVA;
            default:
                throw new IllegalArgumentException("expected auto, native or java");
        }
    }

    private static Path path(String raw) {
        try {
            return Path.of(raw);
        } catch (InvalidPathException e) {
            throw new IllegalArgumentException("not a valid path: " + e.getReason(), e);
        }
    }

    private static Boolean bool(String raw) {
        switch (raw.toLowerCase(Locale.ROOT)) {
            case "true":
                return Boolean.TRUE;
            case "false":
                return Boolean.FALSE;
            default:
                throw new IllegalArgumentException("expected true or false");
        }
    }
}
