package io.circuitsynth.cli;

import io.circuitsynth.internal.Engines;
import io.circuitsynth.io.IoStage;
import io.circuitsynth.io.SexprParseException;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** KiCad S-expression tools: check that files reprint identically, and format files. */
@Command(
        name = "sexpr",
        description = "KiCad S-expression files: check round trips, print the canonical KiCad 9 layout.",
        subcommands = {SexprCommand.Check.class, SexprCommand.Fmt.class})
final class SexprCommand {
    private SexprCommand() {}

    /** Exit codes shared by the subcommands. */
    static final int OK = 0;
    static final int DIFFERENT = 1;
    static final int FAILED = 2;

    @Command(
            name = "check",
            description = "Parse each file, reprint it, and report every file whose reprint differs from it. "
                    + "Exit 0 only if every file parses and reprints identically.")
    static final class Check implements Callable<Integer> {
        @Mixin
        EngineOption engine;

        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "FILE", arity = "1..*", description = "KiCad files (.kicad_sym, .kicad_sch, .kicad_pcb, .kicad_mod, .net ...)")
        List<Path> files;

        @Option(names = {"-q", "--quiet"}, description = "Print only files that differ or fail, and the summary.")
        boolean quiet;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            IoStage io = Engines.io();
            int identical = 0;
            int different = 0;
            int failed = 0;
            for (Path file : files) {
                byte[] original;
                try {
                    original = Files.readAllBytes(file);
                } catch (IOException e) {
                    failed++;
                    out.println("FAILED   " + readError(file, e));
                    continue;
                }
                byte[] reprinted;
                try {
                    reprinted = io.format(original, file.toString());
                } catch (SexprParseException e) {
                    failed++;
                    out.println("FAILED   " + e.getMessage());
                    continue;
                }
                if (java.util.Arrays.equals(original, reprinted)) {
                    identical++;
                    if (!quiet) {
                        out.println("same     " + file);
                    }
                } else {
                    different++;
                    out.println("DIFFERS  " + file + ": " + firstDifference(original, reprinted));
                }
            }
            out.println(files.size() + " files: " + identical + " identical, " + different + " differ, " + failed + " failed");
            out.flush();
            return failed > 0 ? FAILED : different > 0 ? DIFFERENT : OK;
        }
    }

    @Command(name = "fmt", description = "Print FILE in the canonical KiCad 9 layout, to standard output or to --output.")
    static final class Fmt implements Callable<Integer> {
        @Mixin
        EngineOption engine;

        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "FILE", description = "A KiCad S-expression file.")
        Path file;

        @Option(names = {"-o", "--output"}, paramLabel = "OUT", description = "Write here (atomically, and only if the bytes change) instead of to standard output.")
        Path output;

        @Override
        public Integer call() throws IOException {
            PrintWriter err = spec.commandLine().getErr();
            byte[] original;
            try {
                original = Files.readAllBytes(file);
            } catch (IOException e) {
                err.println("circuitsynth: " + readError(file, e));
                err.flush();
                return FAILED;
            }
            IoStage io = Engines.io();
            byte[] formatted;
            try {
                formatted = io.format(original, file.toString());
            } catch (SexprParseException e) {
                err.println("circuitsynth: " + e.getMessage());
                err.flush();
                return FAILED;
            }
            if (output != null) {
                boolean written = io.writeIfChanged(output, formatted);
                err.println((written ? "wrote " : "unchanged ") + output);
                err.flush();
            } else {
                OutputStream stdout = System.out;
                stdout.write(formatted);
                stdout.flush();
            }
            return OK;
        }
    }

    static String readError(Path file, IOException e) {
        if (e instanceof NoSuchFileException) {
            return "cannot read " + file + ": file not found";
        }
        if (e instanceof AccessDeniedException) {
            return "cannot read " + file + ": permission denied";
        }
        if (Files.isDirectory(file)) {
            return "cannot read " + file + ": is a directory";
        }
        return "cannot read " + file + ": " + e.getMessage();
    }

    /** "first difference at line N" plus both versions of that line. */
    static String firstDifference(byte[] original, byte[] reprinted) {
        String[] a = new String(original, StandardCharsets.UTF_8).split("\n", -1);
        String[] b = new String(reprinted, StandardCharsets.UTF_8).split("\n", -1);
        int n = Math.min(a.length, b.length);
        for (int i = 0; i < n; i++) {
            if (!a[i].equals(b[i])) {
                return "first difference at line " + (i + 1) + "\n           file:    " + show(a[i]) + "\n           reprint: " + show(b[i]);
            }
        }
        return "first difference at line " + (n + 1) + " (" + (a.length > b.length ? "the reprint ends early" : "the file ends early") + ")";
    }

    private static String show(String line) {
        String visible = line.replace("\t", "\\t").replace("\r", "\\r");
        return visible.length() > 160 ? visible.substring(0, 160) + "..." : visible;
    }
}
