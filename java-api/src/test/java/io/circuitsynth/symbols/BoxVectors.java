package io.circuitsynth.symbols;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The box-symbol vectors in {@code conformance/box/}: {@code NAME.pins} (one pin a line,
 * {@code NUMBER<TAB>NAME<TAB>TYPE}) with {@code NAME.kicad_sym} or {@code NAME.err}.
 *
 * <p>Run {@code main} to write the {@code .kicad_sym} files of the vectors that have no
 * {@code .err}; a new vector's output must then be checked by eye and by the Rust engine before it
 * is committed.
 */
public final class BoxVectors {
    private BoxVectors() {}

    static Path dir() {
        String root = System.getProperty("circuitsynth.projectRoot");
        Path dir = root != null ? Path.of(root, "conformance", "box") : Path.of("..", "conformance", "box");
        return dir.toAbsolutePath().normalize();
    }

    static List<String> stems(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".pins"))
                    .map(n -> n.substring(0, n.length() - ".pins".length())).sorted().toList();
        }
    }

    static List<BoxSymbol.Pin> readPins(Path file) throws IOException {
        List<BoxSymbol.Pin> pins = new ArrayList<>();
        for (String line : Files.readString(file, StandardCharsets.UTF_8).split("\n")) {
            if (line.isEmpty()) {
                continue;
            }
            String[] fields = line.split("\t", -1);
            if (fields.length != 3) {
                throw new IllegalArgumentException(file + ": expected NUMBER<TAB>NAME<TAB>TYPE, found '" + line + "'");
            }
            pins.add(new BoxSymbol.Pin(fields[0], fields[1], fields[2]));
        }
        return pins;
    }

    public static void main(String[] args) throws IOException {
        Path dir = args.length > 0 ? Path.of(args[0]) : dir();
        for (String stem : stems(dir)) {
            if (Files.exists(dir.resolve(stem + ".err"))) {
                continue;
            }
            byte[] text = BoxSymbol.generate(stem, readPins(dir.resolve(stem + ".pins"))).libraryText();
            Files.write(dir.resolve(stem + ".kicad_sym"), text);
        }
    }
}
