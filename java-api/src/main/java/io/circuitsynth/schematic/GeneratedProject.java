package io.circuitsynth.schematic;

import java.util.List;
import java.util.Objects;

/**
 * A generated KiCad project: every file's path (relative to the project directory, {@code /}
 * separated) and bytes, in the specification's order, and what the drawing holds.
 *
 * @param name the project name ({@code NAME.kicad_pro})
 * @param files every file, root schematic first
 * @param sheets one entry per sheet file, in file order
 * @param nets one entry per net of the finalized design, in {@code .net} order
 * @param components components of the finalized design, every sheet instance counted
 */
public record GeneratedProject(String name, List<File> files, List<SheetReport> sheets, List<NetReport> nets,
        int components) {

    public GeneratedProject {
        Objects.requireNonNull(name, "name");
        files = List.copyOf(files);
        sheets = List.copyOf(sheets);
        nets = List.copyOf(nets);
    }

    /** One output file. */
    public record File(String path, byte[] bytes) {
        public File {
            Objects.requireNonNull(path, "path");
            Objects.requireNonNull(bytes, "bytes");
        }
    }

    /**
     * The layout of one sheet file.
     *
     * @param file its path
     * @param definition the definition it draws
     * @param page the paper size KiCad shows ({@code A4} … {@code A0}, or {@code User})
     * @param symbols placed symbol units
     * @param sheets sheet symbols
     * @param powerSymbols power symbols and power flags
     * @param labels local and hierarchical labels
     * @param wires wire segments
     * @param noConnects no-connect flags
     * @param width the width of the drawing's bounding box, IU
     * @param height its height, IU
     * @param overlaps pairs of drawn boxes (bodies, fields, labels, power symbols) that touch; 0
     *     unless something is wrong
     */
    public record SheetReport(String file, String definition, String page, int symbols, int sheets,
            int powerSymbols, int labels, int wires, int noConnects, long width, long height, int overlaps) {}

    /**
     * One net.
     *
     * @param name the name finalize gave it (the {@code .net} name)
     * @param kicadName the name KiCad gives it when it reads the schematic back
     */
    public record NetReport(String name, String kicadName) {}

    /** The file at {@code path}, or null. */
    public File file(String path) {
        for (File f : files) {
            if (f.path().equals(path)) {
                return f;
            }
        }
        return null;
    }
}
