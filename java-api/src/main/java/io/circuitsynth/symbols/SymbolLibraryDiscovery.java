package io.circuitsynth.symbols;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.circuitsynth.io.JavaIoStage;
import io.circuitsynth.io.SexprParseException;
import io.circuitsynth.io.SexprTree;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * Finds symbol libraries the way KiCad does and lists them by nickname, each nickname once.
 *
 * <p>Sources, highest precedence first (a nickname seen earlier shadows the same nickname later,
 * as a project library shadows a global one in KiCad):
 * <ol>
 *   <li>libraries added by path ({@link Builder#addLibrary}): a {@code .kicad_sym} file, or every
 *       {@code .kicad_sym} file of a directory;</li>
 *   <li>the project's {@code sym-lib-table} ({@link Builder#project});</li>
 *   <li>the global {@code sym-lib-table} of the newest KiCad configuration present (9.0, then 8.0,
 *       then 7.0): {@code $KICAD_CONFIG_HOME/9.0/}, else on Linux {@code $XDG_CONFIG_HOME/kicad/9.0/}
 *       ({@code ~/.config/kicad/9.0/}), on macOS {@code ~/Library/Preferences/kicad/9.0/}, on
 *       Windows {@code %APPDATA%\kicad\9.0\};</li>
 *   <li>every {@code .kicad_sym} file in the directories of {@link SymbolDirectories}
 *       ({@code KICAD9_SYMBOL_DIR} … and the standard install locations), nickname = file name
 *       without extension, directories in that order, files by name.</li>
 * </ol>
 *
 * <p>Table URIs expand {@code ${VAR}} and {@code $(VAR)} from the environment, then from the
 * path variables set in KiCad's Configure Paths dialog ({@code kicad_common.json} beside the
 * global table), then {@code KIPRJMOD} = the project directory, then KiCad's defaults for
 * {@code KICAD9_SYMBOL_DIR}, {@code KICAD8_SYMBOL_DIR}, {@code KICAD7_SYMBOL_DIR} and
 * {@code KICAD_SYMBOL_DIR} (the first standard location holding libraries). A relative URI is
 * resolved against the table's directory. Anything that makes an entry unusable (disabled, not
 * a KiCad library, an unknown variable, a missing file, a table that does not parse) skips that
 * entry or table and adds a warning naming the table, line and library; discovery itself never
 * fails.
 *
 * <pre>{@code
 * SymbolLibraryDiscovery.Result found = SymbolLibraryDiscovery.builder()
 *         .project(Path.of("my-board"))
 *         .addLibrary(Path.of("libs/parts.kicad_sym"))
 *         .discover();
 * found.libraries();   // [parts (added), Device (global sym-lib-table), …]
 * found.warnings();    // ["…/sym-lib-table:12:3: library Old: …; skipped", …]
 * found.useBuiltin();  // true when nothing was found: BuiltinLibraries then serve
 * }</pre>
 */
public final class SymbolLibraryDiscovery {
    /** The versions whose configuration directories are searched, newest first. */
    static final List<String> CONFIG_VERSIONS = List.of("9.0", "8.0", "7.0");

    /** How a library was found. */
    public enum Kind {
        /** Added by path through the API. */
        ADDED,
        /** Listed in the project's sym-lib-table. */
        PROJECT_TABLE,
        /** Listed in the global sym-lib-table. */
        GLOBAL_TABLE,
        /** A file in a directory named by a KICAD*_SYMBOL_DIR environment variable. */
        ENVIRONMENT,
        /** A file in a standard KiCad install location. */
        STANDARD_LOCATION
    }

    /**
     * Where a library came from.
     *
     * @param kind how it was found
     * @param source the table file, the environment variable, or the directory or path added
     */
    public record Origin(Kind kind, String source) {
        @Override
        public String toString() {
            return switch (kind) {
                case ADDED -> "added " + source;
                case PROJECT_TABLE -> "project table " + source;
                case GLOBAL_TABLE -> "global table " + source;
                case ENVIRONMENT -> "$" + source;
                case STANDARD_LOCATION -> "standard location " + source;
            };
        }
    }

    /**
     * One library.
     *
     * @param nickname the name symbols are looked up by, as in {@code Device:R}
     * @param path the absolute, normalized path of the {@code .kicad_sym} file
     * @param origin where it was found
     */
    public record Library(String nickname, Path path, Origin origin) {}

    /**
     * What discovery found.
     *
     * @param libraries in precedence order, each nickname once
     * @param warnings one line each, in the order they arose
     */
    public record Result(List<Library> libraries, List<String> warnings) {
        public Result {
            libraries = List.copyOf(libraries);
            warnings = List.copyOf(warnings);
        }

