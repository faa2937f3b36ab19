package io.circuitsynth.symbols;

import static org.assertj.core.api.Assertions.assertThat;

import io.circuitsynth.symbols.SymbolLibraryDiscovery.Kind;
import io.circuitsynth.symbols.SymbolLibraryDiscovery.Library;
import io.circuitsynth.symbols.SymbolLibraryDiscovery.Origin;
import io.circuitsynth.symbols.SymbolLibraryDiscovery.Result;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fake KiCad installs in a temporary home. The tests run as macOS, whose standard install
 * location and configuration directory both live under the home directory, so nothing installed
 * on the machine running the tests can leak in.
 */
class SymbolLibraryDiscoveryTest {
    private static final String MAC = "Mac OS X";

    @TempDir
    Path tmp;

    private Path home;
    private Path install;
    private Path config9;
    private final Map<String, String> env = new HashMap<>();

    @BeforeEach
    void setUp() throws IOException {
        home = tmp.resolve("home");
        install = home.resolve("Applications/KiCad/KiCad.app/Contents/SharedSupport/symbols");
        config9 = home.resolve("Library/Preferences/kicad/9.0");
        Files.createDirectories(home);
    }

    private SymbolLibraryDiscovery.Builder discovery() {
        return SymbolLibraryDiscovery.builder().environment(env::get).operatingSystem(MAC, home.toString());
    }

    private static Path library(Path dir, String file) throws IOException {
        Files.createDirectories(dir);
        Path path = dir.resolve(file);
        Files.writeString(path, "(kicad_symbol_lib (version 20241209) (generator \"test\"))\n");
        return path.toAbsolutePath().normalize();
    }

