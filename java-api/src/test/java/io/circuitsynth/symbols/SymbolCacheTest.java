package io.circuitsynth.symbols;

import static org.assertj.core.api.Assertions.assertThat;

import io.circuitsynth.testing.TestEngines;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The persistent cache as libraries change under it: reuse, touch, edit, replace, damage of every
 * kind, and many builders at once. Every engine under test runs every case; every case checks the
 * data served, not just that something was.
 */
class SymbolCacheTest {
    private static final String V1 = Libraries.library(Libraries.twoPin("R", "one"), Libraries.derived("R2", "R", "two"));
    private static final String V2 = Libraries.library(Libraries.twoPin("R", "uno"), Libraries.derived("R2", "R", "dos"),
            Libraries.twoPin("C", "three"));

    @TempDir
    Path work;

    static List<SymbolStage> stages() {
        return TestEngines.symbolStagesUnderTest();
    }

    private Path lib() {
        return work.resolve("libs").resolve("Test.kicad_sym");
    }

    private Path cache() {
        return work.resolve("cache");
    }

    private Path cacheFile() {
        return SymbolCacheFile.fileFor(cache(), lib().toAbsolutePath().toString());
    }

    private SymbolIndex open(SymbolStage stage) {
        return stage.open(List.of(LibrarySource.of(lib())), cache());
    }

    /** The dump of {@code text} read without any cache. */
    private static String expectedDump(String text) {
        try (SymbolIndex index = new JavaSymbolStage().open(List.of(LibrarySource.inMemory("Test", "Test.kicad_sym",
                text.getBytes(StandardCharsets.UTF_8))), null)) {
            return new String(index.dumpLibrary("Test"), StandardCharsets.UTF_8);
        }
    }

    private String openAndDump(SymbolStage stage, String... expectedWarnings) {
        try (SymbolIndex index = open(stage)) {
            assertThat(index.warnings()).containsExactly(expectedWarnings);
            return new String(index.dumpLibrary("Test"), StandardCharsets.UTF_8);
        }
    }

    private SymbolCacheFile.Parsed parsedCache() throws Exception {
        return SymbolCacheFile.parse(Files.readAllBytes(cacheFile()), LibrarySource.of(lib()));
    }

    private long mtime() throws IOException {
        return JavaSymbolStage.nanos(Files.getLastModifiedTime(lib()).toInstant());
    }

    @ParameterizedTest
    @MethodSource("stages")
    void firstOpenWritesTheCacheAndTheNextOneUsesIt(SymbolStage stage) throws Exception {
        Libraries.write(lib(), V1);
        assertThat(openAndDump(stage)).isEqualTo(expectedDump(V1));
        SymbolCacheFile.Parsed parsed = parsedCache();
        assertThat(parsed.libraryPath()).isEqualTo(lib().toAbsolutePath().toString());
        assertThat(parsed.size()).isEqualTo(Files.size(lib()));
        assertThat(parsed.mtime()).isEqualTo(mtime());
        assertThat(parsed.data().names).containsExactly("R", "R2");

        // Same size and mtime: the cache answers without the library being read. Proven by
        // changing the bytes behind its back (same length, stamp restored): the old data is served.
        FileTime stamp = Files.getLastModifiedTime(lib());
        Libraries.write(lib(), V1.replace("\"one\"", "\"eno\""));
        Files.setLastModifiedTime(lib(), stamp);
        assertThat(openAndDump(stage)).isEqualTo(expectedDump(V1));
    }

    @ParameterizedTest
    @MethodSource("stages")
    void touchedLibraryIsServedAndItsStampRewritten(SymbolStage stage) throws Exception {
        Libraries.write(lib(), V1);
        openAndDump(stage);
        byte[] before = Files.readAllBytes(cacheFile());
        Files.setLastModifiedTime(lib(), FileTime.fromMillis(Files.getLastModifiedTime(lib()).toMillis() + 60_000));

        assertThat(openAndDump(stage)).isEqualTo(expectedDump(V1));
        SymbolCacheFile.Parsed parsed = parsedCache();
        assertThat(parsed.mtime()).isEqualTo(mtime());
        byte[] after = Files.readAllBytes(cacheFile());
        assertThat(after).hasSameSizeAs(before).isNotEqualTo(before);
        // Only the stamp's mtime and the payload hash differ.
        int differing = 0;
        for (int i = 0; i < before.length; i++) {
            if (before[i] != after[i] && (i < 24 || i >= 32) && (i < parsed.mtimeAt() || i >= parsed.mtimeAt() + 8)) {
                differing++;
            }
        }
        assertThat(differing).isZero();
    }

