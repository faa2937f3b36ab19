package io.circuitsynth.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.circuitsynth.CircuitSynthException;
import io.circuitsynth.EngineInfo;
import io.circuitsynth.EngineKind;
import io.circuitsynth.natives.Configuration.EngineMode;
import io.circuitsynth.natives.NativeStatus;
import io.circuitsynth.natives.TestSupport;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EnginesTest {
    private static final NativeStatus LOADED = new NativeStatus(true, "loaded /c/libcircuitsynth.so from /j.jar",
            "linux-x86_64", "/c/libcircuitsynth.so", "0.1.0", 1, null);

    private static NativeStatus broken() {
        CircuitSynthException failure = new CircuitSynthException("could not extract and load libcircuitsynth.so");
        failure.addSuppressed(new IllegalStateException("/a is noexec"));
        failure.addSuppressed(new IllegalStateException("/b is noexec"));
        return new NativeStatus(false, "could not extract and load libcircuitsynth.so", "linux-x86_64", null, null, -1,
                failure);
    }

    private static final Supplier<NativeStatus> UNTOUCHABLE = () -> {
        throw new AssertionError("circuitsynth.engine=java must not touch the native library");
    };

    @Test
    void autoUsesTheLoadedNative() {
        Engines.Selection s = Engines.select(EngineMode.AUTO, false, () -> LOADED, () -> "linux-x86_64");

        assertThat(s.failure()).isNull();
        assertThat(s.info()).isEqualTo(new EngineInfo(EngineKind.NATIVE, "loaded /c/libcircuitsynth.so from /j.jar",
                "linux-x86_64", "/c/libcircuitsynth.so", "0.1.0"));
        assertThat(s.info().toString()).isEqualTo("native engine on linux-x86_64 (/c/libcircuitsynth.so, version"
                + " 0.1.0): loaded /c/libcircuitsynth.so from /j.jar");
    }

    @Test
    void autoFallsBackToJavaWithTheReason() {
        Engines.Selection s = Engines.select(EngineMode.AUTO, false, EnginesTest::broken, () -> "linux-x86_64");

        assertThat(s.info()).isEqualTo(new EngineInfo(EngineKind.JAVA,
                "native engine unusable: could not extract and load libcircuitsynth.so", "linux-x86_64", null, null));
        assertThat(s.info().toString()).isEqualTo("Java engine on linux-x86_64: native engine unusable: could not"
                + " extract and load libcircuitsynth.so");
    }

    @Test
    void nativeModeFailsWithTheWholeStory() {
        Engines.Selection s = Engines.select(EngineMode.NATIVE, false, EnginesTest::broken, () -> "linux-x86_64");

        assertThat(s.info()).isNull();
        assertThat(s.failure()).hasMessage("circuitsynth.engine=native but the native engine is unusable on"
                + " linux-x86_64: could not extract and load libcircuitsynth.so\nTo run anyway, set"
                + " circuitsynth.engine=java (or auto without circuitsynth.requireNative)");
        assertThat(s.failure().getCause().getSuppressed()).extracting(Throwable::getMessage)
                .containsExactly("/a is noexec", "/b is noexec");
        try {
            s.infoOrThrow();
            throw new AssertionError("infoOrThrow returned");
        } catch (CircuitSynthException e) {
            assertThat(e).hasMessage(s.failureMessage());
            assertThat(e.getCause()).isSameAs(s.failureCause()).hasMessage("could not extract and load libcircuitsynth.so");
        }
    }

    @Test
    void requireNativeMakesAutoStrict() {
        Engines.Selection s = Engines.select(EngineMode.AUTO, true, EnginesTest::broken, () -> "linux-x86_64");

        assertThat(s.failure()).hasMessageStartingWith("circuitsynth.requireNative=true but the native engine is"
                + " unusable on linux-x86_64: could not extract and load libcircuitsynth.so");
    }

    @Test
    void nativeModeUsesTheLoadedNative() {
        Engines.Selection s = Engines.select(EngineMode.NATIVE, false, () -> LOADED, () -> "linux-x86_64");

        assertThat(s.info().kind()).isEqualTo(EngineKind.NATIVE);
        assertThat(s.info().reason()).isEqualTo("circuitsynth.engine=native; loaded /c/libcircuitsynth.so from /j.jar");
    }

    @Test
    void javaModeNeverTouchesTheNative() {
        Engines.Selection s = Engines.select(EngineMode.JAVA, true, UNTOUCHABLE, () -> "osx-aarch_64");

        assertThat(s.info()).isEqualTo(new EngineInfo(EngineKind.JAVA, "circuitsynth.engine=java", "osx-aarch_64",
                null, null));
    }

    @Test
    void unknownPlatformInAutoIsTheJavaEngineNotAnException(@TempDir Path home) {
        NativeStatus status = TestSupport.loadWith(home, Map.of("os.name", "Plan 9", "os.arch", "mips64el"));

        Engines.Selection s = Engines.select(EngineMode.AUTO, false, () -> status, () -> "unused");

        assertThat(s.failure()).isNull();
        assertThat(s.info().kind()).isEqualTo(EngineKind.JAVA);
        assertThat(s.info().platform()).isEqualTo("unknown-mipsel_64");
        assertThat(s.info().reason()).startsWith("native engine unusable: unknown platform (os.name=Plan 9,"
                + " os.arch=mips64el normalize to unknown-mipsel_64): no native library is built for it.");
    }
}
