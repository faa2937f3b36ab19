package io.circuitsynth.benchmarks;

import io.circuitsynth.io.JavaIoStage;
import io.circuitsynth.io.SexprTree;
import io.circuitsynth.pins.FieldLayout;
import io.circuitsynth.pins.Fields;
import io.circuitsynth.pins.Mirror;
import io.circuitsynth.pins.PlacedUnit;
import io.circuitsynth.pins.Placement;
import io.circuitsynth.pins.Rotation;
import io.circuitsynth.pins.SymbolGeometry;
import io.circuitsynth.symbols.BuiltinLibraries;
import io.circuitsynth.symbols.JavaSymbolStage;
import io.circuitsynth.symbols.LibrarySource;
import io.circuitsynth.symbols.Symbol;
import io.circuitsynth.symbols.SymbolLibraries;
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
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The {@code pin-calculator} stage, Java engine: 1,500 placed units drawn from every built-in
 * symbol in every rotation and mirror (the same input as the crate's criterion bench
 * {@code benches/pins.rs}). The native calculator runs inside the whole-pipeline call, so it has
 * no JNI entry of its own to put beside it here.
 *
 * <pre>java -jar benchmarks/target/benchmarks.jar PinBenchmark</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 10, time = 1)
@Fork(1)
public class PinBenchmark {
    private List<Symbol> symbols;
    private SymbolGeometry[] geometries;
    private int[] which;
    private int[] units;
    private Placement[] placements;

    @Setup(Level.Trial)
    public void setUp() {
        List<LibrarySource> sources = new ArrayList<>();
        for (BuiltinLibraries.Library lib : BuiltinLibraries.sources()) {
            sources.add(LibrarySource.inMemory(lib.nickname(), lib.path(), lib.content()));
        }
        symbols = new ArrayList<>();
        try (SymbolLibraries libs = SymbolLibraries.open(new JavaSymbolStage(), sources, null)) {
            for (BuiltinLibraries.Library lib : BuiltinLibraries.sources()) {
                SexprTree t = new JavaIoStage().parse(lib.content(), lib.path());
                for (int c = t.firstChild(0); c != SexprTree.NONE; c = t.nextSibling(0, c)) {
                    if (t.isList(c) && t.textEquals(t.firstChild(c), "symbol")) {
                        String name = t.stringValue(t.nextSibling(c, t.firstChild(c)));
                        symbols.add(libs.find(lib.nickname(), name).orElseThrow());
                    }
                }
            }
        }
        geometries = new SymbolGeometry[symbols.size()];
        for (int i = 0; i < geometries.length; i++) {
            geometries[i] = SymbolGeometry.of(symbols.get(i));
        }
        which = new int[1500];
        units = new int[1500];
        placements = new Placement[1500];
        Rotation[] rotations = Rotation.values();
        Mirror[] mirrors = Mirror.values();
        for (int i = 0; i < 1500; i++) {
            which[i] = i % geometries.length;
            units[i] = 1 + (i / 7) % geometries[which[i]].unitCount();
            placements[i] = new Placement((i % 40) * 254_000, (i / 40) * 254_000, rotations[i % 4],
                    mirrors[(i / 4) % 3]);
        }
    }

    /** Reads the drawings of every built-in symbol into its geometry. */
    @Benchmark
    public void prepareEveryBuiltinSymbol(Blackhole bh) {
        for (Symbol s : symbols) {
            bh.consume(SymbolGeometry.of(s));
        }
    }

    /** Pins and body box of 1,500 placed units. */
    @Benchmark
    public void place1500Units(Blackhole bh) {
        for (int i = 0; i < 1500; i++) {
            bh.consume(geometries[which[i]].place(units[i], 1, placements[i]));
        }
    }

    /** The same, plus Reference and Value beside every unit. */
    @Benchmark
    public void place1500UnitsWithFields(Blackhole bh) {
        for (int i = 0; i < 1500; i++) {
            PlacedUnit u = geometries[which[i]].place(units[i], 1, placements[i]);
            FieldLayout f = Fields.place(u, placements[i], "U123", "10k", 12_700);
            bh.consume(f);
        }
    }
}
