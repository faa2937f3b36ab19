package io.circuitsynth.symbols;

import static org.assertj.core.api.Assertions.assertThat;

import io.circuitsynth.testing.KicadFiles;
import io.circuitsynth.testing.TestEngines;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The installed KiCad 9 symbol library (and a KiCad 6 one when configured), read whole by every
 * engine under test: exact counts, no warnings, exact pin tables for well-known symbols, and
 * engine equivalence on every library's dump and every symbol's record.
 */
class KicadSymbolLibraryTest {
    private static final List<SymbolIndex> INDEXES = new ArrayList<>();
    private static List<LibrarySource> sources;

    @BeforeAll
    static void openAll() {
        Path dir = KicadFiles.symbolDir();
        sources = libraries(dir);
        for (SymbolStage stage : TestEngines.symbolStagesUnderTest()) {
            INDEXES.add(stage.open(sources, null));
        }
    }

    @AfterAll
    static void closeAll() {
        INDEXES.forEach(SymbolIndex::close);
        INDEXES.clear();
    }

    static List<LibrarySource> libraries(Path dir) {
        return KicadFiles.find(dir, ".kicad_sym").stream()
                .filter(p -> p.getParent().equals(dir))
                .map(LibrarySource::of)
                .collect(Collectors.toList());
    }

    @Test
    void everyLibraryIndexesWithoutWarnings() {
        for (SymbolIndex index : INDEXES) {
            assertThat(index.warnings()).isEmpty();
            SymbolIndex.Stats stats = index.stats();
            assertThat(stats.libraries()).isEqualTo(sources.size());
            assertThat(stats.symbols()).isEqualTo(22_583);
            assertThat(stats.derived()).isEqualTo(12_127);
            assertThat(stats.residentBytes()).isPositive();
        }
    }

    @Test
    void storedRecordsAreExactlyTheEncodedSymbols() {
        JavaSymbolIndex java = (JavaSymbolIndex) INDEXES.get(0);
        for (String lib : java.nicknames()) {
            List<String> names = java.names(lib);
            for (int i = 0; i < names.size(); i++) {
                Symbol s = java.lookup(lib, names.get(i)).orElseThrow();
                byte[] stored = java.record(lib, i);
                assertThat(SymbolRecords.encode(s)).as("%s:%s", lib, names.get(i)).isEqualTo(stored);
                assertThat(SymbolRecords.validatePrefix(stored, 0, stored.length)).isEqualTo(stored.length);
            }
        }
    }

    @Test
    void enginesAgreeOnEveryLibraryAndEverySymbol() {
        // Not an input that CI could be missing: a run forced to one engine has nothing to compare.
        Assumptions.assumeTrue(INDEXES.size() > 1, "only one engine under test (circuitsynth.engine=auto with"
                + " a usable native library runs both)");
        JavaSymbolIndex java = (JavaSymbolIndex) INDEXES.get(0);
        for (SymbolIndex other : INDEXES.subList(1, INDEXES.size())) {
            assertThat(other.warnings()).isEqualTo(java.warnings());
            assertThat(other.stats().symbols()).isEqualTo(java.stats().symbols());
            for (String lib : java.nicknames()) {
                assertThat(other.dumpLibrary(lib)).as("dump of %s", lib).isEqualTo(java.dumpLibrary(lib));
                for (String name : java.names(lib)) {
                    byte[] expected = SymbolRecords.encode(java.lookup(lib, name).orElseThrow());
                    byte[] actual = SymbolRecords.encode(other.lookup(lib, name).orElseThrow());
                    assertThat(actual).as("record of %s:%s", lib, name).isEqualTo(expected);
                }
            }
        }
    }

    @Test
    void resistor() {
        for (SymbolIndex index : INDEXES) {
            Symbol r = index.lookup("Device", "R").orElseThrow();
            assertThat(r.id()).isEqualTo("Device:R");
            assertThat(r.referencePrefix()).isEqualTo("R");
            assertThat(r.value()).isEqualTo("R");
            assertThat(r.description()).isEqualTo("Resistor");
            assertThat(r.keywords()).containsExactly("R", "res", "resistor");
            assertThat(r.footprintFilters()).containsExactly("R_*");
            assertThat(r.unitCount()).isEqualTo(1);
            assertThat(r.bodyStyleCount()).isEqualTo(1);
            assertThat(r.power()).isFalse();
            assertThat(r.isDerived()).isFalse();
            assertThat(pins(r)).containsExactly(
                    "1 ~ passive line 0 38100 270 12700 u1 b1",
                    "2 ~ passive line 0 -38100 90 12700 u1 b1");
            assertThat(r.graphicsSexpr()).hasSize(2);
            assertThat(new String(r.graphicsSexpr().get(0), java.nio.charset.StandardCharsets.UTF_8))
                    .startsWith("(symbol \"R_0_1\"").endsWith(")");
        }
    }

