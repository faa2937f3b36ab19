package io.circuitsynth.netlist;

import io.circuitsynth.netlist.ComponentSpec.Field;
import io.circuitsynth.netlist.ComponentSpec.PinSpec;
import io.circuitsynth.netlist.ComponentSpec.ReferenceKind;
import io.circuitsynth.netlist.Design.SheetUuid;
import io.circuitsynth.netlist.InstanceSpec.Binding;
import io.circuitsynth.netlist.NetSpec.Power;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A seeded generator of random designs and byte mutations, written identically in Rust
 * ({@code rust-crates/netlist/tests/json_properties.rs}): the same seed gives the same design, the
 * same written bytes and the same mutations in both engines, so the shared corpus
 * {@code conformance/netlist/json_random.txt} compares them without the JNI stage.
 */
final class RandomDesigns {
    private long state;

    RandomDesigns(long seed) {
        this.state = seed;
    }

    /** SplitMix64. */
    long next() {
        state += 0x9E3779B97F4A7C15L;
        long z = state;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    int below(int n) {
        return (int) Long.remainderUnsigned(next(), n);
    }

    boolean chance(int oneIn) {
        return below(oneIn) == 0;
    }

    private static final String[] ATOMS = {"a", "b", "R", "1", "_", " ", "\"", "\\", "\n", "\t", "\u0001", "\u001f",
        "é", "Ω", "\uD83D\uDE00", "/", "~", ":", "-", "+"};

    /** Up to {@code max} characters, drawn to stress escaping and paths. */
    String text(int max) {
        int len = below(max + 1);
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < len; i++) {
            s.append(ATOMS[below(ATOMS.length)]);
        }
        return s.toString();
    }

    /** A name unique among its kind: random text and {@code #} and a serial number. */
    String unique(int max, int serial) {
        return text(max) + "#" + serial;
    }

