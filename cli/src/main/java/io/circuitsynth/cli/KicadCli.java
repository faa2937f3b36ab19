package io.circuitsynth.cli;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/** Finds {@code kicad-cli} on PATH or in the standard install locations and asks its version. */
final class KicadCli {
    /**
     * @param path the executable, or null when none was found
     * @param detail its version, or why it was not usable
     */
    record Probe(Path path, String detail) {}

    private KicadCli() {}

    static Probe probe() {
        List<Path> candidates = new ArrayList<>();
        String override = System.getenv("KICAD_CLI");
        if (override != null && !override.isBlank()) {
            candidates.add(Paths.get(override));
        }
        boolean windows = System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows");
        String exe = windows ? "kicad-cli.exe" : "kicad-cli";
        String pathVariable = System.getenv("PATH");
        if (pathVariable != null) {
            for (String dir : pathVariable.split(File.pathSeparator)) {
                if (!dir.isEmpty()) {
                    candidates.add(Paths.get(dir, exe));
                }
            }
        }
        candidates.add(Paths.get("/Applications/KiCad/KiCad.app/Contents/MacOS/kicad-cli"));
        candidates.add(Paths.get("C:\\Program Files\\KiCad\\9.0\\bin\\kicad-cli.exe"));
        for (Path candidate : candidates) {
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return new Probe(candidate, version(candidate));
            }
        }
        return new Probe(null, "looked on PATH and in the standard install locations; set KICAD_CLI to its path");
    }

    private static String version(Path executable) {
        try {
            Process process = new ProcessBuilder(executable.toString(), "version")
                    .redirectErrorStream(true)
                    .start();
            process.getOutputStream().close();
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return "did not answer 'version' within 20 s";
            }
            String text = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            return process.exitValue() == 0 ? "version " + text : "'version' failed: " + text;
        } catch (IOException e) {
            return "cannot run: " + e.getMessage();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }
}
