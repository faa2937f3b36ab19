package io.circuitsynth.netlist;

import io.circuitsynth.netlist.ComponentSpec.ReferenceKind;
import io.circuitsynth.netlist.Netlist.Component;
import io.circuitsynth.netlist.Netlist.Field;
import io.circuitsynth.netlist.Netlist.Library;
import io.circuitsynth.netlist.Netlist.Net;
import io.circuitsynth.netlist.Netlist.NetSheet;
import io.circuitsynth.netlist.Netlist.Part;
import io.circuitsynth.netlist.Netlist.Pin;
import io.circuitsynth.netlist.Netlist.PinAt;
import io.circuitsynth.netlist.Netlist.Sheet;
import io.circuitsynth.symbols.ElectricalType;
import io.circuitsynth.symbols.Symbol;
import io.circuitsynth.symbols.SymbolIndex;
import io.circuitsynth.symbols.SymbolPin;
import io.circuitsynth.symbols.SymbolProperty;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Finalize (specification section 2), Java engine.
 *
 * <p>The steps run in the specification's order and stop at the first error: 2.1 flattens the
 * hierarchy into sheet instances, 2.2 resolves every reachable definition's pins and nodes into
 * local nets ("slots"), 2.3 checks the port bindings and merges slots of all sheets with one
 * union-find, 2.4 numbers references and 2.5 names the merged nets. Everything per sheet
 * instance is an array indexed by (sheet, slot) or (component, pin); maps of strings are only
 * built per definition. The Rust twin is {@code circuitsynth_netlist::finalize}.
 */
public final class Finalizer {
    private Finalizer() {}

    private static final int NONE = -1;

    /**
     * Flattens, resolves pins, merges nets through ports, numbers references and names nets.
     *
     * @throws NetlistException with the specification's one-line message
     */
    public static Netlist finalize(Design design, SymbolIndex symbols) {
        Map<String, Integer> byName = definitionsByName(design);
        List<SheetInfo> sheets = flatten(design, byName);
        int[] reachable = reachableDefinitions(design, sheets);
        PartTable parts = new PartTable();
        DefData[] defs = new DefData[design.definitions().size()];
        for (int d : reachable) {
            defs[d] = resolveDefinition(design.definitions().get(d), symbols, parts);
        }
        for (int d = 0; d < defs.length; d++) {
            if (defs[d] == null) {
                defs[d] = new DefData();
            }
        }
        Layout layout = new Layout(design, sheets, defs);
        UnionFind union = new UnionFind(layout.slotCount);
        connectPorts(design, sheets, defs, layout, union);
        int[] roots = mergePower(sheets, defs, layout, union);
        String[] references = numberReferences(design, sheets, reachable, layout.compBase);
        return assemble(design, symbols, sheets, defs, parts, layout, roots, references);
    }

    /**
     * The reference finalize gives every component (specification section 2.4), in the order of
     * {@link Netlist#components()}: page order, then component order. Only the hierarchy and the
     * references are checked, so a design whose symbols or nets finalize refuses still gets its
     * references here; every error it throws is the one finalize throws. The Rust twin is
     * {@code finalize::references}.
     *
     * @throws NetlistException for a hierarchy or a reference finalize refuses
     */
    public static List<String> references(Design design) {
        Map<String, Integer> byName = definitionsByName(design);
        List<SheetInfo> sheets = flatten(design, byName);
        int[] reachable = reachableDefinitions(design, sheets);
        int[] compBase = new int[sheets.size()];
        int count = 0;
        for (int s = 0; s < sheets.size(); s++) {
            compBase[s] = count;
            count += design.definitions().get(sheets.get(s).def()).components().size();
        }
        return List.of(numberReferences(design, sheets, reachable, compBase));
    }

    /** User text as messages show it: control characters escaped, so a message is one line. */
    private static String plain(String text) {
        return JsonText.plain(text);
    }

