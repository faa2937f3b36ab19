package io.circuitsynth.schematic;

import io.circuitsynth.io.JavaIoStage;
import io.circuitsynth.io.SexprTree;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The connectivity of a KiCad {@code .net}: each net's name and its {@code REF.PIN}s, each
 * component's value and footprint. Read with the io parser alone, so it shares nothing with the
 * writer under test.
 */
final class KicadNetlist {
    /** Net name → sorted {@code REF<TAB>PIN}. */
    final Map<String, TreeSet<String>> nets = new TreeMap<>();
    /** Reference → {@code VALUE<TAB>FOOTPRINT} ({@code ~} read as empty, as KiCad means it). */
    final Map<String, String> components = new TreeMap<>();

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
        int value = t.nextSibling(found.get(0), t.firstChild(found.get(0)));
        return value == SexprTree.NONE ? null : t.stringValue(value);
    }

    static KicadNetlist read(byte[] bytes, String source) {
        SexprTree t = new JavaIoStage().parse(bytes, source);
        KicadNetlist out = new KicadNetlist();
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
                    members.add(valueOf(t, node, "ref") + "\t" + valueOf(t, node, "pin"));
                }
            }
        }
        return out;
    }

    /**
     * What differs from {@code kicad}, one line per fact, empty when equal: the same nets (as sets
     * of pins), each named as {@code expectedNames} says (our name → KiCad's), the same values and
     * footprints.
     */
    String diff(KicadNetlist kicad, Map<String, String> expectedNames) {
        StringBuilder out = new StringBuilder();
        Map<TreeSet<String>, String> theirs = new java.util.HashMap<>();
        kicad.nets.forEach((name, pins) -> theirs.put(pins, name));
        nets.forEach((name, pins) -> {
            String kicadName = theirs.get(pins);
            String expected = expectedNames.getOrDefault(name, name);
            if (kicadName == null) {
                TreeSet<String> near = null;
                for (Map.Entry<String, TreeSet<String>> e : kicad.nets.entrySet()) {
                    if (e.getKey().equals(expected)) {
                        near = e.getValue();
                    }
                }
                out.append("net ").append(name).append(" ").append(show(pins)).append(": KiCad has no net of these pins")
                        .append(near == null ? "" : "; its " + expected + " holds " + show(near)).append('\n');
            } else if (!kicadName.equals(expected)) {
                out.append("net ").append(name).append(": KiCad calls it ").append(kicadName).append(", expected ")
                        .append(expected).append('\n');
            }
        });
        if (kicad.nets.size() != nets.size()) {
            out.append("KiCad has ").append(kicad.nets.size()).append(" nets, the design ").append(nets.size())
                    .append('\n');
        }
        components.forEach((reference, ours) -> {
            String k = kicad.components.get(reference);
            if (!ours.equals(k)) {
                out.append("component ").append(reference).append(": ").append(ours.replace('\t', ' '))
                        .append(", KiCad ").append(k == null ? "nothing" : k.replace('\t', ' ')).append('\n');
            }
        });
        if (kicad.components.size() != components.size()) {
            out.append("KiCad has ").append(kicad.components.size()).append(" components, the design ")
                    .append(components.size()).append('\n');
        }
        return out.toString();
    }

    private static String show(TreeSet<String> pins) {
        List<String> out = new ArrayList<>();
        for (String p : pins) {
            out.add(p.replace('\t', '.'));
            if (out.size() == 6) {
                out.add("…");
                break;
            }
        }
        return out.toString();
    }
}
