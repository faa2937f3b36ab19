package io.circuitsynth.netlist;

import io.circuitsynth.netlist.ComponentSpec.Field;
import io.circuitsynth.netlist.ComponentSpec.PinSpec;
import io.circuitsynth.netlist.ComponentSpec.ReferenceKind;
import io.circuitsynth.netlist.InstanceSpec.Binding;
import io.circuitsynth.netlist.NetSpec.Power;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * circuit-synth JSON import (specification section 6): the file circuit-synth's
 * {@code Circuit.generate_json_netlist()} writes. The Rust twin is {@code circuit_synth}.
 *
 * <p>Unlike circuit JSON, members this import does not use are ignored: circuit-synth adds members
 * from release to release. The syntax check is the same ({@link JsonScanner}).
 */
public final class CircuitSynthJson {
    /** Field names KiCad keeps as members of their own; {@code _extra_fields} copies of them are skipped. */
    private static final List<String> RESERVED_FIELDS =
            List.of("Reference", "Value", "Footprint", "Datasheet", "Description");

    private CircuitSynthJson() {}

    /**
     * Whether {@code json} looks like circuit-synth JSON: a top-level object without {@code format}
     * that has {@code components}. Invalid JSON is not.
     */
    public static boolean isCircuitSynth(byte[] json) {
        JsonTree t;
        try {
            t = JsonScanner.scan(json);
        } catch (NetlistException e) {
            return false;
        }
        return t.kind(0) == JsonTree.OBJECT && t.member(0, "format") < 0 && t.member(0, "components") >= 0;
    }

    /** A net a circuit object lists: its name, nodes and JSON path. */
    private record Listed(String name, List<PinRef> nodes, String path) {}

    /** One circuit object of the file: a definition of its own. */
    private static final class Circuit {
        String path;
        int parent;
        int depth;
        /** Its {@code name} member. */
        String name;
        String definition;
        String instance;
        List<ComponentSpec> components;
        List<Listed> nets;
        final List<Integer> children = new ArrayList<>();
    }

    /** A circuit object waiting to be bound. */
    private record Pending(int node, String path, int parent) {}

    /**
     * Reads circuit-synth JSON into a design.
     *
     * @throws NetlistException with the first error: {@code LINE:COLUMN: DETAIL} for syntax,
     *     {@code JSONPATH: DETAIL} for binding
     */
    public static Design read(byte[] json) {
        JsonTree tree = JsonScanner.scan(json);
        CircuitJson.Binder b = new CircuitJson.Binder(tree);
        b.expect(0, JsonTree.OBJECT, "$", "an object");
        if (tree.member(0, "components") < 0) {
            throw new NetlistException("$: missing member \"components\"");
        }
        // Pre-order, without recursion: a child is bound after its parent and before the parent's
        // later siblings.
        List<Circuit> circuits = new ArrayList<>();
        Deque<Pending> pending = new ArrayDeque<>();
        pending.push(new Pending(0, "$", -1));
        while (!pending.isEmpty()) {
            Pending next = pending.pop();
            int index = circuits.size();
            int depth = next.parent() < 0 ? 0 : circuits.get(next.parent()).depth + 1;
            Circuit circuit = bindCircuit(b, next.node(), next.path(), next.parent(), depth);
            List<Pending> children = new ArrayList<>();
            int list = present(b, next.node(), "subcircuits");
            if (list >= 0) {
                String listPath = JsonText.memberPath(circuit.path, "subcircuits");
                b.expect(list, JsonTree.ARRAY, listPath, "an array");
                int i = 0;
                for (int element = list + 1; element < tree.next(list); element = tree.next(element), i++) {
                    String elementPath = JsonText.indexPath(listPath, i);
                    b.expect(element, JsonTree.OBJECT, elementPath, "an object");
                    children.add(new Pending(element, elementPath, index));
                }
            }
            circuits.add(circuit);
            if (next.parent() >= 0) {
                circuits.get(next.parent()).children.add(index);
            }
            for (int k = children.size() - 1; k >= 0; k--) {
                pending.push(children.get(k));
            }
        }
        nameDefinitions(circuits);
        return assemble(circuits);
    }

    /** The value of member {@code name}, unless absent or {@code null}; -1 otherwise. */
    private static int present(CircuitJson.Binder b, int object, String name) {
        int value = b.t.member(object, name);
        return value >= 0 && b.t.kind(value) != JsonTree.NULL ? value : -1;
    }

    /** A string member, or null when absent or {@code null}. */
    private static String text(CircuitJson.Binder b, int object, String path, String name) {
        int value = present(b, object, name);
        return value >= 0 ? b.string(value, JsonText.memberPath(path, name)) : null;
    }

