package io.circuitsynth.natives;

import static io.circuitsynth.natives.TestSupport.PLATFORM;
import static io.circuitsynth.natives.TestSupport.VERSION;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The classifier jar the natives module of this OS built, read as a consumer would get it. */
class NativesJarTest {
    /** A build without cargo has no native library to test: skip loudly, or fail when it is required. */
    @org.junit.jupiter.api.BeforeAll
    static void nativeLibraryBuilt() {
        TestSupport.nativeLibraryBytes();
    }


    @Test
    void classifierJarHoldsTheLibraryItsChecksumAndThePlatformAttribute() throws Exception {
        assertThat(TestSupport.nativesJar().getFileName().toString())
                .isEqualTo("circuitsynth-natives-" + VERSION + "-" + PLATFORM.key() + ".jar");
        byte[] library = TestSupport.nativeLibraryBytes();
        String dir = "natives/" + PLATFORM.key() + "/";

        try (JarFile jar = new JarFile(TestSupport.nativesJar().toFile())) {
            List<String> entries = Collections.list(jar.entries()).stream().map(JarEntry::getName)
                    .filter(name -> !name.startsWith("META-INF/maven/")).sorted().collect(Collectors.toList());
            assertThat(entries).containsExactly("META-INF/", "META-INF/MANIFEST.MF", "natives/", dir,
                    dir + PLATFORM.libraryName(), dir + PLATFORM.libraryName() + ".sha256");

            Attributes main = jar.getManifest().getMainAttributes();
            assertThat(main.getValue("CircuitSynth-Native-Platform")).isEqualTo(PLATFORM.key());
            assertThat(main.getValue("CircuitSynth-Native-Library")).isEqualTo(PLATFORM.libraryName());
            assertThat(main.getValue("Implementation-Version")).isEqualTo(VERSION);

            try (InputStream in = jar.getInputStream(jar.getJarEntry(dir + PLATFORM.libraryName() + ".sha256"))) {
                String checksum = new String(in.readAllBytes(), StandardCharsets.US_ASCII);
                assertThat(NativeResource.parseChecksum(checksum)).isEqualTo(NativeResource.sha256(library));
            }
        }
    }

    /** build.rs passes a version script: nothing but the JNI entry points may be exported. */
    @Test
    void libraryExportsOnlyJniEntryPoints(@TempDir Path tmp) throws Exception {
        if (!PLATFORM.os().equals("linux")) {
            System.err.println("NativesJarTest: export check runs on Linux only (nm -D)");
            return;
        }
        Path library = Files.write(tmp.resolve(PLATFORM.libraryName()), TestSupport.nativeLibraryBytes());
        Process nm;
        try {
            nm = new ProcessBuilder("nm", "-D", "--defined-only", library.toString()).redirectErrorStream(true).start();
        } catch (IOException e) {
            System.err.println("*** NativesJarTest: nm not found (install binutils); export check NOT run ***");
            return;
        }
        String output = new String(nm.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(nm.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(nm.exitValue()).as(output).isZero();

        List<String> symbols = output.lines().map(line -> line.substring(line.lastIndexOf(' ') + 1))
                .collect(Collectors.toList());
        assertThat(symbols).contains("JNI_OnLoad", "Java_io_circuitsynth_natives_NativeBridge_abiVersion",
                "Java_io_circuitsynth_natives_NativeBridge_crateVersion",
                "Java_io_circuitsynth_natives_NativeBridge_debugPanic",
                "Java_io_circuitsynth_natives_NativeBridge_netlistReadCircuitJson",
                "Java_io_circuitsynth_natives_NativeBridge_netlistReadCircuitSynthJson",
                "Java_io_circuitsynth_natives_NativeBridge_netlistReadNet",
                "Java_io_circuitsynth_natives_NativeBridge_netlistWriteCircuitJson",
                "Java_io_circuitsynth_natives_NativeBridge_netlistWriteNet",
                "Java_io_circuitsynth_natives_NativeBridge_netlistFinalizeCounts",
                "Java_io_circuitsynth_natives_NativeBridge_designRoundTrip");
        assertThat(symbols).allMatch(s -> s.equals("JNI_OnLoad") || s.startsWith("Java_"), "JNI_OnLoad or Java_*");
    }
}
