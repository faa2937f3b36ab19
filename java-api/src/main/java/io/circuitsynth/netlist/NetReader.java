package io.circuitsynth.netlist;

import io.circuitsynth.io.JavaIoStage;
import io.circuitsynth.io.SexprParseException;
import io.circuitsynth.io.SexprTree;
import io.circuitsynth.netlist.ComponentSpec.Field;
import io.circuitsynth.netlist.ComponentSpec.PinSpec;
import io.circuitsynth.netlist.ComponentSpec.ReferenceKind;
import io.circuitsynth.netlist.InstanceSpec.Binding;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The KiCad {@code .net} reader (specification section 4), Java engine: a netlist KiCad 6 to 10
 * wrote (version "E") becomes a design whose definitions are its sheets.
 *
 * <p>Two steps, as in the Rust twin {@code net_read.rs}: {@code scan} walks the {@code io} stage's
 * tree once in document order and keeps what section 4 reads (so the first fault met is the first
 * one reported, in both engines); {@code build} checks the nets against the components and
 * libparts and lays the result out as definitions. Nothing here depends on a symbol library: the
 * libparts carry the pins, because real designs use project-local libraries.
 */
public final class NetReader {
    /** Past this many pins, "its pins are LIST" shows the first ones and a count. */
    private static final int LISTED_PINS = 50;

    /** The {@code pintype} suffix KiCad writes for a lone pin marked not connected. */
    private static final String NO_CONNECT_SUFFIX = "+no_connect";

    /** Field names that are a component's own members rather than user fields. */
    private static final Set<String> RESERVED_FIELDS =
            Set.of("Reference", "Value", "Footprint", "Datasheet", "Description");

    private NetReader() {}

    /**
     * Reads a {@code .net} into a design.
     *
     * @throws NetlistException with {@code LINE:COLUMN: DETAIL}
     */
    public static Design read(byte[] net) {
        SexprTree parsed;
        try {
            parsed = new JavaIoStage().parse(net, ".net");
        } catch (SexprParseException e) {
            throw new NetlistException(e.line() + ":" + e.column() + ": " + e.detail());
        }
        NetTree tree = new NetTree(parsed);
        NetFile file = scan(tree);
        return build(tree, file);
    }

    /** What the file says, before any cross-checking. */
    private static final class NetFile {
        final Slot source = new Slot();
        final List<SheetRead> sheets = new ArrayList<>();
        final List<CompRead> comps = new ArrayList<>();
        final List<LibpartRead> libparts = new ArrayList<>();
        final List<NetRead> nets = new ArrayList<>();
    }

    private record SheetRead(String path, String tstamps, String file) {}

    private record CompRead(int node, String reference, String value, String footprint, String datasheet,
            String description, List<Field> fields, String[] libsource, boolean dnp, boolean inBom,
            boolean onBoard, String path, List<String> uuids) {}

    private record LibpartRead(String lib, String part, List<PinSpec> pins) {}

    private record NetRead(String name, String netClass, List<NodeRead> nodes) {}

    private record NodeRead(int node, String reference, String pin, String function, String pintype) {}

    /** A one-element holder: the first of repeated elements wins, later ones are not read. */
    private static final class Slot {
        String value;

        void first(NetTree tree, int element) {
            if (value == null) {
                String v = tree.value(element);
                value = v == null ? "" : v;
            }
        }

        String orEmpty() {
            return value == null ? "" : value;
        }
    }

