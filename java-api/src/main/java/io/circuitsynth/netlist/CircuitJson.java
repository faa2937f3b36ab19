package io.circuitsynth.netlist;

import io.circuitsynth.netlist.ComponentSpec.Field;
import io.circuitsynth.netlist.ComponentSpec.PinSpec;
import io.circuitsynth.netlist.ComponentSpec.ReferenceKind;
import io.circuitsynth.netlist.Design.SheetUuid;
import io.circuitsynth.netlist.InstanceSpec.Binding;
import io.circuitsynth.netlist.NetSpec.Power;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Circuit JSON read and write (specification section 5), Java engine. The Rust twin is
 * {@code circuit_json}; both read alike, step by step.
 *
 * <p>Reading is two passes: {@link JsonScanner} checks the syntax of the whole text (so a syntax
 * error wins over any binding error), then the binder walks its value table. Every object's
 * members are checked for unknown names first, then bound in the order of the specification's
 * table, so the first error is the same in both engines. Every item's {@code origin} is its JSON
 * path.
 */
public final class CircuitJson {
    /** The value of the top-level {@code format} member. */
    public static final String FORMAT = "circuitsynth-circuit";
    /** The one version this library reads and writes. */
    public static final int VERSION = 1;

    /** The twelve KiCad pin electrical types, in the order messages list them. */
    static final List<String> PIN_TYPES = List.of("input", "output", "bidirectional", "tri_state", "passive", "free",
            "unspecified", "power_in", "power_out", "open_collector", "open_emitter", "no_connect");

    /** Field names KiCad keeps as members of their own. */
    private static final List<String> RESERVED_FIELDS =
            List.of("Reference", "Value", "Footprint", "Datasheet", "Description");

    // Members of each object, in the order of the specification's table: the order they are bound,
    // written and listed in "unknown member" messages.
    private static final List<String> TOP = List.of("format", "version", "name", "root", "definitions", "sheetUuids");
    private static final List<String> DEFINITION = List.of("ports", "components", "nets", "noConnects", "instances");
    private static final List<String> COMPONENT = List.of("id", "symbol", "reference", "prefix", "absolute", "value",
            "footprint", "datasheet", "description", "fields", "dnp", "inBom", "onBoard", "pins", "uuids");
    private static final List<String> PIN = List.of("name", "type", "unit", "hidden");
    private static final List<String> NET = List.of("name", "id", "power", "class", "absolute", "nodes");
    private static final List<String> NODE = List.of("component", "pin", "unit");
    private static final List<String> INSTANCE = List.of("name", "definition", "bindings");

    /** The largest unit number. */
    static final long MAX_UNIT = Integer.MAX_VALUE;

    private CircuitJson() {}

    /**
     * Reads circuit JSON into a design.
     *
     * @throws NetlistException with the first error: {@code LINE:COLUMN: DETAIL} for syntax,
     *     {@code JSONPATH: DETAIL} for binding
     */
    public static Design read(byte[] json) {
        JsonTree tree = JsonScanner.scan(json);
        return new Binder(tree).design();
    }

    /** Where a net name, net id or port was first given in a definition. */
    private static final class NetNames {
        /** Port and net names, to the path of their first use. */
        final Map<String, String> names = new HashMap<>();
        /** Net ids, to the path of their use. */
        final Map<String, String> ids = new HashMap<>();
    }

    /** Binds a scanned tree; shared with {@link CircuitSynthJson} for its type checks. */
    static final class Binder {
        final JsonTree t;

        Binder(JsonTree t) {
            this.t = t;
        }

