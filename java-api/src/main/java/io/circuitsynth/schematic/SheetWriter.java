package io.circuitsynth.schematic;

import io.circuitsynth.io.JavaIoStage;
import io.circuitsynth.io.SexprBuilder;
import io.circuitsynth.netlist.ComponentSpec;
import io.circuitsynth.netlist.NetNames;
import io.circuitsynth.netlist.Netlist;
import io.circuitsynth.netlist.Netlist.Component;
import io.circuitsynth.netlist.Netlist.Net;
import io.circuitsynth.netlist.Netlist.Sheet;
import io.circuitsynth.netlist.Uuid5;
import io.circuitsynth.pins.FieldPlacement;
import io.circuitsynth.pins.HAlign;
import io.circuitsynth.pins.Rect;
import io.circuitsynth.pins.Rotation;
import io.circuitsynth.pins.VAlign;
import io.circuitsynth.schematic.Drawing.Item;
import io.circuitsynth.schematic.Drawing.Member;
import io.circuitsynth.schematic.Drawing.PartSymbol;
import io.circuitsynth.schematic.Drawing.Piece;
import io.circuitsynth.schematic.Drawing.Power;
import io.circuitsynth.schematic.ProjectWriter.Plan;
import io.circuitsynth.symbols.SymbolPin;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Writes the planned project: every {@code .kicad_sch} (specification section "Sheet files"), the
 * project library and its {@code sym-lib-table}, and the {@code .kicad_pro}; and the report (the
 * names KiCad will give the nets, each sheet's counts and overlaps).
 */
final class SheetWriter {
    private SheetWriter() {}

    private static final int VERSION = 20250114;

    /**
     * One element of a sheet file, before sorting by UUID within its kind: what it draws is the
     * item's member {@code member} (a no-connect, wire, label or power symbol), or the item itself.
     */
    private record Element(int kind, String uuid, Item item, int member) {}

    private static final int K_NO_CONNECT = 0;
    private static final int K_WIRE = 1;
    private static final int K_LABEL = 2;
    private static final int K_GLOBAL = 3;
    private static final int K_HIER = 4;
    private static final int K_SYMBOL = 5;
    private static final int K_SHEET = 6;

    static GeneratedProject files(ProjectWriter w) {
        JavaIoStage io = new JavaIoStage();
        List<GeneratedProject.File> files = new ArrayList<>();
        List<GeneratedProject.SheetReport> reports = new ArrayList<>();
        Map<Integer, String> kicadNames = kicadNames(w);
        byte[] localLibrary = null;
        if (!w.localSymbols().isEmpty()) {
            SexprBuilder b = ProjectWriter.libraryHeader();
            for (int i = 0; i < w.localSymbols().size(); i++) {
                w.writeLocalSymbol(b, i);
            }
            localLibrary = io.print(b.end().build());
            w.libs().register(w.localLib(), localLibrary);
        }
        for (Plan plan : w.plans()) {
            SexprBuilder b = new SexprBuilder();
            int[] counts = new int[6];
            writeSheet(w, plan, b, counts);
            files.add(new GeneratedProject.File(plan.file, io.print(b.build())));
            long minX = Long.MAX_VALUE;
            long minY = Long.MAX_VALUE;
            long maxX = Long.MIN_VALUE;
            long maxY = Long.MIN_VALUE;
            List<Rect> boxes = new ArrayList<>();
            for (Item item : plan.items) {
                minX = Math.min(minX, (long) item.x + item.minX);
                minY = Math.min(minY, (long) item.y + item.minY);
                maxX = Math.max(maxX, (long) item.x + item.maxX);
                maxY = Math.max(maxY, (long) item.y + item.maxY);
                for (Rect r : item.boxes) {
                    boxes.add(new Rect(r.minX() + item.x, r.minY() + item.y, r.maxX() + item.x, r.maxY() + item.y));
                }
            }
            if (plan.items.isEmpty()) {
                minX = maxX = minY = maxY = 0;
            }
            reports.add(new GeneratedProject.SheetReport(plan.file, plan.definition, plan.paper, counts[0], counts[1],
                    counts[2], counts[3], counts[4], counts[5], maxX - minX, maxY - minY, overlaps(boxes)));
        }
        if (localLibrary != null) {
            files.add(new GeneratedProject.File(w.localLib() + ".kicad_sym", localLibrary));
            files.add(new GeneratedProject.File("sym-lib-table", symLibTable(w.localLib())));
        }
        files.add(new GeneratedProject.File(w.project() + ".kicad_pro", projectFile(w, kicadNames)));
        List<GeneratedProject.NetReport> nets = new ArrayList<>();
        for (int g = 0; g < w.netlist().nets().size(); g++) {
            nets.add(new GeneratedProject.NetReport(w.netlist().nets().get(g).name(), kicadNames.get(g)));
        }
        return new GeneratedProject(w.project(), files, reports, nets, w.netlist().components().size());
    }

    /** Pairs of boxes that share a point, by a sweep over their left edges. */
    static int overlaps(List<Rect> boxes) {
        Rect[] sorted = boxes.toArray(new Rect[0]);
        Arrays.sort(sorted, Comparator.comparingInt(Rect::minX));
        int count = 0;
        for (int i = 0; i < sorted.length; i++) {
            for (int j = i + 1; j < sorted.length && sorted[j].minX() <= sorted[i].maxX(); j++) {
                if (sorted[i].intersects(sorted[j])) {
                    if (System.getenv("CS_DEBUG_OVERLAPS") != null) {
                        System.err.println("overlap " + sorted[i] + " " + sorted[j]);
                    }
                    count++;
                }
            }
        }
        return count;
    }

    // ---- names KiCad gives the nets ----

    /** A candidate name of a net: the driver's strength (KiCad's priority), the sheet's depth, the name. */
    private record Driver(int priority, int depth, String name) {}

    private static Map<Integer, String> kicadNames(ProjectWriter w) {
        Netlist nl = w.netlist();
        Map<Integer, Driver> best = new TreeMap<>();
        for (Plan plan : w.plans()) {
            for (Piece piece : plan.pieces) {
                for (int k = 0; k < plan.instances.length; k++) {
                    int g = piece.key[k];
                    if (g < 0) {
                        continue;
                    }
                    Sheet s = nl.sheets().get(plan.instances[k]);
                    Driver d;
                    if (piece.rail) {
                        d = new Driver(4, 0, nl.nets().get(g).name());
                    } else if (piece.draw == Drawing.GLOBAL) {
                        d = new Driver(5, 0, escape(piece.text));
                    } else if (piece.draw == Drawing.LABEL) {
                        d = new Driver(3, s.depth(), s.path() + escape(piece.text));
                    } else if (piece.draw == Drawing.HIER) {
                        d = new Driver(2, s.depth(), s.path() + escape(piece.text));
                    } else {
                        continue;
                    }
                    Driver old = best.get(g);
                    if (old == null || better(d, old)) {
                        best.put(g, d);
                    }
                }
            }
        }
        Map<Integer, String> names = new TreeMap<>();
        for (int g = 0; g < nl.nets().size(); g++) {
            Driver d = best.get(g);
            names.put(g, d == null ? nl.nets().get(g).name() : d.name());
        }
        return names;
    }

    private static boolean better(Driver a, Driver b) {
        if (a.priority() != b.priority()) {
            return a.priority() > b.priority();
        }
        if (a.depth() != b.depth()) {
            return a.depth() < b.depth();
        }
        return compareCodePoints(a.name(), b.name()) < 0;
    }

    static int compareCodePoints(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int ca = a.codePointAt(i);
            int cb = b.codePointAt(j);
            if (ca != cb) {
                return Integer.compare(ca, cb);
            }
            i += Character.charCount(ca);
            j += Character.charCount(cb);
        }
        return Integer.compare(a.length() - i, b.length() - j);
    }

    private static String escape(String text) {
        StringBuilder out = new StringBuilder();
        NetNames.escapeNetName(out, text);
        return out.toString();
    }

    // ---- the sheet file ----

    private static void mm(SexprBuilder b, long iu) {
        b.decimal(iu, 4);
    }

    private static void at(SexprBuilder b, long x, long y, int angle) {
        b.list("at");
        mm(b, x);
        mm(b, y);
        b.atom(angle).end();
    }

    private static void yesNo(SexprBuilder b, String key, boolean value) {
        b.list(key).symbol(value ? "yes" : "no").end();
    }

    private static void effects(SexprBuilder b, HAlign h, VAlign v, boolean hide) {
        b.list("effects").list("font").list("size");
        mm(b, ProjectWriter.TEXT);
        mm(b, ProjectWriter.TEXT);
        b.end().end();
        if (h != HAlign.CENTER || v != VAlign.CENTER) {
            b.list("justify");
            if (h != HAlign.CENTER) {
                b.symbol(h.keyword());
            }
            if (v != VAlign.CENTER) {
                b.symbol(v.keyword());
            }
            b.end();
        }
        if (hide) {
            yesNo(b, "hide", true);
        }
        b.end();
    }

    private static void property(SexprBuilder b, String key, String value, FieldPlacement f, int dx, int dy) {
        b.list("property").string(key).string(value);
        at(b, (long) f.x() + dx, (long) f.y() + dy, f.fileAngle().degrees());
        effects(b, f.fileH(), f.fileV(), false);
        b.end();
    }

    private static void hiddenProperty(SexprBuilder b, String key, String value, long x, long y) {
        b.list("property").string(key).string(value);
        at(b, x, y, 0);
        effects(b, HAlign.CENTER, VAlign.CENTER, true);
        b.end();
    }

    private static String uuid(String name) {
        return Uuid5.of(name);
    }

    private static void writeSheet(ProjectWriter w, Plan plan, SexprBuilder b, int[] counts) {
        Netlist nl = w.netlist();
        boolean root = plan.instances[0] == 0;
        b.list("kicad_sch");
        b.list("version").atom(VERSION).end();
        b.list("generator").string("circuitsynth").end();
        b.list("generator_version").string("9.0").end();
        b.list("uuid").string(plan.uuid).end();
        b.list("paper").string(plan.paper);
        if (plan.paper.equals("User")) {
            mm(b, plan.paperWidth);
            mm(b, plan.paperHeight);
        }
        b.end();
        b.list("title_block").list("title").string(root ? w.project() : plan.definition).end().end();
        // lib_symbols: every symbol the file places, by id.
        TreeMap<String, PartSymbol> used = new TreeMap<>(SheetWriter::compareCodePoints);
        for (Item item : plan.items) {
            if (item.symbol != null) {
                used.put(item.symbol.libId, item.symbol);
            }
            for (Member m : item.members) {
                if (m.power != null) {
                    used.put(m.power.symbol.libId, m.power.symbol);
                }
            }
        }
        b.list("lib_symbols");
        for (PartSymbol ps : used.values()) {
            w.libs().write(b, ps.lib, ps.name, ps.libId);
        }
        b.end();
        List<Element> elements = new ArrayList<>();
        Map<Integer, String> paths = instancePaths(w);
        for (Item item : plan.items) {
            elements(item, elements, counts);
        }
        elements.sort(Comparator.comparingInt(Element::kind).thenComparing(Element::uuid));
        for (Element e : elements) {
            write(w, plan, e, paths, b);
        }
        if (root) {
            b.list("sheet_instances").list("path").string("/").list("page").string("1").end().end().end();
        }
        b.list("embedded_fonts").symbol("no").end();
        b.end();
    }

    /** KiCad's instance path of every sheet instance: the root file's UUID, then each sheet symbol's. */
    static Map<Integer, String> instancePaths(ProjectWriter w) {
        Netlist nl = w.netlist();
        Map<Integer, String> paths = new TreeMap<>();
        paths.put(0, "/" + nl.sheets().get(0).uuid());
        for (int s = 1; s < nl.sheets().size(); s++) {
            Sheet sheet = nl.sheets().get(s);
            Plan parent = w.plan(nl.sheets().get(sheet.parent()).definition());
            String written = null;
            for (Item item : parent.items) {
                if (item.kind == Drawing.SHEET && item.sheetName.equals(sheet.name())) {
                    written = item.uuid;
                }
            }
            paths.put(s, paths.get(sheet.parent()) + "/" + written);
        }
        return paths;
    }

    private static void elements(Item item, List<Element> out, int[] counts) {
        for (int i = 0; i < item.members.size(); i++) {
            Member m = item.members.get(i);
            String owner = item.uuid + ":" + i;
            if (m.draw == Drawing.NC) {
                out.add(new Element(K_NO_CONNECT, uuid("circuitsynth:noconnect:" + owner), item, i));
                counts[5]++;
                continue;
            }
            if (m.stub > 0) {
                out.add(new Element(K_WIRE, uuid("circuitsynth:wire:" + owner), item, i));
                counts[4]++;
            }
            if (m.draw == Drawing.LABEL || m.draw == Drawing.HIER || m.draw == Drawing.GLOBAL) {
                int kind = m.draw == Drawing.LABEL ? K_LABEL : m.draw == Drawing.HIER ? K_HIER : K_GLOBAL;
                out.add(new Element(kind, uuid("circuitsynth:label:" + owner), item, i));
                counts[3]++;
            } else if (m.draw == Drawing.POWER && m.power != null) {
                out.add(new Element(K_SYMBOL, m.power.uuid, item, i));
                counts[2]++;
            }
        }
        if (item.kind == Drawing.UNIT) {
            out.add(new Element(K_SYMBOL, item.uuid, item, -1));
            counts[0]++;
        } else if (item.kind == Drawing.FLAG) {
            out.add(new Element(K_SYMBOL, item.uuid, item, -1));
            counts[2]++;
        } else {
            out.add(new Element(K_SHEET, item.uuid, item, -1));
            counts[1]++;
        }
    }

    private static void write(ProjectWriter w, Plan plan, Element e, Map<Integer, String> paths, SexprBuilder b) {
        Netlist nl = w.netlist();
        Item item = e.item();
        int ox = item.x;
        int oy = item.y;
        if (e.member() >= 0) {
            Member m = item.members.get(e.member());
            long ex = (long) ox + m.x + (long) m.dx * m.stub;
            long ey = (long) oy + m.y + (long) m.dy * m.stub;
            switch (e.kind()) {
                case K_NO_CONNECT -> {
                    b.list("no_connect");
                    b.list("at");
                    mm(b, (long) ox + m.x);
                    mm(b, (long) oy + m.y);
                    b.end();
                    b.list("uuid").string(e.uuid()).end();
                    b.end();
                }
                case K_WIRE -> {
                    b.list("wire").list("pts");
                    b.list("xy");
                    mm(b, (long) ox + m.x);
                    mm(b, (long) oy + m.y);
                    b.end().list("xy");
                    mm(b, ex);
                    mm(b, ey);
                    b.end().end();
                    b.list("stroke").list("width").atom(0).end().list("type").symbol("default").end().end();
                    b.list("uuid").string(e.uuid()).end();
                    b.end();
                }
                case K_LABEL, K_HIER, K_GLOBAL -> {
                    Rotation angle = ProjectWriter.labelAngle(m.dx, m.dy);
                    boolean forward = m.dx == 1 || m.dy == -1;
                    if (e.kind() == K_LABEL) {
                        b.list("label").string(m.text);
                        at(b, ex, ey, angle.degrees());
                        effects(b, forward ? HAlign.LEFT : HAlign.RIGHT, VAlign.BOTTOM, false);
                    } else if (e.kind() == K_HIER) {
                        b.list("hierarchical_label").string(m.text);
                        b.list("shape").symbol("passive").end();
                        at(b, ex, ey, angle.degrees());
                        effects(b, forward ? HAlign.LEFT : HAlign.RIGHT, VAlign.CENTER, false);
                    } else {
                        b.list("global_label").string(m.text);
                        b.list("shape").symbol("passive").end();
                        at(b, ex, ey, angle.degrees());
                        yesNo(b, "fields_autoplaced", true);
                        effects(b, forward ? HAlign.LEFT : HAlign.RIGHT, VAlign.CENTER, false);
                        b.list("uuid").string(e.uuid()).end();
                        b.list("property").string("Intersheetrefs").string("${INTERSHEET_REFS}");
                        at(b, ex, ey, 0);
                        effects(b, forward ? HAlign.LEFT : HAlign.RIGHT, VAlign.CENTER, true);
                        b.end();
                        b.end();
                        break;
                    }
                    b.list("uuid").string(e.uuid()).end();
                    b.end();
                }
                default -> {
                    Power p = m.power;
                    long px = (long) ox + p.x;
                    long py = (long) oy + p.y;
                    symbolHeader(b, p.symbol, px, py, p.rotation.degrees(), 1, true, true, false, p.uuid);
                    b.list("property").string("Reference").string(p.references.get(0));
                    at(b, px, py, 0);
                    effects(b, HAlign.CENTER, VAlign.CENTER, true);
                    b.end();
                    property(b, "Value", p.value, p.valueField, ox, oy);
                    hiddenProperty(b, "Footprint", "", px, py);
                    hiddenProperty(b, "Datasheet", p.symbol.symbol.datasheet(), px, py);
                    hiddenProperty(b, "Description", p.symbol.symbol.description(), px, py);
                    pins(b, p.symbol, p.uuid);
                    instances(w, b, plan, paths, p.references, 1);
                    b.end();
                }
            }
            return;
        }
        if (item.kind == Drawing.UNIT) {
            Component comp = w.component(item, 0);
            ComponentSpec spec = comp.spec();
            symbolHeader(b, item.symbol, ox, oy, 0, item.unit, spec.inBom(), spec.onBoard(), spec.dnp(), item.uuid);
            property(b, "Reference", comp.reference(), item.fields.reference(), ox, oy);
            property(b, "Value", spec.value(), item.fields.value(), ox, oy);
            hiddenProperty(b, "Footprint", spec.footprint(), ox, oy);
            hiddenProperty(b, "Datasheet", spec.datasheet(), ox, oy);
            hiddenProperty(b, "Description", spec.description(), ox, oy);
            for (ComponentSpec.Field f : spec.fields()) {
                hiddenProperty(b, f.name(), f.value(), ox, oy);
            }
            pins(b, item.symbol, item.uuid);
            List<String> references = new ArrayList<>();
            for (int k = 0; k < plan.instances.length; k++) {
                references.add(w.component(item, k).reference());
            }
            instances(w, b, plan, paths, references, item.unit);
            b.end();
        } else if (item.kind == Drawing.FLAG) {
            symbolHeader(b, item.symbol, ox, oy, item.rotation.degrees(), 1, true, true, false, item.uuid);
            b.list("property").string("Reference").string(item.references.get(0));
            at(b, ox, oy, 0);
            effects(b, HAlign.CENTER, VAlign.CENTER, true);
            b.end();
            property(b, "Value", item.symbol.symbol.value(), item.valueField, ox, oy);
            hiddenProperty(b, "Footprint", "", ox, oy);
            hiddenProperty(b, "Datasheet", item.symbol.symbol.datasheet(), ox, oy);
            hiddenProperty(b, "Description", item.symbol.symbol.description(), ox, oy);
            pins(b, item.symbol, item.uuid);
            instances(w, b, plan, paths, item.references, 1);
            b.end();
        } else {
            b.list("sheet");
            b.list("at");
            mm(b, ox);
            mm(b, oy);
            b.end();
            b.list("size");
            mm(b, item.width);
            mm(b, item.height);
            b.end();
            yesNo(b, "exclude_from_sim", false);
            yesNo(b, "in_bom", true);
            yesNo(b, "on_board", true);
            yesNo(b, "dnp", false);
            b.list("stroke").list("width");
            mm(b, 1524);
            b.end().list("type").symbol("solid").end().end();
            b.list("fill").list("color").atom(0).atom(0).atom(0).symbol("0.0000").end().end();
            b.list("uuid").string(item.uuid).end();
            property(b, "Sheetname", item.sheetName, item.nameField, ox, oy);
            property(b, "Sheetfile", item.sheetFile, item.fileField, ox, oy);
            for (Member m : item.members) {
                boolean left = m.dx == -1;
                b.list("pin").string(m.pin).symbol("passive");
                at(b, (long) ox + m.x, (long) oy + m.y, left ? 180 : 0);
                b.list("uuid").string(uuid("circuitsynth:sheetpin:" + item.uuid + ":" + m.pin)).end();
                effects(b, left ? HAlign.LEFT : HAlign.RIGHT, VAlign.CENTER, false);
                b.end();
            }
            b.list("instances").list("project").string(w.project());
            for (int k = 0; k < plan.instances.length; k++) {
                Sheet child = childOf(nl, plan.instances[k], item.sheetName);
                b.list("path").string(paths.get(plan.instances[k]));
                b.list("page").string(Integer.toString(child.page())).end();
                b.end();
            }
            b.end().end();
            b.end();
        }
    }

    private static Sheet childOf(Netlist nl, int parent, String name) {
        for (Sheet s : nl.sheets()) {
            if (s.parent() == parent && s.name().equals(name)) {
                return s;
            }
        }
        throw new IllegalStateException("no child sheet " + name);
    }

    private static void symbolHeader(SexprBuilder b, PartSymbol ps, long x, long y, int angle, int unit, boolean inBom,
            boolean onBoard, boolean dnp, String uuid) {
        b.list("symbol");
        b.list("lib_id").string(ps.libId).end();
        at(b, x, y, angle);
        b.list("unit").atom(unit).end();
        yesNo(b, "exclude_from_sim", ps.symbol.excludeFromSim());
        yesNo(b, "in_bom", inBom);
        yesNo(b, "on_board", onBoard);
        yesNo(b, "dnp", dnp);
        b.list("uuid").string(uuid).end();
    }

    /** {@code (pin "N" (uuid …))} for every pin number of the symbol, in library order. */
    private static void pins(SexprBuilder b, PartSymbol ps, String owner) {
        Set<String> seen = new HashSet<>();
        for (SymbolPin pin : ps.symbol.pins()) {
            if (seen.add(pin.number())) {
                b.list("pin").string(pin.number());
                b.list("uuid").string(uuid("circuitsynth:pin:" + owner + ":" + pin.number())).end();
                b.end();
            }
        }
    }

    private static void instances(ProjectWriter w, SexprBuilder b, Plan plan, Map<Integer, String> paths,
            List<String> references, int unit) {
        b.list("instances").list("project").string(w.project());
        for (int k = 0; k < plan.instances.length; k++) {
            b.list("path").string(paths.get(plan.instances[k]));
            b.list("reference").string(references.get(k)).end();
            b.list("unit").atom(unit).end();
            b.end();
        }
        b.end().end();
    }

    // ---- project files ----

    private static byte[] symLibTable(String nickname) {
        String text = "(sym_lib_table\n  (version 7)\n  (lib (name \"" + nickname + "\")(type \"KiCad\")(uri \"${KIPRJMOD}/"
                + nickname + ".kicad_sym\")(options \"\")(descr \"Symbols of this project (generated by circuitsynth)\"))\n)\n";
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] projectFile(ProjectWriter w, Map<Integer, String> kicadNames) {
        Netlist nl = w.netlist();
        Json j = new Json();
        j.open('{');
        j.key("board").open('{').key("design_settings").open('{');
        j.key("defaults").raw("{}").key("diff_pair_dimensions").raw("[]").key("drc_exclusions").raw("[]");
        j.key("rules").raw("{}").key("track_widths").raw("[]").key("via_dimensions").raw("[]");
        j.close('}').close('}');
        j.key("boards").raw("[]");
        j.key("libraries").open('{').key("pinned_footprint_libs").raw("[]").key("pinned_symbol_libs").raw("[]")
                .close('}');
        j.key("meta").open('{').key("filename").string(w.project() + ".kicad_pro").key("version").raw("3").close('}');
        LinkedHashMap<String, Integer> classes = new LinkedHashMap<>();
        classes.put("Default", Integer.MAX_VALUE);
        for (Net net : nl.nets()) {
            if (!classes.containsKey(net.netClass())) {
                classes.put(net.netClass(), classes.size() - 1);
            }
        }
        j.key("net_settings").open('{').key("classes").open('[');
        for (Map.Entry<String, Integer> c : classes.entrySet()) {
            j.open('{');
            j.key("bus_width").raw("12").key("clearance").raw("0.2").key("diff_pair_gap").raw("0.25");
            j.key("diff_pair_via_gap").raw("0.25").key("diff_pair_width").raw("0.2").key("line_style").raw("0");
            j.key("microvia_diameter").raw("0.3").key("microvia_drill").raw("0.1").key("name").string(c.getKey());
            j.key("pcb_color").string("rgba(0, 0, 0, 0.000)").key("priority").raw(Integer.toString(c.getValue()));
            j.key("schematic_color").string("rgba(0, 0, 0, 0.000)").key("track_width").raw("0.2");
            j.key("via_diameter").raw("0.6").key("via_drill").raw("0.3").key("wire_width").raw("6");
            j.close('}');
        }
        j.close(']');
        j.key("meta").open('{').key("version").raw("4").close('}');
        j.key("net_colors").raw("null").key("netclass_assignments").raw("null");
        j.key("netclass_patterns").open('[');
        for (int g = 0; g < nl.nets().size(); g++) {
            Net net = nl.nets().get(g);
            if (!net.netClass().equals("Default")) {
                j.open('{').key("netclass").string(net.netClass()).key("pattern").string(kicadNames.get(g)).close('}');
            }
        }
        j.close(']');
        j.close('}');
        j.key("pcbnew").open('{').key("page_layout_descr_file").string("").close('}');
        j.key("schematic").open('{').key("legacy_lib_dir").string("").key("legacy_lib_list").raw("[]").close('}');
        j.key("sheets").open('[');
        Map<Integer, String> paths = instancePaths(w);
        for (Sheet s : nl.sheets()) {
            String path = paths.get(s.page() - 1);
            String last = path.substring(path.lastIndexOf('/') + 1);
            j.open('[').string(last).string(s.page() == 1 ? "Root" : s.name()).close(']');
        }
        j.close(']');
        j.key("text_variables").raw("{}");
        j.close('}');
        return j.bytes();
    }

    /** KiCad's JSON layout: two-space indents, one member or element per line, empty ones inline. */
    private static final class Json {
        private final StringBuilder out = new StringBuilder();
        private final List<Boolean> first = new ArrayList<>();
        private boolean afterKey;

        private void separate() {
            if (afterKey) {
                afterKey = false;
                return;
            }
            if (!first.isEmpty()) {
                int top = first.size() - 1;
                if (!first.get(top)) {
                    out.append(',');
                }
                first.set(top, false);
                out.append('\n');
                out.append("  ".repeat(first.size()));
            }
        }

        Json open(char c) {
            separate();
            out.append(c);
            first.add(true);
            return this;
        }

        Json close(char c) {
            boolean empty = first.remove(first.size() - 1);
            if (!empty) {
                out.append('\n').append("  ".repeat(first.size()));
            }
            out.append(c);
            return this;
        }

        Json key(String k) {
            separate();
            quote(k);
            out.append(": ");
            afterKey = true;
            return this;
        }

        Json string(String s) {
            separate();
            quote(s);
            return this;
        }

        Json raw(String s) {
            separate();
            out.append(s);
            return this;
        }

        private void quote(String s) {
            out.append('"');
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                switch (c) {
                    case '"' -> out.append("\\\"");
                    case '\\' -> out.append("\\\\");
                    case '\n' -> out.append("\\n");
                    case '\r' -> out.append("\\r");
                    case '\t' -> out.append("\\t");
                    default -> {
                        if (c < 0x20) {
                            out.append(String.format("\\u%04x", (int) c));
                        } else {
                            out.append(c);
                        }
                    }
                }
            }
            out.append('"');
        }

        byte[] bytes() {
            return (out + "\n").getBytes(StandardCharsets.UTF_8);
        }
    }
}