    /** A pin number or identifier: a string, or a number as written. */
    private static String pinText(CircuitJson.Binder b, int object, String path, String name) {
        int value = present(b, object, name);
        if (value >= 0 && b.t.kind(value) == JsonTree.NUMBER) {
            return b.t.source(value);
        }
        return value >= 0 ? b.string(value, JsonText.memberPath(path, name)) : null;
    }

    private static Circuit bindCircuit(CircuitJson.Binder b, int node, String path, int parent, int depth) {
        JsonTree t = b.t;
        String name = text(b, node, path, "name");
        if (name == null) {
            throw new NetlistException(path + ": missing member \"name\"");
        }
        List<ComponentSpec> components = new ArrayList<>();
        Map<String, String> refs = new HashMap<>();
        int list = present(b, node, "components");
        if (list >= 0) {
            String listPath = JsonText.memberPath(path, "components");
            if (t.kind(list) == JsonTree.OBJECT) {
                for (int key = t.firstChild(list); key < t.next(list); key = t.next(key + 1)) {
                    String ref = t.string(key);
                    components.add(bindComponent(b, key + 1, JsonText.memberPath(listPath, ref), ref, refs));
                }
            } else if (t.kind(list) == JsonTree.ARRAY) {
                int i = 0;
                for (int element = list + 1; element < t.next(list); element = t.next(element), i++) {
                    components.add(bindComponent(b, element, JsonText.indexPath(listPath, i), null, refs));
                }
            } else {
                throw new NetlistException(listPath + ": expected an object or an array, found " + t.typeName(list));
            }
        }
        List<Listed> nets = new ArrayList<>();
        int object = present(b, node, "nets");
        if (object >= 0) {
            String netsPath = JsonText.memberPath(path, "nets");
            b.expect(object, JsonTree.OBJECT, netsPath, "an object");
            for (int key = t.firstChild(object); key < t.next(object); key = t.next(key + 1)) {
                String netName = t.string(key);
                int value = key + 1;
                String netPath = JsonText.memberPath(netsPath, netName);
                int nodesList;
                String listPath;
                if (t.kind(value) == JsonTree.ARRAY) {
                    nodesList = value;
                    listPath = netPath;
                } else if (t.kind(value) == JsonTree.OBJECT) {
                    nodesList = present(b, value, "nodes");
                    if (nodesList < 0) {
                        throw new NetlistException(netPath + ": missing member \"nodes\"");
                    }
                    listPath = JsonText.memberPath(netPath, "nodes");
                    b.expect(nodesList, JsonTree.ARRAY, listPath, "an array");
                } else {
                    throw new NetlistException(netPath + ": expected an array or an object, found "
                            + t.typeName(value));
                }
                List<PinRef> nodes = new ArrayList<>();
                int i = 0;
                for (int element = nodesList + 1; element < t.next(nodesList); element = t.next(element), i++) {
                    PinRef pin = bindNode(b, element, JsonText.indexPath(listPath, i), name, refs);
                    // circuit-synth lists a pin once per key it is known by (number and name).
                    boolean known = nodes.stream()
                            .anyMatch(n -> n.component().equals(pin.component()) && n.pin().equals(pin.pin()));
                    if (!known) {
                        nodes.add(pin);
                    }
                }
                if (nodes.isEmpty() && netName.startsWith("unconnected-")) {
                    continue;
                }
                nets.add(new Listed(netName, nodes, netPath));
            }
        }
        Circuit circuit = new Circuit();
        circuit.path = path;
        circuit.parent = parent;
        circuit.depth = depth;
        circuit.name = name;
        circuit.components = components;
        circuit.nets = nets;
        return circuit;
    }

