package io.circuitsynth.netlist;

import io.circuitsynth.io.JavaIoStage;
import io.circuitsynth.io.SexprTree;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Connectivity of a {@code .net} and of a design, compared with a readable diff: which nets hold
 * which {@code REF.PIN}, and each component's value and footprint. The {@code .net} side reads the
 * file with the io parser alone and the design side follows ports and bindings itself, so neither
 * shares code with the reader under test. The Rust twin is
 * {@code rust-crates/netlist/tests/net_read_support/connectivity.rs}.
 */
final class NetConnectivity {
    /** Net name to its sorted {@code REF.PIN}s (a tab separates them, so any text fits). */
    final Map<String, TreeSet<String>> nets = new TreeMap<>();
    /** Reference to {@code value + TAB + footprint}. */
    final Map<String, String> components = new TreeMap<>();

    private static String pin(String reference, String pin) {
        return reference + "\t" + pin;
    }

    private static String head(SexprTree t, int list) {
        int first = t.firstChild(list);
        return first == SexprTree.NONE || t.isList(first) ? null : t.stringValue(first);
    }

    private static List<Integer> children(SexprTree t, int list, String key) {
        List<Integer> out = new ArrayList<>();
        int first = t.firstChild(list);
        for (int c = first == SexprTree.NONE ? SexprTree.NONE : t.nextSibling(list, first); c != SexprTree.NONE;
                c = t.nextSibling(list, c)) {
            if (t.isList(c) && key.equals(head(t, c))) {
                out.add(c);
            }
        }
        return out;
    }

    private static String valueOf(SexprTree t, int list, String key) {
        List<Integer> found = children(t, list, key);
        if (found.isEmpty()) {
            return null;
        }
        int first = t.firstChild(found.get(0));
        int value = t.nextSibling(found.get(0), first);
        return value == SexprTree.NONE ? null : t.stringValue(value);
    }

    /** From a KiCad {@code .net} (a component's {@code ~} value reads as empty, as the reader maps it). */
    static NetConnectivity ofNet(byte[] bytes) {
        SexprTree t = new JavaIoStage().parse(bytes, "expected.net");
        NetConnectivity out = new NetConnectivity();
        for (int components : children(t, 0, "components")) {
            for (int comp : children(t, components, "comp")) {
                String value = Objects.requireNonNullElse(valueOf(t, comp, "value"), "");
                String footprint = Objects.requireNonNullElse(valueOf(t, comp, "footprint"), "");
                out.components.put(valueOf(t, comp, "ref"), (value.equals("~") ? "" : value) + "\t" + footprint);
            }
        }
        for (int nets : children(t, 0, "nets")) {
            for (int net : children(t, nets, "net")) {
                TreeSet<String> members = out.nets.computeIfAbsent(valueOf(t, net, "name"), k -> new TreeSet<>());
                for (int node : children(t, net, "node")) {
                    members.add(pin(valueOf(t, node, "ref"), valueOf(t, node, "pin")));
                }
            }
        }
        return out;
    }

