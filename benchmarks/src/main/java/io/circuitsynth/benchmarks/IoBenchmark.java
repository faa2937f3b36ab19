package io.circuitsynth.benchmarks;

import io.circuitsynth.internal.Engines;
import io.circuitsynth.io.IoStage;
import io.circuitsynth.io.SexprTree;
import io.circuitsynth.symbols.SymbolDirectories;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
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
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The {@code io} stage over the whole installed KiCad 9 symbol library (224 files, about 213 MB),
 * Java engine against native engine in the same run.
 *
 * <pre>java -jar benchmarks/target/benchmarks.jar IoBenchmark</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5)
@Measurement(iterations = 10)
@Fork(value = 1, jvmArgsAppend = {"-Xmx8g", "-Xms8g"})
public class IoBenchmark {
    @Param({"java", "native"})
    public String engine;

    private IoStage io;
    private List<Path> files;
    private List<byte[]> contents;
    private List<SexprTree> trees;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        io = engine.equals("native")
                ? Engines.nativeIo().orElseThrow(() -> new IllegalStateException("native engine unavailable: " + Engines.info()))
                : Engines.javaIo();
        files = libraryFiles();
        contents = new ArrayList<>();
        trees = new ArrayList<>();
        for (Path file : files) {
            byte[] bytes = Files.readAllBytes(file);
            contents.add(bytes);
            trees.add(io.parse(bytes, file.toString()));
        }
    }

    static List<Path> libraryFiles() {
        String override = System.getenv("KICAD9_SYMBOL_DIR");
        Path dir = override != null ? Path.of(override) : SymbolDirectories.found().stream()
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("no KiCad 9 symbol library: install kicad-symbols or set KICAD9_SYMBOL_DIR"));
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.filter(p -> p.toString().endsWith(".kicad_sym")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Read and parse every library file, in parallel: the whole operation in one call. */
    @Benchmark
    public long parseLibraryFiles() throws IOException {
        return io.parseFiles(files);
    }

    /** Parse every file from memory, one call per file: includes the per-file JNI crossing and node-table copy. */
    @Benchmark
    public void parseLibraryInMemory(Blackhole bh) {
        for (int i = 0; i < contents.size(); i++) {
            bh.consume(io.parse(contents.get(i), "lib"));
        }
    }

    /** Print every parsed file in KiCad 9's layout. */
    @Benchmark
    public void printLibrary(Blackhole bh) {
        for (SexprTree tree : trees) {
            bh.consume(io.print(tree));
        }
    }

    /** Content-hash every file, in parallel. */
    @Benchmark
    public void hashLibrary(Blackhole bh) throws IOException {
        bh.consume(io.hash(files));
    }
}
