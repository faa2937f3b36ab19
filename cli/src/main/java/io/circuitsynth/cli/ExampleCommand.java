package io.circuitsynth.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Writes the example board's project ({@link ExampleBoard}). */
@Command(
        name = "example",
        description = "Write the example board (a USB-C powered STM32F103 board of 48 parts in five sheets, built"
                + " with the Java API: io.circuitsynth.cli.ExampleBoard) as a KiCad 9 project into DIR. It uses"
                + " KiCad's symbols when KiCad is installed, else the built-in generic library.")
final class ExampleCommand implements Callable<Integer> {
    @Mixin
    EngineOption engine;

    @ArgGroup(exclusive = false, heading = "Libraries%n")
    SymbolsCommand.LibraryOptions libraries = new SymbolsCommand.LibraryOptions();

    @Mixin
    ProjectOutput.SymbolChoice symbols;

    @Spec
    CommandSpec spec;

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "DIR",
            description = "The project directory (made if missing).")
    Path output;

    @Option(names = "--name", paramLabel = "NAME", description = "The project name; default: example.")
    String name;

    @Override
    public Integer call() {
        return ProjectOutput.generate(ExampleBoard.circuit(), name, symbols, libraries, output, "the example board",
                spec.commandLine().getErr());
    }
}