    @ParameterizedTest
    @MethodSource("stages")
    void editedLibraryIsReadAgain(SymbolStage stage) throws Exception {
        Libraries.write(lib(), V1);
        openAndDump(stage);
        Libraries.write(lib(), V2);
        Files.setLastModifiedTime(lib(), FileTime.fromMillis(Files.getLastModifiedTime(lib()).toMillis() + 60_000));
        assertThat(openAndDump(stage)).isEqualTo(expectedDump(V2)).contains("\"dos\"");
        assertThat(parsedCache().data().names).containsExactly("R", "R2", "C");
        assertThat(openAndDump(stage)).isEqualTo(expectedDump(V2));
    }

    @ParameterizedTest
    @MethodSource("stages")
    void sameSizeEditIsCaughtByTheContentHash(SymbolStage stage) throws Exception {
        Libraries.write(lib(), V1);
        openAndDump(stage);
        String edited = V1.replace("\"one\"", "\"eno\"");
        Libraries.write(lib(), edited);
        Files.setLastModifiedTime(lib(), FileTime.fromMillis(Files.getLastModifiedTime(lib()).toMillis() + 60_000));
        assertThat(openAndDump(stage)).isEqualTo(expectedDump(edited)).contains("\"eno\"");
        assertThat(parsedCache().mtime()).isEqualTo(mtime());
    }

    @ParameterizedTest
    @MethodSource("stages")
    void replacedLibraryIsReadAgain(SymbolStage stage) throws Exception {
        Libraries.write(lib(), V1);
        openAndDump(stage);
        Path other = Libraries.write(work.resolve("elsewhere").resolve("Other.kicad_sym"), V2);
        Files.setLastModifiedTime(other, FileTime.fromMillis(Files.getLastModifiedTime(lib()).toMillis() - 3_600_000));
        Files.move(other, lib(), StandardCopyOption.REPLACE_EXISTING);
        assertThat(openAndDump(stage)).isEqualTo(expectedDump(V2));
    }

    @ParameterizedTest
    @MethodSource("stages")
    void damagedCacheFilesAreReportedAndRebuilt(SymbolStage stage) throws Exception {
        Libraries.write(lib(), V1);
        openAndDump(stage);
        byte[] good = Files.readAllBytes(cacheFile());
        SymbolCacheFile.Parsed parsed = parsedCache();

        List<Object[]> damages = new ArrayList<>();
        damages.add(new Object[] {new byte[0], "too short"});
        damages.add(new Object[] {java.util.Arrays.copyOf(good, 31), "too short"});
        damages.add(new Object[] {java.util.Arrays.copyOf(good, good.length / 2), "payload length mismatch"});
        byte[] magic = good.clone();
        magic[0] = 'X';
        damages.add(new Object[] {magic, "wrong magic"});
        byte[] version = good.clone();
        version[8] = 2;
        damages.add(new Object[] {version, "format version 2"});
        byte[] reserved = good.clone();
        reserved[12] = 1;
        damages.add(new Object[] {reserved, "reserved field is not 0"});
        byte[] flipped = good.clone();
        flipped[flipped.length - 3] ^= 0x40;
        damages.add(new Object[] {flipped, "payload hash mismatch"});
        // A sealed file whose first record has a flag byte out of range: the hash is right, the record is not.
        byte[] badRecord = good.clone();
        int firstRecord = parsed.data().base + parsed.data().starts[0];
        badRecord[firstRecord + 4 + 1 + 4] = (byte) 0xC0;
        damages.add(new Object[] {SymbolCacheFile.restamp(badRecord, parsed.mtimeAt(), parsed.mtime()),
                "symbol R: the record is malformed at byte 9"});

        for (Object[] damage : damages) {
            Files.write(cacheFile(), (byte[]) damage[0]);
            String warning = "symbol cache " + cacheFile() + " is unusable (" + damage[1] + "); rebuilding it";
            assertThat(openAndDump(stage, warning)).as("%s", damage[1]).isEqualTo(expectedDump(V1));
            assertThat(Files.readAllBytes(cacheFile())).as("rebuilt after %s", damage[1]).isEqualTo(good);
        }
    }

