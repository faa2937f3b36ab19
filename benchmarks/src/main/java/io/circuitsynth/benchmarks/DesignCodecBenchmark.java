package io.circuitsynth.benchmarks;

import io.circuitsynth.netlist.Design;
import io.circuitsynth.netlist.DesignCodec;
import io.circuitsynth.netlist.SyntheticDesigns;
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

/**
 * The Java half of the design codec, which every native netlist operation pays on top of the
 * Rust work: encoding and decoding the 10,000-component synthetic design.
 *
 * <pre>java -jar benchmarks/target/benchmarks.jar DesignCodecBenchmark -f 1 -wi 5 -i 10</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 10, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xmx4g", "-Xms4g"})
public class DesignCodecBenchmark {
    private Design design;
    private byte[] encoded;

    @Setup(Level.Trial)
    public void setUp() {
        design = SyntheticDesigns.design(10_000, 12_000);
        encoded = DesignCodec.encode(design);
    }

    @Benchmark
    public byte[] encode10k() {
        return DesignCodec.encode(design);
    }

    @Benchmark
    public Design decode10k() {
        return DesignCodec.decode(encoded);
    }
}
