package io.circuitsynth.cli;

import io.circuitsynth.Circuit;
import io.circuitsynth.CircuitSynthException;
import io.circuitsynth.KicadProject;
import io.circuitsynth.internal.Engines;
import io.circuitsynth.symbols.BuiltinLibraries;
import io.circuitsynth.symbols.LibrarySource;
import io.circuitsynth.symbols.SymbolLibraries;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import picocli.CommandLine.Option;

/**
 * What {@code generate} and {@code example} share: where the symbols come from, and writing a
 * circuit's project files into a directory with one summary line per file.
 */
final class ProjectOutput {
    static final int OK = 0;
    static final int BAD_INPUT = 1;
    static final int INTERNAL_ERROR = 2;

    /** {@code --builtin-symbols}: the generic library alone, as on a machine without KiCad. */
    static final class SymbolChoice {
        @Option(names = "--builtin-symbols",
                description = "Use only the built-in generic symbol library, as on a machine without KiCad"
                        + " (parts it lacks become box symbols from their pin tables).")
        boolean builtinOnly;

        SymbolLibraries open(SymbolsCommand.LibraryOptions options) {
            if (!builtinOnly) {
                return SymbolsCommand.open(options);
            }
            List<LibrarySource> sources = new ArrayList<>();
            for (BuiltinLibraries.Library lib : BuiltinLibraries.sources()) {
                sources.add(LibrarySource.inMemory(lib.nickname(), "circuitsynth-builtin/" + lib.nickname()
                        + ".kicad_sym", lib.content()));
            }
            return SymbolLibraries.open(Engines.symbols(), sources, null);
        }
    }

    private ProjectOutput() {}

    /**
     * Why {@code name} cannot be the stem of the project's file names ({@code NAME.kicad_pro} and
     * friends, all in one directory), or null when it can.
     */
    static String nameProblem(String name) {
        String problem = null;
        if (name.isEmpty()) {
            problem = "is empty";
        } else if (name.equals(".") || name.equals("..")) {
            problem = "is not a file name";
        } else {
            for (int i = 0; i < name.length() && problem == null; i++) {
                char c = name.charAt(i);
                if (c == '/' || c == '\\') {
                    problem = "contains '" + c + "'";
                } else if (c < 0x20 || c == 0x7f) {
                    problem = "contains a control character";
                }
            }
        }
        return problem == null ? null : "project name \"" + name + "\" " + problem
                + "; it is the stem of every file name (NAME.kicad_pro, NAME.kicad_sch), so give a plain name";
    }

    /**
     * Writes {@code circuit}'s project, called {@code nameOrNull} or else the circuit's project
     * name, into {@code dir} and reports each file on {@code err}. Every file's bytes are computed
     * before the first is written, so bad input leaves the directory as it was.
     *
     * @param what the input, for the internal-error message
     * @return the exit code
     */
    static int generate(Circuit circuit, String nameOrNull, SymbolChoice symbols,
            SymbolsCommand.LibraryOptions libraries, Path dir, String what, PrintWriter err) {
        String name = nameOrNull != null ? nameOrNull : circuit.project();
        String problem = nameProblem(name);
        if (problem != null) {
            err.println("circuitsynth: " + problem);
            err.flush();
            return BAD_INPUT;
        }
        try (SymbolLibraries libs = symbols.open(libraries)) {
            KicadProject.Summary summary = KicadProject.write(circuit, libs, dir, name);
            Set<Path> written = new HashSet<>(summary.written());
            for (Path file : summary.files()) {
                err.println((written.contains(file) ? "wrote " : "unchanged ") + file);
            }
            err.println(summary.name() + ": " + summary.components() + " components, " + summary.nets() + " nets, "
                    + summary.sheets().size() + " sheet files");
            err.flush();
            return OK;
        } catch (CircuitSynthException | UncheckedIOException e) {
            // The message is the whole story (file, position, what to do); a stack trace adds nothing.
            err.println("circuitsynth: " + e.getMessage());
            err.flush();
            return BAD_INPUT;
        } catch (RuntimeException e) {
            err.println("circuitsynth: internal error while generating " + what + ": " + e
                    + "; please report it with the input");
            err.flush();
            return INTERNAL_ERROR;
        }
    }
}
