package io.circuitsynth.symbols;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * Where KiCad's symbol libraries live on this machine, found the way KiCad finds them: the
 * {@code KICAD9_SYMBOL_DIR} family of environment variables first, then the standard install
 * locations of each OS. {@link SymbolLibraryDiscovery} builds on these directories and adds the
 * global and project {@code sym-lib-table} files and libraries added by path.
 */
public final class SymbolDirectories {
    /** Checked in this order; KiCad 9 sets the first, older installs the others. */
    public static final List<String> ENVIRONMENT_VARIABLES =
            List.of("KICAD9_SYMBOL_DIR", "KICAD8_SYMBOL_DIR", "KICAD7_SYMBOL_DIR", "KICAD_SYMBOL_DIR");

    /** The {@link Candidate#source()} of the standard install locations. */
    public static final String STANDARD_LOCATION = "standard location";

    /**
     * A candidate directory and where it came from.
     *
     * @param source the environment variable, or {@link #STANDARD_LOCATION}
     * @param path the directory
     * @param exists whether it is a directory holding at least one {@code .kicad_sym} file
     */
    public record Candidate(String source, Path path, boolean exists) {}

    private SymbolDirectories() {}

    /** Every candidate for this machine, in search order, duplicates removed. */
    public static List<Candidate> candidates() {
        return candidates(System::getenv, System.getProperty("os.name", ""), System.getProperty("user.home", ""));
    }

    /** The candidates that exist, in search order. */
    public static List<Path> found() {
        List<Path> result = new ArrayList<>();
        for (Candidate c : candidates()) {
            if (c.exists()) {
                result.add(c.path());
            }
        }
        return result;
    }

    static List<Candidate> candidates(Function<String, String> env, String osName, String userHome) {
        Map<Path, String> ordered = new LinkedHashMap<>();
        for (String variable : ENVIRONMENT_VARIABLES) {
            String value = env.apply(variable);
            if (value != null && !value.isBlank()) {
                ordered.putIfAbsent(Paths.get(value).toAbsolutePath().normalize(), variable);
            }
        }
        for (String location : standardLocations(osName, userHome, env)) {
            ordered.putIfAbsent(Paths.get(location).toAbsolutePath().normalize(), STANDARD_LOCATION);
        }
        List<Candidate> result = new ArrayList<>();
        ordered.forEach((path, source) -> result.add(new Candidate(source, path, holdsLibraries(path))));
        return result;
    }

    static List<String> standardLocations(String osName, String userHome, Function<String, String> env) {
        String os = osName.toLowerCase(Locale.ROOT);
        List<String> result = new ArrayList<>();
        if (os.startsWith("mac") || os.startsWith("darwin")) {
            result.add("/Applications/KiCad/KiCad.app/Contents/SharedSupport/symbols");
            result.add(userHome + "/Applications/KiCad/KiCad.app/Contents/SharedSupport/symbols");
        } else if (os.startsWith("windows")) {
            String programFiles = env.apply("ProgramFiles");
            String base = programFiles != null ? programFiles : "C:\\Program Files";
            for (String version : List.of("9.0", "8.0", "7.0")) {
                result.add(base + "\\KiCad\\" + version + "\\share\\kicad\\symbols");
            }
        } else {
            result.add("/usr/share/kicad/symbols");
            result.add("/usr/local/share/kicad/symbols");
            // Flatpak installs, system-wide and per user.
            result.add("/var/lib/flatpak/app/org.kicad.KiCad/current/active/files/share/kicad/symbols");
            result.add(userHome + "/.local/share/flatpak/app/org.kicad.KiCad/current/active/files/share/kicad/symbols");
            result.add("/app/share/kicad/symbols");
        }
        return result;
    }

    private static boolean holdsLibraries(Path dir) {
        if (!Files.isDirectory(dir)) {
            return false;
        }
        try (var entries = Files.newDirectoryStream(dir, "*.kicad_sym")) {
            return entries.iterator().hasNext();
        } catch (Exception e) {
            return false;
        }
    }
}
