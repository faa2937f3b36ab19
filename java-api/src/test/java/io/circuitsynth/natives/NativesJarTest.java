package io.circuitsynth.natives;

import static io.circuitsynth.natives.TestSupport.PLATFORM;
import static io.circuitsynth.natives.TestSupport.VERSION;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The classifier jar the natives module of this OS built, read as a consumer would get it. */
class NativesJarTest {

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
}
