package io.circuitsynth.natives;

import java.util.Map;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * Where the loader reads system properties and environment variables from. The real one reads
 * {@link System}; tests inject maps so they can simulate another OS, another user's home or a
 * missing cache directory without touching the JVM's global state.
 */
final class Settings {
    private final UnaryOperator<String> properties;
    private final UnaryOperator<String> environment;

    private Settings(UnaryOperator<String> properties, UnaryOperator<String> environment) {
        this.properties = properties;
        this.environment = environment;
    }

    static Settings system() {
        return new Settings(System::getProperty, System::getenv);
    }

    static Settings of(Map<String, String> properties, Map<String, String> environment) {
        Map<String, String> p = Map.copyOf(properties);
        Map<String, String> e = Map.copyOf(environment);
        return new Settings(p::get, e::get);
    }

    /** The property's value, or null when unset. */
    String property(String name) {
        return properties.apply(Objects.requireNonNull(name));
    }

    /** The environment variable's value, or null when unset. */
    String env(String name) {
        return environment.apply(Objects.requireNonNull(name));
    }
}
