package io.circuitsynth;

import io.circuitsynth.internal.Engines;
import io.circuitsynth.io.IoStage;
import io.circuitsynth.netlist.Design;
import io.circuitsynth.netlist.NetlistException;
import io.circuitsynth.netlist.NetlistStage;
import io.circuitsynth.symbols.SymbolIndex;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.function.Function;

/**
 * What {@link Circuits} does, over a given {@code netlist} and {@code io} stage (the selected
 * engine's in use; any in tests).
 */
final class CircuitFiles {
    /** The inputs {@link #readAny(Path)} tells apart by content. */
    enum Format {
        NET,
        CIRCUIT_JSON,
        CIRCUIT_SYNTH_JSON
    }

    private final NetlistStage netlist;
    private final IoStage io;

    CircuitFiles(NetlistStage netlist, IoStage io) {
        this.netlist = netlist;
        this.io = io;
    }

    static CircuitFiles selected() {
        return new CircuitFiles(Engines.netlist(), Engines.io());
    }

    Circuit readJson(Path file) {
        return read(file, netlist::readCircuitJson);
    }

    Circuit readNet(Path file) {
        return read(file, netlist::readNet);
    }

    Circuit readCircuitSynth(Path file) {
        return read(file, netlist::readCircuitSynthJson);
    }

    Circuit readAny(Path file) {
        byte[] bytes = readBytes(file);
        switch (InputDetection.detect(bytes)) {
            case NET:
                return parse(file, bytes, netlist::readNet);
            case CIRCUIT_SYNTH_JSON:
                return parse(file, bytes, netlist::readCircuitSynthJson);
            default:
                return parse(file, bytes, netlist::readCircuitJson);
        }
    }

    private Circuit read(Path file, Function<byte[], Design> reader) {
        return parse(file, readBytes(file), reader);
    }

    private static Circuit parse(Path file, byte[] bytes, Function<byte[], Design> reader) {
        Circuit circuit;
        try {
            circuit = Circuit.from(reader.apply(bytes));
        } catch (NetlistException e) {
            throw sourced(file.toString(), e);
        }
        circuit.source = file.toString();
        return circuit;
    }

    byte[] json(Circuit circuit) {
        return netlist.writeCircuitJson(design(circuit));
    }

    byte[] net(Circuit circuit, SymbolIndex symbols) {
        Design design = design(circuit);
        try {
            return netlist.writeNet(design, symbols);
        } catch (NetlistException e) {
            throw circuit.source == null ? e : sourced(circuit.source, e);
        }
    }

    private static Design design(Circuit circuit) {
        try {
            return circuit.toDesign();
        } catch (NetlistException e) {
            throw circuit.source == null ? e : sourced(circuit.source, e);
        }
    }

    boolean writeJson(Circuit circuit, Path file) {
        return write(file, json(circuit));
    }

    boolean writeNet(Circuit circuit, SymbolIndex symbols, Path file) {
        return write(file, net(circuit, symbols));
    }

    /** Writes atomically, and only if the bytes change: a failure leaves the old file or none. */
    boolean write(Path file, byte[] bytes) {
        try {
            return io.writeIfChanged(file, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e.getMessage(), e);
        }
    }

    static byte[] readBytes(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            String reason;
            if (e instanceof NoSuchFileException) {
                reason = "file not found";
            } else if (e instanceof AccessDeniedException) {
                reason = "permission denied";
            } else if (Files.isDirectory(file)) {
                reason = "is a directory";
            } else {
                reason = e.getMessage();
            }
            String message = "cannot read " + file + ": " + reason;
            throw new UncheckedIOException(message, new IOException(message, e));
        }
    }

    /**
     * {@code SOURCE: MESSAGE}; a message that starts with a {@code LINE:COLUMN: } position is
     * joined as {@code SOURCE:LINE:COLUMN: DETAIL}, the form editors and the {@code io} stage use.
     */
    static NetlistException sourced(String source, NetlistException e) {
        String message = e.getMessage();
        NetlistException located = new NetlistException(source + (startsWithPosition(message) ? ":" : ": ") + message);
        located.initCause(e);
        return located;
    }

    private static boolean startsWithPosition(String message) {
        int colon = digitsEnd(message, 0);
        if (colon == 0 || colon >= message.length() || message.charAt(colon) != ':') {
            return false;
        }
        int end = digitsEnd(message, colon + 1);
        return end > colon + 1 && message.startsWith(": ", end);
    }

    private static int digitsEnd(String s, int from) {
        int i = from;
        while (i < s.length() && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
            i++;
        }
        return i;
    }
}