        /** Whether no library was found, so {@link BuiltinLibraries} should serve instead. */
        public boolean useBuiltin() {
            return libraries.isEmpty();
        }

        /** The library of a nickname, or null. */
        public Library find(String nickname) {
            for (Library library : libraries) {
                if (library.nickname().equals(nickname)) {
                    return library;
                }
            }
            return null;
        }
    }

    /** Collects the inputs of one discovery. */
    public static final class Builder {
        private final List<Path> added = new ArrayList<>();
        private Path project;
        private Function<String, String> environment = System::getenv;
        private String osName = System.getProperty("os.name", "");
        private String userHome = System.getProperty("user.home", "");

        private Builder() {}

        /**
         * The KiCad project: its directory, or its {@code .kicad_pro} file. The directory's
         * sym-lib-table is read and {@code KIPRJMOD} names the directory.
         */
        public Builder project(Path directoryOrProjectFile) {
            Path path = Objects.requireNonNull(directoryOrProjectFile, "directoryOrProjectFile").toAbsolutePath()
                    .normalize();
            this.project = path.getFileName() != null && path.getFileName().toString().endsWith(".kicad_pro")
                    ? path.getParent() : path;
            return this;
        }

        /** A {@code .kicad_sym} file, or a directory whose {@code .kicad_sym} files are all added. */
        public Builder addLibrary(Path fileOrDirectory) {
            added.add(Objects.requireNonNull(fileOrDirectory, "fileOrDirectory"));
            return this;
        }

        Builder environment(Function<String, String> environment) {
            this.environment = environment;
            return this;
        }

        Builder operatingSystem(String osName, String userHome) {
            this.osName = osName;
            this.userHome = userHome;
            return this;
        }

        public Result discover() {
            return new Run(this).run();
        }
    }

    private SymbolLibraryDiscovery() {}

    public static Builder builder() {
        return new Builder();
    }

    /** Discovery with no project and no added libraries. */
    public static Result discover() {
        return builder().discover();
    }

    /**
     * The global sym-lib-table candidates for an OS, newest KiCad first; the first that exists is
     * read.
     */
    static List<Path> globalTables(Function<String, String> env, String osName, String userHome) {
        List<Path> result = new ArrayList<>();
        for (String version : CONFIG_VERSIONS) {
            Path dir = configDirectory(env, osName, userHome, version);
            if (dir != null) {
                result.add(dir.resolve("sym-lib-table"));
            }
        }
        return result;
    }

    private static Path configDirectory(Function<String, String> env, String osName, String userHome, String version) {
        try {
            // KiCad honours KICAD_CONFIG_HOME on every OS, in place of the per-OS directory.
            String override = env.apply("KICAD_CONFIG_HOME");
            if (override != null && !override.isBlank()) {
                return Path.of(override, version);
            }
            String os = osName.toLowerCase(Locale.ROOT);
            if (os.startsWith("mac") || os.startsWith("darwin")) {
                return Path.of(userHome, "Library", "Preferences", "kicad", version);
            }
            if (os.startsWith("windows")) {
                String appData = env.apply("APPDATA");
                Path base = appData != null && !appData.isBlank() ? Path.of(appData)
                        : Path.of(userHome, "AppData", "Roaming");
                return base.resolve("kicad").resolve(version);
            }
            String xdg = env.apply("XDG_CONFIG_HOME");
            // The XDG spec says a relative XDG_CONFIG_HOME is invalid and must be ignored.
            Path base = xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute() ? Path.of(xdg)
                    : Path.of(userHome, ".config");
            return base.resolve("kicad").resolve(version);
        } catch (InvalidPathException e) {
            return null;
        }
    }

    /** The state of one discovery run. */
    private static final class Run {
        private final Builder in;
        private final Map<String, Library> byNickname = new LinkedHashMap<>();
        private final List<String> warnings = new ArrayList<>();
        private final Map<String, String> configuredVariables = new HashMap<>();
        private String defaultSymbolDir;
        private boolean defaultSymbolDirKnown;

        Run(Builder in) {
            this.in = in;
        }

