package io.circuitsynth.natives;

import static org.assertj.core.api.Assertions.assertThat;

import io.circuitsynth.CircuitSynth;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.opentest4j.TestAbortedException;

/** Shared fixtures for the loader tests: the built jars, injected settings, forked JVMs. */
public final class TestSupport {
    static final Platform PLATFORM = Platform.of(System.getProperty("os.name"), System.getProperty("os.arch"));
    static final String VERSION = CircuitSynth.version();

    private TestSupport() {}

    /** The reactor root, from the {@code circuitsynth.projectRoot} property surefire sets. */
    static Path projectRoot() {
        String root = System.getProperty("circuitsynth.projectRoot");
        assertThat(root).as("system property circuitsynth.projectRoot (set by the parent pom's surefire config)")
                .isNotBlank();
        return Path.of(root);
    }

    /** The classifier jar natives-<os>/target built for this platform. */
    static Path nativesJar() {
        String module;
        switch (PLATFORM.os()) {
            case "osx":
                module = "natives-macos";
                break;
            case "windows":
                module = "natives-windows";
                break;
            default:
                module = "natives-linux";
        }
        Path jar = projectRoot().resolve(module).resolve("target")
                .resolve("circuitsynth-natives-" + VERSION + "-" + PLATFORM.key() + ".jar");
        assertThat(jar).as("the natives classifier jar (run the build from the reactor root)").isRegularFile();
        return jar;
    }

    /**
     * The library bytes inside the classifier jar. A jar built on a machine without cargo holds
     * none; the native tests cannot run there, and say so instead of passing silently.
     */
    static byte[] nativeLibraryBytes() {
        try (JarFile jar = new JarFile(nativesJar().toFile())) {
            JarEntry entry = jar.getJarEntry("natives/" + PLATFORM.key() + "/" + PLATFORM.libraryName());
            if (entry == null) {
                String why = nativesJar() + " holds no native library (built without cargo?)";
                if (Boolean.getBoolean("circuitsynth.requireNative")) {
                    throw new AssertionError(why);
                }
                System.err.println("SKIPPED native loader test: " + why);
                throw new TestAbortedException(why);
            }
            try (InputStream in = jar.getInputStream(entry)) {
                return in.readAllBytes();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String nativeSha256() {
        return NativeResource.sha256(nativeLibraryBytes());
    }

    /** Where the loader puts the library under a base directory (override or cache). */
    static Path versionedDir(Path base) {
        return base.resolve(VERSION + "-" + nativeSha256().substring(0, 12)).resolve(PLATFORM.key());
    }

    /**
     * Settings of this JVM's OS with a private home, cache and temporary directory under
     * {@code home}, plus {@code extra} properties.
     */
    static Settings settings(Path home, Map<String, String> extra) {
        Map<String, String> props = new HashMap<>();
        props.put("os.name", System.getProperty("os.name"));
        props.put("os.arch", System.getProperty("os.arch"));
        props.put("user.name", System.getProperty("user.name"));
        props.put("user.home", home.toString());
        props.put("java.io.tmpdir", home.resolve("tmp").toString());
        props.putAll(extra);
        return Settings.of(props, Map.of("XDG_CACHE_HOME", home.resolve("cache").toString(),
                "LOCALAPPDATA", home.resolve("cache").toString()));
    }

    static NativeLoader loader(Settings settings) {
        return new NativeLoader(settings, NativeBridge.ABI_VERSION, Files::isExecutable,
                List.of(TestSupport.class.getClassLoader()), VERSION);
    }

    /** Loads with {@code props} and no other configuration; public for the engine selection tests. */
    public static NativeStatus loadWith(Path home, Map<String, String> props) {
        return loader(settings(home, props)).load();
    }

    /** A jar holding {@code entries} with {@code CircuitSynth-Native-Platform: platform}. */
    static Path jar(Path file, String platform, Map<String, byte[]> entries) throws IOException {
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().putValue(NativeResource.PLATFORM_ATTRIBUTE, platform);
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(file), manifest)) {
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                out.putNextEntry(new JarEntry(e.getKey()));
                out.write(e.getValue());
                out.closeEntry();
            }
        }
        return file;
    }

