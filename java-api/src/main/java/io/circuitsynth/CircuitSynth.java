package io.circuitsynth;

import io.circuitsynth.internal.Engines;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * Facts about the CircuitSynth library in this JVM.
 *
 * <pre>{@code
 * EngineInfo info = CircuitSynth.engineInfo();
 * System.out.println(info);   // native engine on linux-x86_64 (/home/me/.cache/...): loaded ...
 * }</pre>
 */
public final class CircuitSynth {
    private CircuitSynth() {}

    private static final class VersionHolder {
        static final String VERSION = readVersion();
    }

    /**
     * The engine in use and why. Selects it on the first call (see the system property
     * {@code circuitsynth.engine}).
     *
     * @throws CircuitSynthException when {@code circuitsynth.engine=native} (or
     *     {@code circuitsynth.requireNative=true}) and the native engine is unusable; the message
     *     says why and what to do
     */
    public static EngineInfo engineInfo() {
        return Engines.info();
    }

    /** This library's version, e.g. {@code 0.1.0}. */
    public static String version() {
        return VersionHolder.VERSION;
    }

    private static String readVersion() {
        try (InputStream in = CircuitSynth.class.getResourceAsStream("circuitsynth.properties")) {
            if (in == null) {
                throw new IllegalStateException("io/circuitsynth/circuitsynth.properties is missing from the"
                        + " circuitsynth jar; the jar is damaged or was repackaged without its resources");
            }
            Properties properties = new Properties();
            properties.load(in);
            String version = properties.getProperty("version");
            if (version == null || version.isBlank() || version.startsWith("${")) {
                throw new IllegalStateException("io/circuitsynth/circuitsynth.properties holds no resolved"
                        + " version ('" + version + "'); build the jar with Maven's resource filtering");
            }
            return version.trim();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read io/circuitsynth/circuitsynth.properties", e);
        }
    }
}
