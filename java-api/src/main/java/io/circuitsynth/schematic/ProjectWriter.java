package io.circuitsynth.schematic;

import io.circuitsynth.io.JavaIoStage;
import io.circuitsynth.io.SexprBuilder;
import io.circuitsynth.netlist.Definition;
import io.circuitsynth.netlist.Design;
import io.circuitsynth.netlist.InstanceSpec;
import io.circuitsynth.netlist.NetNames;
import io.circuitsynth.netlist.Netlist;
import io.circuitsynth.netlist.Netlist.Component;
import io.circuitsynth.netlist.Netlist.Net;
import io.circuitsynth.netlist.Netlist.NetSheet;
import io.circuitsynth.netlist.Netlist.Part;
import io.circuitsynth.netlist.Netlist.Sheet;
import io.circuitsynth.netlist.Uuid5;
import io.circuitsynth.pins.FieldPlacement;
import io.circuitsynth.pins.Fields;
import io.circuitsynth.pins.HAlign;
import io.circuitsynth.pins.Mirror;
import io.circuitsynth.pins.PlacedPin;
import io.circuitsynth.pins.PlacedUnit;
import io.circuitsynth.pins.Placement;
import io.circuitsynth.pins.Rect;
import io.circuitsynth.pins.Rotation;
import io.circuitsynth.pins.SymbolGeometry;
import io.circuitsynth.pins.TextStyle;
import io.circuitsynth.pins.VAlign;
import io.circuitsynth.schematic.Drawing.Item;
import io.circuitsynth.schematic.Drawing.Member;
import io.circuitsynth.schematic.Drawing.PartSymbol;
import io.circuitsynth.schematic.Drawing.Piece;
import io.circuitsynth.schematic.Drawing.Power;
import io.circuitsynth.symbols.BoxSymbol;
import io.circuitsynth.symbols.ElectricalType;
import io.circuitsynth.symbols.JavaSymbolStage;
import io.circuitsynth.symbols.LibrarySource;
import io.circuitsynth.symbols.Symbol;
import io.circuitsynth.symbols.SymbolIndex;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The schematic writer, Java engine: from a finalized netlist to every file of the project
 * (specification {@code conformance/schematic/README.md}). One sheet file per definition, planned
 * children first so that a parent knows which ports its sheet symbols show; then references for
 * power symbols, the layout, and the files. The Rust twin is {@code schematic-writer/src/lib.rs}.
 */
final class ProjectWriter {
    static final int GRID = 12_700;
    static final int STUB = 2 * GRID;
    static final int TEXT = 12_700;
    /** How far eeschema lifts a local label's text off its wire (its label offset, rounded up). */
    static final int LABEL_OFFSET = 2_540;
    /** Gap between a power symbol's body and its value. */
    static final int VALUE_GAP = 5_080;
    /** Half the size of a no-connect cross, for its box. */
    static final int NC_HALF = GRID / 2;

    private final Design design;
    private final Netlist nl;
    private final SymbolIndex index;
    private final LibrarySymbols libs;
    private final String project;
    private final String localLib;

    /** Per part: its symbol. */
    private PartSymbol[] partSymbols;
    /** Symbols of the project library: (name, text source lib, text source name or box). */
    private final List<LocalSymbol> localSymbols = new ArrayList<>();
    private final Map<String, PartSymbol> powerSymbols = new HashMap<>();
    private final Map<String, Integer> portNets = new HashMap<>();
    private final Map<String, Integer> childSheets = new HashMap<>();
    private boolean[] needsFlag;
    private final Set<String> powerNames = new HashSet<>();
    private final Map<String, Plan> plans = new LinkedHashMap<>();
    private final List<Plan> order = new ArrayList<>();

    /** A symbol written into the project's own library. */
    private record LocalSymbol(String name, String lib, String libName, BoxSymbol box) {}

    /** One sheet file. */
    static final class Plan {
        String definition;
        Definition spec;
        String file;
        String uuid;
        int[] instances;
        final List<Item> items = new ArrayList<>();
        final List<Piece> pieces = new ArrayList<>();
        /** Drawn ports, in the definition's port order, and their label texts. */
        final LinkedHashMap<String, String> portText = new LinkedHashMap<>();
        final Map<String, Integer> portPiece = new HashMap<>();
        String paper;
        long paperWidth;
        long paperHeight;
    }

    private ProjectWriter(Design design, Netlist netlist, SymbolIndex index) {
        this.design = design;
        this.nl = netlist;
        this.index = index;
        this.libs = new LibrarySymbols(index);
        this.project = netlist.project();
        String local = project;
        if (index.libraryFile(local).isPresent() || libs.isBuiltin(local)) {
            local = project + "_local";
        }
        this.localLib = local;
    }

    static GeneratedProject write(Design design, Netlist netlist, SymbolIndex index) {
        return new ProjectWriter(design, netlist, index).run();
    }

    private GeneratedProject run() {
        resolveSymbols();
        indexNets();
        planDefinitions();
        numberPowerSymbols();
        for (Plan plan : order) {
            layout(plan);
        }
        return SheetWriter.files(this);
    }

    // ---- accessors for the sheet writer ----

    Design design() {
        return design;
    }

    Netlist netlist() {
        return nl;
    }

    String project() {
        return project;
    }

    String localLib() {
        return localLib;
    }

    LibrarySymbols libs() {
        return libs;
    }

    List<Plan> plans() {
        return order;
    }

    Plan plan(String definition) {
        return plans.get(definition);
    }

    List<LocalSymbol> localSymbols() {
        return localSymbols;
    }

    void writeLocalSymbol(SexprBuilder b, int i) {
        LocalSymbol s = localSymbols.get(i);
        if (s.box() != null) {
            s.box().writeTo(b);
        } else {
            libs.write(b, s.lib(), s.libName(), s.name());
        }
    }

