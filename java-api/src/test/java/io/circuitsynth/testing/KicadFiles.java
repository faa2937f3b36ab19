package io.circuitsynth.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/**
 * Locates the KiCad 9 inputs the corpus tests read. A missing input skips the test, loudly
 * (stderr), unless {@code CI=true}, where it fails: CI must never pass by testing nothing.
 */
public final class KicadFiles {
    private KicadFiles() {}

    /** The KiCad 9 symbol library: {@code KICAD9_SYMBOL_DIR}, else {@code /usr/share/kicad/symbols}. */
    public static Path symbolDir() {
        return required(dirFrom("KICAD9_SYMBOL_DIR", "/usr/share/kicad/symbols"),
                "KiCad 9 symbol library not found; install kicad-symbols or set KICAD9_SYMBOL_DIR");
    }

    /** The KiCad 9 demos: {@code CIRCUITSYNTH_KICAD_DEMOS}, else {@code /usr/share/kicad/demos}. */
    public static Path demosDir() {
        return required(dirFrom("CIRCUITSYNTH_KICAD_DEMOS", "/usr/share/kicad/demos"),
                "KiCad 9 demos not found; install kicad-demos or set CIRCUITSYNTH_KICAD_DEMOS");
    }

    /** A KiCad 6 symbol library, only from {@code CIRCUITSYNTH_KICAD6_SYMBOL_DIR}. */
    public static Path kicad6SymbolDir() {
        String env = System.getenv("CIRCUITSYNTH_KICAD6_SYMBOL_DIR");
        return required(env == null || env.isEmpty() ? null : Path.of(env),
                "KiCad 6 symbol library not configured; set CIRCUITSYNTH_KICAD6_SYMBOL_DIR to an unpacked"
                        + " kicad-symbols 6.0.10 usr/share/kicad/symbols");
    }

    /** Regular files under {@code root} whose names end with one of {@code extensions}, sorted. */
    public static List<Path> find(Path root, String... extensions) {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(Files::isRegularFile)
                    .filter(p -> {
                        String name = p.getFileName().toString();
                        for (String ext : extensions) {
                            if (name.endsWith(ext)) {
                                return true;
                            }
                        }
                        return false;
                    })
                    .sorted()
                    .collect(Collectors.toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Skips (or fails under CI) with {@code why} unless {@code present}. */
    public static void require(boolean present, String why) {
        if (present) {
            return;
        }
        if (TestEngines.kicadRequired()) {
            throw new AssertionError(why + " (CI=true, so this fails instead of skipping)");
        }
        System.err.println("SKIPPED: " + why);
        Assumptions.abort(why);
    }

    private static Path dirFrom(String env, String fallback) {
        String value = System.getenv(env);
        return Path.of(value == null || value.isEmpty() ? fallback : value);
    }

    private static Path required(Path dir, String why) {
        require(dir != null && Files.isDirectory(dir), why + (dir == null ? "" : " (looked in " + dir + ")"));
        return dir;
    }
}
