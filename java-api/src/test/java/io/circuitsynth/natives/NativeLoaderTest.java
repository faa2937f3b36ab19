package io.circuitsynth.natives;

import static io.circuitsynth.natives.TestSupport.PLATFORM;
import static io.circuitsynth.natives.TestSupport.VERSION;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The loader run in this JVM with injected settings. It loads the real library from the real
 * classifier jar, whatever {@code circuitsynth.engine} the suite runs under: these tests exercise
 * the loader itself, not the engine selection.
 */
class NativeLoaderTest {
    /** A build without cargo has no native library to test: skip loudly, or fail when it is required. */
    @org.junit.jupiter.api.BeforeAll
    static void nativeLibraryBuilt() {
        TestSupport.nativeLibraryBytes();
    }

    private static final String LIB = PLATFORM.libraryName();

    /**
     * Not a {@code @TempDir}: Windows keeps a loaded DLL locked until the JVM exits, so JUnit could
     * not delete it; {@code target/} goes with the next clean.
     */
    Path home;

    @BeforeEach
    void home() throws IOException {
        home = Files.createTempDirectory(Files.createDirectories(Path.of("target", "loader-tests")).toAbsolutePath(),
                "home");
    }

    private NativeLoader loader(Map<String, String> props, int abi, Predicate<Path> executable,
            List<ClassLoader> loaders, String version) {
        return new NativeLoader(TestSupport.settings(home, props), abi, executable, loaders, version);
    }

    private NativeLoader loader(Map<String, String> props) {
        return loader(props, NativeBridge.ABI_VERSION, Files::isExecutable,
                List.of(getClass().getClassLoader()), VERSION);
    }

