package io.circuitsynth.schematic;

import java.nio.file.Path;

/** Where the schematic vectors live: {@code conformance/schematic/}. */
final class SchematicVectors {
    private SchematicVectors() {}

    static Path dir() {
        String root = System.getProperty("circuitsynth.projectRoot");
        Path dir = root != null ? Path.of(root, "conformance", "schematic") : Path.of("..", "conformance", "schematic");
        return dir.toAbsolutePath().normalize();
    }
}
