package io.circuitsynth.symbols;

import io.circuitsynth.testing.TestEngines;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Prints timings of the symbol-cache stage over a library folder for every engine under test: the
 * first open of this JVM (cold: nothing cached, no JIT warm-up), then medians of warm opens without
 * and with a persistent cache, lookups and searches. A quick check, not a benchmark. Run with the
 * test class path; arguments: the library folder, and {@code cached} to make the first open use a
 * cache filled by an earlier run ({@code CACHE_DIR} in the second argument).
 */
public final class SymbolTiming {
    private SymbolTiming() {}

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args.length > 0 ? args[0] : "/usr/share/kicad/symbols");
        boolean ownCache = args.length < 2;
        Path cache = ownCache ? Files.createTempDirectory("symtiming") : Path.of(args[1]);
        List<LibrarySource> sources = KicadSymbolLibraryTest.libraries(dir);
        System.out.printf(Locale.ROOT, "%d libraries, %d cores%n", sources.size(),
                Runtime.getRuntime().availableProcessors());
        for (SymbolStage stage : TestEngines.symbolStagesUnderTest()) {
            String name = TestEngines.name(stage);
            com.sun.management.OperatingSystemMXBean os = (com.sun.management.OperatingSystemMXBean)
                    java.lang.management.ManagementFactory.getOperatingSystemMXBean();
            long cpu0 = os.getProcessCpuTime();
            long t0 = System.nanoTime();
            stage.open(sources, args.length > 1 ? cache : null).close();
            // CPU time too: on a shared machine wall time says more about the neighbours.
            System.out.printf(Locale.ROOT, "%s first open in this JVM (%s): %.0f ms wall, %.0f ms CPU (JIT and GC"
                    + " threads included)%n", name, args.length > 1 ? "cache " + cache : "no cache",
                    (System.nanoTime() - t0) / 1e6, (os.getProcessCpuTime() - cpu0) / 1e6);
            double[] uncached = new double[7];
            double[] cached = new double[7];
            stage.open(sources, cache).close();
            for (int r = 0; r < uncached.length; r++) {
                long a = System.nanoTime();
                stage.open(sources, null).close();
                long b = System.nanoTime();
                stage.open(sources, cache).close();
                long c = System.nanoTime();
                uncached[r] = (b - a) / 1e6;
                cached[r] = (c - b) / 1e6;
            }
            try (SymbolIndex index = stage.open(sources, cache)) {
                long s0 = System.nanoTime();
                index.search("lm358", 20);
                double firstSearch = (System.nanoTime() - s0) / 1e6;
                List<Double> searches = new ArrayList<>();
                for (String q : List.of("lm358", "op amp dual", "usb c", "regulator 3.3", "r", "ldo", "stm32f4")) {
                    for (int r = 0; r < 5; r++) {
                        long a = System.nanoTime();
                        index.search(q, 20);
                        searches.add((System.nanoTime() - a) / 1e6);
                    }
                }
                String[][] ids = {{"Device", "R"}, {"Amplifier_Operational", "LM358"}, {"power", "GND"},
                        {"Regulator_Linear", "L7806"}, {"MCU_ST_STM32F4", "STM32F407VGTx"}};
                List<Double> lookups = new ArrayList<>();
                for (int r = 0; r < 2000; r++) {
                    String[] id = ids[r % ids.length];
                    long a = System.nanoTime();
                    index.lookup(id[0], id[1]);
                    lookups.add((System.nanoTime() - a) / 1e3);
                }
                long u0 = System.nanoTime();
                index.suggestions("Device", "Rx");
                double suggest = (System.nanoTime() - u0) / 1e6;
                System.out.printf(Locale.ROOT, "%s warm open, no cache: median %.0f ms; with cache: median %.0f ms%n",
                        name, median(uncached), median(cached));
                System.out.printf(Locale.ROOT, "%s first search %.1f ms (builds the table), then median %.2f ms;"
                        + " lookup median %.1f us; suggestions %.1f ms; %s%n", name, firstSearch,
                        median(searches.stream().mapToDouble(Double::doubleValue).toArray()),
                        median(lookups.stream().mapToDouble(Double::doubleValue).toArray()), suggest, index.stats());
            }
        }
        if (ownCache) {
            try (var walk = Files.walk(cache)) {
                for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
    }

    private static double median(double[] values) {
        double[] v = values.clone();
        Arrays.sort(v);
        return v[v.length / 2];
    }
}