    static Design design(long seed) {
        RandomDesigns r = new RandomDesigns(seed);
        String name = r.text(8);
        int count = 1 + r.below(3);
        List<String> names = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            names.add(r.unique(5, i));
        }
        List<Definition> definitions = new ArrayList<>();
        for (String defName : names) {
            List<String> ports = new ArrayList<>();
            for (int k = 0, n = r.below(3); k < n; k++) {
                ports.add(r.unique(3, k));
            }
            List<ComponentSpec> components = new ArrayList<>();
            for (int k = 0, n = r.below(4); k < n; k++) {
                components.add(r.component(k));
            }
            List<String> ids = components.stream().map(ComponentSpec::id).toList();
            List<NetSpec> nets = new ArrayList<>();
            for (int k = 0, n = r.below(4); k < n; k++) {
                nets.add(r.net(k, ids));
            }
            List<PinRef> noConnects = new ArrayList<>();
            if (!ids.isEmpty()) {
                for (int k = 0, n = r.below(2); k < n; k++) {
                    noConnects.add(r.node(ids));
                }
            }
            List<String> targets = new ArrayList<>(ports);
            for (NetSpec net : nets) {
                if (net.name() != null) {
                    targets.add(net.name());
                }
                if (net.id() != null) {
                    targets.add(net.id());
                }
            }
            List<InstanceSpec> instances = new ArrayList<>();
            for (int i = 0, n = r.below(3); i < n; i++) {
                String instanceName = r.text(4);
                String definition = names.get(r.below(count));
                List<Binding> bindings = new ArrayList<>();
                if (!targets.isEmpty()) {
                    for (int k = 0, m = r.below(3); k < m; k++) {
                        String port = r.unique(3, k);
                        String net = targets.get(r.below(targets.size()));
                        bindings.add(new Binding(port, net));
                    }
                }
                instances.add(new InstanceSpec(instanceName, definition, bindings, null));
            }
            definitions.add(new Definition(defName, ports, components, nets, noConnects, instances, null));
        }
        String root = names.get(r.below(count));
        List<SheetUuid> sheetUuids = new ArrayList<>();
        for (int k = 0, n = r.below(3); k < n; k++) {
            String sheet = "/" + r.unique(3, k) + "/";
            String uuid = r.text(8);
            sheetUuids.add(new SheetUuid(sheet, uuid));
        }
        return new Design(name, root, definitions, sheetUuids);
    }

    private ComponentSpec component(int serial) {
        String id = unique(4, serial);
        String lib = text(3);
        String symbol = lib + ":" + text(3);
        ReferenceKind kind = new ReferenceKind[] {ReferenceKind.FIXED, ReferenceKind.PREFIX,
            ReferenceKind.ABSOLUTE}[below(3)];
        String reference = text(4);
        String[] texts = new String[4];
        for (int i = 0; i < 4; i++) {
            texts[i] = chance(2) ? text(6) : "";
        }
        List<Field> fields = new ArrayList<>();
        for (int k = 0, n = below(3); k < n; k++) {
            String field = "f" + unique(4, k);
            String value = text(5);
            fields.add(new Field(field, value));
        }
        boolean dnp = chance(2);
        boolean inBom = chance(2);
        boolean onBoard = chance(2);
        List<PinSpec> pins = null;
        if (!chance(3)) {
            pins = new ArrayList<>();
            for (int k = 0, n = below(4); k < n; k++) {
                String number = unique(2, k);
                String name = chance(2) ? text(3) : "";
                String type = CircuitJson.PIN_TYPES.get(below(CircuitJson.PIN_TYPES.size()));
                int unit = below(3);
                boolean hidden = chance(2);
                pins.add(new PinSpec(number, name, type, unit, hidden));
            }
        }
        List<String> uuids = new ArrayList<>();
        for (int k = 0, n = below(3); k < n; k++) {
            uuids.add(text(8));
        }
        return new ComponentSpec(id, symbol, kind, reference, texts[0], texts[1], texts[2], texts[3], fields, dnp,
                inBom, onBoard, pins, uuids, null);
    }

    private NetSpec net(int serial, List<String> ids) {
        // Names may repeat; ids carry '@', which no name holds, so they never meet a name or a port.
        String name = chance(3) ? null : text(4);
        String id = chance(3) ? "@" + unique(3, serial) : null;
        Power power = new Power[] {Power.AUTO, Power.YES, Power.NO}[below(3)];
        String netClass = chance(3) ? text(4) : "Default";
        boolean absolute = chance(4);
        List<PinRef> nodes = new ArrayList<>();
        if (!ids.isEmpty()) {
            for (int k = 0, n = below(4); k < n; k++) {
                nodes.add(node(ids));
            }
        }
        return new NetSpec(name, id, power, netClass, nodes, absolute, null);
    }

    private PinRef node(List<String> ids) {
        String component = ids.get(below(ids.size()));
        String pin = text(3);
        int unit = below(3);
        return new PinRef(component, pin, unit, null);
    }

    /** Bytes the mutations favour: the ones that change JSON structure. */
    private static final byte[] STRUCTURE =
            "{}[]\",:\\0123456789 tfnul-.eE\n".getBytes(StandardCharsets.US_ASCII);

    /** Applies 1 to 4 random edits (replace, insert, delete a byte). */
    byte[] mutate(byte[] bytes) {
        List<Byte> out = new ArrayList<>(bytes.length + 4);
        for (byte b : bytes) {
            out.add(b);
        }
        for (int i = 0, n = 1 + below(4); i < n; i++) {
            int op = below(3);
            int at = below(out.size() + 1);
            byte value = chance(2) ? STRUCTURE[below(STRUCTURE.length)] : (byte) below(256);
            if (op == 0 && at < out.size()) {
                out.set(at, value);
            } else if (op == 1) {
                out.add(at, value);
            } else if (op == 2 && at < out.size()) {
                out.remove(at);
            } else {
                out.add(value);
            }
        }
        byte[] result = new byte[out.size()];
        for (int i = 0; i < result.length; i++) {
            result[i] = out.get(i);
        }
        return result;
    }

    /** The design with every origin cleared, to compare designs read from different places. */
    static Design withoutOrigins(Design d) {
        List<Definition> definitions = new ArrayList<>();
        for (Definition def : d.definitions()) {
            List<ComponentSpec> components = def.components().stream()
                    .map(c -> new ComponentSpec(c.id(), c.symbol(), c.referenceKind(), c.reference(), c.value(),
                            c.footprint(), c.datasheet(), c.description(), c.fields(), c.dnp(), c.inBom(),
                            c.onBoard(), c.pins(), c.uuids(), null))
                    .toList();
            List<NetSpec> nets = def.nets().stream()
                    .map(n -> new NetSpec(n.name(), n.id(), n.power(), n.netClass(), clear(n.nodes()), n.absolute(),
                            null))
                    .toList();
            List<InstanceSpec> instances = def.instances().stream()
                    .map(i -> new InstanceSpec(i.name(), i.definition(), i.bindings(), null)).toList();
            definitions.add(new Definition(def.name(), def.ports(), components, nets, clear(def.noConnects()),
                    instances, null));
        }
        return new Design(d.name(), d.root(), definitions, d.sheetUuids());
    }

    private static List<PinRef> clear(List<PinRef> pins) {
        return pins.stream().map(p -> new PinRef(p.component(), p.pin(), p.unit(), null)).toList();
    }
}