    @ParameterizedTest
    @MethodSource("stages")
    void aCacheFileOfAnotherLibraryIsNotUsed(SymbolStage stage) throws Exception {
        Path otherLib = Libraries.write(work.resolve("libs").resolve("Other.kicad_sym"), V2);
        try (SymbolIndex index = stage.open(List.of(LibrarySource.of("Test", otherLib)), cache())) {
            assertThat(index.warnings()).isEmpty();
        }
        Libraries.write(lib(), V1);
        Files.createDirectories(cacheFile().getParent());
        Files.copy(SymbolCacheFile.fileFor(cache(), otherLib.toAbsolutePath().toString()), cacheFile());
        assertThat(openAndDump(stage, "symbol cache " + cacheFile() + " is unusable (written for "
                + otherLib.toAbsolutePath() + "); rebuilding it")).isEqualTo(expectedDump(V1));
        assertThat(openAndDump(stage)).isEqualTo(expectedDump(V1));
    }

    @ParameterizedTest
    @MethodSource("stages")
    void skippedLibrariesLeaveNoCacheFile(SymbolStage stage) throws Exception {
        Libraries.write(lib(), V1.replace("(version 20241209)", "(version 20200126)"));
        try (SymbolIndex index = open(stage)) {
            assertThat(index.warnings()).hasSize(1);
            assertThat(index.warnings().get(0)).startsWith("skipping library Test (" + lib() + "): 2:11: format version");
        }
        assertThat(cacheFile()).doesNotExist();
    }

    @ParameterizedTest
    @MethodSource("stages")
    void manyThreadsBuildingOneCacheAtOnce(SymbolStage stage) throws Exception {
        List<LibrarySource> sources = new ArrayList<>();
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            String text = Libraries.library(Libraries.twoPin("R", "v" + i), Libraries.derived("R2", "R", "w" + i));
            texts.add(text);
            Path file = Libraries.write(work.resolve("libs").resolve("L" + i + ".kicad_sym"), text);
            sources.add(LibrarySource.of(file));
        }
        int threads = 8;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            for (int round = 0; round < 3; round++) {
                CountDownLatch start = new CountDownLatch(1);
                List<Future<List<String>>> results = new ArrayList<>();
                for (int t = 0; t < threads; t++) {
                    Callable<List<String>> task = () -> {
                        start.await();
                        try (SymbolIndex index = stage.open(sources, cache())) {
                            assertThat(index.warnings()).isEmpty();
                            List<String> dumps = new ArrayList<>();
                            for (int i = 0; i < sources.size(); i++) {
                                dumps.add(new String(index.dumpLibrary("L" + i), StandardCharsets.UTF_8));
                            }
                            return dumps;
                        }
                    };
                    results.add(pool.submit(task));
                }
                start.countDown();
                for (Future<List<String>> f : results) {
                    List<String> dumps = f.get(60, TimeUnit.SECONDS);
                    for (int i = 0; i < dumps.size(); i++) {
                        assertThat(dumps.get(i)).isEqualTo(expectedDump(texts.get(i)).replace("Test:", "L" + i + ":"));
                    }
                }
            }
        } finally {
            pool.shutdownNow();
        }
        try (var files = Files.list(cache().resolve("symbols").resolve("v1"))) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .hasSize(sources.size())
                    .allMatch(n -> n.matches("[0-9a-f]{16}\\.symidx"));
        }
    }

    @org.junit.jupiter.api.Test
    void bothEnginesWriteTheSameCacheFileAndReadEachOthers() throws Exception {
        List<SymbolStage> stages = stages();
        org.junit.jupiter.api.Assumptions.assumeTrue(stages.size() > 1, "only one engine under test");
        Libraries.write(lib(), V2);
        List<byte[]> files = new ArrayList<>();
        for (SymbolStage stage : stages) {
            Files.deleteIfExists(cacheFile());
            assertThat(openAndDump(stage)).isEqualTo(expectedDump(V2));
            files.add(Files.readAllBytes(cacheFile()));
        }
        for (byte[] file : files) {
            assertThat(file).isEqualTo(files.get(0));
        }
        for (SymbolStage stage : stages) {
            assertThat(openAndDump(stage)).isEqualTo(expectedDump(V2));
            assertThat(Files.readAllBytes(cacheFile())).isEqualTo(files.get(0));
        }
    }
}