    private static NetFile scan(NetTree tree) {
        int head = tree.tree.firstChild(0);
        if (head == SexprTree.NONE || !tree.isWord(head, "export")) {
            throw tree.fault(0, "expected an export root list, found " + tree.describeRoot());
        }
        // The version decides whether anything else can be understood, so it is checked first.
        NetTree.Element version = null;
        for (NetTree.Element e : tree.elements(0)) {
            if (e.key().equals("version")) {
                version = e;
                break;
            }
        }
        if (version == null) {
            throw tree.fault(0, "missing (version \"E\")");
        }
        String v = tree.value(version.node());
        if (v == null) {
            throw tree.fault(version.node(), "missing (version \"E\")");
        }
        if (!v.equals("E")) {
            int at = tree.second(version.node());
            throw tree.fault(at, "netlist version '" + JsonText.plain(v)
                    + "' is not supported; KiCad 6 to 10 write version \"E\"");
        }
        NetFile file = new NetFile();
        Map<String, Integer> refs = new HashMap<>();
        for (NetTree.Element section : tree.elements(0)) {
            switch (section.key()) {
                case "design":
                    scanDesign(tree, section.node(), file);
                    break;
                case "components":
                    for (NetTree.Element comp : tree.elements(section.node())) {
                        if (comp.key().equals("comp")) {
                            CompRead read = scanComp(tree, comp.node());
                            Integer first = refs.get(read.reference());
                            if (first != null) {
                                throw tree.fault(read.node(), "component " + JsonText.plain(read.reference())
                                        + " is listed twice (first at "
                                        + tree.position(file.comps.get(first).node()) + ")");
                            }
                            refs.put(read.reference(), file.comps.size());
                            file.comps.add(read);
                        }
                    }
                    break;
                case "libparts":
                    for (NetTree.Element libpart : tree.elements(section.node())) {
                        if (libpart.key().equals("libpart")) {
                            file.libparts.add(scanLibpart(tree, libpart.node()));
                        }
                    }
                    break;
                case "nets":
                    for (NetTree.Element net : tree.elements(section.node())) {
                        if (net.key().equals("net")) {
                            file.nets.add(scanNet(tree, net.node()));
                        }
                    }
                    break;
                default:
                    break;
            }
        }
        return file;
    }

    private static void scanDesign(NetTree tree, int design, NetFile file) {
        for (NetTree.Element element : tree.elements(design)) {
            switch (element.key()) {
                case "source":
                    file.source.first(tree, element.node());
                    break;
                case "sheet": {
                    Slot path = new Slot();
                    Slot tstamps = new Slot();
                    Slot sheetFile = new Slot();
                    for (NetTree.Element item : tree.elements(element.node())) {
                        switch (item.key()) {
                            case "name":
                                path.first(tree, item.node());
                                break;
                            case "tstamps":
                                tstamps.first(tree, item.node());
                                break;
                            case "title_block":
                                for (NetTree.Element blockItem : tree.elements(item.node())) {
                                    if (blockItem.key().equals("source")) {
                                        sheetFile.first(tree, blockItem.node());
                                    }
                                }
                                break;
                            default:
                                break;
                        }
                    }
                    // A sheet without a name says nothing a component's sheetpath does not.
                    if (path.value != null) {
                        file.sheets.add(new SheetRead(path.value, tstamps.value, sheetFile.value));
                    }
                    break;
                }
                default:
                    break;
            }
        }
    }

