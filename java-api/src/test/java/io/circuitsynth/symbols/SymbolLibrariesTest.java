package io.circuitsynth.symbols;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.circuitsynth.testing.TestEngines;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The public facade: lookups, the unknown-symbol message, search defaults, the cache directory. */
class SymbolLibrariesTest {
    @TempDir
    Path work;

    static List<SymbolStage> stages() {
        return TestEngines.symbolStagesUnderTest();
    }

    private List<LibrarySource> twoLibraries() throws Exception {
        Path test = Libraries.write(work.resolve("Test.kicad_sym"), Libraries.library(Libraries.twoPin("R", "one"),
                Libraries.derived("R2", "R", "two"), Libraries.twoPin("LED", "light")));
        Path other = Libraries.write(work.resolve("Other.kicad_sym"), Libraries.library(Libraries.twoPin("Rx1", "x"),
                Libraries.twoPin("R", "other")));
        return List.of(LibrarySource.of(test), LibrarySource.of(other));
    }

    @ParameterizedTest
    @MethodSource("stages")
    void symbolsByIdAndTheUnknownSymbolMessage(SymbolStage stage) throws Exception {
        List<LibrarySource> libs = twoLibraries();
        try (SymbolLibraries l = SymbolLibraries.open(stage, libs, null)) {
            Symbol r2 = l.symbol("Test:R2");
            assertThat(r2.id()).isEqualTo("Test:R2");
            assertThat(r2.extendsName()).isEqualTo("R");
            assertThat(r2.value()).isEqualTo("two");
            assertThat(r2.description()).isEqualTo("one part");
            assertThat(r2.keywords()).containsExactly("res", "one");
            assertThat(l.find("Other:R")).map(Symbol::value).contains("other");
            assertThat(l.find("Other:Nope")).isEmpty();
            assertThat(l.find("NoColon")).isEmpty();
            assertThat(l.libraries()).isEqualTo(libs);
            assertThat(l.warnings()).isEmpty();
            assertThat(l.stats().libraries()).isEqualTo(2);
            assertThat(l.stats().symbols()).isEqualTo(5);
            assertThat(l.stats().derived()).isEqualTo(1);

            SymbolNotFoundException e = catchThrowableOfType(SymbolNotFoundException.class, () -> l.symbol("Test:Rx"));
            // All at distance 1, so LIB:NAME byte order decides.
            assertThat(e.getMessage()).isEqualTo("Unknown symbol 'Test:Rx'. Closest matches: Other:R, Other:Rx1,"
                    + " Test:R, Test:R2. Searched 2 libraries: Test (" + libs.get(0).path() + "), Other ("
                    + libs.get(1).path() + ").");
            assertThat(e.id()).isEqualTo("Test:Rx");
            assertThat(e.closestMatches()).containsExactly("Other:R", "Other:Rx1", "Test:R", "Test:R2");

            assertThatThrownBy(() -> l.symbol("R")).isInstanceOf(SymbolNotFoundException.class)
                    .hasMessage("Unknown symbol 'R'. Symbols are named LIB:NAME, such as Device:R. Closest matches:"
                            + " Other:R, Test:R, Test:R2, Other:Rx1. Searched 2 libraries: Test (" + libs.get(0).path()
                            + "), Other (" + libs.get(1).path() + ").");
            assertThatThrownBy(() -> l.symbol("Test:Zzzzzz")).hasMessageStartingWith(
                    "Unknown symbol 'Test:Zzzzzz'. No close matches. Searched 2 libraries:");
        }
    }

    @ParameterizedTest
    @MethodSource("stages")
    void theMessageListsTenLibrariesAndLeavesOutSkippedOnes(SymbolStage stage) throws Exception {
        List<LibrarySource> libs = new ArrayList<>();
        StringBuilder listed = new StringBuilder();
        for (int i = 0; i < 13; i++) {
            String text = i == 3 ? "(kicad_sch (version 20250114))" : Libraries.library(Libraries.twoPin("P" + i, "v"));
            Path file = Libraries.write(work.resolve("L" + i + ".kicad_sym"), text);
            libs.add(LibrarySource.of(file));
            if (i != 3 && listed.length() < 10_000 && i <= 10) {
                listed.append(listed.length() == 0 ? "" : ", ").append("L").append(i).append(" (").append(file).append(')');
            }
        }
        try (SymbolLibraries l = SymbolLibraries.open(stage, libs, null)) {
            assertThat(l.warnings()).containsExactly("skipping library L3 (" + libs.get(3).path()
                    + "): 1:2: expected a kicad_symbol_lib root list, found kicad_sch");
            assertThatThrownBy(() -> l.symbol("L0:Q")).hasMessage("Unknown symbol 'L0:Q'. Closest matches: L0:P0,"
                    + " L1:P1, L2:P2, L4:P4, L5:P5. Searched 12 libraries: " + listed + " and 2 more.");
        }
    }

