package io.circuitsynth.benchmarks;

import io.circuitsynth.internal.Engines;
import io.circuitsynth.symbols.LibrarySource;
import io.circuitsynth.symbols.SymbolIndex;
import io.circuitsynth.symbols.SymbolStage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The {@code symbol-cache} stage over the whole installed KiCad 9 symbol library, Java engine
 * against native engine in the same run: opening without and with the persistent cache, lookups
 * and searches on an open index.
 *
 * <pre>java -jar benchmarks/target/benchmarks.jar SymbolBenchmark</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5)
@Measurement(iterations = 10)
@Fork(value = 1, jvmArgsAppend = {"-Xmx8g"})
public class SymbolBenchmark {
    @Param({"java", "native"})
    public String engine;

    private SymbolStage stage;
    private List<LibrarySource> sources;
    private Path cache;
    private SymbolIndex index;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        stage = engine.equals("native")
                ? Engines.nativeSymbols().orElseThrow(() -> new IllegalStateException("native engine unavailable: "
                        + Engines.info()))
                : Engines.javaSymbols();
        sources = new ArrayList<>();
        for (Path file : IoBenchmark.libraryFiles()) {
            sources.add(LibrarySource.of(file));
        }
        cache = Files.createTempDirectory("symbol-benchmark");
        stage.open(sources, cache).close();
        index = stage.open(sources, cache);
        index.search("warm up the search table", 1);
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        index.close();
        try (Stream<Path> walk = Files.walk(cache)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Read, resolve and index every library, no persistent cache. */
    @Benchmark
    public void openWithoutCache(Blackhole bh) {
        try (SymbolIndex i = stage.open(sources, null)) {
            bh.consume(i.stats());
        }
    }

    /** Open every library from a valid persistent cache. */
    @Benchmark
    public void openFromCache(Blackhole bh) {
        try (SymbolIndex i = stage.open(sources, cache)) {
            bh.consume(i.stats());
        }
    }

    /** 1,000 lookups of well-known symbols, decoded. */
    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public void lookup1000(Blackhole bh) {
        for (int i = 0; i < 200; i++) {
            bh.consume(index.lookup("Device", "R"));
            bh.consume(index.lookup("Amplifier_Operational", "LM358"));
            bh.consume(index.lookup("power", "GND"));
            bh.consume(index.lookup("Regulator_Linear", "L7806"));
            bh.consume(index.lookup("Connector", "USB_C_Receptacle_USB2.0_16P"));
        }
    }

    /** One search over all symbols. */
    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public void search(Blackhole bh) {
        bh.consume(index.search("op amp dual", 20));
    }
}
