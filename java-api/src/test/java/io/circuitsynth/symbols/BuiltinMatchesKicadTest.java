package io.circuitsynth.symbols;

import static org.assertj.core.api.Assertions.assertThat;

import io.circuitsynth.io.JavaIoStage;
import io.circuitsynth.io.SexprTree;
import io.circuitsynth.testing.KicadFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The built-in symbols against KiCad's own libraries: every built-in symbol whose name KiCad's
 * libraries also hold must have the same pins by number, electrical type and unit, so a netlist
 * does not depend on which of the two a machine used. KiCad 7 and later keep the transistors in
 * {@code Transistor_BJT} and {@code Transistor_FET}; our {@code Device} copies are checked there.
 */
class BuiltinMatchesKicadTest {
    private static final Map<String, String> MOVED = Map.of("Device:Q_NPN_BCE", "Transistor_BJT:Q_NPN_BCE",
            "Device:Q_PNP_BCE", "Transistor_BJT:Q_PNP_BCE", "Device:Q_NMOS_GDS", "Transistor_FET:Q_NMOS_GDS",
            "Device:Q_PMOS_GDS", "Transistor_FET:Q_PMOS_GDS");

    private final JavaIoStage io = new JavaIoStage();
    private final Map<String, SexprTree> kicadLibraries = new HashMap<>();

    @Test
    void pinsMatchKicadsLibraries() throws IOException {
        Path kicad = KicadFiles.symbolDir();
        List<String> compared = new ArrayList<>();
        for (BuiltinLibraries.Library lib : BuiltinLibraries.sources()) {
            SexprTree ours = io.parse(lib.content(), lib.path());
            for (String name : symbolNames(ours)) {
                String id = MOVED.getOrDefault(lib.nickname() + ":" + name, lib.nickname() + ":" + name);
                String nickname = id.substring(0, id.indexOf(':'));
                Path file = kicad.resolve(nickname + ".kicad_sym");
                if (!Files.exists(file)) {
                    continue;
                }
                SexprTree theirs = kicadLibraries.computeIfAbsent(nickname, n -> parse(file));
                if (symbol(theirs, name) == SexprTree.NONE) {
                    continue;
                }
                assertThat(pins(ours, name)).as("%s:%s against KiCad's %s", lib.nickname(), name, id)
                        .containsExactlyInAnyOrderElementsOf(pins(theirs, name));
                compared.add(lib.nickname() + ":" + name);
            }
        }
        assertThat(compared).as("built-in symbols KiCad also has").contains("Device:R", "Device:C", "Device:LED",
                "Device:D_Zener", "Device:Q_NPN_BCE", "Transistor_FET:Q_PMOS_GDS", "power:GND", "power:PWR_FLAG",
                "Switch:SW_Push", "Connector:TestPoint", "Connector_Generic:Conn_01x40");
        assertThat(compared).hasSizeGreaterThan(60);
    }

    private SexprTree parse(Path file) {
        try {
            return io.parse(Files.readAllBytes(file), file.toString());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static List<String> symbolNames(SexprTree tree) {
        List<String> names = new ArrayList<>();
        for (int c = tree.firstChild(tree.root()); c != SexprTree.NONE; c = tree.nextSibling(tree.root(), c)) {
            if (tree.isList(c) && tree.textEquals(tree.firstChild(c), "symbol")) {
                names.add(tree.stringValue(tree.nextSibling(c, tree.firstChild(c))));
            }
        }
        return names;
    }

    private static int symbol(SexprTree tree, String name) {
        for (int c = tree.firstChild(tree.root()); c != SexprTree.NONE; c = tree.nextSibling(tree.root(), c)) {
            if (tree.isList(c) && tree.textEquals(tree.firstChild(c), "symbol")
                    && tree.stringValue(tree.nextSibling(c, tree.firstChild(c))).equals(name)) {
                return c;
            }
        }
        return SexprTree.NONE;
    }

    /** "NUMBER TYPE unit=U" for every pin of the symbol, following {@code extends}. */
    private static List<String> pins(SexprTree tree, String name) {
        int sym = symbol(tree, name);
        for (int c = tree.firstChild(sym); c != SexprTree.NONE; c = tree.nextSibling(sym, c)) {
            if (tree.isList(c) && tree.textEquals(tree.firstChild(c), "extends")) {
                return pins(tree, tree.stringValue(tree.nextSibling(c, tree.firstChild(c))));
            }
        }
        List<String> pins = new ArrayList<>();
        for (int unit = tree.firstChild(sym); unit != SexprTree.NONE; unit = tree.nextSibling(sym, unit)) {
            if (!tree.isList(unit) || !tree.textEquals(tree.firstChild(unit), "symbol")) {
                continue;
            }
            String unitName = tree.stringValue(tree.nextSibling(unit, tree.firstChild(unit)));
            String[] parts = unitName.split("_");
            String unitNumber = parts[parts.length - 2];
            for (int pin = tree.firstChild(unit); pin != SexprTree.NONE; pin = tree.nextSibling(unit, pin)) {
                if (!tree.isList(pin) || !tree.textEquals(tree.firstChild(pin), "pin")) {
                    continue;
                }
                String type = tree.text(tree.nextSibling(pin, tree.firstChild(pin)));
                for (int c = tree.firstChild(pin); c != SexprTree.NONE; c = tree.nextSibling(pin, c)) {
                    if (tree.isList(c) && tree.textEquals(tree.firstChild(c), "number")) {
                        pins.add(tree.stringValue(tree.nextSibling(c, tree.firstChild(c))) + " " + type + " unit="
                                + unitNumber);
                    }
                }
            }
        }
        // In a one-unit symbol, pins of unit 0 (all units) and of unit 1 are the same thing.
        if (pins.stream().noneMatch(p -> p.matches(".* unit=([2-9]|\\d\\d+)"))) {
            pins.replaceAll(p -> p.replace(" unit=0", " unit=1"));
        }
        return pins;
    }
}