    @ParameterizedTest
    @MethodSource("stages")
    void searchDefaultsToTwentyHits(SymbolStage stage) throws Exception {
        StringBuilder symbols = new StringBuilder();
        for (int i = 0; i < 30; i++) {
            symbols.append(Libraries.twoPin(String.format("R%02d", i), "v"));
        }
        Path file = Libraries.write(work.resolve("Many.kicad_sym"), Libraries.library(symbols.toString()));
        try (SymbolLibraries l = SymbolLibraries.open(stage, List.of(LibrarySource.of(file)), null)) {
            List<SearchHit> hits = l.search("r");
            assertThat(hits).hasSize(20);
            assertThat(hits.get(0)).isEqualTo(new SearchHit("Many", "R00", 400));
            assertThat(hits.get(19).id()).isEqualTo("Many:R19");
            assertThat(l.search("r 05", 5)).containsExactly(new SearchHit("Many", "R05", 600));
            assertThat(l.search("  ")).isEmpty();
        }
    }

    @ParameterizedTest
    @MethodSource("stages")
    void aClosedIndexRefusesWork(SymbolStage stage) throws Exception {
        SymbolLibraries l = SymbolLibraries.open(stage, twoLibraries(), null);
        l.close();
        l.close();
        assertThatThrownBy(() -> l.find("Test:R")).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void theDefaultCacheDirectoryComesFromTheSystemProperty() throws Exception {
        List<LibrarySource> libs = twoLibraries();
        Path cache = work.resolve("default-cache");
        String before = System.getProperty(CacheDirectory.PROPERTY);
        System.setProperty(CacheDirectory.PROPERTY, cache.toString());
        try (SymbolLibraries l = SymbolLibraries.open(libs)) {
            assertThat(l.symbol("Other:R").value()).isEqualTo("other");
        } finally {
            if (before == null) {
                System.clearProperty(CacheDirectory.PROPERTY);
            } else {
                System.setProperty(CacheDirectory.PROPERTY, before);
            }
        }
        for (LibrarySource s : libs) {
            assertThat(SymbolCacheFile.fileFor(cache, s.path().toAbsolutePath().toString())).isRegularFile();
        }
    }

    @Test
    void builtSymbolsRoundTripThroughTheirRecord() {
        Symbol box = Symbol.builder("Generic", "BOX").power(false).pinNamesHidden(true).pinNameOffset(0).units(2, 2)
                .unitName(1, "A").unitName(2, "B")
                .property("Reference", "U", false).property("Value", "BOX", false).property("Footprint", "", true)
                .pin(new SymbolPin("1", "IN", ElectricalType.INPUT, PinStyle.CLOCK, -50800, 0, 0, 25400, 1, 1, false,
                        List.of(new SymbolPin.Alternate("ALT", ElectricalType.OUTPUT, PinStyle.INVERTED))))
                .pin(new SymbolPin("2", "OUT", ElectricalType.OUTPUT, PinStyle.LINE, 50800, 0, 180, 25400, 2, 2, true,
                        List.of()))
                .graphic("(symbol \"BOX_0_1\" (rectangle (start -5.08 -2.54) (end 5.08 2.54)))")
                .build();
        byte[] record = SymbolRecords.encode(box);
        Symbol back = SymbolRecords.decode(LibrarySource.inMemory("Generic", "generic", new byte[0]), record);
        assertThat(back).isEqualTo(box);
        assertThat(SymbolRecords.encode(back)).isEqualTo(record);
        assertThat(SymbolRecords.validatePrefix(record, 0, record.length)).isEqualTo(record.length);
        assertThat(new String(back.graphicsSexpr().get(0), StandardCharsets.UTF_8))
                .isEqualTo("(symbol \"BOX_0_1\" (rectangle (start -5.08 -2.54) (end 5.08 2.54)))");
        assertThat(back.pins(1, 1)).extracting(SymbolPin::number).containsExactly("1");
        assertThat(back.pins(2, 2)).extracting(SymbolPin::number).containsExactly("2");
        assertThat(back.inBom()).isTrue();
        assertThat(back.pinNamesHidden()).isTrue();
    }

    @Test
    void cacheDirectoryFollowsEachPlatformsConvention() {
        assertThat(CacheDirectory.resolve(Map.of("circuitsynth.cache.dir", "/x/y", "os.name", "Linux")::get,
                Map.<String, String>of()::get)).isEqualTo(Path.of("/x/y"));
        assertThat(CacheDirectory.resolve(Map.of("os.name", "Linux", "user.home", "/home/u")::get,
                Map.of("XDG_CACHE_HOME", "/xdg")::get)).isEqualTo(Path.of("/xdg/circuitsynth"));
        assertThat(CacheDirectory.resolve(Map.of("os.name", "Linux", "user.home", "/home/u")::get,
                Map.of("XDG_CACHE_HOME", "relative")::get)).isEqualTo(Path.of("/home/u/.cache/circuitsynth"));
        assertThat(CacheDirectory.resolve(Map.of("os.name", "Mac OS X", "user.home", "/Users/u")::get,
                Map.<String, String>of()::get)).isEqualTo(Path.of("/Users/u/Library/Caches/circuitsynth"));
        assertThat(CacheDirectory.resolve(Map.of("os.name", "Windows 11", "user.home", "C:\\Users\\u")::get,
                Map.of("LOCALAPPDATA", "L")::get)).isEqualTo(Path.of("L", "circuitsynth", "cache"));
        assertThat(CacheDirectory.resolve(Map.of("os.name", "Linux")::get, Map.<String, String>of()::get)).isNull();
    }
}