    private static ComponentSpec bindComponent(CircuitJson.Binder b, int node, String path, String key,
            Map<String, String> refs) {
        JsonTree t = b.t;
        b.expect(node, JsonTree.OBJECT, path, "an object");
        String reference = text(b, node, path, "ref");
        if (reference == null) {
            if (key == null) {
                throw new NetlistException(path + ": missing member \"ref\"");
            }
            reference = key;
        }
        String first = refs.get(reference);
        if (first != null) {
            throw new NetlistException(path + ": duplicate component " + JsonText.quote(reference)
                    + " (first at " + first + ")");
        }
        refs.put(reference, path);
        String symbol = text(b, node, path, "symbol");
        if (symbol == null) {
            throw new NetlistException(path + ": missing member \"symbol\"");
        }
        String value = text(b, node, path, "value");
        if (value == null) {
            value = symbol.substring(symbol.lastIndexOf(':') + 1);
        }
        String footprint = orEmpty(text(b, node, path, "footprint"));
        String datasheet = orEmpty(text(b, node, path, "datasheet"));
        String description = orEmpty(text(b, node, path, "description"));
        List<Field> fields = new ArrayList<>();
        int object = present(b, node, "_extra_fields");
        if (object >= 0) {
            b.expect(object, JsonTree.OBJECT, JsonText.memberPath(path, "_extra_fields"), "an object");
            for (int k = t.firstChild(object); k < t.next(object); k = t.next(k + 1)) {
                String field = t.string(k);
                if (field.startsWith("ki_") || RESERVED_FIELDS.contains(field)) {
                    continue;
                }
                int kind = t.kind(k + 1);
                if (kind == JsonTree.STRING) {
                    fields.add(new Field(field, t.string(k + 1)));
                } else if (kind == JsonTree.NUMBER) {
                    fields.add(new Field(field, t.source(k + 1)));
                }
            }
        }
        List<PinSpec> pins = null;
        int list = present(b, node, "pins");
        if (list >= 0) {
            String pinsPath = JsonText.memberPath(path, "pins");
            b.expect(list, JsonTree.ARRAY, pinsPath, "an array");
            Map<String, PinSpec> table = new LinkedHashMap<>();
            int i = 0;
            for (int element = list + 1; element < t.next(list); element = t.next(element), i++) {
                PinSpec pin = bindPin(b, element, JsonText.indexPath(pinsPath, i));
                // The same pin appears under each key circuit-synth knows it by; the first wins.
                table.putIfAbsent(pin.number(), pin);
            }
            pins = new ArrayList<>(table.values());
        }
        boolean endsInDigit = !reference.isEmpty() && reference.charAt(reference.length() - 1) >= '0'
                && reference.charAt(reference.length() - 1) <= '9';
        return new ComponentSpec(reference, symbol, endsInDigit ? ReferenceKind.ABSOLUTE : ReferenceKind.PREFIX,
                reference, value, footprint, datasheet, description, fields, false, true, true, pins, List.of(),
                path);
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }

    private static PinSpec bindPin(CircuitJson.Binder b, int node, String path) {
        b.expect(node, JsonTree.OBJECT, path, "an object");
        String number = pinText(b, node, path, "num");
        if (number == null) {
            number = pinText(b, node, path, "pin_id");
        }
        if (number == null) {
            throw new NetlistException(path + ": missing member \"num\"");
        }
        String name = orEmpty(text(b, node, path, "name"));
        String type = text(b, node, path, "func");
        if (type == null) {
            type = "passive";
        }
        CircuitJson.pinType(type, JsonText.memberPath(path, "func"));
        int unitNode = present(b, node, "unit");
        int unit = unitNode >= 0 ? b.unit(unitNode, JsonText.memberPath(path, "unit"), 0) : 0;
        return new PinSpec(number, name, type, unit, false);
    }

    private static PinRef bindNode(CircuitJson.Binder b, int node, String path, String circuit,
            Map<String, String> refs) {
        b.expect(node, JsonTree.OBJECT, path, "an object");
        String component = text(b, node, path, "component");
        if (component == null) {
            throw new NetlistException(path + ": missing member \"component\"");
        }
        if (!refs.containsKey(component)) {
            throw new NetlistException(JsonText.memberPath(path, "component") + ": no component "
                    + JsonText.quote(component) + " in circuit " + JsonText.quote(circuit));
        }
        int pinNode = present(b, node, "pin");
        if (pinNode < 0) {
            throw new NetlistException(path + ": missing member \"pin\"");
        }
        String pinPath = JsonText.memberPath(path, "pin");
        b.expect(pinNode, JsonTree.OBJECT, pinPath, "an object");
        String pin = pinText(b, pinNode, pinPath, "number");
        if (pin == null) {
            pin = pinText(b, pinNode, pinPath, "pin_id");
        }
        if (pin == null) {
            pin = text(b, pinNode, pinPath, "name");
        }
        if (pin == null) {
            throw new NetlistException(pinPath + ": missing member \"number\"");
        }
        return new PinRef(component, pin, 0, path);
    }

    /**
     * Definition names are unique in the design and instance names among siblings: a repeated
     * name takes the first free {@code _2}, {@code _3}, … in pre-order.
     */
    private static void nameDefinitions(List<Circuit> circuits) {
        List<String> taken = new ArrayList<>();
        for (Circuit circuit : circuits) {
            circuit.definition = freeName(circuit.name, taken);
            taken.add(circuit.definition);
        }
        for (Circuit circuit : circuits) {
            List<String> siblings = new ArrayList<>();
            for (int child : circuit.children) {
                String name = freeName(circuits.get(child).name, siblings);
                siblings.add(name);
                circuits.get(child).instance = name;
            }
        }
    }

