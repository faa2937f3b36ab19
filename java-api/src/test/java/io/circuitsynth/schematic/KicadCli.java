package io.circuitsynth.schematic;

import io.circuitsynth.testing.KicadFiles;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs {@code kicad-cli} on generated projects. Each run gets a private KiCad configuration
 * directory ({@code KICAD_CONFIG_HOME}) whose global symbol table is KiCad's default one and whose
 * footprint table is empty, so results do not depend on the user's KiCad setup, and the user's
 * setup is never touched.
 */
final class KicadCli {
    private final Path cli;
    private final Path config;

    private KicadCli(Path cli, Path config) {
        this.cli = cli;
        this.config = config;
    }

    /** The installed kicad-cli with a fresh configuration under {@code tmp}; skips (or fails under CI) without one. */
    static KicadCli require(Path tmp) {
        Path cli = find();
        KicadFiles.require(cli != null, "kicad-cli not found on PATH; install KiCad 9 or set CIRCUITSYNTH_KICAD_CLI");
        Path symbols = KicadFiles.symbolDir();
        Path config = tmp.resolve("kicad-config");
        try {
            Path version = config.resolve("9.0");
            Files.createDirectories(version);
            Path template = Path.of("/usr/share/kicad/template/sym-lib-table");
            String table;
            if (Files.isRegularFile(template)) {
                table = Files.readString(template, StandardCharsets.UTF_8);
            } else {
                StringBuilder b = new StringBuilder("(sym_lib_table\n  (version 7)\n");
                for (Path lib : KicadFiles.find(symbols, ".kicad_sym")) {
                    String nick = lib.getFileName().toString().replaceFirst("\\.kicad_sym$", "");
                    b.append("  (lib (name \"").append(nick).append("\")(type \"KiCad\")(uri \"").append(lib)
                            .append("\")(options \"\")(descr \"\"))\n");
                }
                table = b.append(")\n").toString();
            }
            Files.writeString(version.resolve("sym-lib-table"), table, StandardCharsets.UTF_8);
            Files.writeString(version.resolve("fp-lib-table"), "(fp_lib_table\n  (version 7)\n)\n",
                    StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new KicadCli(cli, config);
    }

    /** Runs {@code kicad-cli ARGS} in {@code dir}; fails the test with kicad-cli's output when it does not exit 0. */
    String run(Path dir, String... args) {
        List<String> command = new ArrayList<>();
        command.add(cli.toString());
        command.addAll(List.of(args));
        try {
            Path log = Files.createTempFile(dir, "kicad-cli", ".log");
            ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                    .redirectOutput(log.toFile());
            pb.environment().put("KICAD_CONFIG_HOME", config.toString());
            Process process = pb.start();
            if (!process.waitFor(600, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("kicad-cli " + String.join(" ", args) + " did not finish in 600 s");
            }
            String output = Files.readString(log, StandardCharsets.UTF_8);
            if (process.exitValue() != 0) {
                throw new AssertionError("kicad-cli " + String.join(" ", args) + " in " + dir + " exited "
                        + process.exitValue() + ":\n" + output);
            }
            return output;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    private static Path find() {
        String override = System.getenv("CIRCUITSYNTH_KICAD_CLI");
        if (override != null && !override.isEmpty()) {
            return Path.of(override);
        }
        String path = System.getenv("PATH");
        for (String dir : path == null ? new String[0] : path.split(File.pathSeparator)) {
            for (String name : List.of("kicad-cli", "kicad-cli.exe")) {
                Path candidate = Path.of(dir, name);
                if (Files.isExecutable(candidate)) {
                    return candidate;
                }
            }
        }
        return null;
    }
}