    private static CompRead scanComp(NetTree tree, int comp) {
        Slot reference = new Slot();
        Slot value = new Slot();
        Slot footprint = new Slot();
        Slot datasheet = new Slot();
        Slot description = new Slot();
        List<Field> fields = new ArrayList<>();
        String[] libsource = null;
        boolean dnp = false;
        boolean inBom = true;
        boolean onBoard = true;
        Slot path = new Slot();
        List<String> uuids = null;
        for (NetTree.Element element : tree.elements(comp)) {
            switch (element.key()) {
                case "ref":
                    reference.first(tree, element.node());
                    break;
                case "value":
                    value.first(tree, element.node());
                    break;
                case "footprint":
                    footprint.first(tree, element.node());
                    break;
                case "datasheet":
                    datasheet.first(tree, element.node());
                    break;
                case "description":
                    description.first(tree, element.node());
                    break;
                case "fields":
                    for (NetTree.Element field : tree.elements(element.node())) {
                        if (!field.key().equals("field")) {
                            continue;
                        }
                        Slot name = new Slot();
                        for (NetTree.Element item : tree.elements(field.node())) {
                            if (item.key().equals("name")) {
                                name.first(tree, item.node());
                            }
                        }
                        String fieldName = name.orEmpty();
                        boolean reserved = fieldName.isEmpty() || RESERVED_FIELDS.contains(fieldName);
                        if (!reserved && fields.stream().noneMatch(f -> f.name().equals(fieldName))) {
                            String text = tree.content(field.node());
                            fields.add(new Field(fieldName, text == null ? "" : text));
                        }
                    }
                    break;
                case "libsource":
                    if (libsource == null) {
                        Slot lib = new Slot();
                        Slot part = new Slot();
                        for (NetTree.Element item : tree.elements(element.node())) {
                            switch (item.key()) {
                                case "lib":
                                    lib.first(tree, item.node());
                                    break;
                                case "part":
                                    part.first(tree, item.node());
                                    break;
                                default:
                                    break;
                            }
                        }
                        libsource = new String[] {lib.orEmpty(), part.orEmpty()};
                    }
                    break;
                case "property": {
                    Slot name = new Slot();
                    for (NetTree.Element item : tree.elements(element.node())) {
                        if (item.key().equals("name")) {
                            name.first(tree, item.node());
                        }
                    }
                    if ("dnp".equals(name.value)) {
                        dnp = true;
                    } else if ("exclude_from_bom".equals(name.value)) {
                        inBom = false;
                    } else if ("exclude_from_board".equals(name.value)) {
                        onBoard = false;
                    }
                    break;
                }
                case "sheetpath":
                    for (NetTree.Element item : tree.elements(element.node())) {
                        if (item.key().equals("names")) {
                            path.first(tree, item.node());
                        }
                    }
                    break;
                // KiCad 6 wrote one `tstamp`; KiCad 7 on write `tstamps`, one per placed unit.
                case "tstamps":
                case "tstamp":
                    if (uuids == null) {
                        uuids = tree.values(element.node());
                    }
                    break;
                default:
                    break;
            }
        }
        String ref = reference.orEmpty();
        if (ref.isEmpty()) {
            throw tree.fault(comp, "comp without (ref \"REF\")");
        }
        String v = value.orEmpty();
        return new CompRead(comp, ref, v.equals("~") ? "" : v, footprint.orEmpty(), datasheet.orEmpty(),
                description.orEmpty(), fields, libsource, dnp, inBom, onBoard,
                path.value == null ? "/" : path.value, uuids == null ? List.of() : uuids);
    }

    private static LibpartRead scanLibpart(NetTree tree, int libpart) {
        Slot lib = new Slot();
        Slot part = new Slot();
        List<PinSpec> pins = new ArrayList<>();
        for (NetTree.Element element : tree.elements(libpart)) {
            switch (element.key()) {
                case "lib":
                    lib.first(tree, element.node());
                    break;
                case "part":
                    part.first(tree, element.node());
                    break;
                case "pins":
                    for (NetTree.Element pin : tree.elements(element.node())) {
                        if (!pin.key().equals("pin")) {
                            continue;
                        }
                        Slot number = new Slot();
                        Slot name = new Slot();
                        Slot type = new Slot();
                        for (NetTree.Element item : tree.elements(pin.node())) {
                            switch (item.key()) {
                                case "num":
                                    number.first(tree, item.node());
                                    break;
                                case "name":
                                    name.first(tree, item.node());
                                    break;
                                case "type":
                                    type.first(tree, item.node());
                                    break;
                                default:
                                    break;
                            }
                        }
                        // KiCad writes `(num "")` for pins without a number; only a missing `num`
                        // leaves nothing to connect to.
                        String num = number.value;
                        if (num == null || pins.stream().anyMatch(p -> p.number().equals(num))) {
                            continue;
                        }
                        String pinName = name.orEmpty();
                        pins.add(new PinSpec(num, pinName.equals("~") ? "" : pinName, type.orEmpty(), 0, false));
                    }
                    break;
                default:
                    break;
            }
        }
        if (lib.value == null || part.value == null) {
            throw tree.fault(libpart, "libpart without (lib …) and (part …)");
        }
        return new LibpartRead(lib.value, part.value, pins);
    }

