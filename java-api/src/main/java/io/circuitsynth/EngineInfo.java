package io.circuitsynth;

import java.util.Objects;

/**
 * Which engine CircuitSynth runs and why, as answered by {@link CircuitSynth#engineInfo()}.
 *
 * @param kind the engine in use
 * @param reason why this engine was chosen: the configuration, or what kept the native one out
 * @param platform the platform key, e.g. {@code linux-x86_64} (os-maven-plugin vocabulary)
 * @param nativePath the loaded native library file, or null when none is in use
 * @param nativeVersion the native library's version, or null when none is in use
 */
public record EngineInfo(EngineKind kind, String reason, String platform, String nativePath, String nativeVersion) {
    public EngineInfo {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(platform, "platform");
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder(kind == EngineKind.NATIVE ? "native" : "Java")
                .append(" engine on ").append(platform);
        if (nativePath != null) {
            s.append(" (").append(nativePath);
            if (nativeVersion != null) {
                s.append(", version ").append(nativeVersion);
            }
            s.append(')');
        }
        return s.append(": ").append(reason).toString();
    }
}