        private Design design() {
            expect(0, JsonTree.OBJECT, "$", "an object");
            int format = t.member(0, "format");
            if (format < 0 && t.member(0, "components") >= 0) {
                throw new NetlistException("$: missing member \"format\"; this looks like circuit-synth JSON: "
                        + "read it with the circuit-synth import");
            }
            if (format < 0) {
                throw new NetlistException("$: missing member \"format\"");
            }
            if (t.kind(format) != JsonTree.STRING || !t.string(format).equals(FORMAT)) {
                throw new NetlistException("$.format: format must be \"" + FORMAT + "\"");
            }
            int version = t.member(0, "version");
            if (version < 0) {
                throw new NetlistException("$: missing member \"version\"");
            }
            if (t.kind(version) != JsonTree.NUMBER) {
                throw new NetlistException("$.version: expected an integer, found " + t.typeName(version));
            }
            if (t.integer(version) != VERSION) {
                throw new NetlistException("$.version: version " + t.source(version)
                        + " is not supported; this library reads version " + VERSION);
            }
            int[] s = slots(0, "$", TOP);
            String name = requiredString(s, 2, "$", TOP);
            String root = requiredString(s, 3, "$", TOP);
            int definitionsNode = required(s, 4, "$", TOP);
            String path = "$.definitions";
            expect(definitionsNode, JsonTree.OBJECT, path, "an object");
            List<Definition> definitions = new ArrayList<>();
            for (int key = t.firstChild(definitionsNode); key < t.next(definitionsNode); key = t.next(key + 1)) {
                String defName = t.string(key);
                definitions.add(definition(defName, key + 1, JsonText.memberPath(path, defName)));
            }
            List<SheetUuid> sheetUuids = new ArrayList<>();
            if (s[5] >= 0) {
                String uuidsPath = "$.sheetUuids";
                expect(s[5], JsonTree.OBJECT, uuidsPath, "an object");
                for (int key = t.firstChild(s[5]); key < t.next(s[5]); key = t.next(key + 1)) {
                    String sheet = t.string(key);
                    sheetUuids.add(new SheetUuid(sheet, string(key + 1, JsonText.memberPath(uuidsPath, sheet))));
                }
            }
            if (definitions.stream().noneMatch(d -> d.name().equals(root))) {
                throw new NetlistException("$.root: no definition " + JsonText.quote(root));
            }
            return new Design(name, root, definitions, sheetUuids);
        }

        private Definition definition(String name, int node, String path) {
            int[] s = slots(node, path, DEFINITION);
            NetNames names = new NetNames();
            List<String> ports = new ArrayList<>();
            int array = array(s, 0, path, DEFINITION);
            if (array >= 0) {
                String portsPath = JsonText.memberPath(path, "ports");
                int i = 0;
                for (int element = array + 1; element < t.next(array); element = t.next(element), i++) {
                    String elementPath = JsonText.indexPath(portsPath, i);
                    String port = string(element, elementPath);
                    String first = names.names.get(port);
                    if (first != null) {
                        throw new NetlistException(elementPath + ": duplicate port " + JsonText.quote(port)
                                + " (first at " + first + ")");
                    }
                    names.names.put(port, elementPath);
                    ports.add(port);
                }
            }
            List<ComponentSpec> components = new ArrayList<>();
            // Component id to its index, for nodes and for the duplicate's message.
            Map<String, Integer> ids = new HashMap<>();
            array = array(s, 1, path, DEFINITION);
            if (array >= 0) {
                String listPath = JsonText.memberPath(path, "components");
                int i = 0;
                for (int element = array + 1; element < t.next(array); element = t.next(element), i++) {
                    components.add(component(element, JsonText.indexPath(listPath, i), listPath, ids));
                }
            }
            List<NetSpec> nets = new ArrayList<>();
            array = array(s, 2, path, DEFINITION);
            if (array >= 0) {
                String listPath = JsonText.memberPath(path, "nets");
                int i = 0;
                for (int element = array + 1; element < t.next(array); element = t.next(element), i++) {
                    nets.add(net(element, JsonText.indexPath(listPath, i), name, ids, names));
                }
            }
            List<PinRef> noConnects = new ArrayList<>();
            array = array(s, 3, path, DEFINITION);
            if (array >= 0) {
                String listPath = JsonText.memberPath(path, "noConnects");
                int i = 0;
                for (int element = array + 1; element < t.next(array); element = t.next(element), i++) {
                    noConnects.add(node(element, JsonText.indexPath(listPath, i), name, ids));
                }
            }
            List<InstanceSpec> instances = new ArrayList<>();
            array = array(s, 4, path, DEFINITION);
            if (array >= 0) {
                String listPath = JsonText.memberPath(path, "instances");
                int i = 0;
                for (int element = array + 1; element < t.next(array); element = t.next(element), i++) {
                    instances.add(instance(element, JsonText.indexPath(listPath, i), name, names));
                }
            }
            return new Definition(name, ports, components, nets, noConnects, instances, path);
        }

