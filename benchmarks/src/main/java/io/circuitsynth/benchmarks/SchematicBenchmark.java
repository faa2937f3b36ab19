package io.circuitsynth.benchmarks;

import io.circuitsynth.internal.Engines;
import io.circuitsynth.netlist.Design;
import io.circuitsynth.netlist.SyntheticDesigns;
import io.circuitsynth.placement.Layout;
import io.circuitsynth.placement.PlacementStage;
import io.circuitsynth.placement.PlacementText;
import io.circuitsynth.placement.Sheet;
import io.circuitsynth.schematic.GeneratedProject;
import io.circuitsynth.schematic.SchematicStage;
import io.circuitsynth.symbols.BuiltinLibraries;
import io.circuitsynth.symbols.LibrarySource;
import io.circuitsynth.symbols.SymbolIndex;
import io.circuitsynth.symbols.SymbolStage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Schematic generation, Java engine against native engine in the same run: the whole pipeline
 * (finalize, pin geometry, placement of every sheet, every file's bytes) on the synthetic
 * 1,500-component, 1,800-net design ({@link SyntheticDesigns}, which the criterion benchmark of
 * the Rust pipeline builds too) and on the example board ({@code conformance/example/}), and the
 * placement stage alone on the 1,000-part synthetic sheet of its vectors
 * ({@code conformance/placement/synthetic_1000.in}, the input of {@code PlacementBenchmark}).
 * Symbols come from the built-in libraries, opened by the engine under test; files are built in
 * memory, not written (the {@code io} stage's writes have their own benchmark). Run from the
 * repository root, or point {@code -Dcircuitsynth.projectRoot} at it.
 *
 * <pre>java -jar benchmarks/target/benchmarks.jar SchematicBenchmark</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 10, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xmx4g", "-Xms4g"})
public class SchematicBenchmark {
    @Param({"java", "native"})
    public String engine;

    private SchematicStage schematic;
    private PlacementStage placement;
    private SymbolIndex index;
    private Design synthetic;
    private Design example;
    private Sheet sheet1000;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        SymbolStage symbols;
        if (engine.equals("native")) {
            schematic = Engines.nativeSchematic().orElseThrow(() -> new IllegalStateException(
                    "native engine unavailable: " + Engines.info()));
            placement = Engines.nativePlacement().orElseThrow(() -> new IllegalStateException(
                    "native engine unavailable: " + Engines.info()));
            symbols = Engines.nativeSymbols().orElseThrow();
        } else {
            schematic = Engines.javaSchematic();
            placement = Engines.javaPlacement();
            symbols = Engines.javaSymbols();
        }
        index = symbols.open(builtinSources(), null);
        synthetic = SyntheticDesigns.design(1_500, 1_800);
        Path root = Path.of(System.getProperty("circuitsynth.projectRoot", "."));
        example = Engines.javaNetlist().readCircuitJson(
                Files.readAllBytes(root.resolve("conformance/example/example.circuit.json")));
        sheet1000 = PlacementText.parseSheet(
                Files.readString(root.resolve("conformance/placement/synthetic_1000.in"), StandardCharsets.UTF_8));
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        index.close();
    }

    static List<LibrarySource> builtinSources() {
        List<LibrarySource> sources = new ArrayList<>();
        for (BuiltinLibraries.Library lib : BuiltinLibraries.sources()) {
            sources.add(LibrarySource.inMemory(lib.nickname(), lib.path(), lib.content()));
        }
        return sources;
    }

    /** 1,500 components, 1,800 nets: every file's bytes. */
    @Benchmark
    public GeneratedProject generate1500() {
        return schematic.generate(synthetic, index);
    }

    /** The example board (48 parts, five sheet files): every file's bytes. */
    @Benchmark
    public GeneratedProject generateExample() {
        return schematic.generate(example, index);
    }

    /** The placement stage alone: one sheet of 1,000 parts. */
    @Benchmark
    public Layout place1000() {
        return placement.place(sheet1000);
    }
}
