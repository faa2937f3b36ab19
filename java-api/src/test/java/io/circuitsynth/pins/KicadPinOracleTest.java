package io.circuitsynth.pins;

import static org.assertj.core.api.Assertions.assertThat;

import io.circuitsynth.io.JavaIoStage;
import io.circuitsynth.io.SexprTree;
import io.circuitsynth.symbols.ElectricalType;
import io.circuitsynth.symbols.JavaSymbolStage;
import io.circuitsynth.symbols.LibrarySource;
import io.circuitsynth.symbols.Symbol;
import io.circuitsynth.symbols.SymbolLibraries;
import io.circuitsynth.testing.KicadFiles;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The oracle: KiCad's own schematics. For every design in the KiCad 9 demos, every pin that
 * {@code kicad-cli sch export netlist} puts on a net with another node must land, as this package
 * computes it, exactly on something of its sheet that connects: a wire end, a junction, a label, a
 * no-connect marker, a bus entry end, a sheet pin, or another pin's connection point. The files are
 * read with the {@code io} stage's parser. The Rust crate's {@code tests/kicad.rs} is the twin.
 */
class KicadPinOracleTest {
    @TempDir
    Path tmp;

    private static final JavaIoStage IO = new JavaIoStage();

    /** Small read helpers over a tree. */
    private record Tree(SexprTree t) {
        String head(int list) {
            int first = t.firstChild(list);
            return first != SexprTree.NONE && t.isSymbol(first) ? t.text(first) : "";
        }

        List<Integer> lists(int list, String name) {
            List<Integer> out = new ArrayList<>();
            for (int c = t.firstChild(list); c != SexprTree.NONE; c = t.nextSibling(list, c)) {
                if (t.isList(c) && head(c).equals(name)) {
                    out.add(c);
                }
            }
            return out;
        }

        int list(int list, String name) {
            List<Integer> all = lists(list, name);
            return all.isEmpty() ? SexprTree.NONE : all.get(0);
        }

        String arg(int list, int n) {
            if (list == SexprTree.NONE) {
                return null;
            }
            int c = t.firstChild(list);
            for (int i = 0; i < n && c != SexprTree.NONE; i++) {
                c = t.nextSibling(list, c);
            }
            return c == SexprTree.NONE || t.isList(c) ? null : t.stringValue(c);
        }

        int iu(int list, int n) {
            String text = arg(list, n);
            long iu = Millimetres.toIu(text);
            assertThat(iu).as("millimetres %s", text).isNotEqualTo(Millimetres.INVALID);
            return (int) iu;
        }

        long key(int list) {
            return key(iu(list, 1), iu(list, 2));
        }

        static long key(int x, int y) {
            return ((long) x << 32) | (y & 0xFFFF_FFFFL);
        }
    }

    /** One placed unit: its references, and per pin (number, point key, hidden power input). */
    private record Placed(List<String> refs, List<Object[]> pins) {}

    private record Sheet(List<Placed> placed, Map<Long, Integer> points, Map<Long, Integer> pinPoints,
            List<Path> sheetFiles, String uuid) {}

    private static void add(Map<Long, Integer> map, long key) {
        map.merge(key, 1, Integer::sum);
    }

