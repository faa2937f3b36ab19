package io.circuitsynth.symbols;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Small libraries written for the tests, in KiCad 9's spelling. */
final class Libraries {
    private Libraries() {}

    static String library(String... symbols) {
        StringBuilder s = new StringBuilder("(kicad_symbol_lib\n\t(version 20241209)\n\t(generator \"test\")\n");
        for (String symbol : symbols) {
            s.append(symbol);
        }
        return s.append(")\n").toString();
    }

    /** A two-pin part; {@code value} doubles as its description, so an edit shows in the data. */
    static String twoPin(String name, String value) {
        return "\t(symbol \"" + name + "\"\n"
                + "\t\t(property \"Reference\" \"R\" (at 0 0 0) (effects (font (size 1.27 1.27))))\n"
                + "\t\t(property \"Value\" \"" + value + "\" (at 0 0 0) (effects (font (size 1.27 1.27))))\n"
                + "\t\t(property \"Description\" \"" + value + " part\" (at 0 0 0) (effects (hide yes)))\n"
                + "\t\t(property \"ki_keywords\" \"res " + value + "\" (at 0 0 0) (effects (hide yes)))\n"
                + "\t\t(symbol \"" + name + "_0_1\" (rectangle (start -1 -2) (end 1 2)))\n"
                + "\t\t(symbol \"" + name + "_1_1\"\n"
                + "\t\t\t(pin passive line (at 0 3.81 270) (length 1.27) (name \"~\") (number \"1\"))\n"
                + "\t\t\t(pin passive line (at 0 -3.81 90) (length 1.27) (name \"~\") (number \"2\"))\n"
                + "\t\t)\n"
                + "\t)\n";
    }

    static String derived(String name, String parent, String value) {
        return "\t(symbol \"" + name + "\" (extends \"" + parent + "\")\n"
                + "\t\t(property \"Value\" \"" + value + "\" (at 0 0 0) (effects (font (size 1.27 1.27))))\n"
                + "\t)\n";
    }

    static Path write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        return Files.write(file, text.getBytes(StandardCharsets.UTF_8));
    }
}
