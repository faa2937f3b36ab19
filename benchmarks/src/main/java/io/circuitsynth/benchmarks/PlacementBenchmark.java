package io.circuitsynth.benchmarks;

import io.circuitsynth.internal.Engines;
import io.circuitsynth.placement.Layout;
import io.circuitsynth.placement.PlacementStage;
import io.circuitsynth.placement.PlacementText;
import io.circuitsynth.placement.Sheet;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
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
import org.openjdk.jmh.annotations.Warmup;

/**
 * The {@code placement} stage on the synthetic sheets of the conformance vectors
 * ({@code conformance/placement/synthetic_N.in}: ICs with decoupling capacitors, resistor chains,
 * connectors), Java engine against native engine in the same run. Run from the repository root,
 * or point {@code -Dcircuitsynth.projectRoot} at it.
 *
 * <pre>java -jar benchmarks/target/benchmarks.jar PlacementBenchmark</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 10, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xmx2g"})
public class PlacementBenchmark {
    @Param({"java", "native"})
    public String engine;

    @Param({"10", "100", "1000"})
    public int items;

    private PlacementStage stage;
    private Sheet sheet;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        stage = engine.equals("native")
                ? Engines.nativePlacement().orElseThrow(() -> new IllegalStateException("native engine unavailable: "
                        + Engines.info()))
                : Engines.javaPlacement();
        Path root = Path.of(System.getProperty("circuitsynth.projectRoot", "."));
        Path file = root.resolve("conformance/placement/synthetic_" + items + ".in");
        sheet = PlacementText.parseSheet(Files.readString(file, StandardCharsets.UTF_8));
    }

    /** One sheet, from the items to positions, page and metrics. */
    @Benchmark
    public Layout place() {
        return stage.place(sheet);
    }
}
