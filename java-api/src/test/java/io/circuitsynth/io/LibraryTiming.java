package io.circuitsynth.io;

import io.circuitsynth.testing.TestEngines;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Prints warm timings of {@code parseFiles} and {@code hash} over a symbol library, for every
 * engine under test. A quick check, not a benchmark: the JMH suite in {@code benchmarks/} is the
 * reference. Run with the test class path; the argument is the library folder.
 */
public final class LibraryTiming {
    private LibraryTiming() {}

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args.length > 0 ? args[0] : "/usr/share/kicad/symbols");
        List<Path> files;
        try (Stream<Path> list = Files.list(dir)) {
            files = list.filter(p -> p.toString().endsWith(".kicad_sym")).sorted().collect(Collectors.toList());
        }
        long bytes = 0;
        for (Path f : files) {
            bytes += Files.size(f);
        }
        System.out.printf(Locale.ROOT, "%d files, %.1f MB, %d cores%n", files.size(), bytes / 1e6,
                Runtime.getRuntime().availableProcessors());
        for (IoStage stage : TestEngines.stagesUnderTest()) {
            long bestParse = Long.MAX_VALUE;
            long bestHash = Long.MAX_VALUE;
            for (int round = 0; round < 15; round++) {
                long t0 = System.nanoTime();
                stage.parseFiles(files);
                long t1 = System.nanoTime();
                stage.hash(files);
                long t2 = System.nanoTime();
                bestParse = Math.min(bestParse, t1 - t0);
                bestHash = Math.min(bestHash, t2 - t1);
            }
            System.out.printf(Locale.ROOT, "%-6s parseFiles best %.0f ms (%.0f MB/s), hash best %.0f ms (%.2f GB/s)%n",
                    TestEngines.name(stage), bestParse / 1e6, bytes / (bestParse / 1e3),
                    bestHash / 1e6, bytes / (double) bestHash);
        }
    }
}
