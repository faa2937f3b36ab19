package io.circuitsynth.natives;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.circuitsynth.CircuitSynthException;
import io.circuitsynth.natives.Configuration.EngineMode;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConfigurationTest {

    @Test
    void engineDefaultsToAuto() {
        assertThat(Configuration.ENGINE.get(Settings.of(Map.of(), Map.of()))).isEqualTo(EngineMode.AUTO);
    }

    @Test
    void engineComesFromTheEnvironmentWhenThePropertyIsUnset() {
        Settings settings = Settings.of(Map.of(), Map.of("CIRCUITSYNTH_ENGINE", "Java"));

        assertThat(Configuration.ENGINE.get(settings)).isEqualTo(EngineMode.JAVA);
        assertThat(Configuration.ENGINE.describe(settings))
                .isEqualTo("circuitsynth.engine=JAVA (environment variable CIRCUITSYNTH_ENGINE)");
    }

    @Test
    void propertyWinsOverTheEnvironment() {
        Settings settings = Settings.of(Map.of("circuitsynth.engine", " native "),
                Map.of("CIRCUITSYNTH_ENGINE", "java"));

        assertThat(Configuration.ENGINE.get(settings)).isEqualTo(EngineMode.NATIVE);
        assertThat(Configuration.ENGINE.describe(settings))
                .isEqualTo("circuitsynth.engine=NATIVE (system property circuitsynth.engine)");
    }

    @Test
    void emptyValueCountsAsUnset() {
        Settings settings = Settings.of(Map.of("circuitsynth.engine", ""), Map.of("CIRCUITSYNTH_ENGINE", "java"));

        assertThat(Configuration.ENGINE.get(settings)).isEqualTo(EngineMode.JAVA);
    }

    @Test
    void invalidEngineNamesTheValuesAllowed() {
        Settings settings = Settings.of(Map.of(), Map.of("CIRCUITSYNTH_ENGINE", "turbo"));

        assertThatThrownBy(() -> Configuration.ENGINE.get(settings))
                .isInstanceOf(CircuitSynthException.class)
                .hasMessage("invalid value for environment variable CIRCUITSYNTH_ENGINE: 'turbo': expected auto,"
                        + " native or java");
    }

    @Test
    void typedValues() {
        Settings settings = Settings.of(Map.of(
                "circuitsynth.native.path", "/opt/cs/libcircuitsynth.so",
                "circuitsynth.native.extractDir", "/var/cache/cs",
                "circuitsynth.platform", "linux-aarch_64",
                "circuitsynth.requireNative", "TRUE"), Map.of());

        assertThat(Configuration.NATIVE_PATH.get(settings)).isEqualTo(Path.of("/opt/cs/libcircuitsynth.so"));
        assertThat(Configuration.EXTRACT_DIR.get(settings)).isEqualTo(Path.of("/var/cache/cs"));
        assertThat(Configuration.PLATFORM.get(settings)).isEqualTo("linux-aarch_64");
        assertThat(Configuration.REQUIRE_NATIVE.get(settings)).isTrue();
        assertThat(Configuration.REQUIRE_NATIVE.get(Settings.of(Map.of(), Map.of()))).isFalse();
    }

    @Test
    void invalidBoolean() {
        Settings settings = Settings.of(Map.of("circuitsynth.requireNative", "yes"), Map.of());

        assertThatThrownBy(() -> Configuration.REQUIRE_NATIVE.get(settings))
                .hasMessage("invalid value for system property circuitsynth.requireNative: 'yes': expected true or"
                        + " false");
        assertThat(Configuration.REQUIRE_NATIVE.describe(settings))
                .isEqualTo("circuitsynth.requireNative=<invalid: yes> (system property circuitsynth.requireNative)");
    }
}