    /**
     * From a design of absolute references and absolute net names: instances expand from the root,
     * each binding joins a port to its parent's net, and every joined net must carry one name.
     * Throws {@link AssertionError} with the reason when the design is not of that shape.
     */
    static NetConnectivity ofDesign(Design design) {
        NetConnectivity out = new NetConnectivity();
        Map<String, Integer> ids = new HashMap<>();
        List<Integer> parent = new ArrayList<>();
        List<String> names = new ArrayList<>();
        List<Object[]> pins = new ArrayList<>();
        Deque<String[]> stack = new ArrayDeque<>();
        stack.push(new String[] {design.root(), "/"});
        while (!stack.isEmpty()) {
            String[] top = stack.pop();
            String path = top[1];
            Definition def = design.definition(top[0]).orElseThrow(() -> new AssertionError("no definition " + top[0]));
            for (ComponentSpec c : def.components()) {
                if (out.components.put(c.reference(), c.value() + "\t" + c.footprint()) != null) {
                    throw new AssertionError("component " + c.reference() + " placed twice");
                }
            }
            for (NetSpec net : def.nets()) {
                String name = Objects.requireNonNull(net.name(), "every net is named");
                if (!net.absolute()) {
                    throw new AssertionError("net " + name + " of " + def.name() + " is not absolute");
                }
                int n = id(ids, parent, names, path, name);
                names.set(n, name);
                for (PinRef node : net.nodes()) {
                    if (def.components().stream().noneMatch(c -> c.id().equals(node.component()))) {
                        throw new AssertionError("net " + name + " of " + def.name() + " refers to "
                                + node.component() + ", not a component of it");
                    }
                    pins.add(new Object[] {n, pin(node.component(), node.pin())});
                }
            }
            for (String port : def.ports()) {
                id(ids, parent, names, path, port);
            }
            for (InstanceSpec instance : def.instances()) {
                String childPath = path + instance.name() + "/";
                Definition child = design.definition(instance.definition())
                        .orElseThrow(() -> new AssertionError("no definition " + instance.definition()));
                List<String> bound = new ArrayList<>();
                for (InstanceSpec.Binding b : instance.bindings()) {
                    if (!child.ports().contains(b.port())) {
                        throw new AssertionError(childPath + ": no port " + b.port());
                    }
                    if (!def.ports().contains(b.net()) && def.nets().stream().noneMatch(n -> b.net().equals(n.name()))) {
                        throw new AssertionError(childPath + ": binding to " + b.net() + ", no net of " + def.name());
                    }
                    bound.add(b.port());
                    int a = find(parent, id(ids, parent, names, childPath, b.port()));
                    int c = find(parent, id(ids, parent, names, path, b.net()));
                    parent.set(a, c);
                }
                for (String port : child.ports()) {
                    if (!bound.contains(port)) {
                        throw new AssertionError(childPath + ": port " + port + " unbound");
                    }
                }
                stack.push(new String[] {instance.definition(), childPath});
            }
        }
        Map<Integer, String> className = new HashMap<>();
        for (int n : ids.values()) {
            String name = names.get(n);
            if (name != null) {
                String previous = className.put(find(parent, n), name);
                if (previous != null && !previous.equals(name)) {
                    throw new AssertionError("nets " + previous + " and " + name + " are joined through ports");
                }
            }
        }
        for (Object[] p : pins) {
            String name = className.get(find(parent, (Integer) p[0]));
            out.nets.computeIfAbsent(name, k -> new TreeSet<>()).add((String) p[1]);
        }
        // Nets without pins are kept by name, as the .net lists them.
        for (int n : ids.values()) {
            String name = className.get(find(parent, n));
            if (name != null) {
                out.nets.computeIfAbsent(name, k -> new TreeSet<>());
            }
        }
        return out;
    }

    private static int id(Map<String, Integer> ids, List<Integer> parent, List<String> names, String path, String net) {
        return ids.computeIfAbsent(path + "\u0000" + net, k -> {
            parent.add(parent.size());
            names.add(null);
            return parent.size() - 1;
        });
    }

    private static int find(List<Integer> parent, int x) {
        while (parent.get(x) != x) {
            parent.set(x, parent.get(parent.get(x)));
            x = parent.get(x);
        }
        return x;
    }

    /** Empty when equal; else what differs, one line per fact. */
    String diff(NetConnectivity other) {
        StringBuilder out = new StringBuilder();
        nets.forEach((name, members) -> {
            TreeSet<String> theirs = other.nets.get(name);
            if (theirs == null) {
                out.append("net ").append(name).append(": only on the left (").append(members.size()).append(" pins)\n");
            } else if (!theirs.equals(members)) {
                TreeSet<String> gone = new TreeSet<>(members);
                gone.removeAll(theirs);
                TreeSet<String> added = new TreeSet<>(theirs);
                added.removeAll(members);
                out.append("net ").append(name).append(": left only ").append(show(gone)).append(", right only ")
                        .append(show(added)).append('\n');
            }
        });
        other.nets.forEach((name, members) -> {
            if (!nets.containsKey(name)) {
                out.append("net ").append(name).append(": only on the right (").append(members.size()).append(" pins)\n");
            }
        });
        components.forEach((reference, ours) -> {
            String theirs = other.components.get(reference);
            if (theirs == null) {
                out.append("component ").append(reference).append(": only on the left\n");
            } else if (!theirs.equals(ours)) {
                out.append("component ").append(reference).append(": left ").append(ours.replace('\t', ' '))
                        .append(", right ").append(theirs.replace('\t', ' ')).append('\n');
            }
        });
        for (String reference : other.components.keySet()) {
            if (!components.containsKey(reference)) {
                out.append("component ").append(reference).append(": only on the right\n");
            }
        }
        return out.toString();
    }

    private static String show(TreeSet<String> pins) {
        List<String> out = new ArrayList<>();
        for (String p : pins) {
            out.add(p.replace('\t', '.'));
        }
        return out.toString();
    }
}