    private static Path write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return file;
    }

    private static Library lib(String nickname, Path path, Kind kind, Object source) {
        return new Library(nickname, path, new Origin(kind, source.toString()));
    }

    @Test
    void nothingInstalledMeansTheBuiltinLibraries() {
        Result result = discovery().discover();
        assertThat(result.libraries()).isEmpty();
        assertThat(result.warnings()).isEmpty();
        assertThat(result.useBuiltin()).isTrue();
    }

    @Test
    void environmentDirectoriesComeBeforeTheStandardLocation() throws IOException {
        Path k9 = tmp.resolve("k9");
        Path device9 = library(k9, "Device.kicad_sym");
        Path power9 = library(k9, "power.kicad_sym");
        Path k7 = tmp.resolve("k7");
        Path power7 = library(k7, "power.kicad_sym");
        Path logic7 = library(k7, "74xx.kicad_sym");
        library(install, "Device.kicad_sym");
        Path audio = library(install, "Audio.kicad_sym");
        Files.writeString(install.resolve("notes.txt"), "not a library");
        env.put("KICAD9_SYMBOL_DIR", k9.toString());
        env.put("KICAD7_SYMBOL_DIR", k7.toString());

        Result result = discovery().discover();

        assertThat(result.libraries()).containsExactly(
                lib("Device", device9, Kind.ENVIRONMENT, "KICAD9_SYMBOL_DIR"),
                lib("power", power9, Kind.ENVIRONMENT, "KICAD9_SYMBOL_DIR"),
                lib("74xx", logic7, Kind.ENVIRONMENT, "KICAD7_SYMBOL_DIR"),
                lib("Audio", audio, Kind.STANDARD_LOCATION, install));
        assertThat(result.warnings()).isEmpty();
        assertThat(result.useBuiltin()).isFalse();
        assertThat(result.find("power").path()).isEqualTo(power9).isNotEqualTo(power7);
    }

    @Test
    void aVariableThatLeadsNowhereIsReported() throws IOException {
        Path empty = Files.createDirectories(tmp.resolve("empty"));
        env.put("KICAD9_SYMBOL_DIR", tmp.resolve("nowhere").toString());
        env.put("KICAD_SYMBOL_DIR", empty.toString());
        assertThat(discovery().discover().warnings()).containsExactly(
                "KICAD9_SYMBOL_DIR=" + tmp.resolve("nowhere") + " is not a directory holding .kicad_sym files; ignored",
                "KICAD_SYMBOL_DIR=" + empty + " is not a directory holding .kicad_sym files; ignored");
    }

    @Test
    void globalTableShadowsTheDirectoryScanAndReportsUnusableEntries() throws IOException {
        Path device = library(install, "Device.kicad_sym");
        Path audio = library(install, "Audio.kicad_sym");
        Path custom = library(tmp.resolve("custom"), "Custom.kicad_sym");
        Path table = write(config9.resolve("sym-lib-table"), """
                (sym_lib_table
                  (version 7)
                  (lib (name "Audio")(type "KiCad")(uri "${KICAD9_SYMBOL_DIR}/Device.kicad_sym")(options "")(descr "renamed"))
                  (lib (name "Old")(type "Legacy")(uri "/x/old.lib")(options "")(descr ""))
                  (lib (name "Off")(type "KiCad")(uri "${KICAD9_SYMBOL_DIR}/Audio.kicad_sym")(options "")(descr "")(disabled))
                  (lib (name "Mine")(type "KiCad")(uri "${MY_LIBS}/mine.kicad_sym")(options "")(descr ""))
                  (lib (name "Here")(type "KiCad")(uri "${KIPRJMOD}/here.kicad_sym")(options "")(descr ""))
                  (lib (name "Gone")(type "KiCad")(uri "$(KICAD8_SYMBOL_DIR)/Gone.kicad_sym")(options "")(descr ""))
                  (lib (name Bare)(type kicad)(uri ${CUSTOM}/Custom.kicad_sym)(options "")(descr ""))
                  (lib (name "Bare")(type "KiCad")(uri "/elsewhere/Bare.kicad_sym"))
                  (lib (type "KiCad")(uri "/nameless.kicad_sym"))
                )
                """);
        env.put("CUSTOM", custom.getParent().toString());

        Result result = discovery().discover();

        assertThat(result.libraries()).containsExactly(
                lib("Audio", device, Kind.GLOBAL_TABLE, table),
                lib("Bare", custom, Kind.GLOBAL_TABLE, table),
                lib("Device", device, Kind.STANDARD_LOCATION, install));
        assertThat(result.find("Audio").path()).isNotEqualTo(audio);
        assertThat(result.warnings()).containsExactly(
                table + ":4:3: library Old has type 'Legacy'; only KiCad .kicad_sym libraries are read; skipped",
                table + ":5:3: library Off is disabled; skipped",
                table + ":6:3: library Mine: uri \"${MY_LIBS}/mine.kicad_sym\" uses ${MY_LIBS}, which is not set; "
                        + "set it in the environment or in KiCad's Configure Paths; skipped",
                table + ":7:3: library Here: uri \"${KIPRJMOD}/here.kicad_sym\" uses ${KIPRJMOD}, which is not set; "
                        + "set it in the environment or in KiCad's Configure Paths; skipped",
                table + ":8:3: library Gone: " + install.resolve("Gone.kicad_sym") + " does not exist; skipped",
                table + ":10:3: library Bare is listed twice in this table; the first, at 9:3, is used",
                table + ":11:3: library entry without a (name …); skipped");
    }

    @Test
    void configurePathsVariablesComeFromKicadCommon() throws IOException {
        Path mine = library(tmp.resolve("mine"), "mine.kicad_sym");
        Path table = write(config9.resolve("sym-lib-table"), """
                (sym_lib_table (version 7)
                  (lib (name "Mine")(type "KiCad")(uri "${MY_LIBS}/mine.kicad_sym")(options "")(descr "")))
                """);
        write(config9.resolve("kicad_common.json"), """
                {"environment": {"show_warning_dialog": false, "vars": {"MY_LIBS": "%s", "EMPTY": null}}}
                """.formatted(mine.getParent().toString().replace("\\", "\\\\")));

        Result result = discovery().discover();

        assertThat(result.libraries()).containsExactly(lib("Mine", mine, Kind.GLOBAL_TABLE, table));
        assertThat(result.warnings()).isEmpty();
    }

    @Test
    void environmentWinsOverConfigurePaths() throws IOException {
        Path fromEnv = library(tmp.resolve("env"), "mine.kicad_sym");
        library(tmp.resolve("json"), "mine.kicad_sym");
        write(config9.resolve("sym-lib-table"),
                "(sym_lib_table (lib (name \"Mine\")(type \"KiCad\")(uri \"${MY_LIBS}/mine.kicad_sym\")))");
        write(config9.resolve("kicad_common.json"),
                "{\"environment\": {\"vars\": {\"MY_LIBS\": \"" + tmp.resolve("json").toString().replace("\\", "\\\\")
                        + "\"}}}");
        env.put("MY_LIBS", fromEnv.getParent().toString());

        assertThat(discovery().discover().find("Mine").path()).isEqualTo(fromEnv);
    }

    @Test
    void projectTableShadowsTheGlobalOne() throws IOException {
        Path globalDevice = library(tmp.resolve("global"), "Device.kicad_sym");
        Path globalTable = write(config9.resolve("sym-lib-table"), """
                (sym_lib_table (version 7)
                  (lib (name "Device")(type "KiCad")(uri "%s")(options "")(descr ""))
                  (lib (name "Shared")(type "KiCad")(uri "${KIPRJMOD}/shared.kicad_sym")(options "")(descr "")))
                """.formatted(globalDevice.toString().replace("\\", "/")));
        Path project = tmp.resolve("board");
        Path projectDevice = library(project, "Device.kicad_sym");
        Path shared = library(project, "shared.kicad_sym");
        Path local = library(project.resolve("libs"), "local.kicad_sym");
        Path projectTable = write(project.resolve("sym-lib-table"), """
                (sym_lib_table (version 7)
                  (lib (name "Device")(type "KiCad")(uri "${KIPRJMOD}/Device.kicad_sym")(options "")(descr ""))
                  (lib (name "Local")(type "KiCad")(uri "libs/local.kicad_sym")(options "")(descr "")))
                """);
        env.put("KIPRJMOD", "/somewhere/else");

        Result result = discovery().project(project).discover();

        assertThat(discovery().project(project.resolve("board.kicad_pro")).discover()).isEqualTo(result);
        assertThat(result.libraries()).containsExactly(
                lib("Device", projectDevice, Kind.PROJECT_TABLE, projectTable),
                lib("Local", local, Kind.PROJECT_TABLE, projectTable),
                lib("Shared", shared, Kind.GLOBAL_TABLE, globalTable));
        assertThat(result.warnings()).isEmpty();
    }

    @Test
    void addedPathsComeFirstAndShadowEverything() throws IOException {
        library(install, "Device.kicad_sym");
        Path project = tmp.resolve("board");
        Path projectLib = library(project, "Parts.kicad_sym");
        Path projectTable = write(project.resolve("sym-lib-table"),
                "(sym_lib_table (lib (name \"Parts\")(type \"KiCad\")(uri \"${KIPRJMOD}/Parts.kicad_sym\")))");
        Path mine = library(tmp.resolve("mine"), "Device.kicad_sym");
        Path dir = tmp.resolve("more");
        Path b = library(dir, "b.kicad_sym");
        Path a = library(dir, "a.kicad_sym");
        Path parts = library(dir, "Parts.kicad_sym");
        Path empty = Files.createDirectories(tmp.resolve("empty"));
        Path text = write(tmp.resolve("notes.txt"), "x");
        Path missing = tmp.resolve("missing.kicad_sym");

        Result result = discovery().project(project).addLibrary(mine).addLibrary(dir).addLibrary(empty)
                .addLibrary(text).addLibrary(missing).discover();

        assertThat(result.libraries()).containsExactly(
                lib("Device", mine, Kind.ADDED, mine),
                lib("Parts", parts, Kind.ADDED, dir),
                lib("a", a, Kind.ADDED, dir),
                lib("b", b, Kind.ADDED, dir));
        assertThat(result.find("Parts").path()).isNotEqualTo(projectLib);
        assertThat(result.warnings()).containsExactly(
                "added directory " + empty + " holds no .kicad_sym files",
                "added library " + text + " is not a .kicad_sym file; skipped",
                "added library " + missing + " does not exist; skipped");
        assertThat(projectTable).exists();
    }

    @Test
    void newestConfigurationWins() throws IOException {
        Path eight = library(tmp.resolve("eight"), "Eight.kicad_sym");
        Path seven = library(tmp.resolve("seven"), "Seven.kicad_sym");
        Path config = home.resolve("Library/Preferences/kicad");
        Path table8 = write(config.resolve("8.0/sym-lib-table"),
                "(sym_lib_table (lib (name \"Eight\")(type \"KiCad\")(uri \"" + eight.toString().replace("\\", "/") + "\")))");
        write(config.resolve("7.0/sym-lib-table"),
                "(sym_lib_table (lib (name \"Seven\")(type \"KiCad\")(uri \"" + seven.toString().replace("\\", "/") + "\")))");

        assertThat(discovery().discover().libraries()).containsExactly(lib("Eight", eight, Kind.GLOBAL_TABLE, table8));
    }

    @Test
    void brokenTablesAreReportedAndIgnored() throws IOException {
        Path table = write(config9.resolve("sym-lib-table"), "(sym_lib_table\n  (lib (name \"A\")\n");
        assertThat(discovery().discover().warnings()).containsExactly(
                table + ":3:1: expected ')' to close the list opened at 2:3, found end of input; the table is ignored");
        write(table, "(fp_lib_table (lib (name \"A\")))");
        assertThat(discovery().discover().warnings()).containsExactly(
                table + ": expected a sym_lib_table root list, found fp_lib_table; the table is ignored");
        Path json = write(config9.resolve("kicad_common.json"), "{not json");
        write(table, "(sym_lib_table)");
        assertThat(discovery().discover().warnings()).hasSize(1).first().asString()
                .startsWith(json + ": cannot be read (").endsWith("); its path variables are ignored");
    }

    @Test
    void globalTableLocationsPerOperatingSystem() {
        Map<String, String> vars = new HashMap<>();
        assertThat(SymbolLibraryDiscovery.globalTables(vars::get, "Linux", "/home/u")).containsExactly(
                Path.of("/home/u/.config/kicad/9.0/sym-lib-table"), Path.of("/home/u/.config/kicad/8.0/sym-lib-table"),
                Path.of("/home/u/.config/kicad/7.0/sym-lib-table"));
        vars.put("XDG_CONFIG_HOME", "relative/ignored");
        assertThat(SymbolLibraryDiscovery.globalTables(vars::get, "Linux", "/home/u"))
                .first().isEqualTo(Path.of("/home/u/.config/kicad/9.0/sym-lib-table"));
        vars.put("XDG_CONFIG_HOME", "/xdg");
        assertThat(SymbolLibraryDiscovery.globalTables(vars::get, "Linux", "/home/u"))
                .first().isEqualTo(Path.of("/xdg/kicad/9.0/sym-lib-table"));
        assertThat(SymbolLibraryDiscovery.globalTables(vars::get, "Mac OS X", "/Users/u"))
                .first().isEqualTo(Path.of("/Users/u/Library/Preferences/kicad/9.0/sym-lib-table"));
        vars.put("APPDATA", "/appdata");
        assertThat(SymbolLibraryDiscovery.globalTables(vars::get, "Windows 11", "/users/u"))
                .first().isEqualTo(Path.of("/appdata", "kicad", "9.0", "sym-lib-table"));
        vars.put("KICAD_CONFIG_HOME", "/kch");
        assertThat(SymbolLibraryDiscovery.globalTables(vars::get, "Linux", "/home/u"))
                .containsExactly(Path.of("/kch/9.0/sym-lib-table"), Path.of("/kch/8.0/sym-lib-table"),
                        Path.of("/kch/7.0/sym-lib-table"));
    }

    @Test
    void originsReadWell() {
        assertThat(new Origin(Kind.ENVIRONMENT, "KICAD9_SYMBOL_DIR")).hasToString("$KICAD9_SYMBOL_DIR");
        assertThat(new Origin(Kind.PROJECT_TABLE, "/p/sym-lib-table")).hasToString("project table /p/sym-lib-table");
        assertThat(List.of(Kind.values())).hasSize(5);
    }
}