        private ComponentSpec component(int node, String path, String listPath, Map<String, Integer> ids) {
            int[] s = slots(node, path, COMPONENT);
            String id = requiredString(s, 0, path, COMPONENT);
            Integer first = ids.get(id);
            if (first != null) {
                throw new NetlistException(JsonText.memberPath(path, "id") + ": duplicate component id "
                        + JsonText.quote(id) + " (first at "
                        + JsonText.memberPath(JsonText.indexPath(listPath, first), "id") + ")");
            }
            ids.put(id, ids.size());
            String symbol = requiredString(s, 1, path, COMPONENT);
            int given = 0;
            int slot = -1;
            for (int k = 2; k < 5; k++) {
                if (s[k] >= 0) {
                    given++;
                    slot = k;
                }
            }
            if (given != 1) {
                throw new NetlistException(path + ": give exactly one of reference, prefix, absolute");
            }
            ReferenceKind referenceKind = switch (slot) {
                case 2 -> ReferenceKind.FIXED;
                case 3 -> ReferenceKind.PREFIX;
                default -> ReferenceKind.ABSOLUTE;
            };
            String reference = optionalString(s, slot, path, COMPONENT, "");
            String value = optionalString(s, 5, path, COMPONENT, "");
            String footprint = optionalString(s, 6, path, COMPONENT, "");
            String datasheet = optionalString(s, 7, path, COMPONENT, "");
            String description = optionalString(s, 8, path, COMPONENT, "");
            List<Field> fields = new ArrayList<>();
            if (s[9] >= 0) {
                String fieldsPath = JsonText.memberPath(path, "fields");
                expect(s[9], JsonTree.OBJECT, fieldsPath, "an object");
                for (int key = t.firstChild(s[9]); key < t.next(s[9]); key = t.next(key + 1)) {
                    String field = t.string(key);
                    String fieldPath = JsonText.memberPath(fieldsPath, field);
                    if (RESERVED_FIELDS.contains(field)) {
                        String member = field.equals("Reference") ? "reference, prefix or absolute"
                                : field.toLowerCase(Locale.ROOT);
                        throw new NetlistException(fieldPath + ": field name " + JsonText.quote(field)
                                + " is reserved; use the component member " + member);
                    }
                    fields.add(new Field(field, string(key + 1, fieldPath)));
                }
            }
            boolean dnp = optionalBool(s, 10, path, COMPONENT, false);
            boolean inBom = optionalBool(s, 11, path, COMPONENT, true);
            boolean onBoard = optionalBool(s, 12, path, COMPONENT, true);
            List<PinSpec> pins = null;
            if (s[13] >= 0) {
                String pinsPath = JsonText.memberPath(path, "pins");
                expect(s[13], JsonTree.OBJECT, pinsPath, "an object");
                pins = new ArrayList<>();
                for (int key = t.firstChild(s[13]); key < t.next(s[13]); key = t.next(key + 1)) {
                    String number = t.string(key);
                    pins.add(pin(number, key + 1, JsonText.memberPath(pinsPath, number)));
                }
            }
            List<String> uuids = new ArrayList<>();
            int array = array(s, 14, path, COMPONENT);
            if (array >= 0) {
                String uuidsPath = JsonText.memberPath(path, "uuids");
                int i = 0;
                for (int element = array + 1; element < t.next(array); element = t.next(element), i++) {
                    uuids.add(string(element, JsonText.indexPath(uuidsPath, i)));
                }
            }
            return new ComponentSpec(id, symbol, referenceKind, reference, value, footprint, datasheet, description,
                    fields, dnp, inBom, onBoard, pins, uuids, path);
        }

        private PinSpec pin(String number, int node, String path) {
            int[] s = slots(node, path, PIN);
            String name = optionalString(s, 0, path, PIN, "");
            String type = requiredString(s, 1, path, PIN);
            pinType(type, JsonText.memberPath(path, "type"));
            int unit = s[2] >= 0 ? unit(s[2], JsonText.memberPath(path, "unit"), 0) : 0;
            boolean hidden = optionalBool(s, 3, path, PIN, false);
            return new PinSpec(number, name, type, unit, hidden);
        }