    @Test
    void extractsIntoTheOverrideDirectoryAndLoads() throws IOException {
        Path extract = home.resolve("extract");
        String sha = TestSupport.nativeSha256();

        NativeStatus status = loader(Map.of("circuitsynth.native.extractDir", extract.toString())).load();

        Path expected = extract.resolve(VERSION + "-" + sha.substring(0, 12)).resolve(PLATFORM.key()).resolve(LIB);
        assertThat(status.loaded()).as(status.reason()).isTrue();
        assertThat(status.path()).isEqualTo(expected.toString());
        assertThat(status.version()).isEqualTo(NativeLoader.stripSnapshot(VERSION));
        assertThat(status.abi()).isEqualTo(NativeBridge.ABI_VERSION);
        assertThat(status.platform()).isEqualTo(PLATFORM.key());
        assertThat(status.failure()).isNull();
        assertThat(status.reason()).isEqualTo("loaded " + expected + " from " + TestSupport.nativesJar());
        assertThat(Extractor.sha256(expected)).isEqualTo(sha);
        assertThat(TestSupport.regularFiles(extract)).containsExactly(expected);
        if (Extractor.isPosix(expected)) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(expected))).isEqualTo("r-x------");
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(expected.getParent())))
                    .isEqualTo("rwx------");
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(expected.getParent().getParent())))
                    .isEqualTo("rwx------");
        }
    }

    @Test
    void secondLoadReusesTheVerifiedCopyWithoutRewritingIt() throws IOException {
        Map<String, String> props = Map.of("circuitsynth.native.extractDir", home.resolve("extract").toString());
        NativeStatus first = loader(props).load();
        Path file = Path.of(first.path());
        java.nio.file.attribute.FileTime past = java.nio.file.attribute.FileTime.fromMillis(946_684_800_000L);
        Files.setLastModifiedTime(file, past);

        NativeStatus second = loader(props).load();

        assertThat(second.loaded()).as(second.reason()).isTrue();
        assertThat(second.path()).isEqualTo(first.path());
        assertThat(Files.getLastModifiedTime(file)).isEqualTo(past);
        assertThat(TestSupport.regularFiles(home.resolve("extract"))).containsExactly(file);
    }

    @Test
    void withoutOverrideExtractsIntoThePerUserCache() {
        NativeStatus status = loader(Map.of()).load();

        Path cache = home.resolve("cache");
        Path expected = PLATFORM.os().equals("osx")
                ? home.resolve("Library/Caches/circuitsynth/natives")
                : cache.resolve("circuitsynth/natives");
        assertThat(status.loaded()).as(status.reason()).isTrue();
        assertThat(status.path()).isEqualTo(TestSupport.versionedDir(expected).resolve(LIB).toString());
    }

    @Test
    void abiMismatchMeansJavaEngineWithTheReason() {
        int wrongAbi = NativeBridge.ABI_VERSION + 1;
        Path extract = home.resolve("extract");

        NativeStatus status = loader(Map.of("circuitsynth.native.extractDir", extract.toString()), wrongAbi,
                Files::isExecutable, List.of(getClass().getClassLoader()), VERSION).load();

        Path file = TestSupport.versionedDir(extract).resolve(LIB);
        assertThat(status.loaded()).isFalse();
        assertThat(status.abi()).isEqualTo(NativeBridge.ABI_VERSION);
        assertThat(status.path()).isEqualTo(file.toString());
        assertThat(status.reason()).isEqualTo("ABI mismatch: " + file + " (from " + TestSupport.nativesJar()
                + ") has native ABI " + NativeBridge.ABI_VERSION + " but this circuitsynth jar needs ABI "
                + wrongAbi + "; use io.circuitsynth:circuitsynth-natives of the same version as"
                + " io.circuitsynth:circuitsynth (" + VERSION + ")");
        assertThat(status.failure()).hasMessage(status.reason());
    }

    @Test
    void crateVersionMismatchMeansJavaEngine() {
        NativeStatus status = loader(Map.of(), NativeBridge.ABI_VERSION, Files::isExecutable,
                List.of(getClass().getClassLoader()), "9.9.9-SNAPSHOT").load();

        assertThat(status.loaded()).isFalse();
        assertThat(status.reason()).startsWith("version mismatch: ")
                .contains(" is circuitsynth native " + NativeLoader.stripSnapshot(VERSION)
                        + " but this circuitsynth jar is 9.9.9-SNAPSHOT; ");
    }

    @Test
    void snapshotSuffixIsIgnoredInTheVersionComparison() {
        assertThat(NativeLoader.stripSnapshot("0.1.0-SNAPSHOT")).isEqualTo("0.1.0");
        assertThat(NativeLoader.stripSnapshot("0.1.0")).isEqualTo("0.1.0");
    }

    @Test
    void explicitPathIsLoadedWithoutExtraction() throws IOException {
        Path file = Files.createDirectories(home.resolve("opt")).resolve(LIB);
        Files.write(file, TestSupport.nativeLibraryBytes());

        NativeStatus status = loader(Map.of("circuitsynth.native.path", file.toString())).load();

        assertThat(status.loaded()).as(status.reason()).isTrue();
        assertThat(status.path()).isEqualTo(file.toString());
        assertThat(status.reason()).isEqualTo("loaded " + file + " from circuitsynth.native.path");
        assertThat(home.resolve("cache")).doesNotExist();
    }

    @Test
    void explicitPathThatIsNoFile() {
        Path missing = home.resolve("nowhere").resolve(LIB);

        NativeStatus status = loader(Map.of("circuitsynth.native.path", missing.toString())).load();

        assertThat(status.loaded()).isFalse();
        assertThat(status.reason()).isEqualTo("circuitsynth.native.path=" + missing
                + " is not a file; point it at the circuitsynth native library or unset it");
    }

    @Test
    void noNativesJarOnTheClassPath() throws IOException {
        try (URLClassLoader empty = new URLClassLoader(new URL[0], null)) {
            NativeStatus status = loader(Map.of(), NativeBridge.ABI_VERSION, Files::isExecutable, List.of(empty),
                    VERSION).load();

            assertThat(status.loaded()).isFalse();
            assertThat(status.reason()).isEqualTo("no natives/" + PLATFORM.key() + "/" + LIB + " on the class path;"
                    + " add io.circuitsynth:circuitsynth-natives with classifier " + PLATFORM.key()
                    + " (in Maven: <classifier>${os.detected.classifier}</classifier>)");
        }
    }

    @Test
    void wrongPlatformJarIsNamed() throws IOException {
        String other = PLATFORM.key().equals("osx-aarch_64") ? "linux-x86_64" : "osx-aarch_64";
        Path jar = TestSupport.jar(home.resolve("circuitsynth-natives-" + VERSION + "-" + other + ".jar"), other,
                Map.of("natives/" + other + "/libcircuitsynth.dylib", new byte[] {1, 2, 3}));

        try (URLClassLoader classPath = new URLClassLoader(new URL[] {jar.toUri().toURL()}, null)) {
            NativeStatus status = loader(Map.of(), NativeBridge.ABI_VERSION, Files::isExecutable,
                    List.of(classPath), VERSION).load();

            assertThat(status.loaded()).isFalse();
            assertThat(status.reason()).isEqualTo("no natives/" + PLATFORM.key() + "/" + LIB + " on the class path;"
                    + " the class path holds natives for another platform: " + jar + " (for " + other + ");"
                    + " add io.circuitsynth:circuitsynth-natives with classifier " + PLATFORM.key()
                    + " (in Maven: <classifier>${os.detected.classifier}</classifier>)");
        }
    }

    @Test
    void corruptJarIsNamedAndNothingIsExtracted() throws IOException {
        String entry = "natives/" + PLATFORM.key() + "/" + LIB;
        String wrong = "0".repeat(64);
        Path jar = TestSupport.jar(home.resolve("corrupt.jar"), PLATFORM.key(), Map.of(
                entry, TestSupport.nativeLibraryBytes(),
                entry + ".sha256", (wrong + "  " + LIB + "\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII)));

        try (URLClassLoader classPath = new URLClassLoader(new URL[] {jar.toUri().toURL()}, null)) {
            NativeStatus status = loader(Map.of(), NativeBridge.ABI_VERSION, Files::isExecutable,
                    List.of(classPath), VERSION).load();

            assertThat(status.loaded()).isFalse();
            assertThat(status.reason()).isEqualTo("the natives jar " + jar + " is corrupt: " + entry + " has SHA-256 "
                    + TestSupport.nativeSha256() + " but " + entry + ".sha256 says " + wrong + "; replace that jar"
                    + " (delete it, e.g. from ~/.m2/repository, and download or build it again)");
            assertThat(home.resolve("cache")).doesNotExist();
        }
    }

    @Test
    void everyFailedDirectoryIsPartOfTheStory() {
        Path extract = home.resolve("extract");
        Path cache = home.resolve("cache").resolve("circuitsynth").resolve("natives");
        Path tmp = home.resolve("tmp").resolve("circuitsynth-"
                + System.getProperty("user.name").replaceAll("[^A-Za-z0-9._-]", "_"));
        Map<String, String> props = Map.of("circuitsynth.native.extractDir", extract.toString());

        NativeStatus status = loader(props, NativeBridge.ABI_VERSION, file -> false,
                List.of(getClass().getClassLoader()), VERSION).load();

        List<Path> dirs = List.of(TestSupport.versionedDir(extract), TestSupport.versionedDir(cache),
                TestSupport.versionedDir(tmp));
        assertThat(status.loaded()).isFalse();
        StringBuilder story = new StringBuilder("could not extract and load " + LIB + " from "
                + TestSupport.nativesJar() + ":");
        for (Path dir : dirs) {
            story.append("\n  - ").append(dir).append(" does not allow executing ").append(LIB)
                    .append(" (mounted noexec?)");
        }
        story.append("\nRemedy: set circuitsynth.native.extractDir to a directory that allows execution, or"
                + " circuitsynth.native.path to an already extracted library");
        assertThat(status.reason()).isEqualTo(story.toString());
        assertThat(status.failure().getSuppressed()).extracting(Throwable::getMessage).containsExactly(
                dirs.get(0) + " does not allow executing " + LIB + " (mounted noexec?)",
                dirs.get(1) + " does not allow executing " + LIB + " (mounted noexec?)",
                dirs.get(2) + " does not allow executing " + LIB + " (mounted noexec?)");
    }

    @Test
    void noexecDirectoryFallsBackToTheNextOne() throws Exception {
        Path noexec = Files.createDirectories(home.resolve("noexec"));
        boolean mounted = mountNoexec(noexec);
        try {
            Predicate<Path> executable;
            if (mounted) {
                executable = Files::isExecutable;
            } else {
                System.err.println("*** NativeLoaderTest: could not mount a noexec tmpfs (needs root on Linux);"
                        + " SIMULATING noexec through the injected executable check for " + noexec + " ***");
                executable = file -> !file.startsWith(noexec);
            }
            Map<String, String> props = Map.of("circuitsynth.native.extractDir", noexec.toString());

            NativeStatus status = loader(props, NativeBridge.ABI_VERSION, executable,
                    List.of(getClass().getClassLoader()), VERSION).load();

            Path refused = TestSupport.versionedDir(noexec);
            Path used = TestSupport.versionedDir(home.resolve("cache/circuitsynth/natives")).resolve(LIB);
            if (PLATFORM.os().equals("osx")) {
                used = TestSupport.versionedDir(home.resolve("Library/Caches/circuitsynth/natives")).resolve(LIB);
            }
            assertThat(status.loaded()).as(status.reason()).isTrue();
            assertThat(status.path()).isEqualTo(used.toString());
            assertThat(status.reason()).isEqualTo("loaded " + used + " from " + TestSupport.nativesJar() + " after "
                    + refused + " does not allow executing " + LIB + " (mounted noexec?)");
        } finally {
            if (mounted) {
                unmount(noexec);
            }
        }
    }

    @Test
    void mappingRefusedBySystemLoadIsRecognizedAsNoexec() throws Exception {
        Path noexec = Files.createDirectories(home.resolve("noexec"));
        if (!mountNoexec(noexec)) {
            System.err.println("*** NativeLoaderTest: no noexec tmpfs; checking the UnsatisfiedLinkError"
                    + " classification on glibc's and musl's messages only ***");
        } else {
            try {
                // Claim executability so System.load itself meets the noexec mount.
                NativeStatus status = loader(Map.of("circuitsynth.native.extractDir", noexec.toString()),
                        NativeBridge.ABI_VERSION, file -> true, List.of(getClass().getClassLoader()), VERSION)
                        .load();

                Path refused = TestSupport.versionedDir(noexec);
                assertThat(status.loaded()).as(status.reason()).isTrue();
                assertThat(status.reason()).contains(" after " + refused + " refused to map " + LIB
                        + " for execution (mounted noexec?): ");
            } finally {
                unmount(noexec);
            }
        }
        assertThat(NativeLoader.refusedExecution(new UnsatisfiedLinkError(
                "/x/libcircuitsynth.so: failed to map segment from shared object"))).isTrue();
        assertThat(NativeLoader.refusedExecution(new UnsatisfiedLinkError(
                "Error loading shared library /x/libcircuitsynth.so: Operation not permitted"))).isTrue();
        assertThat(NativeLoader.refusedExecution(new UnsatisfiedLinkError(
                "/x/libcircuitsynth.so: wrong ELF class: ELFCLASS32"))).isFalse();
    }

    @Test
    void panicBecomesAnExceptionWithItsLocationAndTheJvmLivesOn() {
        NativeStatus status = loader(Map.of()).load();
        assertThat(status.loaded()).as(status.reason()).isTrue();

        assertThatThrownBy(() -> NativeBridge.debugPanic("boom"))
                .isInstanceOf(NativeEngineException.class)
                .hasMessageMatching("native engine panicked at \\S*src/lib\\.rs:\\d+:\\d+: boom");
        assertThatThrownBy(() -> NativeBridge.debugPanic("again"))
                .isInstanceOf(NativeEngineException.class)
                .hasMessageEndingWith(": again");

        assertThat(NativeBridge.abiVersion()).isEqualTo(NativeBridge.ABI_VERSION);
        assertThat(NativeBridge.crateVersion()).isEqualTo(NativeLoader.stripSnapshot(VERSION));
    }

    private static boolean mountNoexec(Path dir) throws InterruptedException {
        if (!PLATFORM.os().equals("linux") || !"root".equals(System.getProperty("user.name"))) {
            return false;
        }
        return run("mount", "-t", "tmpfs", "-o", "noexec,size=16m", "tmpfs", dir.toString());
    }

    private static void unmount(Path dir) throws InterruptedException {
        // glibc can keep a mapping of a library whose dlopen failed half-way, which makes the
        // mount busy for the rest of this JVM's life; a lazy unmount detaches it regardless.
        if (!run("umount", dir.toString())) {
            assertThat(run("umount", "-l", dir.toString())).as("umount -l " + dir).isTrue();
        }
    }

    private static boolean run(String... command) throws InterruptedException {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            if (!p.waitFor(30, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return false;
            }
            if (p.exitValue() != 0) {
                System.err.println(String.join(" ", command) + ": " + output.trim());
            }
            return p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        }
    }
}
