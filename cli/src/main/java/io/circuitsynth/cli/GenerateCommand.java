package io.circuitsynth.cli;

import io.circuitsynth.Circuit;
import io.circuitsynth.CircuitSynthException;
import io.circuitsynth.Circuits;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** Reads a circuit in any supported form and writes its KiCad 9 project. */
@Command(
        name = "generate",
        description = "Read a circuit (circuit JSON, a KiCad .net or circuit-synth JSON, told apart by content) and"
                + " write its KiCad 9 project into DIR: NAME.kicad_pro, NAME.kicad_sch and one sheet file per"
                + " subcircuit, NAME.net and NAME.circuit.json. Files whose bytes did not change are left alone."
                + " Exit 1, with one line naming the file, for bad input; nothing is written then.")
final class GenerateCommand implements Callable<Integer> {
    @Mixin
    EngineOption engine;

    @ArgGroup(exclusive = false, heading = "Libraries%n")
    SymbolsCommand.LibraryOptions libraries = new SymbolsCommand.LibraryOptions();

    @Mixin
    ProjectOutput.SymbolChoice symbols;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "INPUT", description = "circuit JSON, a KiCad .net, or circuit-synth JSON.")
    Path input;

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "DIR",
            description = "The project directory (made if missing).")
    Path output;

    @Option(names = "--name", paramLabel = "NAME",
            description = "The project name (NAME.kicad_pro ...); default: the input's design name.")
    String name;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        Circuit circuit;
        try {
            circuit = Circuits.readAny(input);
        } catch (CircuitSynthException | UncheckedIOException e) {
            err.println("circuitsynth: " + e.getMessage());
            err.flush();
            return ProjectOutput.BAD_INPUT;
        } catch (RuntimeException e) {
            err.println("circuitsynth: internal error while reading " + input + ": " + e
                    + "; please report it with the input file");
            err.flush();
            return ProjectOutput.INTERNAL_ERROR;
        }
        return ProjectOutput.generate(circuit, name, symbols, libraries, output, input.toString(), err);
    }
}