        private NetSpec net(int node, String path, String definition, Map<String, Integer> components,
                NetNames names) {
            int[] s = slots(node, path, NET);
            String name = optionalString(s, 0, path, NET, null);
            if (name != null) {
                String first = names.ids.get(name);
                if (first != null) {
                    throw new NetlistException(JsonText.memberPath(path, "name") + ": net name "
                            + JsonText.quote(name) + " is already a net id (first at " + first + ")");
                }
                if (!names.names.containsKey(name)) {
                    names.names.put(name, JsonText.memberPath(path, "name"));
                }
            }
            String id = optionalString(s, 1, path, NET, null);
            if (id != null) {
                String idPath = JsonText.memberPath(path, "id");
                String first = names.ids.get(id);
                if (first == null) {
                    first = names.names.get(id);
                }
                if (first != null) {
                    throw new NetlistException(idPath + ": duplicate net id " + JsonText.quote(id)
                            + " (first at " + first + ")");
                }
                names.ids.put(id, idPath);
            }
            Power power = Power.AUTO;
            if (s[2] >= 0) {
                power = optionalBool(s, 2, path, NET, false) ? Power.YES : Power.NO;
            }
            String netClass = optionalString(s, 3, path, NET, "Default");
            boolean absolute = optionalBool(s, 4, path, NET, false);
            List<PinRef> nodes = new ArrayList<>();
            int array = array(s, 5, path, NET);
            if (array >= 0) {
                String nodesPath = JsonText.memberPath(path, "nodes");
                int i = 0;
                for (int element = array + 1; element < t.next(array); element = t.next(element), i++) {
                    nodes.add(node(element, JsonText.indexPath(nodesPath, i), definition, components));
                }
            }
            return new NetSpec(name, id, power, netClass, nodes, absolute, path);
        }

        private PinRef node(int node, String path, String definition, Map<String, Integer> components) {
            int[] s = slots(node, path, NODE);
            String component = requiredString(s, 0, path, NODE);
            if (!components.containsKey(component)) {
                throw new NetlistException(JsonText.memberPath(path, "component") + ": no component "
                        + JsonText.quote(component) + " in definition " + JsonText.plain(definition));
            }
            String pin = requiredString(s, 1, path, NODE);
            int unit = s[2] >= 0 ? unit(s[2], JsonText.memberPath(path, "unit"), 1) : 0;
            return new PinRef(component, pin, unit, path);
        }

        private InstanceSpec instance(int node, String path, String definition, NetNames names) {
            int[] s = slots(node, path, INSTANCE);
            String name = requiredString(s, 0, path, INSTANCE);
            String instantiated = requiredString(s, 1, path, INSTANCE);
            List<Binding> bindings = new ArrayList<>();
            if (s[2] >= 0) {
                String bindingsPath = JsonText.memberPath(path, "bindings");
                expect(s[2], JsonTree.OBJECT, bindingsPath, "an object");
                for (int key = t.firstChild(s[2]); key < t.next(s[2]); key = t.next(key + 1)) {
                    String port = t.string(key);
                    String bindingPath = JsonText.memberPath(bindingsPath, port);
                    String net = string(key + 1, bindingPath);
                    if (!names.names.containsKey(net) && !names.ids.containsKey(net)) {
                        throw new NetlistException(bindingPath + ": no net " + JsonText.quote(net)
                                + " in definition " + JsonText.plain(definition));
                    }
                    bindings.add(new Binding(port, net));
                }
            }
            return new InstanceSpec(name, instantiated, bindings, path);
        }

        /**
         * Checks that {@code node} is an object with no member outside {@code table} and gives each
         * table member's value node (-1 when absent).
         */
        int[] slots(int node, String path, List<String> table) {
            expect(node, JsonTree.OBJECT, path, "an object");
            int[] slots = new int[table.size()];
            Arrays.fill(slots, -1);
            for (int key = t.firstChild(node); key < t.next(node); key = t.next(key + 1)) {
                String name = t.string(key);
                int k = table.indexOf(name);
                if (k < 0) {
                    throw new NetlistException(JsonText.memberPath(path, name) + ": unknown member "
                            + JsonText.quote(name) + "; expected one of " + String.join(", ", table));
                }
                slots[k] = key + 1;
            }
            return slots;
        }

