package io.circuitsynth.netlist;

import io.circuitsynth.netlist.ComponentSpec.Field;
import io.circuitsynth.netlist.ComponentSpec.PinSpec;
import io.circuitsynth.netlist.ComponentSpec.ReferenceKind;
<<<<<<< HEAD
import io.circuitsynth.netlist.NetSpec.Power;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/**
 * jqwik arbitraries of designs. {@link #anyDesign()} fills every field with any text, for the
 * codec; its strings hold no unpaired surrogate, which no UTF-8 form can carry.
 * {@link #plausibleDesign()} draws from the built-in libraries' symbols and small pools of
 * names, so that designs often finalize and otherwise fail in every way finalize can fail.
 */
public final class RandomDesigns {
    private RandomDesigns() {}

    /** Up to {@code max} code points: mostly printable ASCII, also controls, Latin-1, the rest of the BMP, astral. */
    public static Arbitrary<String> text(int max) {
        Arbitrary<Integer> codePoint = Arbitraries.frequencyOf(
                Tuple.of(12, Arbitraries.integers().between(0x20, 0x7E)),
                Tuple.of(1, Arbitraries.integers().between(0, 0x1F)),
                Tuple.of(2, Arbitraries.integers().between(0x80, 0xFF)),
                Tuple.of(1, Arbitraries.integers().between(0x100, 0xD7FF)),
                Tuple.of(1, Arbitraries.integers().between(0xE000, 0xFFFF)),
                Tuple.of(1, Arbitraries.integers().between(0x10000, 0x10FFFF)));
        return codePoint.list().ofMaxSize(max).map(cps -> {
            StringBuilder sb = new StringBuilder();
            cps.forEach(sb::appendCodePoint);
            return sb.toString();
        });
    }

    private static Arbitrary<String> optionalText() {
        return text(6).injectNull(0.3);
    }

    private static Arbitrary<Integer> unit() {
        return Arbitraries.oneOf(Arbitraries.integers().between(0, 3), Arbitraries.integers().between(0,
                Integer.MAX_VALUE));
    }

    private static Arbitrary<PinRef> pinRef() {
        return Combinators.combine(text(6), text(6), unit(), optionalText()).as(PinRef::new);
    }

    private static Arbitrary<PinSpec> pinSpec() {
        return Combinators.combine(text(6), text(6), text(6), unit(), Arbitraries.of(true, false)).as(PinSpec::new);
    }

    private static Arbitrary<ComponentSpec> component() {
        Arbitrary<List<Field>> fields = Combinators.combine(text(6), text(6)).as(Field::new).list().ofMaxSize(3);
        Arbitrary<List<PinSpec>> pins = pinSpec().list().ofMaxSize(3).injectNull(0.5);
        return Combinators.combine(text(6), text(6), Arbitraries.of(ReferenceKind.class), text(6), text(6), text(6),
                text(6), text(6)).flatAs((id, symbol, kind, reference, value, footprint, datasheet, description) ->
                Combinators.combine(fields, Arbitraries.integers().between(0, 7), pins, text(6).list().ofMaxSize(2),
                        optionalText()).as((f, flags, p, uuids, origin) -> new ComponentSpec(id, symbol, kind,
                        reference, value, footprint, datasheet, description, f, (flags & 1) != 0, (flags & 2) != 0,
                        (flags & 4) != 0, p, uuids, origin)));
    }

    private static Arbitrary<NetSpec> net() {
        return Combinators.combine(optionalText(), optionalText(), Arbitraries.of(Power.class), text(6),
                pinRef().list().ofMaxSize(3), Arbitraries.of(true, false), optionalText()).as(NetSpec::new);
    }

    private static Arbitrary<InstanceSpec> instance() {
        Arbitrary<List<InstanceSpec.Binding>> bindings =
                Combinators.combine(text(6), text(6)).as(InstanceSpec.Binding::new).list().ofMaxSize(3);
        return Combinators.combine(text(6), text(6), bindings, optionalText()).as(InstanceSpec::new);
    }

    private static Arbitrary<Definition> definition() {
        return Combinators.combine(text(6), text(6).list().ofMaxSize(3), component().list().ofMaxSize(4),
                net().list().ofMaxSize(4), pinRef().list().ofMaxSize(2), instance().list().ofMaxSize(2),
                optionalText()).as(Definition::new);
    }

    /** Any design: every field any value the model allows. */
    public static Arbitrary<Design> anyDesign() {
        Arbitrary<List<Design.SheetUuid>> uuids =
                Combinators.combine(text(6), text(6)).as(Design.SheetUuid::new).list().ofMaxSize(2);
        return Combinators.combine(text(6), text(6), definition().list().ofMaxSize(3), uuids).as(Design::new);
    }

    /** Designs of up to three definitions ({@code Main} the root, {@code Sub}, {@code Leaf}) over the built-in symbols. */
    public static Arbitrary<Design> plausibleDesign() {
        return Arbitraries.randomValue(RandomDesigns::plausible);
    }

    private static final String[] SYMBOLS = {"Device:R", "Device:R", "Device:R", "Device:C", "Device:C",
        "Device:LED", "Device:D", "Amplifier_Operational:OpAmp_Dual", "Amplifier_Operational:OpAmp_Dual",
        "Connector_Generic:Conn_01x03", "Transistor_BJT:Q_NPN_BCE", "Custom:Thing", "Custom:Thing", "power:GND"};
    private static final String[] PREFIXES = {"R", "R", "C", "U", "D", "J", "Q", "X"};
    private static final String[] NET_NAMES = {null, null, null, "GND", "VCC", "+3V3", "SIG", "sig", "OUT",
        "A/B", "VDD_IO", "-12V"};
    private static final String[] SELECTORS = {"1", "1", "2", "2", "3", "4", "8", "+", "-", "V+", "V-", "A", "K",
        "~", "9"};
    private static final String[] PORTS = {"IN", "OUT"};