    private static NetRead scanNet(NetTree tree, int net) {
        Slot name = new Slot();
        Slot netClass = new Slot();
        List<NodeRead> nodes = new ArrayList<>();
        for (NetTree.Element element : tree.elements(net)) {
            switch (element.key()) {
                case "name":
                    name.first(tree, element.node());
                    break;
                case "class":
                    netClass.first(tree, element.node());
                    break;
                case "node": {
                    Slot reference = new Slot();
                    Slot pin = new Slot();
                    Slot function = new Slot();
                    Slot pintype = new Slot();
                    for (NetTree.Element item : tree.elements(element.node())) {
                        switch (item.key()) {
                            case "ref":
                                reference.first(tree, item.node());
                                break;
                            case "pin":
                                pin.first(tree, item.node());
                                break;
                            case "pinfunction":
                                function.first(tree, item.node());
                                break;
                            case "pintype":
                                pintype.first(tree, item.node());
                                break;
                            default:
                                break;
                        }
                    }
                    // `(pin "")` is a pin without a number, which KiCad writes for some symbols.
                    if (reference.orEmpty().isEmpty() || pin.value == null) {
                        throw tree.fault(element.node(), "node without (ref \"REF\") and (pin \"PIN\")");
                    }
                    nodes.add(new NodeRead(element.node(), reference.value, pin.value, function.orEmpty(),
                            pintype.orEmpty()));
                    break;
                }
                default:
                    break;
            }
        }
        String netName = name.orEmpty();
        if (netName.isEmpty()) {
            throw tree.fault(net, "net without (name \"NAME\")");
        }
        return new NetRead(netName, netClass.value == null ? "Default" : netClass.value, nodes);
    }

    /** The sheet tree: every path read, its ancestors first, in the order first met. */
    private static final class Sheets {
        final List<String> paths = new ArrayList<>(List.of("/"));
        final List<Integer> parent = new ArrayList<>(List.of(0));
        final List<Integer> depth = new ArrayList<>(List.of(0));
        final List<String> file = new ArrayList<>();
        final List<String> uuid = new ArrayList<>();
        final Map<String, Integer> index = new HashMap<>(Map.of("/", 0));

        Sheets() {
            file.add(null);
            uuid.add(null);
        }

        /**
         * The sheet at {@code path} ({@code /a/b/}, read leniently: empty segments are dropped),
         * registering it and its ancestors when new.
         */
        int register(String path) {
            int at = 0;
            StringBuilder canonical = new StringBuilder("/");
            for (String segment : path.split("/", -1)) {
                if (segment.isEmpty()) {
                    continue;
                }
                canonical.append(segment).append('/');
                String key = canonical.toString();
                Integer known = index.get(key);
                if (known != null) {
                    at = known;
                } else {
                    int i = paths.size();
                    paths.add(key);
                    parent.add(at);
                    depth.add(depth.get(at) + 1);
                    file.add(null);
                    uuid.add(null);
                    index.put(key, i);
                    at = i;
                }
            }
            return at;
        }

        /** The sheet name: the last segment of its path. */
        String name(int sheet) {
            String path = paths.get(sheet);
            String inner = path.substring(0, path.length() - 1);
            return inner.substring(inner.lastIndexOf('/') + 1);
        }

        /** The deepest sheet holding both. */
        int common(int a, int b) {
            while (depth.get(a) > depth.get(b)) {
                a = parent.get(a);
            }
            while (depth.get(b) > depth.get(a)) {
                b = parent.get(b);
            }
            while (a != b) {
                a = parent.get(a);
                b = parent.get(b);
            }
            return a;
        }
    }