    private static Sheet readSheet(Path path, String rootUuidOrNull) throws IOException {
        SexprTree t = IO.parse(Files.readAllBytes(path), path.toString());
        Tree tr = new Tree(t);
        String uuid = tr.arg(tr.list(0, "uuid"), 1);
        String rootUuid = rootUuidOrNull != null ? rootUuidOrNull : uuid;
        String version = tr.arg(tr.list(0, "version"), 1);

        // lib_symbols as a library of its own, so symbol-cache reads it like any .kicad_sym.
        StringBuilder library = new StringBuilder("(kicad_symbol_lib (version ").append(version).append(")\n");
        int libs = tr.list(0, "lib_symbols");
        if (libs != SexprTree.NONE) {
            for (int s : tr.lists(libs, "symbol")) {
                library.append(t.text(s)).append('\n');
            }
        }
        library.append(')');
        Map<String, SymbolGeometry> geometries = new HashMap<>();
        try (SymbolLibraries index = SymbolLibraries.open(new JavaSymbolStage(), List.of(LibrarySource.inMemory("S",
                path.toString(), library.toString().getBytes(StandardCharsets.UTF_8))), null)) {
            assertThat(index.warnings()).as("%s lib_symbols", path).isEmpty();
            if (libs != SexprTree.NONE) {
                for (int s : tr.lists(libs, "symbol")) {
                    String name = tr.arg(s, 1);
                    Symbol symbol = index.find("S", name).orElseThrow();
                    geometries.put(name, SymbolGeometry.of(symbol));
                }
            }
        }

        Sheet sheet = new Sheet(new ArrayList<>(), new HashMap<>(), new HashMap<>(), new ArrayList<>(), rootUuid);
        for (int item = t.nextSibling(0, t.firstChild(0)); item != SexprTree.NONE; item = t.nextSibling(0, item)) {
            if (!t.isList(item)) {
                continue;
            }
            switch (tr.head(item)) {
                case "wire":
                    for (int xy : tr.lists(tr.list(item, "pts"), "xy")) {
                        add(sheet.points(), tr.key(xy));
                    }
                    break;
                case "junction":
                case "no_connect":
                case "label":
                case "global_label":
                case "hierarchical_label":
                case "directive_label":
                case "netclass_flag":
                    add(sheet.points(), tr.key(tr.list(item, "at")));
                    break;
                case "bus_entry": {
                    int at = tr.list(item, "at");
                    int size = tr.list(item, "size");
                    add(sheet.points(), tr.key(at));
                    add(sheet.points(), Tree.key(tr.iu(at, 1) + tr.iu(size, 1), tr.iu(at, 2) + tr.iu(size, 2)));
                    break;
                }
                case "sheet":
                    for (int pin : tr.lists(item, "pin")) {
                        add(sheet.points(), tr.key(tr.list(pin, "at")));
                    }
                    for (int p : tr.lists(item, "property")) {
                        if ("Sheetfile".equals(tr.arg(p, 1))) {
                            sheet.sheetFiles().add(path.getParent().resolve(tr.arg(p, 2)));
                        }
                    }
                    break;
                case "symbol": {
                    String name = tr.arg(tr.list(item, "lib_name"), 1);
                    if (name == null) {
                        name = tr.arg(tr.list(item, "lib_id"), 1);
                    }
                    int at = tr.list(item, "at");
                    String angle = tr.arg(at, 3);
                    String mirror = tr.arg(tr.list(item, "mirror"), 1);
                    int unitList = tr.list(item, "unit");
                    int bodyList = tr.list(item, "body_style");
                    if (bodyList == SexprTree.NONE) {
                        bodyList = tr.list(item, "convert");
                    }
                    int unit = unitList == SexprTree.NONE ? 1 : Integer.parseInt(tr.arg(unitList, 1));
                    int body = bodyList == SexprTree.NONE ? 1 : Integer.parseInt(tr.arg(bodyList, 1));
                    Placement placement = new Placement(tr.iu(at, 1), tr.iu(at, 2),
                            Rotation.parse(angle == null ? 0 : Integer.parseInt(angle)),
                            mirror == null ? Mirror.NONE : Mirror.parse(mirror));
                    SymbolGeometry g = geometries.get(name);
                    assertThat(g).as("%s: lib symbol %s", path, name).isNotNull();
                    PlacedUnit placed = g.place(unit, body, placement);
                    List<String> refs = new ArrayList<>();
                    int instances = tr.list(item, "instances");
                    if (instances != SexprTree.NONE) {
                        for (int project : tr.lists(instances, "project")) {
                            for (int p : tr.lists(project, "path")) {
                                String on = tr.arg(p, 1);
                                String ref = tr.arg(tr.list(p, "reference"), 1);
                                if (on != null && on.startsWith("/" + rootUuid) && ref != null) {
                                    refs.add(ref);
                                }
                            }
                        }
                    }
                    List<Object[]> pins = new ArrayList<>();
                    for (PlacedPin p : placed.pins()) {
                        long key = Tree.key(p.x(), p.y());
                        add(sheet.pinPoints(), key);
                        pins.add(new Object[] {p.number(), key, p.hidden() && p.type() == ElectricalType.POWER_IN});
                    }
                    sheet.placed().add(new Placed(refs, pins));
                    break;
                }
                default:
                    break;
            }
        }
        return sheet;
    }