    @Test
    void dualOpAmpWithItsPowerUnitIsDerived() {
        for (SymbolIndex index : INDEXES) {
            Symbol u = index.lookup("Amplifier_Operational", "LM358").orElseThrow();
            assertThat(u.extendsName()).isEqualTo("LM2904");
            assertThat(u.unitCount()).isEqualTo(3);
            assertThat(u.value()).isEqualTo("LM358");
            assertThat(pins(u)).containsExactly(
                    "3 + input line -76200 25400 0 25400 u1 b1",
                    "2 - input line -76200 -25400 0 25400 u1 b1",
                    "1 ~ output line 76200 0 180 25400 u1 b1",
                    "5 + input line -76200 25400 0 25400 u2 b1",
                    "6 - input line -76200 -25400 0 25400 u2 b1",
                    "7 ~ output line 76200 0 180 25400 u2 b1",
                    "8 V+ power_in line -25400 76200 270 38100 u3 b1",
                    "4 V- power_in line -25400 -76200 90 38100 u3 b1");
            assertThat(u.pins(3, 1)).extracting(SymbolPin::number).containsExactly("8", "4");
            Symbol parent = index.lookup("Amplifier_Operational", "LM2904").orElseThrow();
            assertThat(u.pins()).isEqualTo(parent.pins());
            assertThat(u.graphicsSexpr()).hasSize(3);
            assertThat(new String(u.graphicsSexpr().get(0), java.nio.charset.StandardCharsets.UTF_8))
                    .startsWith("(symbol \"LM2904_1_1\"");
        }
    }

    @Test
    void linearRegulators() {
        for (SymbolIndex index : INDEXES) {
            Symbol reg = index.lookup("Regulator_Linear", "LM7805_TO220").orElseThrow();
            assertThat(reg.footprint()).isEqualTo("Package_TO_SOT_THT:TO-220-3_Vertical");
            assertThat(pins(reg)).containsExactly(
                    "1 VI power_in line -76200 0 0 25400 u1 b1",
                    "2 GND power_in line 0 -76200 90 25400 u1 b1",
                    "3 VO power_out line 76200 0 180 25400 u1 b1");
            // L7806 extends L7805: pins inherited, Value overridden, parent's property order kept.
            Symbol parent = index.lookup("Regulator_Linear", "L7805").orElseThrow();
            Symbol derived = index.lookup("Regulator_Linear", "L7806").orElseThrow();
            assertThat(derived.extendsName()).isEqualTo("L7805");
            assertThat(derived.value()).isEqualTo("L7806");
            assertThat(derived.pins()).isEqualTo(parent.pins());
            assertThat(pins(derived)).containsExactly(
                    "1 IN power_in line -76200 0 0 25400 u1 b1",
                    "2 GND power_in line 0 -76200 90 25400 u1 b1",
                    "3 OUT power_out line 76200 0 180 25400 u1 b1");
            assertThat(derived.properties()).extracting(SymbolProperty::key).startsWith("Reference", "Value");
        }
    }

    @Test
    void groundIsAPowerSymbol() {
        for (SymbolIndex index : INDEXES) {
            Symbol gnd = index.lookup("power", "GND").orElseThrow();
            assertThat(gnd.power()).isTrue();
            assertThat(gnd.referencePrefix()).isEqualTo("#PWR");
            assertThat(gnd.properties().get(0)).isEqualTo(new SymbolProperty("Reference", "#PWR", true));
            assertThat(gnd.value()).isEqualTo("GND");
            assertThat(pins(gnd)).containsExactly("1 ~ power_in line 0 0 270 0 u1 b1");
        }
    }

    @Test
    void stackedPinsStayAsWritten() {
        for (SymbolIndex index : INDEXES) {
            Symbol usb = index.lookup("Connector", "USB_C_Receptacle_USB2.0_16P").orElseThrow();
            assertThat(pins(usb)).startsWith(
                    "S1 SHIELD passive line -76200 -228600 90 50800 u1 b1",
                    "A1 GND passive line 0 -228600 90 50800 u1 b1",
                    "A12 GND passive line 0 -228600 90 50800 u1 b1 hidden",
                    "B1 GND passive line 0 -228600 90 50800 u1 b1 hidden",
                    "B12 GND passive line 0 -228600 90 50800 u1 b1 hidden",
                    "A4 VBUS passive line 152400 152400 180 50800 u1 b1",
                    "A9 VBUS passive line 152400 152400 180 50800 u1 b1 hidden",
                    "B4 VBUS passive line 152400 152400 180 50800 u1 b1 hidden",
                    "B9 VBUS passive line 152400 152400 180 50800 u1 b1 hidden");
            assertThat(usb.pins()).hasSize(17);
        }
    }

    @Test
    void kicad6LibrariesIndexWithoutWarnings() {
        Path dir = KicadFiles.kicad6SymbolDir();
        List<LibrarySource> k6 = libraries(dir);
        assertThat(k6).isNotEmpty();
        for (SymbolStage stage : TestEngines.symbolStagesUnderTest()) {
            try (SymbolIndex index = stage.open(k6, null)) {
                assertThat(index.warnings()).isEmpty();
                assertThat(index.stats().libraries()).isEqualTo(k6.size());
                assertThat(index.stats().symbols()).isPositive();
                Symbol r = index.lookup("Device", "R").orElseThrow();
                assertThat(r.pins()).hasSize(2);
                assertThat(r.description()).isEqualTo("Resistor");
            }
        }
    }

    /** One line per pin: number name type style x y rotation length unit body [hidden]. */
    static List<String> pins(Symbol s) {
        List<String> lines = new ArrayList<>();
        for (SymbolPin p : s.pins()) {
            lines.add(p.number() + " " + p.name() + " " + p.type().keyword() + " " + p.style().keyword() + " " + p.x()
                    + " " + p.y() + " " + p.rotation() + " " + p.length() + " u" + p.unit() + " b" + p.bodyStyle()
                    + (p.hidden() ? " hidden" : ""));
        }
        return lines;
    }
}
