package io.circuitsynth.netlist;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Runs the circuit JSON and circuit-synth vectors of {@code conformance/netlist/} (specification
 * sections 5 and 6) against {@link CircuitJson} and {@link CircuitSynthJson}: the contract shared
 * with the Rust engine ({@code rust-crates/netlist/tests/json_vectors.rs}).
 *
 * <p>{@code NAME.json} / {@code NAME.cs.json} is read; then {@code NAME.out.json} holds the
 * canonical circuit JSON of the design read, or {@code NAME.err} the error. A {@code NAME.json}
 * with {@code NAME.err} that reads without error, or one with a {@code NAME.net}, is a finalize
 * vector (section 2), left to the finalize tests. Run {@link #main} to write the {@code .out.json}
 * of new readable vectors; check them by eye and against the Rust engine before committing.
 */
class JsonVectorsTest {

    static Path dir() {
        String root = System.getProperty("circuitsynth.projectRoot");
        Path dir = root != null ? Path.of(root, "conformance", "netlist") : Path.of("..", "conformance", "netlist");
        return dir.toAbsolutePath().normalize();
    }

    /** Input file names, sorted: {@code NAME.json} and {@code NAME.cs.json}. */
    static List<String> inputs(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith(".json") && !n.endsWith(".out.json")).sorted().toList();
        }
    }

    static String stem(String input) {
        return input.endsWith(".cs.json") ? input.substring(0, input.length() - ".cs.json".length())
                : input.substring(0, input.length() - ".json".length());
    }

    static Design read(String input, byte[] bytes) {
        return input.endsWith(".cs.json") ? CircuitSynthJson.read(bytes) : CircuitJson.read(bytes);
    }

    private static String text(Path file) throws IOException {
        return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : null;
    }

    @Test
    void vectors() throws IOException {
        Path dir = dir();
        List<String> inputs = inputs(dir);
        assertThat(inputs).hasSizeGreaterThanOrEqualTo(100);
        List<String> failures = new ArrayList<>();
        for (String input : inputs) {
            String stem = stem(input);
            boolean synth = input.endsWith(".cs.json");
            String out = text(dir.resolve(stem + ".out.json"));
            String err = text(dir.resolve(stem + ".err"));
            Design design;
            try {
                design = read(input, Files.readAllBytes(dir.resolve(input)));
            } catch (NetlistException e) {
                if (err == null) {
                    failures.add(input + ": error " + e.getMessage());
                } else if (!e.getMessage().equals(err)) {
                    failures.add(input + ": error\n" + e.getMessage() + "\nexpected\n" + err);
                }
                continue;
            }
            if (out == null && (err != null && !synth || Files.exists(dir.resolve(stem + ".net")))) {
                continue;
            }
            if (out == null) {
                failures.add(input + ": reads, but " + stem + ".out.json is missing"
                        + (err != null ? "; expected " + err : ""));
                continue;
            }
            String written = new String(CircuitJson.write(design), StandardCharsets.UTF_8);
            if (!written.equals(out)) {
                failures.add(input + ": wrote\n" + written + "\nexpected\n" + out);
                continue;
            }
            // Written files are fixed points: read then write gives the same bytes.
            byte[] again = CircuitJson.write(CircuitJson.read(out.getBytes(StandardCharsets.UTF_8)));
            if (!new String(again, StandardCharsets.UTF_8).equals(out)) {
                failures.add(stem + ".out.json: not a fixed point");
            }
        }
        assertThat(failures).as("%d of %d vectors failed", failures.size(), inputs.size()).isEmpty();
    }

    /** Writes {@code NAME.out.json} for every readable input that has neither it nor {@code NAME.err}. */
    public static void main(String[] args) throws IOException {
        Path dir = args.length > 0 ? Path.of(args[0]) : dir();
        for (String input : inputs(dir)) {
            String stem = stem(input);
            if (Files.exists(dir.resolve(stem + ".out.json")) || Files.exists(dir.resolve(stem + ".err"))) {
                continue;
            }
            Design design = read(input, Files.readAllBytes(dir.resolve(input)));
            Files.write(dir.resolve(stem + ".out.json"), CircuitJson.write(design));
        }
    }
}
