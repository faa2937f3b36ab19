package io.circuitsynth.netlist;

import static org.assertj.core.api.Assertions.assertThat;

import io.circuitsynth.symbols.SymbolIndex;
import io.circuitsynth.testing.ByteAsserts;
import io.circuitsynth.testing.KicadFiles;
import io.circuitsynth.testing.TestEngines;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every vector of {@code conformance/netlist/} (each file kind of its README's table) through
 * every {@link NetlistStage} under test ({@link TestEngines#netlistStagesUnderTest()}): each
 * engine gives exactly the expected {@code .net} bytes or exactly the {@code .err} message (a KiCad
 * export, read then written, keeps its connectivity, values and footprints), and
 * the engines agree with each other on everything in between (the design read, its circuit JSON
 * and {@code NAME.out.json} when there is one, the exception's class). The parts' own tests hold each entry point to the same vectors; this
 * one holds the stage as a whole, the JNI crossing included.
 *
 * <p>No vector is skipped: an input that a reader or the writer cannot handle yet fails here.
 */
class NetlistStagesConformanceTest {

    static Path vectorDir() {
        String root = System.getProperty("circuitsynth.projectRoot");
        Path dir = root != null ? Path.of(root, "conformance", "netlist") : Path.of("..", "conformance", "netlist");
        return dir.toAbsolutePath().normalize();
    }

    /** The input kinds of the README's table. */
    enum Kind {
        CIRCUIT_JSON, CIRCUIT_SYNTH, NET_IN, KICAD
    }

    /**
     * One vector: its input, what kind it is, and what is expected of it: {@code NAME.out.json}
     * (the circuit JSON of the design read), {@code NAME.net} (the written {@code .net}),
     * {@code NAME.err} (the reader's or finalize's error); each null when absent.
     */
    record Vector(String name, Kind kind, Path input, Path out, Path net, Path err) {}

    private static Path existing(Path p) {
        return Files.exists(p) ? p : null;
    }

    static List<Vector> vectors() {
        Path dir = vectorDir();
        List<Vector> vectors = new ArrayList<>();
        for (Path p : KicadFiles.find(dir, ".json", ".net")) {
            Path rel = dir.relativize(p);
            String file = p.getFileName().toString();
            if (rel.getNameCount() == 2 && rel.getName(0).toString().equals("kicad") && file.endsWith(".net")) {
                vectors.add(new Vector(rel.toString(), Kind.KICAD, p, null, null, null));
                continue;
            }
            if (rel.getNameCount() != 1) {
                continue;
            }
            String stem;
            Kind kind;
            if (file.endsWith(".out.json")) {
                // The expected circuit JSON of another input.
                continue;
            } else if (file.endsWith(".cs.json")) {
                stem = file.substring(0, file.length() - ".cs.json".length());
                kind = Kind.CIRCUIT_SYNTH;
            } else if (file.endsWith(".json")) {
                stem = file.substring(0, file.length() - ".json".length());
                kind = Kind.CIRCUIT_JSON;
            } else if (file.endsWith(".in.net")) {
                stem = file.substring(0, file.length() - ".in.net".length());
                kind = Kind.NET_IN;
            } else {
                // NAME.net: the expected output of one of the inputs above.
                continue;
            }
            vectors.add(new Vector(file, kind, p, existing(dir.resolve(stem + ".out.json")),
                    existing(dir.resolve(stem + ".net")), existing(dir.resolve(stem + ".err"))));
        }
        return vectors;
    }

    /** An exception as the test compares it: class and message. */
    record Failure(Class<?> type, String message) {
        static Failure of(RuntimeException e) {
            return new Failure(e.getClass(), e.getMessage());
        }
    }

    /**
     * What one engine made of one vector: the design read (or the reader's failure), its circuit
     * JSON, the written {@code .net} (or the writer's failure).
     */
    record Outcome(Design design, Failure readFailure, byte[] circuitJson, byte[] net, Failure writeFailure) {}

    private static final Map<NetlistStage, SymbolIndex> INDEXES = new IdentityHashMap<>();

    /** The built-in libraries, opened by the stage's own engine, as the specification's vectors require. */
    static synchronized SymbolIndex builtinIndex(NetlistStage stage) {
        return INDEXES.computeIfAbsent(stage, s -> TestCircuits.builtinIndex(TestEngines.symbolStageFor(s)));
    }

    @AfterAll
    static synchronized void closeIndexes() {
        INDEXES.values().forEach(SymbolIndex::close);
        INDEXES.clear();
    }

    static Outcome run(NetlistStage stage, Kind kind, byte[] input) {
        Design design;
        try {
            design = switch (kind) {
                case CIRCUIT_JSON -> stage.readCircuitJson(input);
                case CIRCUIT_SYNTH -> stage.readCircuitSynthJson(input);
                case NET_IN, KICAD -> stage.readNet(input);
            };
        } catch (RuntimeException e) {
            return new Outcome(null, Failure.of(e), null, null, null);
        }
        // Writing circuit JSON has no error of its own: any exception here fails the test.
        byte[] json = stage.writeCircuitJson(design);
        try {
            return new Outcome(design, null, json, stage.writeNet(design, builtinIndex(stage)), null);
        } catch (RuntimeException e) {
            return new Outcome(design, null, json, null, Failure.of(e));
        }
    }

    private static byte[] read(Path p) {
        try {
            return Files.readAllBytes(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String text(Path p) {
        return new String(read(p), StandardCharsets.UTF_8);
    }

    static void checkExpected(Vector v, Outcome o) {
        String expectedError = v.err() == null ? null : text(v.err());
        if (o.readFailure() != null) {
            assertThat(o.readFailure()).as("%s: reading", v.name())
                    .isEqualTo(new Failure(NetlistException.class, expectedError));
            return;
        }
        if (v.out() != null) {
            ByteAsserts.assertSameBytes(o.circuitJson(), read(v.out()), v.name() + " circuit JSON of the design read");
        }
        if (v.kind() == Kind.KICAD) {
            // The round trip issue 4 promises (README section 4): the same nets by name, each
            // with the same REF.PINs, and the same values and footprints. The rest of a KiCad
            // export (libparts' descriptions, field order, libraries) is not in the model.
            assertThat(o.writeFailure()).as("%s: writing", v.name()).isNull();
            assertThat(NetConnectivity.ofNet(o.net()).diff(NetConnectivity.ofNet(read(v.input()))))
                    .as("%s read then written: connectivity, values and footprints", v.name()).isEmpty();
        } else if (expectedError != null) {
            assertThat(o.writeFailure()).as("%s: finalize (it read without the expected error)", v.name())
                    .isEqualTo(new Failure(NetlistException.class, expectedError));
        } else if (v.net() != null) {
            assertThat(o.writeFailure()).as("%s: writing", v.name()).isNull();
            ByteAsserts.assertSameBytes(o.net(), read(v.net()), v.name());
        }
        // A reader vector without NAME.net or NAME.err pins nothing about finalize; the engines
        // must still agree on it (checkAgree).
    }

    static void checkAgree(String name, Outcome reference, Outcome other) {
        assertThat(other.readFailure()).as("%s: reading", name).isEqualTo(reference.readFailure());
        assertThat(other.design()).as("%s: design read", name).isEqualTo(reference.design());
        if (reference.circuitJson() != null) {
            ByteAsserts.assertSameBytes(other.circuitJson(), reference.circuitJson(), name + " circuit JSON");
        }
        assertThat(other.writeFailure()).as("%s: writing", name).isEqualTo(reference.writeFailure());
        if (reference.net() != null) {
            ByteAsserts.assertSameBytes(other.net(), reference.net(), name + " .net");
        }
    }

    @TestFactory
    Stream<DynamicNode> everyVectorThroughEveryStage() {
        List<Vector> vectors = vectors();
        Path dir = vectorDir();
        assertThat(vectors).as("netlist vectors in %s", dir).isNotEmpty();
        for (Kind kind : Kind.values()) {
            assertThat(vectors).as("vectors of kind %s in %s", kind, dir).anyMatch(v -> v.kind() == kind);
        }
        List<NetlistStage> stages = TestEngines.netlistStagesUnderTest();
        List<DynamicNode> nodes = new ArrayList<>();
        for (Vector v : vectors) {
            if (v.kind() != Kind.KICAD) {
                assertThat(v.net() != null && v.err() != null).as("%s has both NAME.net and NAME.err", v.name())
                        .isFalse();
                // A .in.net without either is pinned field by field by the reader's own tests; here
                // the engines must still agree on it.
                assertThat(v.kind() == Kind.NET_IN || v.out() != null || v.net() != null || v.err() != null)
                        .as("%s has none of NAME.out.json, NAME.net, NAME.err", v.name()).isTrue();
            }
            Map<NetlistStage, Outcome> outcomes = new LinkedHashMap<>();
            List<DynamicNode> tests = new ArrayList<>();
            for (NetlistStage stage : stages) {
                tests.add(DynamicTest.dynamicTest(TestEngines.name(stage), v.input().toUri(), () -> {
                    Outcome o = run(stage, v.kind(), read(v.input()));
                    outcomes.put(stage, o);
                    checkExpected(v, o);
                }));
            }
            if (stages.size() > 1) {
                tests.add(DynamicTest.dynamicTest("engines agree", () -> {
                    List<Outcome> all = new ArrayList<>();
                    for (NetlistStage stage : stages) {
                        all.add(Objects.requireNonNullElseGet(outcomes.get(stage),
                                () -> run(stage, v.kind(), read(v.input()))));
                    }
                    for (int i = 1; i < all.size(); i++) {
                        checkAgree(v.name(), all.get(0), all.get(i));
                    }
                }));
            }
            nodes.add(DynamicContainer.dynamicContainer(v.name(), tests));
        }
        return nodes.stream();
    }
}
