package io.circuitsynth;

import static org.assertj.core.api.Assertions.assertThat;

import io.circuitsynth.io.JavaIoStage;
import io.circuitsynth.netlist.Design;
import io.circuitsynth.netlist.NetlistException;
import io.circuitsynth.netlist.NetlistStage;
import io.circuitsynth.symbols.SymbolIndex;
import io.circuitsynth.testing.TestEngines;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every circuit JSON and circuit-synth vector of {@code conformance/netlist/} through the facade,
 * over every engine under test:
 * {@link CircuitFiles#readAny} picks the reader the file's name says (by content alone), a
 * reader's error comes back with the file in front, a design read becomes a {@link Circuit} that
 * gives the same design and the same circuit JSON bytes back, and that circuit's netlist is the
 * vector's {@code .net}, or finalize's error the vector's {@code .err} with the file in front.
 */
class CircuitFilesVectorsTest {
    /**
     * Inputs whose content says otherwise than their name, on purpose: circuit-synth JSON named
     * {@code .json}, and a circuit-synth file without {@code components}, which by content is
     * neither format (so the circuit JSON reader reports it).
     */
    private static final Set<String> CIRCUIT_SYNTH_CONTENT = Set.of("json_err_circuit_synth_given.json");
    private static final Set<String> CIRCUIT_JSON_CONTENT = Set.of("cs_err_missing_components.cs.json");

    static Path vectors() {
        String root = System.getProperty("circuitsynth.projectRoot");
        Path dir = root != null ? Path.of(root, "conformance", "netlist") : Path.of("..", "conformance", "netlist");
        return dir.toAbsolutePath().normalize();
    }

    private static List<String> jsonInputs(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith(".json") && !n.endsWith(".out.json")).sorted().toList();
        }
    }

    private static String stem(String input) {
        return input.substring(0, input.length() - (input.endsWith(".cs.json") ? ".cs.json" : ".json").length());
    }

    private static String text(Path file) throws IOException {
        return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : null;
    }

    /** {@code FILE: MESSAGE}, or {@code FILE:LINE:COLUMN: DETAIL} for a positioned message. */
    static String sourced(Path file, String message) {
        return file + (message.matches("^[0-9]+:[0-9]+: .*") ? ":" : ": ") + message;
    }

    @Test
    void everyJsonVectorReadsThroughTheFacadeAsItsReaderReadsIt() throws IOException {
        for (NetlistStage stage : TestEngines.netlistStagesUnderTest()) {
            try (SymbolIndex builtin = CircuitNetTest.builtinIndex(TestEngines.symbolStageFor(stage))) {
                jsonVectors(stage, builtin);
            }
        }
    }

    private static void jsonVectors(NetlistStage stage, SymbolIndex builtin) throws IOException {
        CircuitFiles files = new CircuitFiles(stage, new JavaIoStage());
        Path dir = vectors();
        List<String> inputs = jsonInputs(dir);
        assertThat(inputs).hasSizeGreaterThanOrEqualTo(100);
        List<String> failures = new ArrayList<>();
        int designs = 0;
        for (String input : inputs) {
            Path file = dir.resolve(input);
            byte[] bytes = Files.readAllBytes(file);
            boolean renamed = CIRCUIT_SYNTH_CONTENT.contains(input) || CIRCUIT_JSON_CONTENT.contains(input);
            boolean synth = (input.endsWith(".cs.json") || CIRCUIT_SYNTH_CONTENT.contains(input))
                    && !CIRCUIT_JSON_CONTENT.contains(input);
            Design expected;
            String error;
            try {
                expected = synth ? stage.readCircuitSynthJson(bytes) : stage.readCircuitJson(bytes);
                error = null;
            } catch (NetlistException e) {
                expected = null;
                error = e.getMessage();
            }
            if (error != null && !renamed) {
                String want = text(dir.resolve(stem(input) + ".err"));
                if (!error.equals(want)) {
                    failures.add(input + ": the reader says " + error + ", the vector " + want);
                }
            }
            // A finalize vector: it reads, and finalize reports NAME.err (or writes NAME.net).
            String finalizeError = expected != null && !renamed ? text(dir.resolve(stem(input) + ".err")) : null;
            Circuit circuit;
            try {
                circuit = files.readAny(file);
            } catch (NetlistException e) {
                // A circuit cannot hold an instance of a missing definition: the facade reports it
                // when reading, in finalize's words.
                String want = error != null ? error : finalizeError;
                if (want == null || !e.getMessage().equals(sourced(file, want))) {
                    failures.add(input + ": facade says " + e.getMessage() + ", expected "
                            + (want == null ? "a design" : sourced(file, want)));
                }
                continue;
            }
            if (expected == null) {
                failures.add(input + ": read through the facade, expected " + sourced(file, error));
                continue;
            }
            designs++;
            if (!circuit.toDesign().equals(expected)) {
                failures.add(input + ": the circuit's design differs from the design read");
            }
            String out = text(dir.resolve(stem(input) + ".out.json"));
            if (out != null && !new String(files.json(circuit), StandardCharsets.UTF_8).equals(out)) {
                failures.add(input + ": the circuit writes other JSON than " + stem(input) + ".out.json");
            }
            String net = text(dir.resolve(stem(input) + ".net"));
            if (net == null && finalizeError == null) {
                continue;
            }
            try {
                String written = new String(files.net(circuit, builtin), StandardCharsets.UTF_8);
                if (!written.equals(net)) {
                    failures.add(input + ": the circuit's .net differs from " + (net == null
                            ? "the expected error " + finalizeError : stem(input) + ".net"));
                }
            } catch (NetlistException e) {
                if (finalizeError == null || !e.getMessage().equals(sourced(file, finalizeError))) {
                    failures.add(input + ": finalize says " + e.getMessage() + ", expected "
                            + (finalizeError == null ? stem(input) + ".net" : sourced(file, finalizeError)));
                }
            }
        }
        assertThat(failures).as("%s engine: %d of %d vectors failed", TestEngines.name(stage), failures.size(),
                inputs.size()).isEmpty();
        assertThat(designs).isGreaterThanOrEqualTo(10);
    }

    /**
     * Every {@code .net} vector, KiCad's own exports included, through {@link CircuitFiles#readAny}:
     * the reader's error with the file in front, or a circuit that gives the design read back.
     */
    @Test
    void everyNetVectorReadsThroughTheFacadeAsTheReaderReadsIt() throws IOException {
        for (NetlistStage stage : TestEngines.netlistStagesUnderTest()) {
            netVectors(stage);
        }
    }

    private static void netVectors(NetlistStage stage) throws IOException {
        CircuitFiles files = new CircuitFiles(stage, new JavaIoStage());
        List<Path> inputs = new ArrayList<>();
        try (Stream<Path> top = Files.list(vectors()); Stream<Path> kicad = Files.list(vectors().resolve("kicad"))) {
            top.filter(p -> p.getFileName().toString().endsWith(".in.net")).forEach(inputs::add);
            kicad.filter(p -> p.getFileName().toString().endsWith(".net")).forEach(inputs::add);
        }
        inputs.sort(null);
        assertThat(inputs).hasSizeGreaterThanOrEqualTo(30);
        List<String> failures = new ArrayList<>();
        for (Path file : inputs) {
            byte[] bytes = Files.readAllBytes(file);
            Design expected = null;
            String error = null;
            try {
                expected = stage.readNet(bytes);
            } catch (NetlistException e) {
                error = e.getMessage();
            }
            try {
                Circuit circuit = files.readAny(file);
                if (expected == null || !circuit.toDesign().equals(expected)) {
                    failures.add(file.getFileName() + ": " + (expected == null ? "read, expected " + error
                            : "the circuit's design differs from the design read"));
                }
            } catch (NetlistException e) {
                if (error == null || !e.getMessage().equals(sourced(file, error))) {
                    failures.add(file.getFileName() + ": facade says " + e.getMessage());
                }
            }
        }
        assertThat(failures).as("%s engine: %d of %d .net vectors failed", TestEngines.name(stage), failures.size(),
                inputs.size()).isEmpty();
    }
}
