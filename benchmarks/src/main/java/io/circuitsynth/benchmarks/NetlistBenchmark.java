package io.circuitsynth.benchmarks;

import io.circuitsynth.internal.Engines;
import io.circuitsynth.natives.NativeDesign;
import io.circuitsynth.natives.Natives;
import io.circuitsynth.netlist.Design;
import io.circuitsynth.netlist.Finalizer;
import io.circuitsynth.netlist.NetlistStage;
import io.circuitsynth.netlist.SyntheticDesigns;
import io.circuitsynth.symbols.BuiltinLibraries;
import io.circuitsynth.symbols.LibrarySource;
import io.circuitsynth.symbols.SymbolIndex;
import io.circuitsynth.symbols.SymbolStage;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The {@code netlist} stage on synthetic designs ({@link SyntheticDesigns}, the same designs the
 * criterion benchmarks of {@code rust-crates/netlist/benches/netlist.rs} build), Java engine
 * against native engine in the same run. Symbols come from the built-in libraries, opened by the
 * engine under test.
 *
 * <pre>java -jar benchmarks/target/benchmarks.jar NetlistBenchmark -f 1 -wi 5 -i 10</pre>
 *
 * <p>Native figures include the JNI crossing: encoding the design in Java, decoding it in Rust,
 * and for the readers the way back.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 10, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xmx4g", "-Xms4g"})
public class NetlistBenchmark {
    /** Components of the prefix-only design, the divisor of {@link #finalizeReferencesOnly}. */
    static final int REFERENCES = 10_000;

    @Param({"java", "native"})
    public String engine;

    private NetlistStage stage;
    private SymbolIndex index;
    private Design design10k;
    private Design prefixOnly;
    private NativeDesign heldPrefixOnly;
    private Design absoluteOnly;
    private byte[] net1500;

    @Setup(Level.Trial)
    public void setUp() {
        SymbolStage symbols;
        if (engine.equals("native")) {
            stage = Engines.nativeNetlist().orElseThrow(() -> new IllegalStateException("native engine unavailable: "
                    + Engines.info()));
            symbols = Engines.nativeSymbols().orElseThrow();
        } else {
            stage = Engines.javaNetlist();
            symbols = Engines.javaSymbols();
        }
        index = symbols.open(builtinSources(), null);
        design10k = SyntheticDesigns.design(10_000, 12_000);
        prefixOnly = SyntheticDesigns.prefixOnly(REFERENCES);
        heldPrefixOnly = engine.equals("native") ? Natives.hold(prefixOnly) : null;
        absoluteOnly = SyntheticDesigns.absoluteOnly(REFERENCES);
        try (SymbolIndex javaIndex = Engines.javaSymbols().open(builtinSources(), null)) {
            net1500 = Engines.javaNetlist().writeNet(SyntheticDesigns.design(1_500, 1_800), javaIndex);
        }
    }

    static List<LibrarySource> builtinSources() {
        List<LibrarySource> sources = new ArrayList<>();
        for (BuiltinLibraries.Library lib : BuiltinLibraries.sources()) {
            sources.add(LibrarySource.inMemory(lib.nickname(), "circuitsynth-builtin/" + lib.nickname() + ".kicad_sym",
                    lib.content()));
        }
        return sources;
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        index.close();
        if (heldPrefixOnly != null) {
            heldPrefixOnly.close();
        }
    }

    /** Finalize plus {@code .net} emission: 10,000 components, 12,000 nets (native ≤ 50 ms, Java ≤ 150 ms). */
    @Benchmark
    public byte[] writeNet10k() {
        return stage.writeNet(design10k, index);
    }

    /** Finalize alone of the same design. */
    @Benchmark
    public void finalize10k(Blackhole bh) {
        bh.consume(finalizeOnly(design10k));
    }

    /**
     * Finalize of 10,000 prefix-numbered components without pins or nets, per component (the
     * issue's "per reference generated", native ≤ 100 ns). It includes everything finalize does
     * per component; {@link #finalizeAbsoluteOnly} does the same but for the numbering, so the
     * difference of the two is the numbering alone.
     */
    @Benchmark
    @OperationsPerInvocation(REFERENCES)
    @OutputTimeUnit(TimeUnit.NANOSECONDS)
    public void finalizeReferencesOnly(Blackhole bh) {
        bh.consume(finalizeOnly(prefixOnly));
    }

    /**
     * Reference generation alone, per reference (the "per reference generated", native
     * ≤ 100 ns): the references finalize gives the 10,000 prefix-numbered components of
     * {@code prefixOnly}, checks included ({@code Finalizer.references}, {@code
     * finalize::references}). Native figures include the whole JNI crossing: the design's outline
     * encoded in Java and decoded in Rust, the references back as one byte array made into
     * Java strings.
     */
    @Benchmark
    @OperationsPerInvocation(REFERENCES)
    @OutputTimeUnit(TimeUnit.NANOSECONDS)
    public List<String> references10k() {
        return engine.equals("native") ? Natives.references(prefixOnly) : Finalizer.references(prefixOnly);
    }

    /**
     * {@link #references10k} of a design already held by the native engine ({@code
     * Natives.hold}), so only the references cross JNI, as Java strings; the Java engine holds
     * every design, so its figure is {@code references10k}'s.
     */
    @Benchmark
    @OperationsPerInvocation(REFERENCES)
    @OutputTimeUnit(TimeUnit.NANOSECONDS)
    public List<String> referencesHeld10k() {
        return engine.equals("native") ? heldPrefixOnly.references() : Finalizer.references(prefixOnly);
    }

    /** {@link #finalizeReferencesOnly} with the references already written out ({@link SyntheticDesigns#absoluteOnly}). */
    @Benchmark
    @OperationsPerInvocation(REFERENCES)
    @OutputTimeUnit(TimeUnit.NANOSECONDS)
    public void finalizeAbsoluteOnly(Blackhole bh) {
        bh.consume(finalizeOnly(absoluteOnly));
    }

    /** Reading a 1,500-component, 1,800-net {@code .net} written by this library (native ≤ 30 ms). */
    @Benchmark
    public Design readNet1500() {
        return stage.readNet(net1500);
    }

    private Object finalizeOnly(Design design) {
        if (engine.equals("native")) {
            return Natives.finalizeCounts(design, index);
        }
        return Finalizer.finalize(design, index);
    }
}
