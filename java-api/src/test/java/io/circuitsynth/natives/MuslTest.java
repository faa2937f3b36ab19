package io.circuitsynth.natives;

import static io.circuitsynth.natives.TestSupport.PLATFORM;
import static io.circuitsynth.natives.TestSupport.VERSION;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The musl decision: the Linux natives are glibc libraries, so on a musl Linux (Alpine) the loader
 * does not try them and says why; an explicit library path is still honoured.
 */
class MuslTest {
    private static final String ALPINE_LOADER = "/lib/ld-musl-x86_64.so.1";

    /** The head of /proc/self/maps of a JVM on Alpine 3.20 (Temurin 17), cut to its shape. */
    private static final String ALPINE_MAPS = String.join("\n",
            "55d0c4e2a000-55d0c4e2b000 r--p 00000000 00:2f 2890934                    /opt/java/openjdk/bin/java",
            "7f3a1c000000-7f3a1c021000 rw-p 00000000 00:00 0 ",
            "7f3a2f5e4000-7f3a2f5f8000 r--p 00000000 00:2f 2891250                    "
                    + "/opt/java/openjdk/lib/server/libjvm.so",
            "7f3a30a4b000-7f3a30a60000 r--p 00000000 00:2f 1577                       " + ALPINE_LOADER,
            "7f3a30a60000-7f3a30aac000 r-xp 00015000 00:2f 1577                       " + ALPINE_LOADER,
            "7ffd8a3e2000-7ffd8a403000 rw-p 00000000 00:00 0                          [stack]",
            "");

    /** The same on Debian 12: glibc's loader and libc, and Debian's musl package untouched on disk. */
    private static final String DEBIAN_MAPS = String.join("\n",
            "5601c9a8e000-5601c9a8f000 r--p 00000000 08:01 3946782                    "
                    + "/usr/lib/jvm/java-17-openjdk-amd64/bin/java",
            "7f60a8c28000-7f60a8c4e000 r--p 00000000 08:01 3932262                    "
                    + "/usr/lib/x86_64-linux-gnu/libc.so.6",
            "7f60a8e1b000-7f60a8e1c000 r--p 00000000 08:01 3932244                    "
                    + "/usr/lib/x86_64-linux-gnu/ld-linux-x86-64.so.2",
            "7ffc1f5f2000-7ffc1f613000 rw-p 00000000 00:00 0                          [stack]",
            "");

    Path home;

    @BeforeEach
    void home() throws IOException {
        home = Files.createTempDirectory(Files.createDirectories(Path.of("target", "loader-tests")).toAbsolutePath(),
                "musl");
    }

    private NativeLoader loader(Map<String, String> props, List<ClassLoader> loaders, String muslLoader) {
        return new NativeLoader(TestSupport.settings(home, props), NativeBridge.ABI_VERSION, Files::isExecutable,
                loaders, VERSION, () -> muslLoader);
    }

    @Test
    void muslLoaderIsFoundInTheMapsOfAnAlpineProcess() {
        assertThat(Libc.muslLoader(ALPINE_MAPS)).isEqualTo(ALPINE_LOADER);
        assertThat(Libc.muslLoader("7f0000000000-7f0000001000 r-xp 00000000 00:2f 9 /lib/libc.musl-aarch64.so.1\n"))
                .isEqualTo("/lib/libc.musl-aarch64.so.1");
    }

    @Test
    void glibcProcessHasNoMuslLoader() {
        assertThat(Libc.muslLoader(DEBIAN_MAPS)).isNull();
        assertThat(Libc.muslLoader("")).isNull();
    }

    @Test
    void thisProcessIsReadAsTheLinuxItRunsOn() throws IOException {
        Path maps = Path.of("/proc/self/maps");
        if (!PLATFORM.os().equals("linux") || !Files.isReadable(maps)) {
            assertThat(Libc.muslLoaderOfThisProcess()).isNull();
            return;
        }
        boolean musl = Files.readString(maps).contains("/ld-musl-");
        assertThat(Libc.muslLoaderOfThisProcess() != null).as("musl loader found in /proc/self/maps").isEqualTo(musl);
    }

    @Test
    void onMuslTheNativesJarIsNotTriedAndTheReasonSaysWhy() throws IOException {
        TestSupport.nativeLibraryBytes();
        Path extract = home.resolve("extract");
        try (URLClassLoader classPath = new URLClassLoader(new URL[] {TestSupport.nativesJar().toUri().toURL()}, null)) {
            NativeStatus status = loader(Map.of("os.name", "Linux", "os.arch", "amd64",
                    "circuitsynth.native.extractDir", extract.toString()), List.of(classPath), ALPINE_LOADER).load();

            assertThat(status.loaded()).isFalse();
            assertThat(status.platform()).isEqualTo("linux-x86_64");
            assertThat(status.reason()).isEqualTo("this JVM runs on musl libc (/lib/ld-musl-x86_64.so.1 is mapped:"
                    + " Alpine Linux?) and the circuitsynth-natives libraries for Linux are built for glibc, so none"
                    + " is loaded; the Java engine gives the same results. To use a library built for musl, set"
                    + " circuitsynth.native.path to it");
            assertThat(status.failure()).hasMessage(status.reason());
        }
        assertThat(extract).doesNotExist();
        assertThat(home.resolve("cache")).doesNotExist();
    }

    @Test
    void onMuslWithoutNativesJarTheReasonIsTheSame() throws IOException {
        try (URLClassLoader empty = new URLClassLoader(new URL[0], null)) {
            NativeStatus status = loader(Map.of("os.name", "Linux", "os.arch", "aarch64"), List.of(empty),
                    "/lib/ld-musl-aarch64.so.1").load();

            assertThat(status.loaded()).isFalse();
            assertThat(status.platform()).isEqualTo("linux-aarch_64");
            assertThat(status.reason()).startsWith("this JVM runs on musl libc (/lib/ld-musl-aarch64.so.1 is mapped:");
        }
    }

    @Test
    void muslIsNoConcernOutsideLinux() throws IOException {
        try (URLClassLoader empty = new URLClassLoader(new URL[0], null)) {
            NativeStatus status = loader(Map.of("os.name", "Mac OS X", "os.arch", "aarch64"), List.of(empty),
                    ALPINE_LOADER).load();

            assertThat(status.reason()).startsWith("no natives/osx-aarch_64/libcircuitsynth.dylib on the class path");
        }
    }

    @Test
    void explicitLibraryPathIsLoadedEvenOnMusl() throws IOException {
        Path file = Files.createDirectories(home.resolve("opt")).resolve(PLATFORM.libraryName());
        Files.write(file, TestSupport.nativeLibraryBytes());

        NativeStatus status = loader(Map.of("circuitsynth.native.path", file.toString()),
                List.of(getClass().getClassLoader()), ALPINE_LOADER).load();

        assertThat(status.loaded()).as(status.reason()).isTrue();
        assertThat(status.reason()).isEqualTo("loaded " + file + " from circuitsynth.native.path");
    }
}