    private static String freeName(String name, List<String> taken) {
        if (!taken.contains(name)) {
            return name;
        }
        for (int k = 2;; k++) {
            String candidate = name + "_" + k;
            if (!taken.contains(candidate)) {
                return candidate;
            }
        }
    }

    /** circuit-synth's names for unnamed nets: {@code N$} and a number. */
    static boolean isAutoName(String name) {
        if (!name.startsWith("N$") || name.length() == 2) {
            return false;
        }
        for (int i = 2; i < name.length(); i++) {
            if (name.charAt(i) < '0' || name.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    /** A net owned without being listed: its name and the path of its first listing. */
    private record Owned(String name, String path) {}

    /**
     * The design: one definition per circuit object, nets shared across the hierarchy resolved
     * into ports and bindings.
     */
    private static Design assemble(List<Circuit> circuits) {
        // Every net name, in order of first listing (pre-order, then listing order), with the
        // circuits that list it.
        Map<String, List<Integer>> listers = new LinkedHashMap<>();
        for (int index = 0; index < circuits.size(); index++) {
            for (Listed net : circuits.get(index).nets) {
                listers.computeIfAbsent(net.name(), n -> new ArrayList<>()).add(index);
            }
        }
        int count = circuits.size();
        List<List<String>> ports = new ArrayList<>();
        List<List<Owned>> owned = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ports.add(new ArrayList<>());
            owned.add(new ArrayList<>());
        }
        for (Map.Entry<String, List<Integer>> entry : listers.entrySet()) {
            String name = entry.getKey();
            List<Integer> list = entry.getValue();
            if (NetNames.isPowerName(name)) {
                // Power nets are global by name: every circuit keeps its own, no ports.
                continue;
            }
            int owner = list.get(0);
            for (int c : list.subList(1, list.size())) {
                owner = commonAncestor(circuits, owner, c);
            }
            if (!list.contains(owner)) {
                String path = circuits.get(list.get(0)).nets.stream().filter(n -> n.name().equals(name))
                        .findFirst().orElseThrow().path();
                owned.get(owner).add(new Owned(name, path));
            }
            for (int c : list) {
                int at = c;
                while (at != owner && !ports.get(at).contains(name)) {
                    ports.get(at).add(name);
                    at = circuits.get(at).parent;
                }
            }
        }
        // Ports in order of first listing.
        Map<String, Integer> rank = new HashMap<>();
        for (String name : listers.keySet()) {
            rank.put(name, rank.size());
        }
        for (List<String> list : ports) {
            list.sort((x, y) -> Integer.compare(rank.get(x), rank.get(y)));
        }
        List<Definition> definitions = new ArrayList<>();
        for (int index = 0; index < count; index++) {
            Circuit circuit = circuits.get(index);
            List<InstanceSpec> instances = new ArrayList<>();
            for (int child : circuit.children) {
                List<Binding> bindings = new ArrayList<>();
                for (String port : ports.get(child)) {
                    bindings.add(new Binding(port, port));
                }
                Circuit c = circuits.get(child);
                instances.add(new InstanceSpec(c.instance, c.definition, bindings, c.path));
            }
            List<NetSpec> nets = new ArrayList<>();
            for (Listed net : circuit.nets) {
                nets.add(makeNet(net.name(), net.nodes(), net.path(), ports.get(index).contains(net.name())));
            }
            for (Owned net : owned.get(index)) {
                nets.add(makeNet(net.name(), List.of(), net.path(), false));
            }
            definitions.add(new Definition(circuit.definition, ports.get(index), circuit.components, nets, List.of(),
                    instances, circuit.path));
        }
        return new Design(circuits.get(0).name, circuits.get(0).definition, definitions);
    }

    /**
     * A net as a definition holds it: an auto-named net is unnamed (its name stays as {@code id},
     * for bindings) unless it is a port's net, which carries the port's name.
     */
    private static NetSpec makeNet(String name, List<PinRef> nodes, String path, boolean isPort) {
        boolean unnamed = isAutoName(name) && !isPort;
        return new NetSpec(unnamed ? null : name, unnamed ? name : null, Power.AUTO, "Default", nodes, false, path);
    }

    private static int commonAncestor(List<Circuit> circuits, int a, int b) {
        while (circuits.get(a).depth > circuits.get(b).depth) {
            a = circuits.get(a).parent;
        }
        while (circuits.get(b).depth > circuits.get(a).depth) {
            b = circuits.get(b).parent;
        }
        while (a != b) {
            a = circuits.get(a).parent;
            b = circuits.get(b).parent;
        }
        return a;
    }
}