    /** (ref, pin) of every node on a net with more than one node. */
    private static List<String[]> connectedNodes(byte[] net) {
        SexprTree t = IO.parse(net, "netlist");
        Tree tr = new Tree(t);
        List<String[]> out = new ArrayList<>();
        for (int n : tr.lists(tr.list(0, "nets"), "net")) {
            List<Integer> nodes = tr.lists(n, "node");
            if (nodes.size() < 2) {
                continue;
            }
            for (int node : nodes) {
                out.add(new String[] {tr.arg(tr.list(node, "ref"), 1), tr.arg(tr.list(node, "pin"), 1)});
            }
        }
        return out;
    }

    @Test
    void everyConnectedPinOfTheKicadDemosLandsOnItsConnection() throws Exception {
        Path cli = kicadCli();
        KicadFiles.require(cli != null, "kicad-cli not found on PATH; install KiCad 9 or set CIRCUITSYNTH_KICAD_CLI");
        Path demos = KicadFiles.demosDir();
        int designs = 0;
        int checked = 0;
        int implicit = 0;
        List<String> failures = new ArrayList<>();
        for (Path project : KicadFiles.find(demos, ".kicad_pro")) {
            Path root = project.resolveSibling(project.getFileName().toString().replaceFirst("\\.kicad_pro$",
                    ".kicad_sch"));
            if (!Files.isRegularFile(root)) {
                continue;
            }
            Path net = tmp.resolve(designs + ".net");
            Process process = new ProcessBuilder(cli.toString(), "sch", "export", "netlist", "--format", "kicadsexpr",
                    "-o", net.toString(), root.toString()).redirectErrorStream(true)
                    .redirectOutput(tmp.resolve(designs + ".log").toFile()).start();
            assertThat(process.waitFor(300, TimeUnit.SECONDS)).as("kicad-cli finished").isTrue();
            assertThat(process.exitValue()).as(Files.readString(tmp.resolve(designs + ".log"))).isZero();
            designs++;
            List<String[]> nodes = connectedNodes(Files.readAllBytes(net));

            List<Sheet> sheets = new ArrayList<>();
            sheets.add(readSheet(root, null));
            String rootUuid = sheets.get(0).uuid();
            List<Path> seen = new ArrayList<>(List.of(root));
            for (int i = 0; i < sheets.size(); i++) {
                for (Path file : sheets.get(i).sheetFiles()) {
                    if (!seen.contains(file)) {
                        seen.add(file);
                        sheets.add(readSheet(file, rootUuid));
                    }
                }
            }
            Map<String, List<int[]>> byRef = new TreeMap<>();
            for (int s = 0; s < sheets.size(); s++) {
                List<Placed> placed = sheets.get(s).placed();
                for (int k = 0; k < placed.size(); k++) {
                    for (String r : placed.get(k).refs()) {
                        byRef.computeIfAbsent(r, x -> new ArrayList<>()).add(new int[] {s, k});
                    }
                }
            }
            for (String[] node : nodes) {
                boolean found = false;
                boolean lands = false;
                boolean allImplicit = true;
                for (int[] at : byRef.getOrDefault(node[0], List.of())) {
                    Sheet sheet = sheets.get(at[0]);
                    for (Object[] pin : sheet.placed().get(at[1]).pins()) {
                        if (!pin[0].equals(node[1])) {
                            continue;
                        }
                        found = true;
                        allImplicit &= (Boolean) pin[2];
                        long key = (Long) pin[1];
                        if (sheet.points().containsKey(key) || sheet.pinPoints().getOrDefault(key, 0) > 1) {
                            lands = true;
                        }
                    }
                }
                if (lands) {
                    checked++;
                } else if (found && allImplicit) {
                    implicit++;
                } else {
                    failures.add(root + ": " + node[0] + " pin " + node[1]
                            + (found ? " lands on nothing" : " not found on any sheet"));
                }
            }
        }
        System.err.println("KiCad oracle: " + checked + " connected pins over " + designs
                + " designs land exactly; " + implicit + " hidden power inputs connect by name; " + failures.size()
                + " do not");
        assertThat(designs).isGreaterThanOrEqualTo(30);
        assertThat(failures).isEmpty();
    }

    private static Path kicadCli() {
        String override = System.getenv("CIRCUITSYNTH_KICAD_CLI");
        if (override != null && !override.isEmpty()) {
            return Path.of(override);
        }
        String path = System.getenv("PATH");
        for (String dir : path == null ? new String[0] : path.split(File.pathSeparator)) {
            for (String name : List.of("kicad-cli", "kicad-cli.exe")) {
                Path candidate = Path.of(dir, name);
                if (Files.isExecutable(candidate)) {
                    return candidate;
                }
            }
        }
        return null;
    }
}
