package io.circuitsynth.cli;

import io.circuitsynth.Circuit;
import io.circuitsynth.CircuitSynthException;
import io.circuitsynth.Circuits;
import io.circuitsynth.symbols.SymbolLibraries;
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

/** Reads a circuit in any supported form and writes its KiCad 9 netlist. */
@Command(
        name = "netlist",
        description = "Read a circuit (circuit JSON, a KiCad .net or circuit-synth JSON, told apart by content) and"
                + " write its KiCad 9 netlist. Exit 1, with one line naming the file, for bad input; no output"
                + " file is left behind then.")
final class NetlistCommand implements Callable<Integer> {
    static final int OK = 0;
    static final int BAD_INPUT = 1;
    static final int INTERNAL_ERROR = 2;

    @Mixin
    EngineOption engine;

    @ArgGroup(exclusive = false, heading = "Libraries%n")
    SymbolsCommand.LibraryOptions libraries = new SymbolsCommand.LibraryOptions();

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "INPUT", description = "circuit JSON, a KiCad .net, or circuit-synth JSON.")
    Path input;

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "OUT.net",
            description = "Write the netlist here (atomically, and only if the bytes change).")
    Path output;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        try {
            Circuit circuit = Circuits.readAny(input);
            boolean written;
            try (SymbolLibraries libs = SymbolsCommand.open(libraries)) {
                written = Circuits.writeNet(circuit, libs, output);
            }
            err.println((written ? "wrote " : "unchanged ") + output);
            err.flush();
            return OK;
        } catch (CircuitSynthException | UncheckedIOException e) {
            // The message is the whole story (file, position, what to do); a stack trace adds nothing.
            err.println("circuitsynth: " + e.getMessage());
            err.flush();
            return BAD_INPUT;
        } catch (RuntimeException e) {
            err.println("circuitsynth: internal error while converting " + input + ": " + e
                    + "; please report it with the input file");
            err.flush();
            return INTERNAL_ERROR;
        }
    }
}
