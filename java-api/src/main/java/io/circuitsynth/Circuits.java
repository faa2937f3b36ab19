package io.circuitsynth;

import io.circuitsynth.symbols.SymbolLibraries;
import java.nio.file.Path;

/**
 * Circuits in files: circuit JSON, KiCad {@code .net} and circuit-synth JSON in, circuit JSON and
 * KiCad {@code .net} out, with the selected engine ({@code circuitsynth.engine}).
 *
 * <pre>{@code
 * Circuit board = Circuits.readAny(Path.of("board.json"));     // .net, circuit JSON or circuit-synth JSON
 * try (SymbolLibraries libs = SymbolLibraries.discover()) {
 *     Circuits.writeNet(board, libs, Path.of("board.net"));
 * }
 * }</pre>
 *
 * <p><b>Writes</b> are atomic (a temporary file, then a rename) and happen only when the bytes
 * change; everything is computed before the file is touched, so an error never leaves a partial
 * or empty file behind, and an existing file stays as it was.
 *
 * <p><b>Errors.</b> Bad content throws {@link io.circuitsynth.netlist.NetlistException} whose
 * message starts with the file: {@code board.json: $.definitions.Main.components[3].symbol:
 * missing member "symbol"}, and {@code board.net:12:5: comp without (ref "REF")} for a
 * message that carries a line and column (the form compilers and editors use). Errors found
 * when a read circuit is written (finalize's) name the file it was read from too. A file that
 * cannot be read or written throws {@link java.io.UncheckedIOException}: {@code cannot read
 * board.json: file not found}.
 */
public final class Circuits {
    private Circuits() {}

    /** Reads circuit JSON (the {@code circuitsynth-circuit} format). */
    public static Circuit readJson(Path file) {
        return CircuitFiles.selected().readJson(Args.notNull(file, "Circuits.readJson(file): file"));
    }

    /** Reads a KiCad {@code .net} (KiCad 6 to 10); references are kept as written. */
    public static Circuit readNet(Path file) {
        return CircuitFiles.selected().readNet(Args.notNull(file, "Circuits.readNet(file): file"));
    }

    /** Reads circuit-synth's circuit JSON ({@code Circuit.to_dict()}, {@code generate_json_netlist()}). */
    public static Circuit readCircuitSynth(Path file) {
        return CircuitFiles.selected().readCircuitSynth(Args.notNull(file, "Circuits.readCircuitSynth(file): file"));
    }

    /**
     * Reads any of the three inputs, told apart by content, not by file name: a file that starts
     * with {@code (} is a {@code .net}; a JSON object with a top-level {@code format} member is
     * circuit JSON, one with {@code components} and no {@code format} circuit-synth JSON.
     */
    public static Circuit readAny(Path file) {
        return CircuitFiles.selected().readAny(Args.notNull(file, "Circuits.readAny(file): file"));
    }

    /**
     * Writes {@code circuit} as circuit JSON, atomically.
     *
     * @return true if the file was written, false if it already held exactly these bytes
     */
    public static boolean writeJson(Circuit circuit, Path file) {
        Args.notNull(circuit, "Circuits.writeJson(circuit, file): circuit");
        Args.notNull(file, "Circuits.writeJson(circuit, file): file");
        return CircuitFiles.selected().writeJson(circuit, file);
    }

    /**
     * Finalizes {@code circuit} against {@code libraries} (references, net names, pin checks) and
     * writes its KiCad 9 netlist, atomically.
     *
     * @param libraries opened with the selected engine ({@link SymbolLibraries#discover()} or
     *     {@link SymbolLibraries#open(java.util.List)})
     * @return true if the file was written, false if it already held exactly these bytes
     */
    public static boolean writeNet(Circuit circuit, SymbolLibraries libraries, Path file) {
        Args.notNull(circuit, "Circuits.writeNet(circuit, libraries, file): circuit");
        Args.notNull(libraries, "Circuits.writeNet(circuit, libraries, file): libraries");
        Args.notNull(file, "Circuits.writeNet(circuit, libraries, file): file");
        return CircuitFiles.selected().writeNet(circuit, libraries.index(), file);
    }

    /** The circuit JSON bytes of {@code circuit}, in the canonical layout. */
    public static byte[] toJson(Circuit circuit) {
        return CircuitFiles.selected().json(Args.notNull(circuit, "Circuits.toJson(circuit): circuit"));
    }

    /** The KiCad 9 {@code .net} bytes of {@code circuit}, finalized against {@code libraries}. */
    public static byte[] toNet(Circuit circuit, SymbolLibraries libraries) {
        Args.notNull(circuit, "Circuits.toNet(circuit, libraries): circuit");
        Args.notNull(libraries, "Circuits.toNet(circuit, libraries): libraries");
        return CircuitFiles.selected().net(circuit, libraries.index());
    }
}
