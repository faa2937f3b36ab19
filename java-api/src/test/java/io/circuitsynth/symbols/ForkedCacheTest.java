package io.circuitsynth.symbols;

import static org.assertj.core.api.Assertions.assertThat;

import io.circuitsynth.io.internal.Xxh64;
import io.circuitsynth.testing.TestEngines;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Several JVMs building one cache directory at the same moment, each run three times. */
class ForkedCacheTest {
    private static final int CHILDREN = 4;

    @TempDir
    Path work;

    @Test
    void jvmsBuildingOneCacheDirectoryAtOnce() throws Exception {
        List<String> libs = new ArrayList<>();
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            String text = Libraries.library(Libraries.twoPin("R", "v" + i), Libraries.derived("R2", "R", "w" + i),
                    Libraries.twoPin("C" + i, "c"));
            Path file = Libraries.write(work.resolve("libs").resolve("L" + i + ".kicad_sym"), text);
            libs.add(file.toString());
            try (SymbolIndex index = new JavaSymbolStage().open(List.of(LibrarySource.of(file)), null)) {
                expected.add("dump L" + i + "=" + Xxh64.hash(index.dumpLibrary("L" + i)));
            }
        }
        for (SymbolStage stage : TestEngines.symbolStagesUnderTest()) {
            String engine = TestEngines.name(stage);
            Path cache = work.resolve("cache-" + engine);
            Path ready = Files.createDirectories(work.resolve("ready-" + engine));
            Path go = work.resolve("go-" + engine);
            List<Process> children = new ArrayList<>();
            try {
                for (int c = 0; c < CHILDREN; c++) {
                    List<String> command = new ArrayList<>(List.of(
                            Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                            "-cp", System.getProperty("java.class.path"),
                            "-Dcircuitsynth.engine=" + (engine.equals("java") ? "java" : "native"),
                            "-Dcircuitsynth.native.path=" + System.getProperty("circuitsynth.native.path", ""),
                            CacheBuilderChild.class.getName(), engine, cache.toString(), go.toString(),
                            ready.toString()));
                    command.addAll(libs);
                    children.add(new ProcessBuilder(command).redirectErrorStream(true).start());
                }
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
                while (countFiles(ready) < CHILDREN && System.nanoTime() < deadline) {
                    Thread.sleep(5);
                }
                Files.createFile(go);
                for (Process child : children) {
                    assertThat(child.waitFor(120, TimeUnit.SECONDS)).isTrue();
                    String out = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                    assertThat(child.exitValue()).as(out).isZero();
                    List<String> lines = out.lines().filter(l -> l.startsWith("dump ") || l.startsWith("warning="))
                            .toList();
                    List<String> threeTimes = new ArrayList<>();
                    for (int round = 0; round < 3; round++) {
                        threeTimes.addAll(expected);
                    }
                    assertThat(lines).as(out).isEqualTo(threeTimes);
                }
            } finally {
                children.forEach(Process::destroyForcibly);
            }
            try (var files = Files.list(cache.resolve("symbols").resolve("v1"))) {
                List<Path> all = files.toList();
                assertThat(all).as("no temporary files left behind").hasSize(libs.size());
                for (Path f : all) {
                    SymbolCacheFile.parse(Files.readAllBytes(f), LibrarySource.of(Path.of(libs.get(0))));
                }
            }
        }
    }

    private static long countFiles(Path dir) throws java.io.IOException {
        try (var s = Files.list(dir)) {
            return s.count();
        }
    }
}
