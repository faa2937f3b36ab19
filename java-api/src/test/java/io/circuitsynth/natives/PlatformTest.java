package io.circuitsynth.natives;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PlatformTest {

    @ParameterizedTest(name = "{0} / {1} -> {2}")
    @CsvSource({
        "Linux,               amd64,       linux-x86_64,       libcircuitsynth.so",
        "Linux,               x86_64,      linux-x86_64,       libcircuitsynth.so",
        "Linux,               aarch64,     linux-aarch_64,     libcircuitsynth.so",
        "Linux,               arm64,       linux-aarch_64,     libcircuitsynth.so",
        "Mac OS X,            x86_64,      osx-x86_64,         libcircuitsynth.dylib",
        "Mac OS X,            aarch64,     osx-aarch_64,       libcircuitsynth.dylib",
        "Darwin,              arm64,       osx-aarch_64,       libcircuitsynth.dylib",
        "Windows 11,          amd64,       windows-x86_64,     circuitsynth.dll",
        "Windows Server 2022, x64,         windows-x86_64,     circuitsynth.dll",
        "Windows 11,          aarch64,     windows-aarch_64,   circuitsynth.dll",
        "Windows 10,          x86,         windows-x86_32,     circuitsynth.dll",
        "Linux,               x86-64,      linux-x86_64,       libcircuitsynth.so",
        "Linux,               em64t,       linux-x86_64,       libcircuitsynth.so",
        "Linux,               ia32e,       linux-x86_64,       libcircuitsynth.so",
        "Linux,               i386,        linux-x86_32,       libcircuitsynth.so",
        "Linux,               i686,        linux-x86_32,       libcircuitsynth.so",
        "Linux,               arm,         linux-arm_32,       libcircuitsynth.so",
        "Linux,               ppc64le,     linux-ppcle_64,     libcircuitsynth.so",
        "Linux,               ppc64,       linux-ppc_64,       libcircuitsynth.so",
        "Linux,               s390x,       linux-s390_64,      libcircuitsynth.so",
        "Linux,               riscv64,     linux-riscv64,      libcircuitsynth.so",
        "Linux,               loongarch64, linux-loongarch_64, libcircuitsynth.so",
        "FreeBSD,             amd64,       freebsd-x86_64,     libcircuitsynth.so",
        "OpenBSD,             amd64,       openbsd-x86_64,     libcircuitsynth.so",
        "NetBSD,              aarch64,     netbsd-aarch_64,    libcircuitsynth.so",
        "SunOS,               sparcv9,     sunos-sparc_64,     libcircuitsynth.so",
        "Solaris,             amd64,       sunos-x86_64,       libcircuitsynth.so",
        "AIX,                 ppc64,       aix-ppc_64,         libcircuitsynth.so",
        "HP-UX,               ia64,        hpux-itanium_64,    libcircuitsynth.so",
        "OS/400,              ppc64,       os400-ppc_64,       libcircuitsynth.so",
        "z/OS,                s390x,       zos-s390_64,        libcircuitsynth.so",
    })
    void normalizesLikeOsMavenPlugin(String osName, String osArch, String key, String library) {
        Platform platform = Platform.of(osName, osArch);

        assertThat(platform.key()).isEqualTo(key);
        assertThat(platform.libraryName()).isEqualTo(library);
        assertThat(platform.isKnown()).isTrue();
    }

    @ParameterizedTest(name = "{0} / {1} -> {2}")
    @CsvSource({
        "Plan 9,  amd64,  unknown-x86_64",
        "Linux,   vax,    linux-unknown",
        "OS/4000, ppc64,  unknown-ppc_64",
        "'',      '',     unknown-unknown",
    })
    void unknownStaysUnknown(String osName, String osArch, String key) {
        Platform platform = Platform.of(osName, osArch);

        assertThat(platform.key()).isEqualTo(key);
        assertThat(platform.isKnown()).isFalse();
    }

    @Test
    void propertyOverridesTheDetectedPlatform() {
        Settings settings = Settings.of(
                Map.of("os.name", "Plan 9", "os.arch", "vax", "circuitsynth.platform", "linux-aarch_64"), Map.of());

        Platform platform = Platform.detect(settings);

        assertThat(platform.key()).isEqualTo("linux-aarch_64");
        assertThat(platform.libraryName()).isEqualTo("libcircuitsynth.so");
        assertThat(platform.origin()).isEqualTo("circuitsynth.platform=linux-aarch_64");
    }

    @Test
    void malformedOverrideIsAnUnknownPlatform() {
        Settings settings = Settings.of(
                Map.of("os.name", "Linux", "os.arch", "amd64", "circuitsynth.platform", "linux"), Map.of());

        assertThat(Platform.detect(settings).isKnown()).isFalse();
    }

    @Test
    void unknownOperatingSystemGetsTheJavaEngineWithAReason(@TempDir Path home) {
        NativeStatus status = TestSupport.loadWith(home, Map.of("os.name", "Plan 9", "os.arch", "amd64"));

        assertThat(status.loaded()).isFalse();
        assertThat(status.platform()).isEqualTo("unknown-x86_64");
        assertThat(status.path()).isNull();
        assertThat(status.reason()).isEqualTo("unknown platform (os.name=Plan 9, os.arch=amd64 normalize to"
                + " unknown-x86_64): no native library is built for it. If it is another name for a supported"
                + " platform, set circuitsynth.platform (e.g. linux-x86_64)");
        assertThat(status.failure()).hasMessage(status.reason());
    }

    @Test
    void unknownArchitectureGetsTheJavaEngineWithAReason(@TempDir Path home) {
        NativeStatus status = TestSupport.loadWith(home, Map.of("os.name", "Linux", "os.arch", "vax"));

        assertThat(status.loaded()).isFalse();
        assertThat(status.platform()).isEqualTo("linux-unknown");
        assertThat(status.reason()).startsWith("unknown platform (os.name=Linux, os.arch=vax normalize to"
                + " linux-unknown): no native library is built for it.");
    }
}
