package io.circuitsynth.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point of the {@code circuitsynth} command. */
@Command(
        name = "circuitsynth",
        mixinStandardHelpOptions = true,
        versionProvider = Main.Version.class,
        description = "Turns circuits described in code into complete KiCad 9 projects.")
public final class Main implements Runnable {
    /** Every subcommand, in the order the usage lists them. */
    private static final Map<String, Class<?>> COMMANDS = new LinkedHashMap<>();

    static {
        COMMANDS.put("doctor", DoctorCommand.class);
        COMMANDS.put("sexpr", SexprCommand.class);
        COMMANDS.put("symbols", SymbolsCommand.class);
        COMMANDS.put("netlist", NetlistCommand.class);
        COMMANDS.put("generate", GenerateCommand.class);
        COMMANDS.put("example", ExampleCommand.class);
        COMMANDS.put("help", CommandLine.HelpCommand.class);
    }

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the command line and returns its exit code, without exiting; for tests and embedding. */
    public static int run(String... args) {
        String first = args.length > 0 ? args[0] : "";
        // picocli builds a model of every command it is given by reflection, which is most of a
        // one-shot run's startup: a run that names its command gets that command alone.
        boolean named = COMMANDS.containsKey(first) && !first.equals("help");
        return commandLine(named ? first : null).execute(args);
    }

    /** The command line with every subcommand. */
    static CommandLine commandLine() {
        return commandLine(null);
    }

    private static CommandLine commandLine(String onlyOrNull) {
        CommandLine cli = new CommandLine(new Main());
        for (Map.Entry<String, Class<?>> command : COMMANDS.entrySet()) {
            if (onlyOrNull == null || onlyOrNull.equals(command.getKey())) {
                cli.addSubcommand(command.getKey(), command.getValue());
            }
        }
        return cli.setCaseInsensitiveEnumValuesAllowed(true);
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