    /** The power net names of the design, for label texts to stay clear of. */
    Set<String> powerNames() {
        return powerNames;
    }

    // ---- symbols ----

    private static String symbolName(String name) {
        StringBuilder out = new StringBuilder(name.length());
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            out.append(c == ':' || c == '/' || c == '\\' || c < ' ' ? '_' : c);
        }
        return out.length() == 0 ? "part" : out.toString();
    }

    private void resolveSymbols() {
        List<Part> parts = nl.parts();
        partSymbols = new PartSymbol[parts.size()];
        Set<String> taken = new HashSet<>();
        List<BoxSymbol> boxes = new ArrayList<>();
        List<Integer> boxParts = new ArrayList<>();
        Map<String, String> builtinNames = new HashMap<>();
        for (int p = 0; p < parts.size(); p++) {
            Part part = parts.get(p);
            PartSymbol ps = new PartSymbol();
            partSymbols[p] = ps;
            if (part.fromLibrary() && !libs.isBuiltin(part.lib())) {
                ps.lib = part.lib();
                ps.name = part.name();
                ps.libId = part.lib() + ":" + part.name();
                ps.symbol = index.lookup(part.lib(), part.name()).orElseThrow(() -> new SchematicException(
                        "symbol " + part.lib() + ":" + part.name() + " vanished from the index"));
                ps.geometry = SymbolGeometry.of(ps.symbol);
                continue;
            }
            if (part.fromLibrary()) {
                String key = part.lib() + ":" + part.name();
                String local = builtinNames.get(key);
                if (local == null) {
                    local = unique(symbolName(part.name()), taken);
                    builtinNames.put(key, local);
                    localSymbols.add(new LocalSymbol(local, part.lib(), part.name(), null));
                }
                ps.lib = localLib;
                ps.name = local;
                ps.libId = localLib + ":" + local;
                ps.symbol = index.lookup(part.lib(), part.name()).orElseThrow();
                ps.geometry = SymbolGeometry.of(ps.symbol);
                continue;
            }
            List<BoxSymbol.Pin> pins = new ArrayList<>();
            for (Netlist.Pin pin : part.pins()) {
                pins.add(new BoxSymbol.Pin(pin.number(), pin.name(), pin.type().keyword()));
            }
            String local = unique(symbolName(part.name()), taken);
            BoxSymbol box = BoxSymbol.generate(local, pins);
            localSymbols.add(new LocalSymbol(local, null, null, box));
            boxes.add(box);
            boxParts.add(p);
            ps.lib = localLib;
            ps.name = local;
            ps.libId = localLib + ":" + local;
        }
        if (!boxes.isEmpty()) {
            SexprBuilder b = libraryHeader();
            for (BoxSymbol box : boxes) {
                box.writeTo(b);
            }
            byte[] text = new JavaIoStage().print(b.end().build());
            try (SymbolIndex local = new JavaSymbolStage().open(
                    List.of(LibrarySource.inMemory(localLib, localLib + ".kicad_sym", text)), null)) {
                for (int i = 0; i < boxes.size(); i++) {
                    PartSymbol ps = partSymbols[boxParts.get(i)];
                    ps.symbol = local.lookup(localLib, ps.name).orElseThrow();
                    ps.geometry = SymbolGeometry.of(ps.symbol);
                }
            }
        }
    }

    static SexprBuilder libraryHeader() {
        return new SexprBuilder().list("kicad_symbol_lib")
                .list("version").atom(20241209).end()
                .list("generator").string("circuitsynth").end()
                .list("generator_version").string("9.0").end();
    }

    private static String unique(String name, Set<String> taken) {
        String candidate = name;
        for (int k = 2; !taken.add(candidate); k++) {
            candidate = name + "_" + k;
        }
        return candidate;
    }

    /** The power symbol drawing rail {@code name}: {@code power:NAME} if the library has it, else a generic one. */
    PartSymbol powerSymbol(String name) {
        String symbolName;
        if (!name.equals("PWR_FLAG") && index.lookup("power", name).isPresent()) {
            symbolName = name;
        } else if (isGround(name)) {
            symbolName = "GND";
        } else {
            symbolName = "VCC";
        }
        return librarySymbol("power", symbolName);
    }

    /** A library symbol drawn by the writer itself (power symbols, flags), once per project. */
    private PartSymbol librarySymbol(String lib, String symbolName) {
        String key = lib + ":" + symbolName;
        PartSymbol cached = powerSymbols.get(key);
        if (cached != null) {
            return cached;
        }
        PartSymbol ps = new PartSymbol();
        ps.lib = lib;
        ps.name = symbolName;
        ps.symbol = index.lookup(lib, symbolName).orElseThrow(() -> new SchematicException(
                "no symbol " + key + " in the symbol libraries; power symbols and flags come from KiCad's power"
                        + " library (or the built-in one), add it to the libraries"));
        if (libs.isBuiltin(lib)) {
            String local = null;
            for (LocalSymbol s : localSymbols) {
                if (lib.equals(s.lib()) && symbolName.equals(s.libName())) {
                    local = s.name();
                }
            }
            if (local == null) {
                Set<String> taken = new HashSet<>();
                for (LocalSymbol s : localSymbols) {
                    taken.add(s.name());
                }
                local = unique(symbolName(symbolName), taken);
                localSymbols.add(new LocalSymbol(local, lib, symbolName, null));
            }
            ps.libId = localLib + ":" + local;
            ps.lib = localLib;
            ps.name = local;
        } else {
            ps.libId = key;
        }
        ps.geometry = SymbolGeometry.of(ps.symbol);
        powerSymbols.put(key, ps);
        return ps;
    }

    /** Ground rails get the ground symbol, pointing away from the pin like KiCad's GND. */
    static boolean isGround(String name) {
        String upper = asciiUpper(name);
        return upper.startsWith("GND") || upper.startsWith("VSS") || upper.startsWith("AGND")
                || upper.startsWith("DGND") || upper.startsWith("PGND") || upper.startsWith("SGND")
                || upper.equals("EARTH") || upper.startsWith("0V") || upper.startsWith("-");
    }

    static String asciiLower(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            out.append(c >= 'A' && c <= 'Z' ? (char) (c + 32) : c);
        }
        return out.toString();
    }

    private static String asciiUpper(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            out.append(c >= 'a' && c <= 'z' ? (char) (c - 32) : c);
        }
        return out.toString();
    }

    // ---- nets ----

    private static String key(int sheet, String name) {
        return sheet + "\u0000" + name;
    }

    private void indexNets() {
        List<Net> nets = nl.nets();
        for (int g = 0; g < nets.size(); g++) {
            for (NetSheet ns : nets.get(g).sheets()) {
                if (ns.port() != null) {
                    portNets.putIfAbsent(key(ns.sheet(), ns.port()), g);
                }
            }
            if (isRail(g)) {
                powerNames.add(unescape(nets.get(g).name()));
            }
        }
        List<Sheet> sheets = nl.sheets();
        for (int s = 1; s < sheets.size(); s++) {
            childSheets.put(key(sheets.get(s).parent(), sheets.get(s).name()), s);
        }
        boolean[] powerIn = new boolean[nets.size()];
        boolean[] powerOut = new boolean[nets.size()];
        List<Component> components = nl.components();
        for (int c = 0; c < components.size(); c++) {
            Part part = nl.partOf(c);
            for (int p = 0; p < part.pins().size(); p++) {
                ElectricalType type = part.pins().get(p).type();
                int g = nl.netOf(c, p);
                if (type == ElectricalType.POWER_IN) {
                    powerIn[g] = true;
                } else if (type == ElectricalType.POWER_OUT) {
                    powerOut[g] = true;
                }
            }
        }
        needsFlag = new boolean[nets.size()];
        for (int g = 0; g < nets.size(); g++) {
            needsFlag[g] = !powerOut[g] && (powerIn[g] || isRail(g));
        }
    }

    /**
     * Whether net {@code g} is drawn with power symbols: a power net, or a net read from a
     * {@code .net} under a power name (KiCad wrote it for a power symbol).
     */
    boolean isRail(int g) {
        Net net = nl.nets().get(g);
        return net.power() || NetNames.isPowerName(net.name());
    }

    /** KiCad's net-name escape undone: the label text that KiCad turns into this name. */
    static String unescape(String name) {
        return name.replace("{slash}", "/");
    }

    // ---- planning ----

    private void planDefinitions() {
        // Children first: a parent's sheet symbols show the ports its children draw.
        List<String> post = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        List<Object[]> stack = new ArrayList<>();
        stack.add(new Object[] {design.root(), 0});
        seen.add(design.root());
        while (!stack.isEmpty()) {
            Object[] top = stack.get(stack.size() - 1);
            Definition d = design.definition((String) top[0]).orElseThrow();
            int k = (Integer) top[1];
            if (k == d.instances().size()) {
                post.add(d.name());
                stack.remove(stack.size() - 1);
                continue;
            }
            top[1] = k + 1;
            String child = d.instances().get(k).definition();
            if (seen.add(child)) {
                stack.add(new Object[] {child, 0});
            }
        }
        Map<String, List<Integer>> instances = new HashMap<>();
        for (Sheet s : nl.sheets()) {
            instances.computeIfAbsent(s.definition(), k -> new ArrayList<>()).add(s.page() - 1);
        }
        Set<String> files = new HashSet<>();
        files.add(asciiLower(project + ".kicad_sch"));
        Map<String, Plan> byName = new HashMap<>();
        // File names in page order, so that they do not depend on the planning order.
        for (Sheet s : nl.sheets()) {
            if (byName.containsKey(s.definition())) {
                continue;
            }
            Plan plan = new Plan();
            plan.definition = s.definition();
            plan.spec = design.definition(s.definition()).orElseThrow();
            List<Integer> list = instances.get(s.definition());
            plan.instances = new int[list.size()];
            for (int i = 0; i < list.size(); i++) {
                plan.instances[i] = list.get(i);
            }
            if (s.page() == 1) {
                plan.file = project + ".kicad_sch";
                plan.uuid = s.uuid();
            } else {
                String stem = fileStem(s.definition());
                String file = stem + ".kicad_sch";
                for (int k = 2; !files.add(asciiLower(file)); k++) {
                    file = stem + "_" + k + ".kicad_sch";
                }
                plan.file = file;
                plan.uuid = Uuid5.of("circuitsynth:file:" + s.definition());
            }
            byName.put(s.definition(), plan);
        }
        for (String d : post) {
            Plan plan = byName.get(d);
            plans.put(d, plan);
            plan(plan);
        }
        for (Sheet s : nl.sheets()) {
            Plan p = byName.get(s.definition());
            if (!order.contains(p)) {
                order.add(p);
            }
        }
        addRailFlags();
    }

    private static String fileStem(String definition) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < definition.length(); i++) {
            char c = definition.charAt(i);
            boolean bad = c < ' ' || "/\\:*?\"<>|".indexOf(c) >= 0;
            out.append(bad ? '_' : c);
        }
        return out.length() == 0 ? "sheet" : out.toString();
    }

    private int[] keyOf(Plan plan, int componentIndex, int pin) {
        int[] key = new int[plan.instances.length];
        for (int k = 0; k < key.length; k++) {
            key[k] = nl.netOf(nl.sheets().get(plan.instances[k]).firstComponent() + componentIndex, pin);
        }
        return key;
    }

    private int[] portKey(int[] sheets, String port) {
        int[] key = new int[sheets.length];
        for (int k = 0; k < key.length; k++) {
            Integer g = portNets.get(key(sheets[k], port));
            key[k] = g == null ? -1 : g;
        }
        return key;
    }

    private void plan(Plan plan) {
        Definition d = plan.spec;
        int rep = plan.instances[0];
        Sheet repSheet = nl.sheets().get(rep);
        // Units.
        for (int c = 0; c < d.components().size(); c++) {
            Component comp = nl.components().get(repSheet.firstComponent() + c);
            Part part = nl.parts().get(comp.part());
            PartSymbol ps = partSymbols[comp.part()];
            for (int u = 1; u <= ps.geometry.unitCount(); u++) {
                Item item = new Item();
                item.instances = plan.instances;
                item.kind = Drawing.UNIT;
                item.index = c;
                item.unit = u;
                item.symbol = ps;
                item.uuid = u - 1 < comp.uuids().size() ? comp.uuids().get(u - 1)
                        : Uuid5.symbol(repSheet.path(), comp.spec().id(), u);
                item.placed = ps.geometry.place(u, 1, Placement.at(0, 0));
                for (PlacedPin pp : item.placed.pins()) {
                    Integer pi = part.byNumber().get(pp.number());
                    if (pi == null) {
                        continue;
                    }
                    Netlist.Pin pin = part.pins().get(pi);
                    int[] key = keyOf(plan, c, pi);
                    if (pp.hidden()) {
                        boolean implicit = pin.type() == ElectricalType.POWER_IN && !part.power() && !pin.name().isEmpty();
                        if (implicit || nl.nets().get(key[0]).nodes().size() < 2) {
                            continue;
                        }
                    }
                    Member twin = null;
                    for (Member m : item.members) {
                        if (m.x == pp.x() && m.y == pp.y()) {
                            twin = m;
                        }
                    }
                    if (twin != null) {
                        if (!Arrays.equals(twin.key, key)) {
                            throw new SchematicException("pins " + comp.reference() + "." + twin.pin + " and "
                                    + comp.reference() + "." + pp.number() + " of " + ps.libId
                                    + " sit on one point, which KiCad connects; put them in one net, or leave both"
                                    + " unconnected");
                        }
                        continue;
                    }
                    Member m = new Member();
                    m.item = item;
                    m.pin = pp.number();
                    m.type = pin.type();
                    m.x = pp.x();
                    m.y = pp.y();
                    m.dx = pp.dx();
                    m.dy = pp.dy();
                    m.key = key;
                    item.members.add(m);
                }
                plan.items.add(item);
            }
        }
        // Sheet symbols, showing the ports their definitions draw.
        for (int i = 0; i < d.instances().size(); i++) {
            InstanceSpec inst = d.instances().get(i);
            Plan child = plans.get(inst.definition());
            int[] sheets = new int[plan.instances.length];
            for (int k = 0; k < sheets.length; k++) {
                sheets[k] = childSheets.get(key(plan.instances[k], inst.name()));
            }
            Item item = new Item();
            item.instances = plan.instances;
            item.kind = Drawing.SHEET;
            item.index = i;
            item.uuid = nl.sheets().get(sheets[0]).uuid();
            item.sheetName = inst.name();
            item.sheetFile = child.file;
            for (Map.Entry<String, String> port : child.portText.entrySet()) {
                Member m = new Member();
                m.item = item;
                m.pin = port.getValue();
                m.type = ElectricalType.PASSIVE;
                m.key = portKey(sheets, port.getKey());
                item.members.add(m);
            }
            sheetGeometry(item);
            plan.items.add(item);
        }
        // Pieces: connection points that are in the same net in every instance.
        for (Item item : plan.items) {
            for (Member m : item.members) {
                join(plan, m);
            }
        }
        // Ports: a piece that leaves through a port draws hierarchical labels, unless it is a rail.
        for (String port : d.ports()) {
            int[] key = portKey(plan.instances, port);
            for (int p = 0; p < plan.pieces.size(); p++) {
                Piece piece = plan.pieces.get(p);
                if (Arrays.equals(piece.key, key) && piece.port == null) {
                    piece.port = port;
                    plan.portPiece.put(port, p);
                }
            }
        }
        for (Piece piece : plan.pieces) {
            int g = constant(piece.key);
            if (g >= 0 && isRail(g)
                    && (piece.port == null || nl.nets().get(g).name().equals(escape(piece.port)))) {
                piece.rail = true;
                piece.port = null;
                piece.draw = Drawing.POWER;
                piece.text = unescape(nl.nets().get(g).name());
            }
        }
        // Power flags on the nets this file is the top of.
        for (int p = 0; p < plan.pieces.size(); p++) {
            Piece piece = plan.pieces.get(p);
            if (!piece.rail && piece.port == null && piece.key[0] >= 0 && needsFlag[piece.key[0]]
                    && nl.nets().get(piece.key[0]).nodes().size() > 1) {
                Item flag = flagItem(plan, piece.key[0], false);
                Member m = flag.members.get(0);
                m.key = piece.key;
                m.piece = p;
                piece.members.add(m);
            }
        }
        assignTexts(plan);
    }

    private static String escape(String text) {
        StringBuilder out = new StringBuilder();
        NetNames.escapeNetName(out, text);
        return out.toString();
    }

    private static int constant(int[] key) {
        for (int k = 1; k < key.length; k++) {
            if (key[k] != key[0]) {
                return -1;
            }
        }
        return key[0];
    }

    private static void join(Plan plan, Member m) {
        for (int p = 0; p < plan.pieces.size(); p++) {
            if (Arrays.equals(plan.pieces.get(p).key, m.key)) {
                m.piece = p;
                plan.pieces.get(p).members.add(m);
                return;
            }
        }
        Piece piece = new Piece();
        piece.key = m.key;
        piece.members.add(m);
        m.piece = plan.pieces.size();
        plan.pieces.add(piece);
    }

    /** A PWR_FLAG with its pin at the origin, for net {@code net}. */
    private Item flagItem(Plan plan, int net, boolean rail) {
        PartSymbol flag = flagSymbol();
        boolean up = !rail || isGround(unescape(nl.nets().get(net).name()));
        Item item = new Item();
        item.instances = plan.instances;
        item.kind = Drawing.FLAG;
        item.index = net;
        item.symbol = flag;
        item.rotation = up ? Rotation.R0 : Rotation.R180;
        item.uuid = Uuid5.of("circuitsynth:flag:" + plan.definition + ":" + nl.nets().get(net).name());
        item.placed = flag.geometry.place(1, 1, new Placement(0, 0, item.rotation, Mirror.NONE));
        Member m = new Member();
        m.item = item;
        m.pin = item.placed.pins().isEmpty() ? "1" : item.placed.pins().get(0).number();
        m.type = ElectricalType.POWER_OUT;
        m.dx = 0;
        m.dy = up ? 1 : -1;
        item.members.add(m);
        plan.items.add(item);
        return item;
    }

    private PartSymbol flagSymbol() {
        return librarySymbol("power", "PWR_FLAG");
    }

    /**
     * One PWR_FLAG per power net that nothing drives, in the first file (page order) drawn once
     * that has a pin on the rail (eeschema's ERC takes a flag that shares its sheet with no pin
     * of the rail for an unconnected pin), else in the root.
     */
    private void addRailFlags() {
        for (int g = 0; g < nl.nets().size(); g++) {
            if (!isRail(g) || !needsFlag[g]) {
                continue;
            }
            Plan root = order.get(0);
            search:
            for (Plan plan : order) {
                if (plan.instances.length != 1) {
                    continue;
                }
                for (Piece piece : plan.pieces) {
                    if (piece.rail && piece.key[0] == g) {
                        for (Member m : piece.members) {
                            if (m.item.kind == Drawing.UNIT) {
                                root = plan;
                                break search;
                            }
                        }
                    }
                }
            }
            Item flag = flagItem(root, g, true);
            Member m = flag.members.get(0);
            m.key = new int[] {g};
            Piece piece = new Piece();
            piece.key = m.key;
            piece.rail = true;
            piece.draw = Drawing.POWER;
            piece.text = unescape(nl.nets().get(g).name());
            piece.members.add(m);
            m.piece = root.pieces.size();
            root.pieces.add(piece);
            m.draw = Drawing.POWER;
            m.text = piece.text;
            annotate(flag);
        }
    }

    /** Label texts: ports, then named nets, then the rest; none twice, none a power net's name. */
    private void assignTexts(Plan plan) {
        Set<String> used = new HashSet<>(powerNames);
        for (String port : plan.spec.ports()) {
            Integer p = plan.portPiece.get(port);
            if (p == null || plan.pieces.get(p).port == null) {
                continue;
            }
            String text = uniqueText(lastSegment(port), used);
            plan.portText.put(port, text);
            Piece piece = plan.pieces.get(p);
            piece.text = text;
            piece.draw = Drawing.HIER;
        }
        // A lone point is left unconnected on purpose. A named net keeps its name as a local label.
        // In a file drawn once, any other net takes a global label with its very name, which KiCad
        // gives back unchanged; in a file drawn several times, a local label after its name.
        Sheet rep = nl.sheets().get(plan.instances[0]);
        for (int pass = 0; pass < 2; pass++) {
            for (Piece piece : plan.pieces) {
                if (piece.rail || piece.port != null || piece.text != null) {
                    continue;
                }
                String label = null;
                String name = piece.key[0] >= 0 ? nl.nets().get(piece.key[0]).name() : "N";
                boolean pinDriven = piece.key[0] < 0 || name.startsWith("Net-(") || name.startsWith("unconnected-(");
                if (piece.members.size() == 1 && (pinDriven || piece.members.get(0).item.kind != Drawing.UNIT)) {
                    piece.draw = Drawing.NC;
                    piece.text = "";
                    continue;
                }
                if (piece.key[0] >= 0) {
                    for (NetSheet ns : nl.nets().get(piece.key[0]).sheets()) {
                        if (ns.sheet() == plan.instances[0] && ns.label() != null) {
                            label = ns.label();
                        }
                    }
                }
                boolean local = label != null && name.startsWith(rep.path())
                        && name.equals(rep.path() + escape(lastSegment(label)));
                if (pass == 0 && local) {
                    piece.text = uniqueText(lastSegment(label), used);
                    piece.draw = Drawing.LABEL;
                } else if (pass == 1 && plan.instances.length == 1 && !name.startsWith("/")
                        && used.add(unescape(name))) {
                    piece.text = unescape(name);
                    piece.draw = Drawing.GLOBAL;
                } else if (pass == 1 && piece.members.size() == 1 && !local) {
                    piece.draw = Drawing.NC;
                    piece.text = "";
                } else if (pass == 1) {
                    piece.text = uniqueText(lastSegment(label != null ? label : name), used);
                    piece.draw = Drawing.LABEL;
                }
            }
        }
        for (Piece piece : plan.pieces) {
            for (Member m : piece.members) {
                m.draw = piece.draw;
                m.text = piece.text;
            }
        }
        for (Item item : plan.items) {
            annotate(item);
        }
    }

    /** {@code /a/b/NAME} → {@code NAME}; names without a leading slash stay whole. */
    static String lastSegment(String name) {
        if (!name.startsWith("/")) {
            return unescape(name);
        }
        int cut = name.lastIndexOf('/');
        String last = name.substring(cut + 1);
        return unescape(last.isEmpty() ? name.replace('/', '_') : last);
    }

    private static String uniqueText(String text, Set<String> used) {
        String base = text.isEmpty() ? "N" : text;
        String candidate = base;
        for (int k = 2; !used.add(candidate); k++) {
            candidate = base + "_" + k;
        }
        return candidate;
    }

    // ---- geometry of one item ----

    static int ceilGrid(long v) {
        return (int) (Math.floorDiv(v + GRID - 1, GRID) * GRID);
    }

    static int floorGrid(long v) {
        return (int) (Math.floorDiv(v, GRID) * GRID);
    }

    private static TextStyle style(Rotation angle, HAlign h, VAlign v) {
        return new TextStyle(TEXT, TEXT, angle, h, v);
    }

    /** A sheet symbol: size from its pin names, pins half left, half right, name above, file below. */
    private void sheetGeometry(Item item) {
        int n = item.members.size();
        int left = (n + 1) / 2;
        int right = n - left;
        long leftWidth = 0;
        long rightWidth = 0;
        for (int i = 0; i < n; i++) {
            long w = Fields.textBox(item.members.get(i).pin, 0, 0, style(Rotation.R0, HAlign.LEFT, VAlign.CENTER))
                    .width();
            if (i < left) {
                leftWidth = Math.max(leftWidth, w);
            } else {
                rightWidth = Math.max(rightWidth, w);
            }
        }
        long nameWidth = Fields.textBox(item.sheetName, 0, 0, style(Rotation.R0, HAlign.LEFT, VAlign.BOTTOM)).width();
        long fileWidth = Fields.textBox(item.sheetFile, 0, 0, style(Rotation.R0, HAlign.LEFT, VAlign.TOP)).width();
        item.width = ceilGrid(Math.max(Math.max(leftWidth + rightWidth + 4L * GRID, 12L * GRID),
                Math.max(nameWidth, fileWidth)));
        item.height = Math.max(4 * GRID, (Math.max(left, right) + 1) * 2 * GRID);
        for (int i = 0; i < n; i++) {
            Member m = item.members.get(i);
            if (i < left) {
                m.x = 0;
                m.y = (i + 1) * 2 * GRID;
                m.dx = -1;
            } else {
                m.x = item.width;
                m.y = (i - left + 1) * 2 * GRID;
                m.dx = 1;
            }
            m.dy = 0;
        }
        Placement at = Placement.at(0, 0);
        item.nameField = Fields.field(item.sheetName, style(Rotation.R0, HAlign.LEFT, VAlign.BOTTOM), 0, -GRID / 2, at);
        item.fileField = Fields.field(item.sheetFile, style(Rotation.R0, HAlign.LEFT, VAlign.TOP), 0,
                item.height + GRID / 2, at);
    }

    /** Stubs, labels, power symbols and no-connect flags of one item, then its boxes. */
    private void annotate(Item item) {
        item.boxes.clear();
        if (item.kind == Drawing.UNIT) {
            item.boxes.add(item.placed.body());
            String value = component(item, 0).spec().value();
            item.fields = Fields.place(item.placed, Placement.at(0, 0), referenceText(item, 0), value, TEXT);
            item.boxes.add(item.fields.reference().box());
            if (!value.isEmpty()) {
                item.boxes.add(item.fields.value().box());
            }
        } else if (item.kind == Drawing.SHEET) {
            item.boxes.add(new Rect(0, 0, item.width, item.height));
            item.boxes.add(item.nameField.box());
            item.boxes.add(item.fileField.box());
        } else {
            item.boxes.add(item.placed.body());
            Member m = item.members.get(0);
            item.valueField = valueField(item.symbol.symbol.value(), item.placed.body(), -m.dx, -m.dy,
                    new Placement(0, 0, item.rotation, Mirror.NONE), 0, 0);
            item.boxes.add(item.valueField.box());
        }
        // Lanes per side: walking along the side, each annotation (label, power symbol) takes the
        // first lane whose last annotation it clears; lane k starts one grid step beyond the
        // farthest reach of lane k - 1. Pins 2.54 mm apart mostly share lane 0.
        int[][] sides = {{1, 0}, {0, -1}, {0, 1}, {-1, 0}};
        for (int[] side : sides) {
            List<Member> on = new ArrayList<>();
            for (Member m : item.members) {
                if (m.dx == side[0] && m.dy == side[1] && m.draw != Drawing.NC) {
                    on.add(m);
                }
            }
            if (on.isEmpty()) {
                continue;
            }
            boolean vertical = side[0] == 0;
            on.sort((a, b) -> vertical ? Integer.compare(a.x, b.x) : Integer.compare(a.y, b.y));
            int base = item.kind == Drawing.FLAG ? GRID : STUB;
            int[] lane = new int[on.size()];
            List<Long> laneEnd = new ArrayList<>();
            List<Long> laneReach = new ArrayList<>();
            for (int i = 0; i < on.size(); i++) {
                Member m = on.get(i);
                m.stub = base;
                Rect box = annotationBox(item, m);
                long lo = vertical ? box.minX() : box.minY();
                long hi = vertical ? box.maxX() : box.maxY();
                long endX = (long) m.x + (long) m.dx * m.stub;
                long endY = (long) m.y + (long) m.dy * m.stub;
                long reach = m.dx == 1 ? box.maxX() - endX : m.dx == -1 ? endX - box.minX()
                        : m.dy == 1 ? box.maxY() - endY : endY - box.minY();
                int k = 0;
                while (k < laneEnd.size() && laneEnd.get(k) >= lo) {
                    k++;
                }
                if (k == laneEnd.size()) {
                    laneEnd.add(hi);
                    laneReach.add(reach);
                } else {
                    laneEnd.set(k, hi);
                    laneReach.set(k, Math.max(laneReach.get(k), reach));
                }
                lane[i] = k;
            }
            int[] stubs = new int[laneEnd.size()];
            stubs[0] = base;
            for (int k = 1; k < stubs.length; k++) {
                stubs[k] = ceilGrid(stubs[k - 1] + laneReach.get(k - 1)) + GRID;
            }
            for (int i = 0; i < on.size(); i++) {
                Member m = on.get(i);
                m.stub = stubs[lane[i]];
                annotationBox(item, m);
                if (m.draw == Drawing.POWER) {
                    item.boxes.add(m.power.placed.body());
                    item.boxes.add(m.power.valueField.box());
                } else {
                    item.boxes.add(m.labelBox);
                }
            }
        }
        int minX = Integer.MAX_VALUE;
        int minY = Integer.MAX_VALUE;
        int maxX = Integer.MIN_VALUE;
        int maxY = Integer.MIN_VALUE;
        for (Rect r : item.boxes) {
            minX = Math.min(minX, r.minX());
            minY = Math.min(minY, r.minY());
            maxX = Math.max(maxX, r.maxX());
            maxY = Math.max(maxY, r.maxY());
        }
        // A no-connect cross sits on its pin's end, so it is part of the pin, not a box of its own.
        for (Member m : item.members) {
            int half = m.draw == Drawing.NC ? NC_HALF : 0;
            minX = Math.min(minX, m.x - half);
            minY = Math.min(minY, m.y - half);
            maxX = Math.max(maxX, m.x + half);
            maxY = Math.max(maxY, m.y + half);
            minX = Math.min(minX, Math.min(m.x, m.x + m.dx * m.stub));
            maxX = Math.max(maxX, Math.max(m.x, m.x + m.dx * m.stub));
            minY = Math.min(minY, Math.min(m.y, m.y + m.dy * m.stub));
            maxY = Math.max(maxY, Math.max(m.y, m.y + m.dy * m.stub));
        }
        item.minX = minX;
        item.minY = minY;
        item.maxX = maxX;
        item.maxY = maxY;
    }

    /** The reference as KiCad shows it in instance {@code k}: with the unit letter when the symbol has units. */
    String referenceText(Item item, int k) {
        String reference = nl.components().get(nl.sheets().get(item.instances[k]).firstComponent() + item.index)
                .reference();
        if (item.symbol.geometry.unitCount() > 1) {
            StringBuilder out = new StringBuilder(reference);
            NetNames.appendUnitLetter(out, item.unit);
            return out.toString();
        }
        return reference;
    }

    Component component(Item item, int k) {
        return nl.components().get(nl.sheets().get(item.instances[k]).firstComponent() + item.index);
    }

    /** Draws {@code m}'s annotation at the end of its stub; returns the box of all it draws. */
    private Rect annotationBox(Item item, Member m) {
        if (m.draw == Drawing.POWER) {
            placePower(item, m);
            return union(m.power.placed.body(), m.power.valueField.box());
        }
        m.labelBox = labelBox(m);
        return m.labelBox;
    }

    /** Rotation of a power symbol whose body must point along {@code (dx, dy)}. */
    private static Rotation powerRotation(boolean ground, int dx, int dy) {
        if (ground) {
            // GND hangs below its pin at 0°.
            if (dy == 1) {
                return Rotation.R0;
            }
            if (dy == -1) {
                return Rotation.R180;
            }
            return dx == 1 ? Rotation.R90 : Rotation.R270;
        }
        // VCC stands above its pin at 0°.
        if (dy == -1) {
            return Rotation.R0;
        }
        if (dy == 1) {
            return Rotation.R180;
        }
        return dx == 1 ? Rotation.R270 : Rotation.R90;
    }

    private void placePower(Item item, Member m) {
        Power power = new Power();
        power.symbol = powerSymbol(m.text);
        power.value = m.text;
        boolean ground = power.symbol.symbol.name().equals("GND") || isGround(m.text);
        power.rotation = powerRotation(ground, m.dx, m.dy);
        power.x = m.x + m.dx * m.stub;
        power.y = m.y + m.dy * m.stub;
        Placement at = new Placement(power.x, power.y, power.rotation, Mirror.NONE);
        power.placed = power.symbol.geometry.place(1, 1, at);
        power.uuid = Uuid5.of("circuitsynth:power:" + item.uuid + ":" + item.members.indexOf(m));
        power.valueField = valueField(power.value, power.placed.body(), m.dx, m.dy, at, power.x, power.y);
        m.power = power;
    }

    /**
     * A power symbol's or flag's value, continuing its body {@code body} in the direction
     * {@code (dx, dy)} and reading along it; {@code (x, y)} is the symbol's pin point.
     */
    private static FieldPlacement valueField(String text, Rect body, int dx, int dy, Placement at, int x, int y) {
        TextStyle style;
        int vx;
        int vy;
        if (dy == -1) {
            style = style(Rotation.R90, HAlign.LEFT, VAlign.CENTER);
            vx = x;
            vy = body.minY() - VALUE_GAP;
        } else if (dy == 1) {
            style = style(Rotation.R90, HAlign.RIGHT, VAlign.CENTER);
            vx = x;
            vy = body.maxY() + VALUE_GAP;
        } else if (dx == 1) {
            style = style(Rotation.R0, HAlign.LEFT, VAlign.CENTER);
            vx = body.maxX() + VALUE_GAP;
            vy = y;
        } else {
            style = style(Rotation.R0, HAlign.RIGHT, VAlign.CENTER);
            vx = body.minX() - VALUE_GAP;
            vy = y;
        }
        return Fields.field(text, style, vx, vy, at);
    }

    static Rotation labelAngle(int dx, int dy) {
        if (dx == 1) {
            return Rotation.R0;
        }
        if (dx == -1) {
            return Rotation.R180;
        }
        return dy == -1 ? Rotation.R90 : Rotation.R270;
    }

    /**
     * The box of a label at the end of {@code m}'s stub. eeschema draws label text horizontal or
     * reading upwards only: a label pointing left or down is drawn at 0° or 90° with its end at
     * the anchor. A local label's text stands {@link #LABEL_OFFSET} off its wire; a hierarchical
     * or global label's flag, one text height long, comes before its text, centred on the wire.
     */
    private static Rect labelBox(Member m) {
        int ex = m.x + m.dx * m.stub;
        int ey = m.y + m.dy * m.stub;
        Rotation drawn = m.dx != 0 ? Rotation.R0 : Rotation.R90;
        boolean forward = m.dx == 1 || m.dy == -1;
        HAlign h = forward ? HAlign.LEFT : HAlign.RIGHT;
        if (m.draw == Drawing.HIER || m.draw == Drawing.GLOBAL) {
            int sx = ex + m.dx * TEXT;
            int sy = ey + m.dy * TEXT;
            Rect text = Fields.textBox(m.text, sx, sy, style(drawn, h, VAlign.CENTER));
            // The flag closes half a text height past the text's end.
            int fx = m.dx * TEXT / 2;
            int fy = m.dy * TEXT / 2;
            return union(new Rect(Math.min(ex, text.minX() + Math.min(0, fx)), Math.min(ey, text.minY() + Math.min(0, fy)),
                    Math.max(ex, text.maxX() + Math.max(0, fx)), Math.max(ey, text.maxY() + Math.max(0, fy))), text);
        }
        Rect text = Fields.textBox(m.text, ex, ey, style(drawn, h, VAlign.BOTTOM));
        // Drawn at 0° the text rises above the wire (smaller y), at 90° it moves left of it.
        return m.dx != 0 ? new Rect(text.minX(), text.minY() - LABEL_OFFSET, text.maxX(), text.maxY() - LABEL_OFFSET)
                : new Rect(text.minX() - LABEL_OFFSET, text.minY(), text.maxX() - LABEL_OFFSET, text.maxY());
    }

    static Rect union(Rect a, Rect b) {
        return new Rect(Math.min(a.minX(), b.minX()), Math.min(a.minY(), b.minY()), Math.max(a.maxX(), b.maxX()),
                Math.max(a.maxY(), b.maxY()));
    }

    // ---- power symbol references ----

    private void numberPowerSymbols() {
        int pwr = 0;
        int flg = 0;
        for (Sheet s : nl.sheets()) {
            Plan plan = plans.get(s.definition());
            for (Item item : plan.items) {
                if (item.kind == Drawing.FLAG) {
                    flg++;
                    item.references.add(String.format(Locale.ROOT, "#FLG%02d", flg));
                }
                for (Member m : item.members) {
                    if (m.power != null) {
                        pwr++;
                        m.power.references.add(String.format(Locale.ROOT, "#PWR%02d", pwr));
                    }
                }
            }
        }
    }

    // ---- layout ----

    /** Interim shelf layout: items left to right in rows, one stub apart, then the smallest page. */
    private void layout(Plan plan) {
        long area = 0;
        long widest = 0;
        for (Item item : plan.items) {
            long w = (long) item.maxX - item.minX + 2L * GRID;
            long h = (long) item.maxY - item.minY + 2L * GRID;
            area += w * h;
            widest = Math.max(widest, w);
        }
        long limit = Math.max(widest, (long) Math.ceil(Math.sqrt((double) area) * 1.5));
        long x = 0;
        long rowTop = 0;
        long rowBottom = 0;
        long extentX = 0;
        for (Item item : plan.items) {
            long w = (long) item.maxX - item.minX;
            if (x > 0 && x + w > limit) {
                x = 0;
                rowTop = rowBottom + 2L * GRID;
            }
            long ax = ceilGrid(x - item.minX);
            long ay = ceilGrid(rowTop - item.minY);
            item.x = (int) ax;
            item.y = (int) ay;
            x = ax + item.maxX + 2L * GRID;
            rowBottom = Math.max(rowBottom, ay + item.maxY);
            extentX = Math.max(extentX, ax + item.maxX);
        }
        long margin = 20L * GRID;
        long width = extentX + 2 * margin;
        long height = rowBottom + margin + 40L * GRID;
        String[] names = {"A4", "A3", "A2", "A1", "A0"};
        long[][] sizes = {{2_970_000, 2_100_000}, {4_200_000, 2_970_000}, {5_940_000, 4_200_000},
            {8_410_000, 5_940_000}, {11_890_000, 8_410_000}};
        plan.paper = null;
        for (int i = 0; i < names.length; i++) {
            if (width <= sizes[i][0] && height <= sizes[i][1]) {
                plan.paper = names[i];
                plan.paperWidth = sizes[i][0];
                plan.paperHeight = sizes[i][1];
                break;
            }
        }
        if (plan.paper == null) {
            plan.paper = "User";
            plan.paperWidth = (width + 99_999) / 100_000 * 100_000;
            plan.paperHeight = (height + 99_999) / 100_000 * 100_000;
        }
        for (Item item : plan.items) {
            item.x += (int) margin;
            item.y += (int) margin;
        }
    }
}