    /** A file name without its folders and without {@code .kicad_sch}. */
    private static String stem(String file) {
        String name = file.substring(Math.max(file.lastIndexOf('/'), file.lastIndexOf('\\')) + 1);
        return name.endsWith(".kicad_sch") ? name.substring(0, name.length() - ".kicad_sch".length()) : name;
    }

    /** {@code 1, 2/A, …} as section 2.2 lists a component's pins. */
    private static String pinList(List<PinSpec> pins) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < Math.min(pins.size(), LISTED_PINS); i++) {
            PinSpec pin = pins.get(i);
            if (i > 0) {
                out.append(", ");
            }
            out.append(JsonText.plain(pin.number()));
            if (!pin.name().isEmpty() && !pin.name().equals(pin.number())) {
                out.append('/').append(JsonText.plain(pin.name()));
            }
        }
        if (pins.size() > LISTED_PINS) {
            out.append(", … and ").append(pins.size() - LISTED_PINS).append(" more");
        }
        return out.toString();
    }

    /** A net after same-named {@code net} elements are joined (KiCad keys nets by name). */
    private record JoinedNet(String name, String netClass, List<Integer> comps, List<String> pins) {}

    /** A definition while it is laid out. */
    private static final class DefinitionDraft {
        final String name;
        final List<String> ports = new ArrayList<>();
        final List<ComponentSpec> components = new ArrayList<>();
        final List<NetDraft> nets = new ArrayList<>();
        final List<PinRef> noConnects = new ArrayList<>();
        final List<InstanceDraft> instances = new ArrayList<>();

        DefinitionDraft(String name) {
            this.name = name;
        }

        Definition done() {
            List<NetSpec> netSpecs = new ArrayList<>();
            for (NetDraft n : nets) {
                netSpecs.add(new NetSpec(n.name, null, NetSpec.Power.AUTO, n.netClass, n.nodes, true, null));
            }
            List<InstanceSpec> instanceSpecs = new ArrayList<>();
            for (InstanceDraft i : instances) {
                instanceSpecs.add(new InstanceSpec(i.name, i.definition, i.bindings, null));
            }
            return new Definition(name, ports, components, netSpecs, noConnects, instanceSpecs, null);
        }
    }

    private record NetDraft(String name, String netClass, List<PinRef> nodes) {}

    private record InstanceDraft(String name, String definition, List<Binding> bindings) {}

    private static Design build(NetTree tree, NetFile file) {
        Map<String, Integer> compIndex = new HashMap<>();
        for (int i = 0; i < file.comps.size(); i++) {
            compIndex.put(file.comps.get(i).reference(), i);
        }
        Map<List<String>, LibpartRead> libparts = new HashMap<>();
        for (LibpartRead libpart : file.libparts) {
            libparts.putIfAbsent(List.of(libpart.lib(), libpart.part()), libpart);
        }
        List<List<PinSpec>> libraryPins = new ArrayList<>();
        for (CompRead c : file.comps) {
            LibpartRead libpart = c.libsource() == null ? null : libparts.get(List.of(c.libsource()));
            libraryPins.add(libpart == null || libpart.pins().isEmpty() ? null : libpart.pins());
        }

        // Nets against components and libparts, in file order.
        List<List<PinSpec>> nodePins = new ArrayList<>();
        for (int i = 0; i < file.comps.size(); i++) {
            nodePins.add(new ArrayList<>());
        }
        List<Integer> noConnectComps = new ArrayList<>();
        List<String> noConnectPins = new ArrayList<>();
        List<JoinedNet> joined = new ArrayList<>();
        Map<String, Integer> netIndex = new HashMap<>();
        // (component, pin) -> {joined net, its first node}.
        Map<List<Object>, int[]> pinNet = new HashMap<>();
        for (NetRead net : file.nets) {
            Integer known = netIndex.get(net.name());
            int k;
            if (known != null) {
                k = known;
            } else {
                joined.add(new JoinedNet(net.name(), net.netClass(), new ArrayList<>(), new ArrayList<>()));
                k = joined.size() - 1;
                netIndex.put(net.name(), k);
            }
            for (NodeRead node : net.nodes()) {
                Integer c = compIndex.get(node.reference());
                if (c == null) {
                    throw tree.fault(node.node(), "net " + JsonText.plain(net.name()) + ": node refers to "
                            + JsonText.plain(node.reference()) + ", which is not in the components section");
                }
                List<PinSpec> pins = libraryPins.get(c);
                if (pins != null) {
                    if (pins.stream().noneMatch(p -> p.number().equals(node.pin()))) {
                        String[] libsource = file.comps.get(c).libsource();
                        throw tree.fault(node.node(), "net " + JsonText.plain(net.name()) + ": component "
                                + JsonText.plain(node.reference()) + " (" + JsonText.plain(libsource[0]) + ":"
                                + JsonText.plain(libsource[1]) + ") has no pin \"" + JsonText.plain(node.pin())
                                + "\"; its pins are " + pinList(pins));
                    }
                } else if (nodePins.get(c).stream().noneMatch(p -> p.number().equals(node.pin()))) {
                    String type = node.pintype().endsWith(NO_CONNECT_SUFFIX)
                            ? node.pintype().substring(0, node.pintype().length() - NO_CONNECT_SUFFIX.length())
                            : node.pintype();
                    nodePins.get(c).add(new PinSpec(node.pin(), node.function(), type, 0, false));
                }
                List<Object> key = List.of(c, node.pin());
                int[] earlier = pinNet.get(key);
                if (earlier != null) {
                    if (earlier[0] != k) {
                        throw tree.fault(node.node(), "pin " + JsonText.plain(node.reference()) + "."
                                + JsonText.plain(node.pin()) + " is in two nets: "
                                + JsonText.plain(joined.get(earlier[0]).name()) + " (at "
                                + tree.position(earlier[1]) + ") and " + JsonText.plain(net.name()));
                    }
                    continue;
                }
                pinNet.put(key, new int[] {k, node.node()});
                joined.get(k).comps().add(c);
                joined.get(k).pins().add(node.pin());
                if (net.nodes().size() == 1 && node.pintype().endsWith(NO_CONNECT_SUFFIX)) {
                    noConnectComps.add(c);
                    noConnectPins.add(node.pin());
                }
            }
        }

        // The sheet tree, from the design's sheets and then the components' sheetpaths.
        Sheets sheets = new Sheets();
        for (SheetRead sheet : file.sheets) {
            int s = sheets.register(sheet.path());
            if (sheets.file.get(s) == null) {
                sheets.file.set(s, sheet.file());
            }
            if (sheets.uuid.get(s) == null && s != 0 && sheet.tstamps() != null) {
                // `/A/B/`: the sheet's own UUID is the last; its ancestors carry the others.
                String last = null;
                for (String u : sheet.tstamps().split("/", -1)) {
                    if (!u.isEmpty()) {
                        last = u;
                    }
                }
                sheets.uuid.set(s, last);
            }
        }
        int[] compSheet = new int[file.comps.size()];
        for (int c = 0; c < file.comps.size(); c++) {
            compSheet[c] = sheets.register(file.comps.get(c).path());
        }

        String source = file.source.value;
        String project = source == null || stem(source).isEmpty() ? "netlist" : stem(source);
        // Definition names are sheet file names, which the schematic writer turns back into files;
        // a file placed twice becomes two definitions (their references differ), told apart by `_N`.
        List<String> names = new ArrayList<>(List.of(project));
        for (int s = 1; s < sheets.paths.size(); s++) {
            String sheetFile = sheets.file.get(s);
            String base = sheetFile != null && !stem(sheetFile).isEmpty() ? stem(sheetFile) : sheets.name(s);
            String name = base;
            for (int n = 2; names.contains(name); n++) {
                name = base + "_" + n;
            }
            names.add(name);
        }
        List<DefinitionDraft> definitions = new ArrayList<>();
        for (String name : names) {
            definitions.add(new DefinitionDraft(name));
        }
        // Sheet s (not the root) is instance instanceAt[s] of its parent.
        int[] instanceAt = new int[sheets.paths.size()];
        for (int s = 1; s < sheets.paths.size(); s++) {
            DefinitionDraft parent = definitions.get(sheets.parent.get(s));
            instanceAt[s] = parent.instances.size();
            parent.instances.add(new InstanceDraft(sheets.name(s), names.get(s), new ArrayList<>()));
        }

        for (int c = 0; c < file.comps.size(); c++) {
            CompRead comp = file.comps.get(c);
            List<PinSpec> pins = libraryPins.get(c) != null ? libraryPins.get(c) : nodePins.get(c);
            String symbol = comp.libsource() == null ? "" : comp.libsource()[0] + ":" + comp.libsource()[1];
            definitions.get(compSheet[c]).components.add(new ComponentSpec(comp.reference(), symbol,
                    ReferenceKind.ABSOLUTE, comp.reference(), comp.value(), comp.footprint(), comp.datasheet(),
                    comp.description(), comp.fields(), comp.dnp(), comp.inBom(), comp.onBoard(), pins,
                    comp.uuids(), null));
        }

        // Each net lives in the deepest sheet holding all its pins; every sheet below that on the way
        // to a pin gets a port of the net's name, bound to the same name one level up.
        for (JoinedNet net : joined) {
            int owner = 0;
            for (int i = 0; i < net.comps().size(); i++) {
                int s = compSheet[net.comps().get(i)];
                owner = i == 0 ? s : sheets.common(owner, s);
            }
            // Sheet -> its fragment of this net.
            Map<Integer, NetDraft> local = new HashMap<>();
            Set<Integer> ported = new HashSet<>();
            local.put(owner, fragment(definitions.get(owner), net));
            for (int i = 0; i < net.comps().size(); i++) {
                int c = net.comps().get(i);
                int s = compSheet[c];
                NetDraft at = local.get(s);
                if (at == null) {
                    at = fragment(definitions.get(s), net);
                    local.put(s, at);
                }
                at.nodes().add(new PinRef(file.comps.get(c).reference(), net.pins().get(i), 0, null));
                int up = s;
                while (up != owner && ported.add(up)) {
                    definitions.get(up).ports.add(net.name());
                    int parent = sheets.parent.get(up);
                    definitions.get(parent).instances.get(instanceAt[up]).bindings()
                            .add(new Binding(net.name(), net.name()));
                    up = parent;
                }
            }
        }
        for (int i = 0; i < noConnectComps.size(); i++) {
            int c = noConnectComps.get(i);
            definitions.get(compSheet[c]).noConnects
                    .add(new PinRef(file.comps.get(c).reference(), noConnectPins.get(i), 0, null));
        }

        List<Design.SheetUuid> sheetUuids = new ArrayList<>();
        for (int s = 1; s < sheets.paths.size(); s++) {
            if (sheets.uuid.get(s) != null) {
                sheetUuids.add(new Design.SheetUuid(sheets.paths.get(s), sheets.uuid.get(s)));
            }
        }
        List<Definition> done = new ArrayList<>();
        for (DefinitionDraft d : definitions) {
            done.add(d.done());
        }
        return new Design(project, project, done, sheetUuids);
    }

    private static NetDraft fragment(DefinitionDraft definition, JoinedNet net) {
        NetDraft draft = new NetDraft(net.name(), net.netClass(), new ArrayList<>());
        definition.nets.add(draft);
        return draft;
    }
}
