package io.circuitsynth.natives;

import static io.circuitsynth.natives.TestSupport.PLATFORM;
import static io.circuitsynth.natives.TestSupport.VERSION;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The loader as a user meets it: a fresh JVM whose class path holds only the built jars, asked
 * for {@code CircuitSynth.engineInfo()} under {@code circuitsynth.engine=auto} or {@code native}.
 */
class ForkedLoaderTest {
    /** A build without cargo has no native library to test: skip loudly, or fail when it is required. */
    @org.junit.jupiter.api.BeforeAll
    static void nativeLibraryBuilt() {
        TestSupport.nativeLibraryBytes();
    }

    private static final String LIB = PLATFORM.libraryName();

    @TempDir
    Path work;

    @Test
    void loadsFromTheClassifierJar() throws Exception {
        Path extract = work.resolve("extract");
        List<Path> classPath = TestSupport.userClassPath(TestSupport.nativesJar());

        TestSupport.Result result = TestSupport.runChild(work, "child", classPath,
                Map.of("circuitsynth.native.extractDir", extract.toString()));

        Path expected = TestSupport.versionedDir(extract).resolve(LIB);
        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.get("kind")).as(result.toString()).isEqualTo("NATIVE");
        assertThat(result.get("path")).isEqualTo(expected.toString());
        assertThat(result.get("platform")).isEqualTo(PLATFORM.key());
        assertThat(result.get("version")).isEqualTo(NativeLoader.stripSnapshot(VERSION));
        assertThat(result.get("reason")).isEqualTo("loaded " + expected + " from " + TestSupport.nativesJar());
        assertThat(TestSupport.regularFiles(extract)).containsExactly(expected);
    }

    @Test
    void hashMismatchFallsBackToJavaWithAWarningNamingTheJar() throws Exception {
        Path jar = corruptJar();
        List<Path> classPath = TestSupport.userClassPath(TestSupport.slf4jSimple(), jar);

        TestSupport.Result result = TestSupport.runChild(work, "auto", classPath,
                Map.of("circuitsynth.native.extractDir", work.resolve("extract").toString()));

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.get("kind")).as(result.toString()).isEqualTo("JAVA");
        assertThat(result.get("path")).isEqualTo("null");
        assertThat(result.get("reason")).isEqualTo("native engine unusable: " + corruptMessage(jar));
        assertThat(result.stderr()).contains("WARN io.circuitsynth.natives.NativeLoader - Native engine unusable,"
                + " Java engine only: " + corruptMessage(jar));
        assertThat(work.resolve("extract")).doesNotExist();
    }

    @Test
    void hashMismatchUnderNativeModeFailsWithTheStory() throws Exception {
        Path jar = corruptJar();
        List<Path> classPath = TestSupport.userClassPath(jar);

        TestSupport.Result result = TestSupport.runChild(work, "native", classPath,
                Map.of("circuitsynth.engine", "native"));

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(3);
        assertThat(result.get("exception")).isEqualTo("circuitsynth.engine=native but the native engine is unusable"
                + " on " + PLATFORM.key() + ": " + corruptMessage(jar) + "|To run anyway, set"
                + " circuitsynth.engine=java (or auto without circuitsynth.requireNative)");
    }

    @Test
    void eightJvmsExtractingIntoOneEmptyDirectoryAtOnce() throws Exception {
        Path extract = work.resolve("shared");
        Path ready = Files.createDirectories(work.resolve("ready"));
        Path go = work.resolve("go");
        List<Path> classPath = TestSupport.userClassPath(TestSupport.nativesJar());
        // Compile-free start for all: the source file is written once, before any child runs.
        Files.writeString(work.resolve("PrintEngineInfo.java"), TestSupport.CHILD_SOURCE);

        List<TestSupport.Child> children = new ArrayList<>();
        try {
            for (int i = 0; i < 8; i++) {
                children.add(TestSupport.Child.start(work, "child" + i, classPath, Map.of(
                        "circuitsynth.native.extractDir", extract.toString(),
                        "test.ready", ready.toString(),
                        "test.go", go.toString())));
            }
            awaitReady(ready, children);
            Files.createFile(go);

            Path expected = TestSupport.versionedDir(extract).resolve(LIB);
            for (TestSupport.Child child : children) {
                TestSupport.Result result = child.await();
                assertThat(result.exitCode()).as(result.toString()).isZero();
                assertThat(result.get("kind")).as(result.toString()).isEqualTo("NATIVE");
                assertThat(result.get("path")).isEqualTo(expected.toString());
            }
            assertThat(TestSupport.regularFiles(extract)).containsExactly(expected);
            assertThat(Extractor.sha256(expected)).isEqualTo(TestSupport.nativeSha256());
        } finally {
            children.forEach(c -> c.process.destroyForcibly());
        }
    }

    /** Creates two isolated class loaders, each with its own copy of CircuitSynth, in one JVM. */
    private static final String TWO_LOADERS_SOURCE = """
            import java.io.File;
            import java.net.URL;
            import java.net.URLClassLoader;
            import java.nio.file.Path;
            import java.util.ArrayList;
            import java.util.List;

            public class TwoLoaders {
                public static void main(String[] args) throws Exception {
                    List<URL> urls = new ArrayList<>();
                    for (String entry : System.getProperty("test.cp").split(File.pathSeparator)) {
                        urls.add(Path.of(entry).toUri().toURL());
                    }
                    List<ClassLoader> keepAlive = new ArrayList<>();
                    for (int i = 0; i < 2; i++) {
                        ClassLoader loader = new URLClassLoader(urls.toArray(new URL[0]), ClassLoader.getPlatformClassLoader());
                        keepAlive.add(loader);
                        Thread.currentThread().setContextClassLoader(loader);
                        Object status = loader.loadClass("io.circuitsynth.natives.Natives").getMethod("status").invoke(null);
                        System.out.println("loaded" + i + "=" + status.getClass().getMethod("loaded").invoke(status));
                        System.out.println("reason" + i + "=" + status.getClass().getMethod("reason").invoke(status));
                    }
                }
            }
            """;

    @Test
    void secondClassLoaderInOneJvmGetsAClearReason() throws Exception {
        Path extract = work.resolve("extract");
        List<Path> isolated = TestSupport.userClassPath(TestSupport.nativesJar());
        String cp = isolated.stream().map(Path::toString).collect(java.util.stream.Collectors.joining(
                java.io.File.pathSeparator));

        TestSupport.Result result = TestSupport.Child.start(work, "two", "TwoLoaders", TWO_LOADERS_SOURCE, List.of(),
                Map.of("circuitsynth.native.extractDir", extract.toString(), "test.cp", cp)).await();

        Path file = TestSupport.versionedDir(extract).resolve(LIB);
        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.get("loaded0")).as(result.toString()).isEqualTo("true");
        assertThat(result.get("loaded1")).isEqualTo("false");
        assertThat(result.get("reason1")).isEqualTo(file + " is already loaded by another class loader in this JVM,"
                + " and JNI allows a native library in one class loader only; load CircuitSynth (circuitsynth and"
                + " circuitsynth-natives jars) from a class loader shared by all its users, e.g. the application"
                + " server's common lib directory");
        assertThat(TestSupport.regularFiles(extract)).containsExactly(file);
    }

    private static void awaitReady(Path ready, List<TestSupport.Child> children) throws Exception {
        long deadline = System.nanoTime() + 120_000_000_000L;
        while (true) {
            long count;
            try (Stream<Path> files = Files.list(ready)) {
                count = files.count();
            }
            if (count == children.size()) {
                return;
            }
            for (TestSupport.Child child : children) {
                if (!child.process.isAlive()) {
                    throw new AssertionError("a child JVM died before the start signal: " + child.await());
                }
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("only " + count + " of " + children.size() + " child JVMs got ready in 120 s");
            }
            Thread.sleep(10);
        }
    }

    private Path corruptJar() throws Exception {
        String entry = "natives/" + PLATFORM.key() + "/" + LIB;
        return TestSupport.jar(work.resolve("circuitsynth-natives-corrupt.jar"), PLATFORM.key(), Map.of(
                entry, TestSupport.nativeLibraryBytes(),
                entry + ".sha256", ("0".repeat(64) + "\n").getBytes(StandardCharsets.US_ASCII)));
    }

    private static String corruptMessage(Path jar) {
        String entry = "natives/" + PLATFORM.key() + "/" + LIB;
        return "the natives jar " + jar + " is corrupt: " + entry + " has SHA-256 " + TestSupport.nativeSha256()
                + " but " + entry + ".sha256 says " + "0".repeat(64) + "; replace that jar (delete it, e.g. from"
                + " ~/.m2/repository, and download or build it again)";
    }
}