        void expect(int node, int kind, String path, String what) {
            if (t.kind(node) != kind) {
                throw new NetlistException(path + ": expected " + what + ", found " + t.typeName(node));
            }
        }

        /**
         * The string value of member {@code name} of the object at {@code path}; the member's path
         * is only built for the message.
         */
        String memberString(int node, String path, String name) {
            if (t.kind(node) != JsonTree.STRING) {
                throw new NetlistException(JsonText.memberPath(path, name) + ": expected a string, found "
                        + t.typeName(node));
            }
            return t.string(node);
        }

        String string(int node, String path) {
            expect(node, JsonTree.STRING, path, "a string");
            return t.string(node);
        }

        private int required(int[] s, int slot, String path, List<String> table) {
            if (s[slot] < 0) {
                throw new NetlistException(path + ": missing member " + JsonText.quote(table.get(slot)));
            }
            return s[slot];
        }

        private String requiredString(int[] s, int slot, String path, List<String> table) {
            int node = required(s, slot, path, table);
            return memberString(node, path, table.get(slot));
        }

        private String optionalString(int[] s, int slot, String path, List<String> table, String absent) {
            return s[slot] >= 0 ? memberString(s[slot], path, table.get(slot)) : absent;
        }

        private boolean optionalBool(int[] s, int slot, String path, List<String> table, boolean absent) {
            if (s[slot] < 0) {
                return absent;
            }
            int kind = t.kind(s[slot]);
            if (kind == JsonTree.TRUE || kind == JsonTree.FALSE) {
                return kind == JsonTree.TRUE;
            }
            throw new NetlistException(JsonText.memberPath(path, table.get(slot)) + ": expected a boolean, found "
                    + t.typeName(s[slot]));
        }

        /** The array at {@code slot}, or -1 when absent. */
        private int array(int[] s, int slot, String path, List<String> table) {
            if (s[slot] >= 0) {
                expect(s[slot], JsonTree.ARRAY, JsonText.memberPath(path, table.get(slot)), "an array");
            }
            return s[slot];
        }

        /** A unit number from {@code min} to {@link #MAX_UNIT}. */
        int unit(int node, String path, long min) {
            if (t.kind(node) != JsonTree.NUMBER) {
                throw new NetlistException(path + ": expected an integer, found " + t.typeName(node));
            }
            long n = t.integer(node);
            if (n == Long.MIN_VALUE || n < min || n > MAX_UNIT) {
                throw new NetlistException(path + ": expected an integer from " + min + " to " + MAX_UNIT
                        + ", found " + t.source(node));
            }
            return (int) n;
        }
    }

    /** Checks a pin electrical type keyword. */
    static void pinType(String keyword, String path) {
        if (!PIN_TYPES.contains(keyword)) {
            throw new NetlistException(path + ": unknown pin electrical type '" + JsonText.plain(keyword)
                    + "'; expected one of "
                    + String.join(", ", PIN_TYPES));
        }
    }

    /**
     * Writes a design as circuit JSON in the canonical layout: members in table order, defaults
     * left out. Reading the result gives the design back (origins aside).
     */
    public static byte[] write(Design design) {
        JsonText.Out o = new JsonText.Out();
        o.beginObject();
        o.name("format").string(FORMAT);
        o.name("version").integer(VERSION);
        o.name("name").string(design.name());
        o.name("root").string(design.root());
        o.name("definitions").beginObject();
        for (Definition definition : design.definitions()) {
            o.name(definition.name());
            writeDefinition(o, definition);
        }
        o.endObject();
        if (!design.sheetUuids().isEmpty()) {
            o.name("sheetUuids").beginObject();
            for (SheetUuid sheet : design.sheetUuids()) {
                o.name(sheet.path()).string(sheet.uuid());
            }
            o.endObject();
        }
        o.endObject();
        return o.finish();
    }