    private static <T> T pick(Random r, T[] pool) {
        return pool[r.nextInt(pool.length)];
    }

    private static boolean chance(Random r, int percent) {
        return r.nextInt(100) < percent;
    }

    private static String reference(Random r, ReferenceKind kind) {
        String prefix = pick(r, PREFIXES);
        if (chance(r, 4)) {
            return pick(r, new String[] {"R1x2", "#P", "A B", "?", ""});
        }
        return switch (kind) {
            case PREFIX -> prefix;
            case FIXED, ABSOLUTE -> chance(r, 10) ? prefix : prefix + (1 + r.nextInt(chance(r, 10) ? 150 : 3));
        };
    }

    private static ComponentSpec component(Random r, int i) {
        String symbol = pick(r, SYMBOLS);
        ReferenceKind kind = r.nextInt(8) < 5 ? ReferenceKind.PREFIX
                : r.nextBoolean() ? ReferenceKind.FIXED : ReferenceKind.ABSOLUTE;
        List<Field> fields = chance(r, 30) ? List.of(new Field("MPN", "X" + i)) : List.of();
        List<PinSpec> pins = null;
        if (symbol.startsWith("Custom:")) {
            pins = new ArrayList<>();
            int n = r.nextInt(4);
            String[] types = {"passive", "input", "output", "power_in", "no_connect", "bidirectional"};
            for (int k = 1; k <= n; k++) {
                pins.add(new PinSpec(String.valueOf(k), pick(r, new String[] {"A", "B", "~", "", "V+"}),
                        pick(r, types), r.nextInt(3) == 0 ? 1 : 0, chance(r, 15)));
            }
        }
        String id = chance(r, 4) ? "c0" : "c" + i;
        return new ComponentSpec(id, symbol, kind, reference(r, kind), pick(r, new String[] {"10k", "", "\u03a9"}),
                chance(r, 50) ? "Resistor_SMD:R_0603_1608Metric" : "", "", "", fields, chance(r, 10), !chance(r, 10),
                !chance(r, 10), pins, List.of(), null);
    }

    private static PinRef pinRef(Random r, int components) {
        String component = "c" + r.nextInt(components + 1);
        int unit = chance(r, 15) ? 1 + r.nextInt(3) : 0;
        return new PinRef(component, pick(r, SELECTORS), unit, null);
    }

    private static Definition definition(Random r, String name, List<String> ports, boolean root) {
        int nComponents = r.nextInt(root ? 7 : 4);
        List<ComponentSpec> components = new ArrayList<>();
        for (int i = 0; i < nComponents; i++) {
            components.add(component(r, i));
        }
        List<NetSpec> nets = new ArrayList<>();
        int nNets = r.nextInt(6);
        for (int k = 0; k < nNets; k++) {
            List<PinRef> nodes = new ArrayList<>();
            int n = r.nextInt(4);
            for (int j = 0; j < n; j++) {
                nodes.add(pinRef(r, nComponents));
            }
            String netName = chance(r, 10) && !ports.isEmpty() ? pick(r, ports.toArray(new String[0]))
                    : pick(r, NET_NAMES);
            NetSpec.Power power = chance(r, 85) ? NetSpec.Power.AUTO : r.nextBoolean() ? NetSpec.Power.YES
                    : NetSpec.Power.NO;
            nets.add(new NetSpec(netName, chance(r, 20) ? "n" + k : null, power, chance(r, 10) ? "Power" : "Default",
                    nodes, false, null));
        }
        List<PinRef> noConnects = chance(r, 20) ? List.of(pinRef(r, nComponents)) : List.of();
        List<InstanceSpec> instances = new ArrayList<>();
        int nInstances = root ? r.nextInt(3) : r.nextInt(4) == 0 ? 1 : 0;
        for (int k = 0; k < nInstances; k++) {
            String definition = pick(r, new String[] {"Sub", "Sub", "Leaf", "Leaf", "Main", "Nope"});
            List<InstanceSpec.Binding> bindings = new ArrayList<>();
            for (String port : PORTS) {
                if (chance(r, 80)) {
                    bindings.add(new InstanceSpec.Binding(port, pick(r, new String[] {"GND", "SIG", "OUT", "n0",
                        "n1", "IN", "VCC"})));
                }
            }
            String instanceName = pick(r, new String[] {"a", "b", "ch" + k, "a/b"});
            instances.add(new InstanceSpec(instanceName, definition, bindings, null));
        }
        return new Definition(name, ports, components, nets, noConnects, instances, null);
    }

    private static Design plausible(Random r) {
        List<Definition> definitions = new ArrayList<>();
        definitions.add(definition(r, "Main", chance(r, 3) ? List.of("IN") : List.of(), true));
        if (r.nextBoolean()) {
            definitions.add(definition(r, "Sub", chance(r, 80) ? List.of("IN", "OUT") : List.of("IN"), false));
        }
        if (r.nextBoolean()) {
            definitions.add(definition(r, "Leaf", List.of("IN"), false));
        }
        return new Design("random", "Main", definitions);
=======
import io.circuitsynth.netlist.Design.SheetUuid;
import io.circuitsynth.netlist.InstanceSpec.Binding;
import io.circuitsynth.netlist.NetSpec.Power;
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
    private static final byte[] STRUCTURE = "{}[]\",:\\0123456789 tfnul-.eE\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

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
>>>>>>> main
    }
}
