package io.circuitsynth;

import io.circuitsynth.internal.Engines;
import io.circuitsynth.io.IoStage;
import io.circuitsynth.netlist.Design;
import io.circuitsynth.netlist.NetlistException;
import io.circuitsynth.netlist.NetlistStage;
import io.circuitsynth.schematic.GeneratedProject;
import io.circuitsynth.schematic.SchematicStage;
import io.circuitsynth.symbols.SymbolLibraries;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A circuit written as a complete KiCad 9 project, the main job of this library.
 *
 * <pre>{@code
 * Circuit board = Circuit.create("blinky");
 * // ... components, nets, subcircuits ...
 * KicadProject.Summary s = KicadProject.write(board, Path.of("build/blinky"));
 * s.files();   // blinky.kicad_pro, blinky.kicad_sch, one .kicad_sch per subcircuit, blinky.net, ...
 * }</pre>
 *
 * <p>The directory gets {@code NAME.kicad_pro}, {@code NAME.kicad_sch} (the root sheet), one
 * {@code .kicad_sch} per subcircuit definition (a definition placed several times is one sheet
 * file, as KiCad shares it), {@code NAME.net} (the KiCad netlist), {@code NAME.circuit.json} (the
 * circuit, to read back with {@link Circuits#readJson}) and, when some symbol comes from no KiCad
 * library (a generated box symbol, or the built-in generic library on a machine without KiCad),
 * the project's own library {@code NAME.kicad_sym} with its {@code sym-lib-table}. KiCad reads the
 * schematic back to the same connectivity (kicad-cli's netlist export is the test), with an
 * ERC-clean result for a correct circuit.
 *
 * <p>Everything is computed before any file is touched: bad input throws and leaves the directory
 * as it was. Each file is then written atomically, and only when its bytes change, so running
 * again over an unchanged circuit rewrites nothing. The selected engine
 * ({@code circuitsynth.engine}) runs the whole pipeline; both engines write the same bytes.
 */
public final class KicadProject {
    private static final Logger LOG = LoggerFactory.getLogger(KicadProject.class);

    private KicadProject() {}

    /**
     * What a write did.
     *
     * @param directory the project directory
     * @param name the project name
     * @param files every file of the project, in the order written
     * @param written the files whose bytes changed (or that were new)
     * @param sheets the layout of each sheet file
     * @param components placed components (every sheet instance counted)
     * @param nets nets of the finalized circuit
     */
    public record Summary(Path directory, String name, List<Path> files, List<Path> written,
            List<GeneratedProject.SheetReport> sheets, int components, int nets) {
        public Summary {
            Objects.requireNonNull(directory, "directory");
            Objects.requireNonNull(name, "name");
            files = List.copyOf(files);
            written = List.copyOf(written);
            sheets = List.copyOf(sheets);
        }

        /** Files that already held exactly these bytes. */
        public int unchanged() {
            return files.size() - written.size();
        }

        @Override
        public String toString() {
            return name + ": " + files.size() + " files in " + directory + " (" + written.size() + " written, "
                    + unchanged() + " unchanged), " + sheets.size() + " sheets, " + components + " components, " + nets
                    + " nets";
        }
    }

    /** {@link #write(Circuit, SymbolLibraries, Path, String)} with the libraries KiCad would find and the circuit's project name. */
    public static Summary write(Circuit circuit, Path directory) {
        Args.notNull(circuit, "KicadProject.write(circuit, directory): circuit");
        Args.notNull(directory, "KicadProject.write(circuit, directory): directory");
        try (SymbolLibraries libraries = SymbolLibraries.discover()) {
            return write(circuit, libraries, directory, null);
        }
    }

    /** {@link #write(Circuit, SymbolLibraries, Path, String)} with the circuit's project name. */
    public static Summary write(Circuit circuit, SymbolLibraries libraries, Path directory) {
        return write(circuit, libraries, directory, null);
    }

    /**
     * Generates the project and writes it into {@code directory} (created if missing).
     *
     * @param libraries opened with the selected engine ({@link SymbolLibraries#discover()})
     * @param name the project name, or null for the circuit's ({@link Circuit#project()})
     * @throws NetlistException for a circuit finalize rejects (message as {@link Circuits} words it)
     * @throws io.circuitsynth.schematic.SchematicException for a circuit KiCad cannot draw as given
     * @throws UncheckedIOException when a file cannot be written
     */
    public static Summary write(Circuit circuit, SymbolLibraries libraries, Path directory, String name) {
        Args.notNull(circuit, "KicadProject.write(circuit, libraries, directory, name): circuit");
        Args.notNull(libraries, "KicadProject.write(circuit, libraries, directory, name): libraries");
        Args.notNull(directory, "KicadProject.write(circuit, libraries, directory, name): directory");
        return write(circuit, libraries, directory, name, Engines.netlist(), Engines.schematic(), Engines.io());
    }

    static Summary write(Circuit circuit, SymbolLibraries libraries, Path directory, String name,
            NetlistStage netlist, SchematicStage schematic, IoStage io) {
        Design design;
        GeneratedProject project;
        byte[] net;
        byte[] json;
        try {
            design = circuit.toDesign();
            if (name != null) {
                design = new Design(Args.text(name, "project name"), design.root(), design.definitions(),
                        design.sheetUuids());
            }
            project = schematic.generate(design, libraries.index());
            net = netlist.writeNet(design, libraries.index());
            json = netlist.writeCircuitJson(design);
        } catch (NetlistException e) {
            throw circuit.source == null ? e : CircuitFiles.sourced(circuit.source, e);
        }
        List<GeneratedProject.File> files = new ArrayList<>(project.files());
        files.add(new GeneratedProject.File(project.name() + ".net", net));
        files.add(new GeneratedProject.File(project.name() + ".circuit.json", json));
        List<Path> paths = new ArrayList<>();
        List<Path> written = new ArrayList<>();
        try {
            Files.createDirectories(directory);
            for (GeneratedProject.File f : files) {
                Path path = directory.resolve(f.path());
                paths.add(path);
                if (io.writeIfChanged(path, f.bytes())) {
                    written.add(path);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the KiCad project into " + directory + ": " + e.getMessage(), e);
        }
        Summary summary = new Summary(directory, project.name(), paths, written, project.sheets(),
                project.components(), project.nets().size());
        LOG.info("KiCad project {}", summary);
        return summary;
    }

}