    private static void writeDefinition(JsonText.Out o, Definition d) {
        o.beginObject();
        if (!d.ports().isEmpty()) {
            o.name("ports").beginArray();
            for (String port : d.ports()) {
                o.element().string(port);
            }
            o.endArray();
        }
        if (!d.components().isEmpty()) {
            o.name("components").beginArray();
            for (ComponentSpec c : d.components()) {
                o.element();
                writeComponent(o, c);
            }
            o.endArray();
        }
        if (!d.nets().isEmpty()) {
            o.name("nets").beginArray();
            for (NetSpec net : d.nets()) {
                o.element();
                writeNet(o, net);
            }
            o.endArray();
        }
        if (!d.noConnects().isEmpty()) {
            o.name("noConnects").beginArray();
            for (PinRef pin : d.noConnects()) {
                o.element();
                writeNode(o, pin);
            }
            o.endArray();
        }
        if (!d.instances().isEmpty()) {
            o.name("instances").beginArray();
            for (InstanceSpec instance : d.instances()) {
                o.element().beginObject();
                o.name("name").string(instance.name());
                o.name("definition").string(instance.definition());
                if (!instance.bindings().isEmpty()) {
                    o.name("bindings").beginObject();
                    for (Binding binding : instance.bindings()) {
                        o.name(binding.port()).string(binding.net());
                    }
                    o.endObject();
                }
                o.endObject();
            }
            o.endArray();
        }
        o.endObject();
    }

    private static void writeComponent(JsonText.Out o, ComponentSpec c) {
        o.beginObject();
        o.name("id").string(c.id());
        o.name("symbol").string(c.symbol());
        String reference = switch (c.referenceKind()) {
            case FIXED -> "reference";
            case PREFIX -> "prefix";
            case ABSOLUTE -> "absolute";
        };
        o.name(reference).string(c.reference());
        String[][] texts = {{"value", c.value()}, {"footprint", c.footprint()}, {"datasheet", c.datasheet()},
            {"description", c.description()}};
        for (String[] text : texts) {
            if (!text[1].isEmpty()) {
                o.name(text[0]).string(text[1]);
            }
        }
        if (!c.fields().isEmpty()) {
            o.name("fields").beginObject();
            for (Field field : c.fields()) {
                o.name(field.name()).string(field.value());
            }
            o.endObject();
        }
        if (c.dnp()) {
            o.name("dnp").bool(true);
        }
        if (!c.inBom()) {
            o.name("inBom").bool(false);
        }
        if (!c.onBoard()) {
            o.name("onBoard").bool(false);
        }
        if (c.pins() != null) {
            o.name("pins").beginObject();
            for (PinSpec pin : c.pins()) {
                o.name(pin.number()).beginObject();
                if (!pin.name().isEmpty()) {
                    o.name("name").string(pin.name());
                }
                o.name("type").string(pin.type());
                if (pin.unit() != 0) {
                    o.name("unit").integer(pin.unit());
                }
                if (pin.hidden()) {
                    o.name("hidden").bool(true);
                }
                o.endObject();
            }
            o.endObject();
        }
        if (!c.uuids().isEmpty()) {
            o.name("uuids").beginArray();
            for (String uuid : c.uuids()) {
                o.element().string(uuid);
            }
            o.endArray();
        }
        o.endObject();
    }

    private static void writeNet(JsonText.Out o, NetSpec net) {
        o.beginObject();
        if (net.name() != null) {
            o.name("name").string(net.name());
        }
        if (net.id() != null) {
            o.name("id").string(net.id());
        }
        switch (net.power()) {
            case AUTO -> { }
            case YES -> o.name("power").bool(true);
            case NO -> o.name("power").bool(false);
        }
        if (!net.netClass().equals("Default")) {
            o.name("class").string(net.netClass());
        }
        if (net.absolute()) {
            o.name("absolute").bool(true);
        }
        if (!net.nodes().isEmpty()) {
            o.name("nodes").beginArray();
            for (PinRef node : net.nodes()) {
                o.element();
                writeNode(o, node);
            }
            o.endArray();
        }
        o.endObject();
    }

    private static void writeNode(JsonText.Out o, PinRef pin) {
        o.beginObject();
        o.name("component").string(pin.component());
        o.name("pin").string(pin.pin());
        if (pin.unit() != 0) {
            o.name("unit").integer(pin.unit());
        }
        o.endObject();
    }
}