    private static String joinPlain(List<String> texts) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < texts.size(); i++) {
            out.append(i > 0 ? ", " : "").append(plain(texts.get(i)));
        }
        return out.toString();
    }

    private static NetlistException at(String origin, String message) {
        return new NetlistException(origin == null ? message : origin + ": " + message);
    }

    private static Map<String, Integer> definitionsByName(Design design) {
        Map<String, Integer> map = new HashMap<>();
        for (int i = 0; i < design.definitions().size(); i++) {
            map.putIfAbsent(design.definitions().get(i).name(), i);
        }
        return map;
    }

    /** A sheet instance while finalizing. */
    private record SheetInfo(int def, int parent, int instance, int depth, String name, String path) {}

    // ---- 2.1 Flattening ----

    private static List<SheetInfo> flatten(Design design, Map<String, Integer> byName) {
        Integer root = byName.get(design.root());
        if (root == null) {
            throw new NetlistException("the root definition " + plain(design.root())
                    + " is not one of the design's definitions");
        }
        Definition rootDef = design.definitions().get(root);
        if (!rootDef.ports().isEmpty()) {
            throw at(rootDef.origin(), "the root definition " + plain(rootDef.name()) + " cannot have ports");
        }
        int n = design.definitions().size();
        boolean[] checked = new boolean[n];
        boolean[] onPath = new boolean[n];
        List<SheetInfo> sheets = new ArrayList<>();
        sheets.add(new SheetInfo(root, NONE, NONE, 0, "", "/"));
        // (sheet, next instance to expand); the definitions on the stack form the current chain.
        List<int[]> stack = new ArrayList<>();
        stack.add(new int[] {0, 0});
        onPath[root] = true;
        while (!stack.isEmpty()) {
            int[] top = stack.get(stack.size() - 1);
            int sheet = top[0];
            int def = sheets.get(sheet).def();
            Definition definition = design.definitions().get(def);
            if (top[1] == 0 && !checked[def]) {
                checkInstances(definition, byName);
                checked[def] = true;
            }
            if (top[1] == definition.instances().size()) {
                onPath[def] = false;
                stack.remove(stack.size() - 1);
                continue;
            }
            int k = top[1]++;
            InstanceSpec instance = definition.instances().get(k);
            int child = byName.get(instance.definition());
            if (onPath[child]) {
                int from = 0;
                while (sheets.get(stack.get(from)[0]).def() != child) {
                    from++;
                }
                List<String> through = new ArrayList<>();
                for (int i = from + 1; i < stack.size(); i++) {
                    through.add(plain(design.definitions().get(sheets.get(stack.get(i)[0]).def()).name()));
                }
                through.add(plain(design.definitions().get(child).name()));
                throw at(instance.origin(), "definition " + plain(design.definitions().get(child).name())
                        + " instantiates itself through " + String.join(" -> ", through));
            }
            SheetInfo parent = sheets.get(sheet);
            sheets.add(new SheetInfo(child, sheet, k, parent.depth() + 1, instance.name(),
                    parent.path() + instance.name() + "/"));
            onPath[child] = true;
            stack.add(new int[] {sheets.size() - 1, 0});
        }
        return sheets;
    }

    private static void checkInstances(Definition definition, Map<String, Integer> byName) {
        Set<String> seen = new HashSet<>();
        for (InstanceSpec instance : definition.instances()) {
            if (!byName.containsKey(instance.definition())) {
                throw at(instance.origin(), "instance " + plain(instance.name()) + " in definition "
                        + plain(definition.name()) + ": no definition called " + plain(instance.definition()));
            }
            if (!seen.add(instance.name())) {
                throw at(instance.origin(), "instance " + plain(instance.name()) + " appears twice in definition "
                        + plain(definition.name()) + "; sheet names must be unique among siblings");
            }
            if (instance.name().contains("/")) {
                throw at(instance.origin(), "instance name '" + plain(instance.name()) + "' in definition "
                        + plain(definition.name()) + " contains '/'");
            }
            if (instance.name().isEmpty()) {
                throw at(instance.origin(), "an instance of " + plain(instance.definition()) + " in definition "
                        + plain(definition.name()) + " has an empty name");
            }
        }
    }

    /** Definitions that have a sheet instance, in definition order. */
    private static int[] reachableDefinitions(Design design, List<SheetInfo> sheets) {
        boolean[] used = new boolean[design.definitions().size()];
        for (SheetInfo s : sheets) {
            used[s.def()] = true;
        }
        int count = 0;
        for (boolean u : used) {
            count += u ? 1 : 0;
        }
        int[] reachable = new int[count];
        int k = 0;
        for (int d = 0; d < used.length; d++) {
            if (used[d]) {
                reachable[k++] = d;
            }
        }
        return reachable;
    }

    // ---- 2.2 Pins and nodes ----

    /** What a local net of a definition is. */
    private enum SlotKind {
        /** A port (and any net of its name). */
        PORT,
        /** Nets with a name (all nets of one name are one slot). */
        NAMED,
        /** One unnamed net. */
        UNNAMED,
        /** A global power net that only hidden power pins join. */
        POWER,
        /** A pin in no net. */
        LONE
    }

    /** A local net of a definition. */
    private static final class Slot {
        final SlotKind kind;
        /** The port, net or power name; empty for unnamed and lone slots. */
        final String name;
        boolean power;
        final boolean absolute;
        String netClass;
        /** The first net of the definition in this slot, {@code NONE} if none. */
        int net;

        Slot(SlotKind kind, String name, boolean power, boolean absolute, String netClass, int net) {
            this.kind = kind;
            this.name = name;
            this.power = power;
            this.absolute = absolute;
            this.netClass = netClass;
            this.net = net;
        }
    }

    /** A definition's resolved components and local nets, shared by all its sheet instances. */
    private static final class DefData {
        int[] compPart = new int[0];
        int[] compPinBase = new int[0];
        int pinCount;
        final List<Slot> slots = new ArrayList<>();
        int[] pinSlot = new int[0];
        /** Net names and port names → slot. */
        final Map<String, Integer> slotByName = new HashMap<>();
        /** Net ids → slot. */
        final Map<String, Integer> slotById = new HashMap<>();
        /** Pins marked no-connect as (component, pin), in mark order, each once. */
        final List<int[]> noConnectPins = new ArrayList<>();
        boolean[] noConnectMarked = new boolean[0];
    }

    /** The net's name in messages: its name, else its id, else {@code #k}. */
    private static String netLabel(Definition definition, int k) {
        NetSpec net = definition.nets().get(k);
        if (net.name() != null) {
            return plain(net.name());
        }
        return net.id() != null ? plain(net.id()) : "#" + k;
    }

    /** Parts by symbol id, so every component of a library symbol shares one. */
    /**
     * Parts by symbol id, so every component of a library symbol shares one. Components that give
     * a symbol found in no library the same pin table and reference prefix share one part too
     * (every component of a {@code .net} read without its libraries gives its libpart's table), so
     * a design has one box symbol per distinct table.
     */
    private static final class PartTable {
        final List<Part> parts = new ArrayList<>();
        final Map<String, Integer> bySymbol = new HashMap<>();
        final Map<TableKey, Integer> byTable = new HashMap<>();
    }

    /** What a part made from a pin table depends on: the symbol id, the reference prefix and the table. */
    private record TableKey(String symbol, String prefix, List<ComponentSpec.PinSpec> table) {
    }

    /** The reference prefix a part made from {@code component}'s pin table carries. */
    private static String tablePrefix(ComponentSpec component) {
        return component.referenceKind() == ReferenceKind.PREFIX
                ? component.reference()
                : splitReference(component.reference())[0];
    }

    private static String[] splitSymbol(String symbol) {
        int colon = symbol.indexOf(':');
        return colon < 0 ? new String[] {"", symbol} : new String[] {symbol.substring(0, colon), symbol.substring(colon + 1)};
    }

    private static DefData resolveDefinition(Definition definition, SymbolIndex symbols, PartTable parts) {
        DefData data = new DefData();
        int componentCount = definition.components().size();
        Map<String, Integer> compById = new HashMap<>();
        data.compPart = new int[componentCount];
        data.compPinBase = new int[componentCount];
        for (int i = 0; i < componentCount; i++) {
            ComponentSpec c = definition.components().get(i);
            compById.putIfAbsent(c.id(), i);
            int part = resolvePart(definition, c, symbols, parts);
            data.compPart[i] = part;
            data.compPinBase[i] = data.pinCount;
            data.pinCount += parts.parts.get(part).pins().size();
        }
        data.pinSlot = new int[data.pinCount];
        Arrays.fill(data.pinSlot, NONE);
        data.noConnectMarked = new boolean[data.pinCount];

        for (String port : definition.ports()) {
            int slot = data.slots.size();
            data.slots.add(new Slot(SlotKind.PORT, port, false, false, "Default", NONE));
            data.slotByName.putIfAbsent(port, slot);
        }
        int netCount = definition.nets().size();
        int[] netSlot = new int[netCount];
        for (int k = 0; k < netCount; k++) {
            NetSpec net = definition.nets().get(k);
            int slot;
            if (net.name() != null) {
                Integer existing = data.slotByName.get(net.name());
                if (existing != null) {
                    slot = existing;
                    Slot s = data.slots.get(slot);
                    // A port is a power net only when a net of its name says so outright:
                    // port names are hierarchical labels, whatever they look like.
                    if (s.kind == SlotKind.PORT && net.power() == NetSpec.Power.YES) {
                        s.power = true;
                    }
                    if (s.net == NONE) {
                        s.net = k;
                        s.netClass = net.netClass();
                    }
                } else {
                    slot = data.slots.size();
                    boolean power = switch (net.power()) {
                        case YES -> true;
                        case NO -> false;
                        case AUTO -> NetNames.isPowerName(net.name());
                    };
                    data.slots.add(new Slot(SlotKind.NAMED, net.name(), power, net.absolute(), net.netClass(), k));
                    data.slotByName.put(net.name(), slot);
                }
            } else {
                slot = data.slots.size();
                data.slots.add(new Slot(SlotKind.UNNAMED, "", false, false, net.netClass(), k));
            }
            if (net.id() != null) {
                data.slotById.putIfAbsent(net.id(), slot);
            }
            netSlot[k] = slot;
        }

        // Nodes: each selected pin joins its net's slot.
        int[] firstNet = new int[data.pinCount];
        Arrays.fill(firstNet, NONE);
        int[] slotPins = new int[data.slots.size()];
        List<int[]> selected = new ArrayList<>(netCount);
        List<Integer> scratch = new ArrayList<>();
        for (int k = 0; k < netCount; k++) {
            NetSpec net = definition.nets().get(k);
            int slot = netSlot[k];
            int[] netPins = new int[8];
            int netPinCount = 0;
            for (PinRef node : net.nodes()) {
                String origin = node.origin() != null ? node.origin() : net.origin();
                Integer c = compById.get(node.component());
                if (c == null) {
                    throw at(origin, "net " + netLabel(definition, k) + " in definition " + plain(definition.name())
                            + ": no component \"" + plain(node.component()) + "\"");
                }
                Part part = parts.parts.get(data.compPart[c]);
                selectPins(part, node.pin(), node.unit(), scratch);
                if (scratch.isEmpty()) {
                    throw at(origin, noPinMessage(definition, c, part, node.pin(), node.unit()));
                }
                ComponentSpec component = definition.components().get(c);
                for (int p : scratch) {
                    Pin pin = part.pins().get(p);
                    int flat = data.compPinBase[c] + p;
                    String powerNet = pin.implicitPowerNet(part);
                    if (powerNet != null) {
                        Slot s = data.slots.get(slot);
                        if (!(s.power && s.name.equals(powerNet))) {
                            throw at(origin, "pin " + plain(component.id()) + "." + plain(pin.number()) + " ("
                                    + plain(pin.name()) + ") is a hidden power pin that KiCad connects to "
                                    + plain(powerNet)
                                    + "; it cannot join net " + netLabel(definition, k));
                        }
                    }
                    int current = data.pinSlot[flat];
                    if (current == NONE) {
                        data.pinSlot[flat] = slot;
                        firstNet[flat] = k;
                        slotPins[slot]++;
                    } else if (current != slot) {
                        throw at(origin, "pin " + plain(component.id()) + "." + plain(pin.number())
                                + " is in two nets: " + netLabel(definition, firstNet[flat]) + " and "
                                + netLabel(definition, k));
                    }
                    if (netPinCount == netPins.length) {
                        netPins = Arrays.copyOf(netPins, netPinCount * 2);
                    }
                    netPins[netPinCount++] = flat;
                }
            }
            selected.add(Arrays.copyOf(netPins, netPinCount));
        }
        int[][] owners = pinOwners(data);
        for (int k = 0; k < netCount; k++) {
            for (int flat : selected.get(k)) {
                int c = owners[0][flat];
                int p = owners[1][flat];
                Pin pin = parts.parts.get(data.compPart[c]).pins().get(p);
                if (pin.type() == ElectricalType.NO_CONNECT && slotPins[data.pinSlot[flat]] > 1) {
                    throw at(definition.nets().get(k).origin(), "pin " + plain(definition.components().get(c).id())
                            + "." + plain(pin.number()) + " has electrical type no_connect and cannot join net "
                            + netLabel(definition, k));
                }
            }
        }
        for (PinRef mark : definition.noConnects()) {
            Integer c = compById.get(mark.component());
            if (c == null) {
                throw at(mark.origin(), "no-connect in definition " + plain(definition.name()) + ": no component \""
                        + plain(mark.component()) + "\"");
            }
            Part part = parts.parts.get(data.compPart[c]);
            selectPins(part, mark.pin(), mark.unit(), scratch);
            if (scratch.isEmpty()) {
                throw at(mark.origin(), noPinMessage(definition, c, part, mark.pin(), mark.unit()));
            }
            for (int p : scratch) {
                int flat = data.compPinBase[c] + p;
                int slot = data.pinSlot[flat];
                if (slot != NONE && slotPins[slot] > 1) {
                    throw at(mark.origin(), "pin " + plain(definition.components().get(c).id()) + "."
                            + plain(part.pins().get(p).number()) + " is marked no-connect but is connected to net "
                            + netLabel(definition, firstNet[flat]));
                }
                if (!data.noConnectMarked[flat]) {
                    data.noConnectMarked[flat] = true;
                    data.noConnectPins.add(new int[] {c, p});
                }
            }
        }

        // Pins in no net: hidden power pins join their power net, the others are nets of their own.
        Map<String, Integer> powerSlot = new HashMap<>();
        for (int c = 0; c < componentCount; c++) {
            Part part = parts.parts.get(data.compPart[c]);
            for (int p = 0; p < part.pins().size(); p++) {
                int flat = data.compPinBase[c] + p;
                if (data.pinSlot[flat] != NONE) {
                    continue;
                }
                String name = part.pins().get(p).implicitPowerNet(part);
                int slot;
                if (name != null) {
                    Integer existing = data.slotByName.get(name);
                    if (existing == null || !data.slots.get(existing).power) {
                        existing = powerSlot.get(name);
                    }
                    if (existing != null) {
                        slot = existing;
                    } else {
                        slot = data.slots.size();
                        data.slots.add(new Slot(SlotKind.POWER, name, true, false, "Default", NONE));
                        powerSlot.put(name, slot);
                    }
                } else {
                    slot = data.slots.size();
                    data.slots.add(new Slot(SlotKind.LONE, "", false, false, "Default", NONE));
                }
                data.pinSlot[flat] = slot;
            }
        }
        return data;
    }

    /** For every pin of a definition, its component ({@code [0]}) and its index in the component's part ({@code [1]}). */
    private static int[][] pinOwners(DefData data) {
        int[] comp = new int[data.pinCount];
        int[] index = new int[data.pinCount];
        for (int c = 0; c < data.compPinBase.length; c++) {
            int start = data.compPinBase[c];
            int end = c + 1 < data.compPinBase.length ? data.compPinBase[c + 1] : data.pinCount;
            for (int flat = start; flat < end; flat++) {
                comp[flat] = c;
                index[flat] = flat - start;
            }
        }
        return new int[][] {comp, index};
    }

    /**
     * The pins {@code selector} picks: the pin with that number, else every pin of that name (within
     * {@code unit} when it is not 0).
     */
    private static void selectPins(Part part, String selector, int unit, List<Integer> out) {
        out.clear();
        Integer p = part.byNumber().get(selector);
        if (p != null) {
            out.add(p);
            return;
        }
        if (selector.isEmpty()) {
            return;
        }
        for (int i = 0; i < part.pins().size(); i++) {
            Pin pin = part.pins().get(i);
            if (pin.name().equals(selector) && (unit == 0 || pin.unit() == unit)) {
                out.add(i);
            }
        }
    }

    private static String noPinMessage(Definition definition, int c, Part part, String selector, int unit) {
        ComponentSpec component = definition.components().get(c);
        StringBuilder message = new StringBuilder();
        message.append("component ").append(plain(component.id())).append(" of ").append(plain(definition.name()))
                .append(" (").append(plain(component.symbol())).append(") has no pin \"").append(plain(selector))
                .append('"');
        if (unit != 0) {
            message.append(" in unit ").append(Integer.toUnsignedString(unit));
        }
        message.append("; ");
        if (part.pins().isEmpty()) {
            return message.append("it has no pins").toString();
        }
        message.append("its pins are ");
        final int shown = 50;
        int[] order = part.libpartOrder();
        for (int i = 0; i < Math.min(shown, order.length); i++) {
            Pin pin = part.pins().get(order[i]);
            if (i > 0) {
                message.append(", ");
            }
            message.append(plain(pin.number()));
            if (!pin.name().isEmpty() && !pin.name().equals(pin.number())) {
                message.append('/').append(plain(pin.name()));
            }
        }
        if (part.pins().size() > shown) {
            message.append(", … and ").append(part.pins().size() - shown).append(" more");
        }
        return message.toString();
    }

    private static int resolvePart(Definition definition, ComponentSpec component, SymbolIndex symbols,
            PartTable parts) {
        Integer known = parts.bySymbol.get(component.symbol());
        if (known != null) {
            return known;
        }
        String[] split = splitSymbol(component.symbol());
        String lib = split[0];
        String name = split[1];
        Optional<Symbol> found = component.symbol().contains(":") ? symbols.lookup(lib, name) : Optional.empty();
        if (found.isPresent()) {
            int index = parts.parts.size();
            parts.parts.add(partFromSymbol(lib, name, found.get()));
            parts.bySymbol.put(component.symbol(), index);
            return index;
        }
        if (component.pins() == null) {
            List<String> suggestions = symbols.suggestions(lib, name);
            StringBuilder message = new StringBuilder("unknown symbol ").append(plain(component.symbol()));
            if (!suggestions.isEmpty()) {
                message.append("; did you mean ").append(joinPlain(suggestions));
            }
            throw at(component.origin(), message.toString());
        }
        TableKey key = new TableKey(component.symbol(), tablePrefix(component), component.pins());
        Integer shared = parts.byTable.get(key);
        if (shared != null) {
            return shared;
        }
        int index = parts.parts.size();
        parts.parts.add(partFromTable(definition, component, lib, name, component.pins()));
        parts.byTable.put(key, index);
        return index;
    }

    private static Part partFromSymbol(String lib, String name, Symbol symbol) {
        List<Pin> pins = new ArrayList<>(symbol.pins().size());
        Map<String, Integer> byNumber = new HashMap<>();
        for (SymbolPin pin : symbol.pins()) {
            if (pin.bodyStyle() > 1 || byNumber.containsKey(pin.number())) {
                continue;
            }
            byNumber.put(pin.number(), pins.size());
            pins.add(new Pin(pin.number(), pin.name().equals("~") ? "" : pin.name(), pin.type(), pin.unit(),
                    pin.hidden(), false, false));
        }
        List<Field> fields = new ArrayList<>();
        fields.add(new Field("Reference", symbol.referencePrefix()));
        fields.add(new Field("Value", symbol.value()));
        fields.add(new Field("Footprint", symbol.footprint()));
        fields.add(new Field("Datasheet", symbol.datasheet()));
        fields.add(new Field("Description", symbol.description()));
        for (SymbolProperty p : symbol.properties()) {
            String key = p.key();
            boolean standard = key.equals("Reference") || key.equals("Value") || key.equals("Footprint")
                    || key.equals("Datasheet") || key.equals("Description");
            if (!standard && !key.startsWith("ki_")) {
                fields.add(new Field(key, p.value()));
            }
        }
        return finishPart(lib, name, true, symbol.description(), symbol.datasheet(),
                String.join(" ", symbol.keywords()), symbol.footprintFilters(), fields, pins,
                Math.max(symbol.unitCount(), 1), symbol.power(), byNumber);
    }

    private static Part partFromTable(Definition definition, ComponentSpec component, String lib, String name,
            List<ComponentSpec.PinSpec> table) {
        List<Pin> pins = new ArrayList<>(table.size());
        Map<String, Integer> byNumber = new HashMap<>();
        int units = 1;
        for (ComponentSpec.PinSpec spec : table) {
            ElectricalType type = ElectricalType.fromKeyword(spec.type());
            if (type == null) {
                List<String> all = new ArrayList<>();
                for (ElectricalType t : ElectricalType.values()) {
                    all.add(t.keyword());
                }
                throw at(component.origin(), "component " + plain(component.id()) + " of " + plain(definition.name())
                        + ": pin " + plain(spec.number()) + " has unknown electrical type '" + plain(spec.type())
                        + "'; expected one of "
                        + String.join(", ", all));
            }
            if (byNumber.containsKey(spec.number())) {
                continue;
            }
            units = Math.max(units, spec.unit());
            byNumber.put(spec.number(), pins.size());
            pins.add(new Pin(spec.number(), spec.name().equals("~") ? "" : spec.name(), type, spec.unit(),
                    spec.hidden(), false, false));
        }
        List<Field> fields = List.of(new Field("Reference", tablePrefix(component)), new Field("Value", name),
                new Field("Footprint", ""), new Field("Datasheet", ""), new Field("Description", ""));
        return finishPart(lib, name, false, "", "", "", List.of(), fields, pins, units, false, byNumber);
    }

    /** A part with its libpart order and the twin flags the pin-driven net names need. */
    private static Part finishPart(String lib, String name, boolean fromLibrary, String description, String datasheet,
            String keywords, List<String> filters, List<Field> fields, List<Pin> pins, int unitCount, boolean power,
            Map<String, Integer> byNumber) {
        Integer[] order = new Integer[pins.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> StrNumCmp.compareTotal(pins.get(a).number(), pins.get(b).number(), true));
        int[] libpartOrder = new int[order.length];
        for (int i = 0; i < order.length; i++) {
            libpartOrder[i] = order[i];
        }
        List<NetNames.TwinPin> twinPins = new ArrayList<>(pins.size());
        for (Pin p : pins) {
            twinPins.add(new NetNames.TwinPin(p.name(), p.number(), p.unit(), p.type() == ElectricalType.NO_CONNECT));
        }
        boolean[][] twins = NetNames.pinTwins(twinPins);
        List<Pin> finished = new ArrayList<>(pins.size());
        for (int i = 0; i < pins.size(); i++) {
            Pin p = pins.get(i);
            finished.add(new Pin(p.number(), p.name(), p.type(), p.unit(), p.hidden(), twins[i][0], twins[i][1]));
        }
        return new Part(lib, name, fromLibrary, description, datasheet, keywords, List.copyOf(filters),
                List.copyOf(fields), List.copyOf(finished), libpartOrder, unitCount, power, Map.copyOf(byNumber));
    }

    /** A reference split into PREFIX and NUMBER (the longest trailing run of ASCII digits). */
    private static String[] splitReference(String reference) {
        int end = reference.length();
        int start = end;
        while (start > 0 && reference.charAt(start - 1) >= '0' && reference.charAt(start - 1) <= '9') {
            start--;
        }
        return new String[] {reference.substring(0, start), reference.substring(start)};
    }

    // ---- Flat layout: sheets × slots, sheets × components ----

    private static final class Layout {
        /** Flat slot of sheet {@code s}'s slot {@code k}: {@code slotBase[s] + k}. */
        final int[] slotBase;
        /** The sheet of every flat slot. */
        final int[] slotSheet;
        /** Flat component of sheet {@code s}'s component {@code c}: {@code compBase[s] + c}. */
        final int[] compBase;
        final int slotCount;
        final int compCount;

        Layout(Design design, List<SheetInfo> sheets, DefData[] defs) {
            slotBase = new int[sheets.size()];
            compBase = new int[sheets.size()];
            int slots = 0;
            int comps = 0;
            for (int i = 0; i < sheets.size(); i++) {
                SheetInfo s = sheets.get(i);
                slotBase[i] = slots;
                compBase[i] = comps;
                slots += defs[s.def()].slots.size();
                comps += design.definitions().get(s.def()).components().size();
            }
            slotSheet = new int[slots];
            for (int i = 0; i < sheets.size(); i++) {
                Arrays.fill(slotSheet, slotBase[i], slotBase[i] + defs[sheets.get(i).def()].slots.size(), i);
            }
            slotCount = slots;
            compCount = comps;
        }
    }

    private static final class UnionFind {
        final int[] parent;

        UnionFind(int n) {
            parent = new int[n];
            for (int i = 0; i < n; i++) {
                parent[i] = i;
            }
        }

        int find(int x) {
            while (parent[x] != x) {
                int up = parent[parent[x]];
                parent[x] = up;
                x = up;
            }
            return x;
        }

        /** Joins the sets of a and b; the smaller index becomes the root, so roots do not depend on the order of unions. */
        void union(int a, int b) {
            int ra = find(a);
            int rb = find(b);
            if (ra != rb) {
                parent[Math.max(ra, rb)] = Math.min(ra, rb);
            }
        }
    }

    // ---- 2.3 Ports ----

    private static void connectPorts(Design design, List<SheetInfo> sheets, DefData[] defs, Layout layout,
            UnionFind union) {
        List<Integer> boundSlots = new ArrayList<>();
        for (int s = 1; s < sheets.size(); s++) {
            SheetInfo sheet = sheets.get(s);
            SheetInfo parent = sheets.get(sheet.parent());
            Definition placing = design.definitions().get(parent.def());
            InstanceSpec instance = placing.instances().get(sheet.instance());
            Definition child = design.definitions().get(sheet.def());
            DefData childData = defs[sheet.def()];
            DefData parentData = defs[parent.def()];
            boolean[] portBound = new boolean[child.ports().size()];
            for (InstanceSpec.Binding binding : instance.bindings()) {
                Integer slot = childData.slotByName.get(binding.port());
                if (slot != null && childData.slots.get(slot).kind != SlotKind.PORT) {
                    slot = null;
                }
                if (slot == null) {
                    String ports = child.ports().isEmpty() ? "it has no ports"
                            : "its ports are " + joinPlain(child.ports());
                    throw at(instance.origin(), "instance " + plain(sheet.path()) + " (definition "
                            + plain(child.name()) + ") has no port " + plain(binding.port()) + "; " + ports);
                }
                if (portBound[slot]) {
                    throw at(instance.origin(), "port " + plain(binding.port()) + " of instance " + plain(sheet.path())
                            + " (definition " + plain(child.name()) + ") is bound twice");
                }
                portBound[slot] = true;
            }
            for (int k = 0; k < portBound.length; k++) {
                if (!portBound[k]) {
                    throw at(instance.origin(), "port " + plain(child.ports().get(k)) + " of instance "
                            + plain(sheet.path()) + " (definition " + plain(child.name())
                            + ") is not connected; bind it to a net or remove the port");
                }
            }
            boundSlots.clear();
            for (InstanceSpec.Binding binding : instance.bindings()) {
                Integer target = parentData.slotByName.get(binding.net());
                if (target == null) {
                    target = parentData.slotById.get(binding.net());
                }
                if (target == null) {
                    throw at(instance.origin(), "port " + plain(binding.port()) + " of instance " + plain(sheet.path())
                            + " must be bound to a net of " + plain(placing.name())
                            + ", the definition that places it");
                }
                int earlier = boundSlots.indexOf(target);
                if (earlier >= 0) {
                    throw at(instance.origin(), "net " + slotLabel(placing, parentData, target)
                            + " is connected to itself through ports " + plain(instance.bindings().get(earlier).port())
                            + " and " + plain(binding.port()) + " of instance " + plain(sheet.path()) + " (definition "
                            + plain(child.name()) + "); make them one port if they are one net");
                }
                boundSlots.add(target);
                int portSlot = childData.slotByName.get(binding.port());
                union.union(layout.slotBase[s] + portSlot, layout.slotBase[sheet.parent()] + target);
            }
        }
    }

    /** A slot's name in messages: its port or net name, else its first net's id or {@code #k}. */
    private static String slotLabel(Definition definition, DefData data, int slot) {
        Slot s = data.slots.get(slot);
        return !s.name.isEmpty() ? plain(s.name) : netLabel(definition, s.net);
    }

    /**
     * Joins every power slot with the others of its name and returns each flat slot's root; two
     * power names in one merged net are an error.
     */
    private static int[] mergePower(List<SheetInfo> sheets, DefData[] defs, Layout layout, UnionFind union) {
        Map<String, Integer> first = new HashMap<>();
        for (int s = 0; s < sheets.size(); s++) {
            List<Slot> slots = defs[sheets.get(s).def()].slots;
            for (int k = 0; k < slots.size(); k++) {
                if (slots.get(k).power) {
                    int flat = layout.slotBase[s] + k;
                    Integer f = first.putIfAbsent(slots.get(k).name, flat);
                    union.union(f == null ? flat : f, flat);
                }
            }
        }
        int[] roots = new int[layout.slotCount];
        for (int i = 0; i < roots.length; i++) {
            roots[i] = union.find(i);
        }
        int[] rootPower = new int[layout.slotCount];
        Arrays.fill(rootPower, NONE);
        for (int s = 0; s < sheets.size(); s++) {
            List<Slot> slots = defs[sheets.get(s).def()].slots;
            for (int k = 0; k < slots.size(); k++) {
                Slot slot = slots.get(k);
                if (!slot.power) {
                    continue;
                }
                int flat = layout.slotBase[s] + k;
                int r = roots[flat];
                if (rootPower[r] == NONE) {
                    rootPower[r] = flat;
                    continue;
                }
                Slot earlier = flatSlot(sheets, defs, layout, rootPower[r]);
                if (!earlier.name.equals(slot.name)) {
                    throw new NetlistException("power nets " + plain(earlier.name) + " and " + plain(slot.name)
                            + " are connected to each other");
                }
            }
        }
        return roots;
    }

    private static Slot flatSlot(List<SheetInfo> sheets, DefData[] defs, Layout layout, int flat) {
        int s = layout.slotSheet[flat];
        return defs[sheets.get(s).def()].slots.get(flat - layout.slotBase[s]);
    }

    // ---- 2.4 References ----

    /**
     * A subcircuit component's local number: {@code digits} for a fixed reference (without leading
     * zeros, {@code 0} for zero), else {@code number} given to a prefix; neither for absolute
     * references and root components.
     */
    private record Local(String digits, long number) {
        static final Local NONE_LOCAL = new Local(null, -1);

        int length() {
            return digits != null ? digits.length() : Long.toString(number).length();
        }
    }

    private static boolean isReferenceSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\u000C' || c == '\r';
    }

    private static boolean validPrefix(String prefix, boolean numbered) {
        boolean forbidden = false;
        for (int i = 0; i < prefix.length(); i++) {
            char c = prefix.charAt(i);
            if (isReferenceSpace(c) || c == '"' || c == '?') {
                forbidden = true;
            }
        }
        boolean endsInDigit = !prefix.isEmpty() && prefix.charAt(prefix.length() - 1) >= '0'
                && prefix.charAt(prefix.length() - 1) <= '9';
        boolean invalid = prefix.isEmpty() || forbidden || (numbered && endsInDigit);
        return !invalid;
    }

    private static String place(SheetInfo sheet, ComponentSpec component) {
        String place = plain(sheet.path()) + " " + plain(component.id());
        return component.origin() != null ? place + " (at " + component.origin() + ")" : place;
    }

    /** References in flat component order; {@code compBase[s]} is sheet {@code s}'s first flat component. */
    private static String[] numberReferences(Design design, List<SheetInfo> sheets, int[] reachable,
            int[] compBase) {
        int compCount = 0;
        for (SheetInfo sheet : sheets) {
            compCount += design.definitions().get(sheet.def()).components().size();
        }
        int root = sheets.get(0).def();
        for (int d : reachable) {
            Definition definition = design.definitions().get(d);
            for (ComponentSpec c : definition.components()) {
                if (c.reference().startsWith("#")) {
                    throw at(c.origin(), "reference '" + plain(c.reference()) + "' of component " + plain(c.id())
                            + " starts with #, which KiCad reserves for power symbols");
                }
                String[] split = c.referenceKind() == ReferenceKind.PREFIX
                        ? new String[] {c.reference(), ""}
                        : splitReference(c.reference());
                if (!validPrefix(split[0], c.referenceKind() == ReferenceKind.PREFIX)) {
                    throw at(c.origin(), "invalid reference prefix '" + plain(split[0]) + "' for component "
                            + plain(c.id()));
                }
                if (d != root && c.referenceKind() == ReferenceKind.FIXED && split[1].isEmpty()) {
                    throw at(c.origin(), "fixed reference '" + plain(c.reference()) + "' of component "
                            + plain(c.id()) + " in subcircuit " + plain(definition.name())
                            + " has no number; write it as PREFIX + NUMBER, or make it absolute");
                }
            }
        }

        // 1. Local numbers, and 2. the multiplier's width (M = 10^width).
        Local[][] locals = new Local[design.definitions().size()][];
        int width = 2;
        for (int d : reachable) {
            if (d == root) {
                continue;
            }
            Definition definition = design.definitions().get(d);
            Local[] local = new Local[definition.components().size()];
            Arrays.fill(local, Local.NONE_LOCAL);
            Map<String, Set<Long>> used = new HashMap<>();
            Map<String, Long> next = new HashMap<>();
            for (int i = 0; i < local.length; i++) {
                ComponentSpec c = definition.components().get(i);
                if (c.referenceKind() != ReferenceKind.FIXED) {
                    continue;
                }
                String[] split = splitReference(c.reference());
                String digits = stripLeadingZeros(split[1]);
                width = Math.max(width, digits.length());
                Set<Long> set = used.computeIfAbsent(StrNumCmp.asciiUpper(split[0]), k -> new HashSet<>());
                if (digits.length() <= 18) {
                    set.add(Long.parseLong(digits));
                }
                local[i] = new Local(digits, -1);
            }
            for (int i = 0; i < local.length; i++) {
                ComponentSpec c = definition.components().get(i);
                if (c.referenceKind() != ReferenceKind.PREFIX) {
                    continue;
                }
                String key = StrNumCmp.asciiUpper(c.reference());
                Set<Long> set = used.computeIfAbsent(key, k -> new HashSet<>());
                long n = next.getOrDefault(key, 1L);
                while (set.contains(n)) {
                    n++;
                }
                set.add(n);
                next.put(key, n + 1);
                local[i] = new Local(null, n);
                width = Math.max(width, local[i].length());
            }
            locals[d] = local;
        }

        // 3. Instance references and 4. uniqueness, in page then component order.
        String[] references = new String[compCount];
        Map<String, Integer> taken = new HashMap<>(compCount * 2);
        int[] ownerSheet = new int[compCount];
        int[] ownerComp = new int[compCount];
        for (int s = 0; s < sheets.size(); s++) {
            SheetInfo sheet = sheets.get(s);
            Definition definition = design.definitions().get(sheet.def());
            int page = s + 1;
            for (int c = 0; c < definition.components().size(); c++) {
                ComponentSpec component = definition.components().get(c);
                int fc = compBase[s] + c;
                ownerSheet[fc] = s;
                ownerComp[fc] = c;
                String reference;
                if (s == 0 && component.referenceKind() == ReferenceKind.PREFIX) {
                    continue;
                } else if (s == 0 || component.referenceKind() == ReferenceKind.ABSOLUTE) {
                    reference = component.reference();
                } else {
                    String prefix = component.referenceKind() == ReferenceKind.PREFIX
                            ? component.reference()
                            : splitReference(component.reference())[0];
                    reference = instanceReference(prefix, page, locals[sheet.def()][c], width);
                }
                Integer earlier = taken.putIfAbsent(StrNumCmp.asciiUpper(reference), fc);
                if (earlier != null) {
                    SheetInfo first = sheets.get(ownerSheet[earlier]);
                    ComponentSpec firstComponent = design.definitions().get(first.def()).components()
                            .get(ownerComp[earlier]);
                    throw new NetlistException("duplicate reference " + plain(reference) + ": "
                            + place(first, firstComponent) + " and " + place(sheet, component));
                }
                references[fc] = reference;
            }
        }

        // 5. Root prefixes take the lowest free number.
        Map<String, Long> next = new HashMap<>();
        Definition rootDef = design.definitions().get(root);
        StringBuilder candidate = new StringBuilder();
        for (int c = 0; c < rootDef.components().size(); c++) {
            ComponentSpec component = rootDef.components().get(c);
            if (component.referenceKind() != ReferenceKind.PREFIX) {
                continue;
            }
            String key = StrNumCmp.asciiUpper(component.reference());
            long n = next.getOrDefault(key, 1L);
            String reference;
            int fc = compBase[0] + c;
            while (true) {
                candidate.setLength(0);
                candidate.append(component.reference()).append(n);
                reference = candidate.toString();
                // Claims the first free one in the same look-up that tests it.
                if (taken.putIfAbsent(StrNumCmp.asciiUpper(reference), fc) == null) {
                    break;
                }
                n++;
            }
            next.put(key, n + 1);
            references[fc] = reference;
        }
        return references;
    }

    private static String stripLeadingZeros(String number) {
        int i = 0;
        while (i < number.length() && number.charAt(i) == '0') {
            i++;
        }
        return i == number.length() ? "0" : number.substring(i);
    }

    /** {@code PREFIX} + decimal(page × 10^width + local). */
    private static String instanceReference(String prefix, int page, Local local, int width) {
        StringBuilder out = new StringBuilder(prefix.length() + 4 + width);
        out.append(prefix).append(page);
        String digits = local.digits() != null ? local.digits() : Long.toString(local.number());
        for (int i = digits.length(); i < width; i++) {
            out.append('0');
        }
        return out.append(digits).toString();
    }

    // ---- 2.5 Net names, and the netlist ----

    private static Netlist assemble(Design design, SymbolIndex symbols, List<SheetInfo> infos, DefData[] defs,
            PartTable partTable, Layout layout, int[] roots, String[] references) {
        List<Part> parts = partTable.parts;
        Map<String, String> kept = new HashMap<>();
        for (Design.SheetUuid u : design.sheetUuids()) {
            kept.putIfAbsent(u.path(), u.uuid());
        }
        List<Sheet> sheets = new ArrayList<>(infos.size());
        for (int i = 0; i < infos.size(); i++) {
            SheetInfo info = infos.get(i);
            String uuid = kept.get(info.path());
            if (uuid == null) {
                uuid = Uuid5.sheet(info.path());
            }
            String tstamps = i == 0 ? "/" : sheets.get(info.parent()).tstamps() + uuid + "/";
            sheets.add(new Sheet(i + 1, info.path(), info.name(), design.definitions().get(info.def()).name(),
                    info.parent(), info.depth(), uuid, tstamps, layout.compBase[i],
                    design.definitions().get(info.def()).components().size()));
        }

        List<Component> components = new ArrayList<>(layout.compCount);
        int pinTotal = 0;
        for (int s = 0; s < infos.size(); s++) {
            SheetInfo info = infos.get(s);
            Definition definition = design.definitions().get(info.def());
            for (int c = 0; c < definition.components().size(); c++) {
                ComponentSpec spec = definition.components().get(c);
                int part = defs[info.def()].compPart[c];
                int units = parts.get(part).unitCount();
                int count = Math.max(units, spec.uuids().size());
                List<String> uuids = new ArrayList<>(count);
                for (int u = 0; u < count; u++) {
                    uuids.add(u < spec.uuids().size() ? spec.uuids().get(u) : Uuid5.symbol(info.path(), spec.id(), u + 1));
                }
                int fc = components.size();
                components.add(new Component(s, spec, references[fc], part, List.copyOf(uuids),
                        !spec.uuids().isEmpty() && spec.uuids().size() >= units, pinTotal));
                pinTotal += parts.get(part).pins().size();
            }
        }

        // Merged nets ("groups"), numbered by their first flat slot.
        int[] groupOfRoot = new int[layout.slotCount];
        Arrays.fill(groupOfRoot, NONE);
        int[] slotGroup = new int[layout.slotCount];
        int groups = 0;
        for (int i = 0; i < layout.slotCount; i++) {
            int r = roots[i];
            if (groupOfRoot[r] == NONE) {
                groupOfRoot[r] = groups++;
            }
            slotGroup[i] = groupOfRoot[r];
        }
        int[] slotIds = new int[layout.slotCount];
        for (int i = 0; i < slotIds.length; i++) {
            slotIds[i] = i;
        }
        Buckets members = Buckets.of(groups, slotGroup, slotIds);
        int[] pinGroup = new int[pinTotal];
        boolean[] marked = new boolean[pinTotal];
        int[] pinComponent = new int[pinTotal];
        int[] pinIndex = new int[pinTotal];
        for (int fc = 0; fc < components.size(); fc++) {
            Component component = components.get(fc);
            int s = component.sheet();
            DefData data = defs[infos.get(s).def()];
            int c = fc - layout.compBase[s];
            int base = data.compPinBase[c];
            int count = parts.get(component.part()).pins().size();
            for (int p = 0; p < count; p++) {
                int slot = layout.slotBase[s] + data.pinSlot[base + p];
                pinGroup[component.pinBase() + p] = slotGroup[slot];
                pinComponent[component.pinBase() + p] = fc;
                pinIndex[component.pinBase() + p] = p;
            }
        }
        List<PinAt> noConnects = new ArrayList<>();
        for (int s = 0; s < infos.size(); s++) {
            for (int[] cp : defs[infos.get(s).def()].noConnectPins) {
                PinAt at = new PinAt(layout.compBase[s] + cp[0], cp[1]);
                marked[components.get(at.component()).pinBase() + cp[1]] = true;
                noConnects.add(at);
            }
        }
        int[] flatPins = new int[pinTotal];
        for (int i = 0; i < pinTotal; i++) {
            flatPins[i] = i;
        }
        Buckets pins = Buckets.of(groups, pinGroup, flatPins);

        List<Net> nets = new ArrayList<>();
        int[] netOfGroup = new int[groups];
        Arrays.fill(netOfGroup, NONE);
        StringBuilder full = new StringBuilder();
        List<NetNames.NamingPin> naming = new ArrayList<>();
        for (int g = 0; g < groups; g++) {
            int pinStart = pins.start[g];
            int pinEnd = pins.start[g + 1];
            int pinCount = pinEnd - pinStart;
            if (pinCount == 0) {
                continue;
            }
            String absolute = null;
            String power = null;
            Candidate named = new Candidate();
            Candidate port = new Candidate();
            String netClass = "Default";
            List<NetSheet> netSheets = new ArrayList<>();
            String entryPort = null;
            String entryLabel = null;
            int entrySheet = NONE;
            for (int m = members.start[g]; m < members.start[g + 1]; m++) {
                int flat = members.items[m];
                int s = layout.slotSheet[flat];
                Sheet sheet = sheets.get(s);
                Slot slot = defs[infos.get(s).def()].slots.get(flat - layout.slotBase[s]);
                if (netClass.equals("Default")) {
                    netClass = slot.netClass;
                }
                if (entrySheet != s) {
                    if (entrySheet != NONE) {
                        netSheets.add(new NetSheet(entrySheet, entryPort, entryLabel));
                    }
                    entrySheet = s;
                    entryPort = null;
                    entryLabel = null;
                }
                switch (slot.kind) {
                    case PORT -> {
                        entryPort = entryPort != null ? entryPort : slot.name;
                        if (slot.power) {
                            power = power != null ? power : slot.name;
                        } else {
                            port.offer(sheet, slot.name, full);
                        }
                    }
                    case NAMED -> {
                        entryLabel = entryLabel != null ? entryLabel : slot.name;
                        if (slot.absolute) {
                            absolute = absolute != null ? absolute : slot.name;
                        } else if (slot.power) {
                            power = power != null ? power : slot.name;
                        } else {
                            named.offer(sheet, slot.name, full);
                        }
                    }
                    case POWER -> power = power != null ? power : slot.name;
                    case UNNAMED, LONE -> { }
                }
            }
            netSheets.add(new NetSheet(entrySheet, entryPort, entryLabel));
            boolean isPower = power != null;
            String name;
            if (absolute != null) {
                name = absolute;
            } else if (power != null) {
                StringBuilder out = new StringBuilder(power.length());
                NetNames.escapeNetName(out, power);
                name = out.toString();
            } else if (named.full != null) {
                name = named.full;
            } else if (port.full != null) {
                name = port.full;
            } else {
                naming.clear();
                boolean onBoard = false;
                for (int i = pinStart; i < pinEnd; i++) {
                    onBoard |= components.get(pinComponent[pins.items[i]]).spec().onBoard();
                }
                for (int i = pinStart; i < pinEnd; i++) {
                    int flatPin = pins.items[i];
                    Component component = components.get(pinComponent[flatPin]);
                    if (onBoard && !component.spec().onBoard()) {
                        continue;
                    }
                    Part part = parts.get(component.part());
                    Pin pin = part.pins().get(pinIndex[flatPin]);
                    naming.add(new NetNames.NamingPin(component.reference(), pin.unit(), part.unitCount() > 1,
                            pin.name(), pin.number(), pin.type() == ElectricalType.NO_CONNECT, pin.twinNoConnect(),
                            pin.twinConnectable()));
                }
                name = NetNames.pinDrivenName(naming, pinCount);
            }
            List<PinAt> nodes = new ArrayList<>(pinCount);
            for (int i = pinStart; i < pinEnd; i++) {
                nodes.add(new PinAt(pinComponent[pins.items[i]], pinIndex[pins.items[i]]));
            }
            nodes.sort((a, b) -> {
                Component ca = components.get(a.component());
                Component cb = components.get(b.component());
                int c = StrNumCmp.compareCodePoints(ca.reference(), cb.reference());
                if (c != 0) {
                    return c;
                }
                return StrNumCmp.compareCodePoints(parts.get(ca.part()).pins().get(a.pin()).number(),
                        parts.get(cb.part()).pins().get(b.pin()).number());
            });
            boolean singleNoConnect = pinCount == 1 && marked[pins.items[pinStart]];
            netOfGroup[g] = nets.size();
            nets.add(new Net(name, netClass, isPower, List.copyOf(nodes), List.copyOf(netSheets), singleNoConnect));
        }
        // The names in one array: the sort's comparisons would otherwise chase each Net first.
        String[] names = new String[nets.size()];
        Integer[] order = new Integer[nets.size()];
        for (int i = 0; i < order.length; i++) {
            names[i] = nets.get(i).name();
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> StrNumCmp.compareTotal(names[a], names[b], false));
        int[] rank = new int[nets.size()];
        List<Net> sorted = new ArrayList<>(nets.size());
        for (int r = 0; r < order.length; r++) {
            rank[order[r]] = r;
            sorted.add(nets.get(order[r]));
        }
        int[] pinNets = new int[pinTotal];
        for (int i = 0; i < pinTotal; i++) {
            pinNets[i] = rank[netOfGroup[pinGroup[i]]];
        }

        List<Library> libraries = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (Component component : components) {
            Part part = parts.get(component.part());
            if (component.spec().onBoard() && !part.lib().isEmpty() && seen.add(part.lib())) {
                Optional<Path> file = symbols.libraryFile(part.lib());
                file.ifPresent(path -> libraries.add(new Library(part.lib(), path.toString())));
            }
        }
        libraries.sort((a, b) -> {
            int c = StrNumCmp.compareCodePoints(a.nickname(), b.nickname());
            return c != 0 ? c : StrNumCmp.compareCodePoints(a.path(), b.path());
        });
        return new Netlist(design.name(), sheets, parts, components, sorted, noConnects, libraries, pinNets);
    }

    /** The (depth, full name) that sorts first: shallowest sheet, then the smaller {@code PATH} + escaped name. */
    private static final class Candidate {
        int depth;
        String full;

        void offer(Sheet sheet, String name, StringBuilder scratch) {
            scratch.setLength(0);
            scratch.append(sheet.path());
            NetNames.escapeNetName(scratch, name);
            String text = scratch.toString();
            boolean better = full == null || sheet.depth() < depth
                    || (sheet.depth() == depth && StrNumCmp.compareCodePoints(text, full) < 0);
            if (better) {
                depth = sheet.depth();
                full = text;
            }
        }
    }

    /** Items grouped by key {@code 0..keys}, in input order within a key (a counting sort). */
    private static final class Buckets {
        final int[] start;
        final int[] items;

        private Buckets(int[] start, int[] items) {
            this.start = start;
            this.items = items;
        }

        static Buckets of(int keys, int[] keyOf, int[] values) {
            int[] start = new int[keys + 1];
            for (int k : keyOf) {
                start[k + 1]++;
            }
            for (int k = 0; k < keys; k++) {
                start[k + 1] += start[k];
            }
            int[] fill = Arrays.copyOf(start, keys + 1);
            int[] items = new int[values.length];
            for (int i = 0; i < values.length; i++) {
                items[fill[keyOf[i]]++] = values[i];
            }
            return new Buckets(start, items);
        }
    }
}
