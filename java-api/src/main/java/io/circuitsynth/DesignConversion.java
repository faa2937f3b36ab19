package io.circuitsynth;

import io.circuitsynth.netlist.ComponentSpec;
import io.circuitsynth.netlist.Definition;
import io.circuitsynth.netlist.Design;
import io.circuitsynth.netlist.InstanceSpec;
import io.circuitsynth.netlist.NetSpec;
import io.circuitsynth.netlist.NetlistException;
import io.circuitsynth.netlist.PinRef;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@link Circuit} to {@link Design} and back. The two directions are inverse: a design read from a
 * file becomes circuits that give the same design again (definition order, net ids, bindings as
 * written, UUIDs kept from a {@code .net}), so writing a read circuit loses nothing.
 */
final class DesignConversion {
    private DesignConversion() {}

    static Design toDesign(Circuit root) {
        List<Circuit> circuits = circuitsOf(root);
        List<Definition> definitions = new ArrayList<>(circuits.size());
        for (Circuit c : circuits) {
            definitions.add(definition(c));
        }
        return new Design(root.project(), root.name(), definitions, root.sheetUuids);
    }

    /**
     * The root, then every circuit it places, depth first in instance order; a root read from a
     * design lists that design's definitions first, in their order. Two different circuits with
     * one name would make two definitions of that name, which no design can hold.
     */
    private static List<Circuit> circuitsOf(Circuit root) {
        Set<Circuit> ordered = new LinkedHashSet<>(root.designOrder);
        Set<Circuit> seen = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
        Deque<Circuit> stack = new ArrayDeque<>();
        stack.push(root);
        while (!stack.isEmpty()) {
            Circuit c = stack.pop();
            if (!seen.add(c)) {
                continue;
            }
            ordered.add(c);
            List<Instance> instances = c.instances;
            for (int i = instances.size() - 1; i >= 0; i--) {
                stack.push(instances.get(i).definition());
            }
        }
        Map<String, Circuit> byName = new HashMap<>();
        for (Circuit c : ordered) {
            Circuit other = byName.putIfAbsent(c.name(), c);
            if (other != null) {
                throw new NetlistException("two different circuits are called " + c.name() + " (made at "
                        + where(other.origin) + " and at " + where(c.origin) + "); give each its own name");
            }
        }
        return new ArrayList<>(ordered);
    }

    private static String where(String origin) {
        return origin == null ? "an unknown place" : origin;
    }

    private static Definition definition(Circuit c) {
        List<ComponentSpec> components = new ArrayList<>(c.components.size());
        for (Component k : c.components) {
            components.add(component(k));
        }
        Set<Net> bound = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
        for (Instance instance : c.instances) {
            for (Instance.Binding binding : instance.bindings.values()) {
                bound.add(binding.net());
            }
        }
        List<Net> written = new ArrayList<>(c.nets.size());
        for (Net net : c.nets) {
            if (!bareImplicitPort(c, net)) {
                written.add(net);
            }
        }
        Map<Net, String> generatedIds = generatedIds(written, bound);
        List<NetSpec> nets = new ArrayList<>(written.size());
        for (Net net : written) {
            String id = net.id != null ? net.id : generatedIds.get(net);
            nets.add(new NetSpec(net.name(), id, net.power, net.netClass, pinRefs(net.nodes), net.absolute,
                    net.origin));
        }
        List<InstanceSpec> instances = new ArrayList<>(c.instances.size());
        for (Instance instance : c.instances) {
            List<InstanceSpec.Binding> bindings = new ArrayList<>(instance.bindings.size());
            instance.bindings.forEach((port, binding) -> bindings.add(new InstanceSpec.Binding(port,
                    binding.written() != null ? binding.written() : reference(binding.net(), generatedIds))));
            instances.add(new InstanceSpec(instance.name(), instance.definition().name(), bindings, instance.origin));
        }
        return new Definition(c.name(), c.ports(), components, nets, pinRefs(c.noConnects), instances, c.origin);
    }

    /**
     * A port's net made through the API that nothing was connected to and nothing was set on: the
     * port alone already is that net (a binding names it by the port's name), so no net entry is
     * written for it.
     */
    private static boolean bareImplicitPort(Circuit c, Net net) {
        return !net.declared && net.name() != null && c.ports().contains(net.name()) && net.nodes.isEmpty()
                && net.power == NetSpec.Power.AUTO && net.netClass.equals("Default");
    }

    /**
     * Ids for the unnamed nets a binding refers to: {@code #k}, k the net's index, which is also how
     * finalize names an unnamed net without id in its messages; the rare clash with a name or id
     * already used adds {@code .1}, {@code .2}...
     */
    private static Map<Net, String> generatedIds(List<Net> nets, Set<Net> bound) {
        Map<Net, String> ids = new IdentityHashMap<>();
        Set<String> taken = new HashSet<>();
        for (Net net : nets) {
            if (net.name() != null) {
                taken.add(net.name());
            }
            if (net.id != null) {
                taken.add(net.id);
            }
        }
        for (int k = 0; k < nets.size(); k++) {
            Net net = nets.get(k);
            if (net.name() == null && net.id == null && bound.contains(net)) {
                String id = "#" + k;
                for (int n = 1; taken.contains(id); n++) {
                    id = "#" + k + "." + n;
                }
                taken.add(id);
                ids.put(net, id);
            }
        }
        return ids;
    }

