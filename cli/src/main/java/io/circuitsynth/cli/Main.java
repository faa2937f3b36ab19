package io.circuitsynth.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point of the {@code circuitsynth} command. */
@Command(
        name = "circuitsynth",
        mixinStandardHelpOptions = true,
        versionProvider = Main.Version.class,
        description = "Turns circuits described in code into complete KiCad 9 projects.",
        subcommands = {DoctorCommand.class, SexprCommand.class, SymbolsCommand.class, NetlistCommand.class,
                CommandLine.HelpCommand.class})
public final class Main implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the command line and returns its exit code, without exiting; for tests and embedding. */
    public static int run(String... args) {
        return commandLine().execute(args);
    }

    static CommandLine commandLine() {
        return new CommandLine(new Main()).setCaseInsensitiveEnumValuesAllowed(true);
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing command: try 'circuitsynth doctor'");
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"circuitsynth " + io.circuitsynth.CircuitSynth.version()};
        }
    }
}