    static List<Path> regularFiles(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).sorted().collect(Collectors.toList());
        }
    }

    static Path codeSource(Class<?> type) {
        try {
            return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The class path of a user's application: the API classes, slf4j-api, and {@code more}. */
    static List<Path> userClassPath(Path... more) {
        List<Path> cp = new ArrayList<>();
        cp.add(codeSource(CircuitSynth.class));
        cp.add(codeSource(org.slf4j.LoggerFactory.class));
        cp.addAll(List.of(more));
        return cp;
    }

    static Path slf4jSimple() {
        return codeSource(org.slf4j.simple.SimpleLogger.class);
    }

    /**
     * The child program, run from source so the child's class path holds only the built jars:
     * prints the engine info as {@code key=value} lines, or the exception with exit code 3. With
     * {@code test.go} set it first reports ready and waits for that file, so several children
     * start loading at the same moment.
     */
    static final String CHILD_SOURCE = """
            import io.circuitsynth.CircuitSynth;
            import io.circuitsynth.CircuitSynthException;
            import io.circuitsynth.EngineInfo;
            import java.nio.file.Files;
            import java.nio.file.Path;

            public class PrintEngineInfo {
                public static void main(String[] args) throws Exception {
                    String go = System.getProperty("test.go");
                    if (go != null) {
                        Files.createFile(Path.of(System.getProperty("test.ready"), "" + ProcessHandle.current().pid()));
                        while (!Files.exists(Path.of(go))) {
                            Thread.sleep(1);
                        }
                    }
                    try {
                        EngineInfo info = CircuitSynth.engineInfo();
                        System.out.println("kind=" + info.kind());
                        System.out.println("path=" + info.nativePath());
                        System.out.println("version=" + info.nativeVersion());
                        System.out.println("platform=" + info.platform());
                        System.out.println("reason=" + info.reason().replace('\\n', '|'));
                    } catch (CircuitSynthException e) {
                        System.out.println("exception=" + e.getMessage().replace('\\n', '|'));
                        System.exit(3);
                    }
                }
            }
            """;

    /** A started child JVM running {@link #CHILD_SOURCE}. */
    static final class Child {
        final Process process;
        final Path out;
        final Path err;

        private Child(Process process, Path out, Path err) {
            this.process = process;
            this.out = out;
            this.err = err;
        }

        static Child start(Path work, String name, List<Path> classPath, Map<String, String> props) throws IOException {
            return start(work, name, "PrintEngineInfo", CHILD_SOURCE, classPath, props);
        }

        static Child start(Path work, String name, String className, String program, List<Path> classPath,
                Map<String, String> props) throws IOException {
            Path source = work.resolve(className + ".java");
            if (!Files.exists(source)) {
                Files.writeString(source, program);
            }
            Path home = Files.createDirectories(work.resolve("home-" + name));
            Files.createDirectories(home.resolve("tmp"));
            List<String> command = new ArrayList<>();
            command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            command.add("-cp");
            command.add(classPath.stream().map(Path::toString).collect(Collectors.joining(java.io.File.pathSeparator)));
            Map<String, String> all = new LinkedHashMap<>();
            all.put("user.home", home.toString());
            all.put("java.io.tmpdir", home.resolve("tmp").toString());
            all.put("circuitsynth.engine", "auto");
            all.put("circuitsynth.requireNative", "false");
            all.putAll(props);
            all.forEach((k, v) -> command.add("-D" + k + "=" + v));
            command.add(source.toString());
            ProcessBuilder builder = new ProcessBuilder(command).directory(work.toFile());
            builder.environment().remove("CIRCUITSYNTH_ENGINE");
            builder.environment().put("XDG_CACHE_HOME", home.resolve("cache").toString());
            Path out = work.resolve(name + ".out");
            Path err = work.resolve(name + ".err");
            builder.redirectOutput(out.toFile()).redirectError(err.toFile());
            return new Child(builder.start(), out, err);
        }

        Result await() throws IOException, InterruptedException {
            if (!process.waitFor(120, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("child JVM did not finish within 120 s; stderr: " + Files.readString(err));
            }
            return new Result(process.exitValue(), Files.readString(out), Files.readString(err));
        }
    }

    static Result runChild(Path work, String name, List<Path> classPath, Map<String, String> props)
            throws IOException, InterruptedException {
        return Child.start(work, name, classPath, props).await();
    }

    /** What a child printed: {@code key=value} lines on stdout. */
    record Result(int exitCode, String stdout, String stderr) {
        Map<String, String> values() {
            Map<String, String> values = new HashMap<>();
            for (String line : stdout.split("\\R")) {
                int eq = line.indexOf('=');
                if (eq > 0) {
                    values.put(line.substring(0, eq), line.substring(eq + 1));
                }
            }
            return values;
        }

        String get(String key) {
            return values().get(key);
        }

        @Override
        public String toString() {
            return "exit " + exitCode + "\n--- stdout\n" + stdout + "--- stderr\n" + stderr;
        }
    }
}
