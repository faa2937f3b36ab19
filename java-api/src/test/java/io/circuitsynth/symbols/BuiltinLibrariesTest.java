package io.circuitsynth.symbols;

import static org.assertj.core.api.Assertions.assertThat;

import io.circuitsynth.io.JavaIoStage;
import io.circuitsynth.io.SexprTree;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BuiltinLibrariesTest {
    private static final int GRID = 12700;

    @Test
    void committedFilesAreTheGeneratorsOutput() {
        Map<String, byte[]> generated = BuiltinLibraryGenerator.libraries();
        assertThat(generated.keySet()).containsExactlyElementsOf(BuiltinLibraries.NICKNAMES);
        for (BuiltinLibraries.Library lib : BuiltinLibraries.sources()) {
            assertThat(lib.path()).isEqualTo("builtin:/" + lib.nickname() + ".kicad_sym");
            assertThat(new String(lib.content(), StandardCharsets.UTF_8))
                    .as("%s; run BuiltinLibraryGenerator to refresh it", lib.path())
                    .isEqualTo(new String(generated.get(lib.nickname()), StandardCharsets.UTF_8));
        }
    }

    @Test
    void filesAreCanonicalKicad9() {
        JavaIoStage io = new JavaIoStage();
        for (BuiltinLibraries.Library lib : BuiltinLibraries.sources()) {
            SexprTree tree = io.parse(lib.content(), lib.path());
            assertThat(io.print(tree)).isEqualTo(lib.content());
            assertThat(new String(lib.content(), StandardCharsets.UTF_8))
                    .startsWith("(kicad_symbol_lib\n\t(version 20241209)\n\t(generator \"circuitsynth\")\n");
        }
    }

    @Test
    void symbolNamesAreKicads() {
        Map<String, List<String>> names = new LinkedHashMap<>();
        for (BuiltinLibraries.Library lib : BuiltinLibraries.sources()) {
            names.put(lib.nickname(), symbols(lib));
        }
        assertThat(names.get("Device")).containsExactly("C", "C_Polarized", "Crystal", "D", "D_Schottky", "D_Zener",
                "Fuse", "L", "LED", "Q_NMOS_GDS", "Q_NPN_BCE", "Q_PMOS_GDS", "Q_PNP_BCE", "R");
        assertThat(names.get("power")).containsExactly("+12V", "+3V3", "+5V", "+BATT", "GND", "GNDA", "PWR_FLAG",
                "VCC", "VDD");
        assertThat(names.get("Amplifier_Operational")).containsExactly("OpAmp_Dual");
        assertThat(names.get("Switch")).containsExactly("SW_Push");
        assertThat(names.get("Connector")).containsExactly("TestPoint");
        assertThat(names.get("Connector_Generic")).hasSize(40).startsWith("Conn_01x01", "Conn_01x02")
                .endsWith("Conn_01x40");
        assertThat(names.get("Transistor_BJT")).containsExactly("Q_NPN_BCE", "Q_PNP_BCE");
        assertThat(names.get("Transistor_FET")).containsExactly("Q_NMOS_GDS", "Q_PMOS_GDS");
    }

    @Test
    void pinsFollowKicadsNumbering() {
        Map<String, List<String>> pins = new LinkedHashMap<>();
        for (BuiltinLibraries.Library lib : BuiltinLibraries.sources()) {
            pins.putAll(pins(lib));
        }
        assertThat(pins.get("Device:R")).containsExactly("1 ~ passive 0 3.81 270", "2 ~ passive 0 -3.81 90");
        assertThat(pins.get("Device:C")).containsExactly("1 ~ passive 0 3.81 270", "2 ~ passive 0 -3.81 90");
        assertThat(pins.get("Device:C_Polarized")).containsExactly("1 ~ passive 0 3.81 270", "2 ~ passive 0 -3.81 90");
        assertThat(pins.get("Device:L")).containsExactly("1 ~ passive 0 3.81 270", "2 ~ passive 0 -3.81 90");
        assertThat(pins.get("Device:Fuse")).containsExactly("1 ~ passive 0 3.81 270", "2 ~ passive 0 -3.81 90");
        for (String diode : List.of("D", "D_Zener", "D_Schottky", "LED")) {
            assertThat(pins.get("Device:" + diode)).containsExactly("1 K passive -3.81 0 0", "2 A passive 3.81 0 180");
        }
        assertThat(pins.get("Device:Crystal")).containsExactly("1 1 passive -3.81 0 0", "2 2 passive 3.81 0 180");
        for (String lib : List.of("Device", "Transistor_BJT")) {
            for (String q : List.of("Q_NPN_BCE", "Q_PNP_BCE")) {
                assertThat(pins.get(lib + ":" + q)).containsExactly("1 B input -5.08 0 0", "2 C passive 2.54 5.08 270",
                        "3 E passive 2.54 -5.08 90");
            }
        }
        for (String lib : List.of("Device", "Transistor_FET")) {
            for (String q : List.of("Q_NMOS_GDS", "Q_PMOS_GDS")) {
                assertThat(pins.get(lib + ":" + q)).containsExactly("1 G input -5.08 0 0", "2 D passive 2.54 5.08 270",
                        "3 S passive 2.54 -5.08 90");
            }
        }
        assertThat(pins.get("Amplifier_Operational:OpAmp_Dual")).containsExactly(
                "3 + input -7.62 2.54 0", "2 - input -7.62 -2.54 0", "1 ~ output 7.62 0 180",
                "5 + input -7.62 2.54 0", "6 - input -7.62 -2.54 0", "7 ~ output 7.62 0 180",
                "8 V+ power_in -2.54 7.62 270", "4 V- power_in -2.54 -7.62 90");
        assertThat(pins.get("Switch:SW_Push")).containsExactly("1 1 passive -5.08 0 0", "2 2 passive 5.08 0 180");
        assertThat(pins.get("Connector:TestPoint")).containsExactly("1 1 passive 0 0 90");
        assertThat(pins.get("Connector_Generic:Conn_01x03")).containsExactly("1 Pin_1 passive -5.08 2.54 0",
                "2 Pin_2 passive -5.08 0 0", "3 Pin_3 passive -5.08 -2.54 0");
        assertThat(pins.get("Connector_Generic:Conn_01x40")).hasSize(40);
        assertThat(pins.get("power:GND")).containsExactly("1 GND power_in 0 0 270 hidden");
        assertThat(pins.get("power:+3V3")).containsExactly("1 +3V3 power_in 0 0 90 hidden");
        assertThat(pins.get("power:PWR_FLAG")).containsExactly("1 ~ power_out 0 0 90");
    }

    @Test
    void everyPinEndIsOnTheGrid() {
        for (BuiltinLibraries.Library lib : BuiltinLibraries.sources()) {
            SexprTree tree = new JavaIoStage().parse(lib.content(), lib.path());
            for (int node = 0; node < tree.size(); node++) {
                if (tree.isList(node) && tree.textEquals(tree.firstChild(node), "pin")) {
                    int at = child(tree, node, "at");
                    int x = tree.nextSibling(at, tree.firstChild(at));
                    int y = tree.nextSibling(at, x);
                    assertThat(iu(tree.text(x)) % GRID).as("%s: %s", lib.path(), tree.text(node)).isZero();
                    assertThat(iu(tree.text(y)) % GRID).as("%s: %s", lib.path(), tree.text(node)).isZero();
                }
            }
        }
    }

    @Test
    void everySymbolHasTheStandardProperties() {
        for (BuiltinLibraries.Library lib : BuiltinLibraries.sources()) {
            SexprTree tree = new JavaIoStage().parse(lib.content(), lib.path());
            for (int sym = tree.firstChild(tree.root()); sym != SexprTree.NONE; sym = tree.nextSibling(tree.root(), sym)) {
                if (!tree.isList(sym) || !tree.textEquals(tree.firstChild(sym), "symbol")) {
                    continue;
                }
                List<String> keys = new ArrayList<>();
                for (int c = tree.firstChild(sym); c != SexprTree.NONE; c = tree.nextSibling(sym, c)) {
                    if (tree.isList(c) && tree.textEquals(tree.firstChild(c), "property")) {
                        keys.add(tree.stringValue(tree.nextSibling(c, tree.firstChild(c))));
                    }
                }
                assertThat(keys).as("%s %s", lib.path(), tree.stringValue(tree.nextSibling(sym, tree.firstChild(sym))))
                        .startsWith("Reference", "Value", "Footprint", "Datasheet", "Description", "ki_keywords");
            }
        }
    }

    private static long iu(String mm) {
        return new java.math.BigDecimal(mm).movePointRight(4).longValueExact();
    }

    private static int child(SexprTree tree, int list, String head) {
        for (int c = tree.firstChild(list); c != SexprTree.NONE; c = tree.nextSibling(list, c)) {
            if (tree.isList(c) && tree.textEquals(tree.firstChild(c), head)) {
                return c;
            }
        }
        throw new AssertionError("no (" + head + ") in " + tree.text(list));
    }

    private static List<String> symbols(BuiltinLibraries.Library lib) {
        SexprTree tree = new JavaIoStage().parse(lib.content(), lib.path());
        List<String> names = new ArrayList<>();
        for (int c = tree.firstChild(tree.root()); c != SexprTree.NONE; c = tree.nextSibling(tree.root(), c)) {
            if (tree.isList(c) && tree.textEquals(tree.firstChild(c), "symbol")) {
                names.add(tree.stringValue(tree.nextSibling(c, tree.firstChild(c))));
            }
        }
        return names;
    }

    /** "LIB:NAME" → pins as "NUMBER NAME TYPE X Y ROT[ hidden]", in file order. */
    private static Map<String, List<String>> pins(BuiltinLibraries.Library lib) {
        SexprTree tree = new JavaIoStage().parse(lib.content(), lib.path());
        Map<String, List<String>> result = new LinkedHashMap<>();
        for (int sym = tree.firstChild(tree.root()); sym != SexprTree.NONE; sym = tree.nextSibling(tree.root(), sym)) {
            if (!tree.isList(sym) || !tree.textEquals(tree.firstChild(sym), "symbol")) {
                continue;
            }
            List<String> found = new ArrayList<>();
            result.put(lib.nickname() + ":" + tree.stringValue(tree.nextSibling(sym, tree.firstChild(sym))), found);
            for (int node = sym; node < tree.next(sym); node++) {
                if (tree.isList(node) && tree.textEquals(tree.firstChild(node), "pin")) {
                    int type = tree.nextSibling(node, tree.firstChild(node));
                    int at = child(tree, node, "at");
                    int name = child(tree, node, "name");
                    int number = child(tree, node, "number");
                    boolean hidden = false;
                    for (int c = tree.firstChild(node); c != SexprTree.NONE; c = tree.nextSibling(node, c)) {
                        hidden |= tree.isList(c) && tree.textEquals(tree.firstChild(c), "hide");
                    }
                    int x = tree.nextSibling(at, tree.firstChild(at));
                    int y = tree.nextSibling(at, x);
                    int rot = tree.nextSibling(at, y);
                    found.add(tree.stringValue(tree.nextSibling(number, tree.firstChild(number))) + " "
                            + tree.stringValue(tree.nextSibling(name, tree.firstChild(name))) + " " + tree.text(type) + " "
                            + tree.text(x) + " " + tree.text(y) + " " + tree.text(rot) + (hidden ? " hidden" : ""));
                }
            }
        }
        return result;
    }
}