        Result run() {
            for (Path path : in.added) {
                addByPath(path);
            }
            Path globalTable = null;
            for (Path table : globalTables(in.environment, in.osName, in.userHome)) {
                if (Files.isRegularFile(table)) {
                    globalTable = table;
                    break;
                }
            }
            if (globalTable != null) {
                readConfiguredVariables(globalTable.resolveSibling("kicad_common.json"));
            }
            if (in.project != null) {
                Path table = in.project.resolve("sym-lib-table");
                if (Files.isRegularFile(table)) {
                    readTable(table, Kind.PROJECT_TABLE);
                }
            }
            if (globalTable != null) {
                readTable(globalTable, Kind.GLOBAL_TABLE);
            }
            for (SymbolDirectories.Candidate candidate : SymbolDirectories.candidates(in.environment, in.osName,
                    in.userHome)) {
                boolean standard = candidate.source().equals(SymbolDirectories.STANDARD_LOCATION);
                if (!candidate.exists() && !standard) {
                    // A variable the user set on purpose deserves a word when it leads nowhere;
                    // standard locations that are absent are the normal case.
                    warnings.add(candidate.source() + "=" + candidate.path()
                            + " is not a directory holding .kicad_sym files; ignored");
                }
                if (candidate.exists()) {
                    Origin origin = standard ? new Origin(Kind.STANDARD_LOCATION, candidate.path().toString())
                            : new Origin(Kind.ENVIRONMENT, candidate.source());
                    for (Path file : libraryFiles(candidate.path())) {
                        offer(nickname(file), file, origin);
                    }
                }
            }
            return new Result(new ArrayList<>(byNickname.values()), warnings);
        }

        private void addByPath(Path path) {
            Path absolute = path.toAbsolutePath().normalize();
            if (Files.isDirectory(absolute)) {
                List<Path> files = libraryFiles(absolute);
                if (files.isEmpty()) {
                    warnings.add("added directory " + absolute + " holds no .kicad_sym files");
                }
                for (Path file : files) {
                    offer(nickname(file), file, new Origin(Kind.ADDED, absolute.toString()));
                }
            } else if (!Files.isRegularFile(absolute)) {
                warnings.add("added library " + absolute + " does not exist; skipped");
            } else if (!absolute.getFileName().toString().endsWith(".kicad_sym")) {
                warnings.add("added library " + absolute + " is not a .kicad_sym file; skipped");
            } else {
                offer(nickname(absolute), absolute, new Origin(Kind.ADDED, absolute.toString()));
            }
        }

        /** Keeps the first library of a nickname; later ones are shadowed, as in KiCad. */
        private void offer(String nickname, Path path, Origin origin) {
            byNickname.putIfAbsent(nickname, new Library(nickname, path, origin));
        }

        private void readTable(Path table, Kind kind) {
            byte[] bytes;
            try {
                bytes = Files.readAllBytes(table);
            } catch (IOException e) {
                warnings.add(table + ": cannot be read (" + e + "); the table is ignored");
                return;
            }
            SexprTree tree;
            try {
                tree = new JavaIoStage().parse(bytes, table.toString());
            } catch (SexprParseException e) {
                warnings.add(table + ":" + e.line() + ":" + e.column() + ": " + e.detail() + "; the table is ignored");
                return;
            }
            int root = tree.root();
            int head = tree.firstChild(root);
            if (head == SexprTree.NONE || tree.isList(head) || !tree.stringValue(head).equals("sym_lib_table")) {
                String found = head == SexprTree.NONE || tree.isList(head) ? "a list without a name"
                        : tree.stringValue(head);
                warnings.add(table + ": expected a sym_lib_table root list, found " + found + "; the table is ignored");
                return;
            }
            Map<String, String> seen = new HashMap<>();
            for (int lib = tree.nextSibling(root, head); lib != SexprTree.NONE; lib = tree.nextSibling(root, lib)) {
                if (tree.isList(lib) && isHead(tree, lib, "lib")) {
                    readEntry(tree, table, kind, lib, seen);
                }
            }
        }

        private void readEntry(SexprTree tree, Path table, Kind kind, int lib, Map<String, String> seen) {
            String at = tree.line(tree.start(lib)) + ":" + tree.column(tree.start(lib));
            String where = table + ":" + at + ": ";
            String name = null;
            String type = null;
            String uri = null;
            boolean disabled = false;
            for (int c = tree.firstChild(lib); c != SexprTree.NONE; c = tree.nextSibling(lib, c)) {
                if (!tree.isList(c)) {
                    continue;
                }
                int value = tree.nextSibling(c, tree.firstChild(c));
                String text = value == SexprTree.NONE || tree.isList(value) ? null : tree.stringValue(value);
                if (isHead(tree, c, "name")) {
                    name = text;
                } else if (isHead(tree, c, "type")) {
                    type = text;
                } else if (isHead(tree, c, "uri")) {
                    uri = text;
                } else if (isHead(tree, c, "disabled")) {
                    disabled = true;
                }
            }
            if (name == null || name.isEmpty()) {
                warnings.add(where + "library entry without a (name …); skipped");
                return;
            }
            String first = seen.putIfAbsent(name, at);
            if (first != null) {
                warnings.add(where + "library " + name + " is listed twice in this table; the first, at " + first
                        + ", is used");
                return;
            }
            if (disabled) {
                warnings.add(where + "library " + name + " is disabled; skipped");
                return;
            }
            if (type == null || !type.equalsIgnoreCase("KiCad")) {
                warnings.add(where + "library " + name + " has type " + (type == null ? "(none)" : "'" + type + "'")
                        + "; only KiCad .kicad_sym libraries are read; skipped");
                return;
            }
            if (uri == null || uri.isEmpty()) {
                warnings.add(where + "library " + name + " has no (uri …); skipped");
                return;
            }
            Expansion expanded = expand(uri);
            if (expanded.unknown() != null) {
                warnings.add(where + "library " + name + ": uri \"" + uri + "\" uses ${" + expanded.unknown()
                        + "}, which is not set; set it in the environment or in KiCad's Configure Paths; skipped");
                return;
            }
            Path path;
            try {
                path = table.toAbsolutePath().getParent().resolve(expanded.text()).normalize();
            } catch (InvalidPathException e) {
                warnings.add(where + "library " + name + ": uri \"" + uri + "\" is not a valid path (" + e.getReason()
                        + "); skipped");
                return;
            }
            if (!Files.isRegularFile(path)) {
                warnings.add(where + "library " + name + ": " + path + " does not exist; skipped");
                return;
            }
            offer(name, path, new Origin(kind, table.toString()));
        }