    private static String reference(Net net, Map<Net, String> generatedIds) {
        if (net.name() != null) {
            return net.name();
        }
        return net.id != null ? net.id : generatedIds.get(net);
    }

    private static ComponentSpec component(Component k) {
        List<ComponentSpec.Field> fields = new ArrayList<>(k.fields.size());
        k.fields.forEach((name, value) -> fields.add(new ComponentSpec.Field(name, value)));
        return new ComponentSpec(k.id(), k.symbol(), k.referenceKind, k.reference, k.value(), k.footprint(),
                k.datasheet(), k.description(), fields, k.isDnp(), k.isInBom(), k.isOnBoard(), k.pinTable, k.uuids,
                k.origin);
    }

    private static List<PinRef> pinRefs(List<Net.Node> nodes) {
        List<PinRef> refs = new ArrayList<>(nodes.size());
        for (Net.Node node : nodes) {
            Pin pin = node.pin();
            refs.add(new PinRef(pin.component().id(), pin.selector(), pin.unit(), node.origin()));
        }
        return refs;
    }

    static Circuit fromDesign(Design design) {
        Map<String, Circuit> byName = new HashMap<>();
        List<Circuit> circuits = new ArrayList<>(design.definitions().size());
        for (Definition d : design.definitions()) {
            Circuit c = new Circuit(d.name(), design.name(), d.ports(), d.origin());
            circuits.add(c);
            byName.putIfAbsent(d.name(), c);
        }
        Circuit root = byName.get(design.root());
        if (root == null) {
            throw new NetlistException("the root definition " + design.root() + " is not among the design's"
                    + " definitions");
        }
        for (int i = 0; i < circuits.size(); i++) {
            fill(circuits.get(i), design.definitions().get(i), byName);
        }
        root.designOrder = List.copyOf(circuits);
        root.sheetUuids = design.sheetUuids();
        return root;
    }

    private static void fill(Circuit c, Definition d, Map<String, Circuit> byName) {
        for (ComponentSpec spec : d.components()) {
            Component k = new Component(c, spec.id(), spec.symbol(), spec.referenceKind(), spec.reference(),
                    spec.origin());
            k.value(spec.value()).footprint(spec.footprint()).datasheet(spec.datasheet())
                    .description(spec.description()).dnp(spec.dnp()).inBom(spec.inBom()).onBoard(spec.onBoard());
            for (ComponentSpec.Field field : spec.fields()) {
                k.fields.put(field.name(), field.value());
            }
            k.pinTable = spec.pins() == null ? null : new ArrayList<>(spec.pins());
            k.uuids = spec.uuids();
            c.add(k);
        }
        List<NetSpec> specs = d.nets();
        for (int i = 0; i < specs.size(); i++) {
            NetSpec spec = specs.get(i);
            Net net = new Net(c, spec.name(), spec.id(), spec.absolute(), spec.origin(), true);
            net.power = spec.power();
            net.netClass = spec.netClass();
            String label = spec.name() != null ? spec.name() : spec.id() != null ? spec.id() : "#" + i;
            for (PinRef ref : spec.nodes()) {
                Pin pin = pin(c, ref, () -> "net " + label + " in definition " + d.name() + ": no component \""
                        + ref.component() + "\"");
                net.nodes.add(new Net.Node(pin, ref.origin()));
                c.pinConnected(pin, net);
            }
            c.add(net);
        }
        for (PinRef ref : d.noConnects()) {
            Pin pin = pin(c, ref, () -> "no component \"" + ref.component() + "\" in definition " + d.name());
            c.noConnects.add(new Net.Node(pin, ref.origin()));
        }
        for (InstanceSpec spec : d.instances()) {
            Circuit definition = byName.get(spec.definition());
            if (definition == null) {
                throw located(spec.origin(), "instance " + spec.name() + " in definition " + d.name()
                        + ": no definition called " + spec.definition());
            }
            Instance instance = new Instance(c, definition, spec.name(), spec.origin());
            for (InstanceSpec.Binding binding : spec.bindings()) {
                Net net = resolve(c, binding.net());
                if (net == null) {
                    throw located(spec.origin(), "no net \"" + binding.net() + "\" in definition " + d.name());
                }
                instance.bindings.put(binding.port(), new Instance.Binding(net, binding.net()));
            }
            c.instances.add(instance);
        }
    }

    private static Pin pin(Circuit c, PinRef ref, java.util.function.Supplier<String> missing) {
        Component k = c.componentById(ref.component());
        if (k == null) {
            throw located(ref.origin(), missing.get());
        }
        return new Pin(k, ref.pin(), ref.unit());
    }

    /** A binding's net: by name, else by id, else a port's net (made for the occasion). */
    private static Net resolve(Circuit c, String written) {
        Net net = c.netByName(written);
        if (net != null) {
            return net;
        }
        for (Net candidate : c.nets) {
            if (written.equals(candidate.id)) {
                return candidate;
            }
        }
        if (c.ports().contains(written)) {
            Net port = new Net(c, written, null, false, null, false);
            c.add(port);
            return port;
        }
        return null;
    }

    private static NetlistException located(String origin, String message) {
        return new NetlistException(origin == null ? message : origin + ": " + message);
    }
}
