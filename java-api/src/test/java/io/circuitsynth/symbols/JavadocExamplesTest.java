package io.circuitsynth.symbols;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The examples in the public Javadoc of this package, run as written, so they cannot rot. */
class JavadocExamplesTest {
    @TempDir
    Path dir;

    @Test
    void boxSymbolExample() {
        BoxSymbol box = BoxSymbol.generate("LM7805", List.of(
                new BoxSymbol.Pin("1", "VI", "power_in"),
                new BoxSymbol.Pin("2", "GND", "power_in"),
                new BoxSymbol.Pin("3", "VO", "power_out")));
        byte[] library = box.libraryText();
        assertThat(new String(library, UTF_8)).startsWith("(kicad_symbol_lib\n\t(version 20241209)\n"
                + "\t(generator \"circuitsynth\")\n\t(symbol \"LM7805\"\n");
        assertThat(box.pinEnds()).containsExactly(new BoxSymbol.PinEnd("1", 0, 50800),
                new BoxSymbol.PinEnd("2", 0, -50800), new BoxSymbol.PinEnd("3", 25400, 50800));
    }

    @Test
    void builtinLibrariesExample() {
        BuiltinLibraries.Library device = BuiltinLibraries.sources().stream()
                .filter(lib -> lib.nickname().equals("Device")).findFirst().orElseThrow();
        assertThat(device.path()).isEqualTo("builtin:/Device.kicad_sym");
        assertThat(new String(device.content(), UTF_8)).contains("\t(symbol \"R\"\n");
    }

    @Test
    void discoveryExample() throws IOException {
        Path board = Files.createDirectories(dir.resolve("my-board"));
        Path parts = Files.createDirectories(dir.resolve("libs")).resolve("parts.kicad_sym");
        Files.writeString(parts, "(kicad_symbol_lib (version 20241209))");
        Files.writeString(board.resolve("sym-lib-table"),
                "(sym_lib_table (lib (name \"Old\")(type \"Legacy\")(uri \"${KIPRJMOD}/old.lib\")))");
        SymbolLibraryDiscovery.Result found = SymbolLibraryDiscovery.builder()
                .environment(Map.<String, String>of()::get).operatingSystem("Mac OS X", dir.resolve("home").toString())
                .project(board)
                .addLibrary(parts)
                .discover();
        assertThat(found.libraries()).extracting(SymbolLibraryDiscovery.Library::nickname).containsExactly("parts");
        assertThat(found.warnings()).containsExactly(board.resolve("sym-lib-table")
                + ":1:16: library Old has type 'Legacy'; only KiCad .kicad_sym libraries are read; skipped");
        assertThat(found.useBuiltin()).isFalse();
    }
}