        private record Expansion(String text, String unknown) {}

        /** KiCad's {@code ExpandEnvVarSubstitutions}: {@code ${NAME}} and {@code $(NAME)}. */
        private Expansion expand(String uri) {
            StringBuilder out = new StringBuilder();
            int i = 0;
            while (i < uri.length()) {
                char c = uri.charAt(i);
                if (c == '$' && i + 1 < uri.length() && (uri.charAt(i + 1) == '{' || uri.charAt(i + 1) == '(')) {
                    char close = uri.charAt(i + 1) == '{' ? '}' : ')';
                    int end = uri.indexOf(close, i + 2);
                    if (end > 0) {
                        String variable = uri.substring(i + 2, end);
                        String value = variable(variable);
                        if (value == null) {
                            return new Expansion(null, variable);
                        }
                        out.append(value);
                        i = end + 1;
                        continue;
                    }
                }
                out.append(c);
                i++;
            }
            return new Expansion(out.toString(), null);
        }

        private String variable(String name) {
            // KiCad always sets KIPRJMOD itself, whatever the environment says.
            if (name.equals("KIPRJMOD")) {
                return in.project == null ? null : in.project.toAbsolutePath().normalize().toString();
            }
            String value = in.environment.apply(name);
            if (value != null && !value.isEmpty()) {
                return value;
            }
            value = configuredVariables.get(name);
            if (value != null && !value.isEmpty()) {
                return value;
            }
            if (SymbolDirectories.ENVIRONMENT_VARIABLES.contains(name)) {
                return defaultSymbolDir();
            }
            return null;
        }

        /** KiCad's own default for the symbol-directory variables: where it is installed. */
        private String defaultSymbolDir() {
            if (!defaultSymbolDirKnown) {
                defaultSymbolDirKnown = true;
                for (SymbolDirectories.Candidate candidate : SymbolDirectories.candidates(name -> null, in.osName,
                        in.userHome)) {
                    if (candidate.exists()) {
                        defaultSymbolDir = candidate.path().toString();
                        break;
                    }
                }
            }
            return defaultSymbolDir;
        }

        /** Path variables from KiCad's Configure Paths dialog: {@code environment.vars}. */
        private void readConfiguredVariables(Path commonJson) {
            if (!Files.isRegularFile(commonJson)) {
                return;
            }
            try {
                JsonNode vars = new ObjectMapper().readTree(commonJson.toFile()).path("environment").path("vars");
                for (Map.Entry<String, JsonNode> e : vars.properties()) {
                    if (e.getValue().isTextual()) {
                        configuredVariables.put(e.getKey(), e.getValue().asText());
                    }
                }
            } catch (IOException e) {
                warnings.add(commonJson + ": cannot be read (" + e.getMessage().lines().findFirst().orElse("")
                        + "); its path variables are ignored");
            }
        }

        private static boolean isHead(SexprTree tree, int list, String head) {
            int first = tree.firstChild(list);
            return first != SexprTree.NONE && !tree.isList(first) && tree.stringValue(first).equals(head);
        }
    }

    private static List<Path> libraryFiles(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".kicad_sym") && Files.isRegularFile(p))
                    .map(p -> p.toAbsolutePath().normalize())
                    .sorted(Comparator.comparing(p -> p.getFileName().toString())).toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    private static String nickname(Path file) {
        String name = file.getFileName().toString();
        return name.substring(0, name.length() - ".kicad_sym".length());
    }
}
