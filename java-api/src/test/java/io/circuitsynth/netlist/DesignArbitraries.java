package io.circuitsynth.netlist;

import io.circuitsynth.netlist.ComponentSpec.Field;
import io.circuitsynth.netlist.ComponentSpec.PinSpec;
import io.circuitsynth.netlist.ComponentSpec.ReferenceKind;
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
public final class DesignArbitraries {
    private DesignArbitraries() {}

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
        return Arbitraries.randomValue(DesignArbitraries::plausible);
    }

    /** A symbol and the pin selectors that name its pins (numbers, then names). */
    private record Part(String symbol, String[] selectors) {}

    private static final Part[] PARTS = {
        new Part("Device:R", new String[] {"1", "2"}),
        new Part("Device:R", new String[] {"1", "2"}),
        new Part("Device:C", new String[] {"1", "2"}),
        new Part("Device:LED", new String[] {"1", "2", "K", "A"}),
        new Part("Device:D", new String[] {"1", "2", "K", "A"}),
        new Part("Amplifier_Operational:OpAmp_Dual", new String[] {"1", "2", "3", "4", "5", "6", "7", "8", "+", "-",
            "V+", "V-"}),
        new Part("Connector_Generic:Conn_01x03", new String[] {"1", "2", "3"}),
        new Part("Transistor_BJT:Q_NPN_BCE", new String[] {"1", "2", "3", "B", "C", "E"}),
        new Part("Custom:Thing", new String[] {"1", "2", "3", "A", "B"}),
        new Part("Custom:Thing", new String[] {"1", "2", "3", "A", "B"}),
        new Part("power:GND", new String[] {"1"}),
    };
    private static final String[] PREFIXES = {"R", "R", "C", "U", "D", "J", "Q", "X"};
    private static final String[] NET_NAMES = {null, null, null, null, "GND", "VCC", "+3V3", "SIG", "sig", "OUT",
        "A/B", "VDD_IO", "-12V", "N\u00e9t"};
    private static final String[] ODD_SELECTORS = {"9", "~", "", "V+", "X"};
    private static final String[] PORTS = {"IN", "OUT"};

    private static <T> T pick(Random r, T[] pool) {
        return pool[r.nextInt(pool.length)];
    }

    private static <T> T pick(Random r, List<T> pool) {
        return pool.get(r.nextInt(pool.size()));
    }

    private static boolean chance(Random r, int percent) {
        return r.nextInt(100) < percent;
    }

    private static String reference(Random r, ReferenceKind kind) {
        if (chance(r, 2)) {
            return pick(r, new String[] {"R1x2", "#P", "A B", "?", ""});
        }
        String prefix = pick(r, PREFIXES);
        return switch (kind) {
            case PREFIX -> prefix;
            case FIXED, ABSOLUTE -> chance(r, 3) ? prefix : prefix + (1 + r.nextInt(chance(r, 10) ? 150 : 40));
        };
    }

    private static ComponentSpec component(Random r, int i, Part part) {
        ReferenceKind kind = r.nextInt(8) < 5 ? ReferenceKind.PREFIX
                : r.nextBoolean() ? ReferenceKind.FIXED : ReferenceKind.ABSOLUTE;
        List<Field> fields = chance(r, 30) ? List.of(new Field("MPN", "X" + i)) : List.of();
        List<PinSpec> pins = null;
        if (part.symbol().startsWith("Custom:")) {
            pins = new ArrayList<>();
            int n = r.nextInt(4);
            String[] types = {"passive", "passive", "input", "output", "power_in", "no_connect", "bidirectional"};
            for (int k = 1; k <= n; k++) {
                pins.add(new PinSpec(String.valueOf(k), pick(r, new String[] {"A", "B", "~", "", "V+"}),
                        pick(r, types), r.nextInt(4) == 0 ? 1 : 0, chance(r, 10)));
            }
        }
        String id = chance(r, 2) ? "c0" : "c" + i;
        return new ComponentSpec(id, part.symbol(), kind, reference(r, kind),
                pick(r, new String[] {"10k", "", "\u03a9", "a\"b"}), chance(r, 50) ? "Resistor_SMD:R_0603_1608Metric" : "",
                chance(r, 10) ? "~" : "", "", fields, chance(r, 10), !chance(r, 10), !chance(r, 10), pins, List.of(), null);
    }

    /** The selectors of a component: its own pin table's numbers and names, else its symbol's. */
    private static String[] selectors(ComponentSpec c, Part part) {
        if (c.pins() == null) {
            return part.selectors();
        }
        List<String> out = new ArrayList<>();
        for (PinSpec pin : c.pins()) {
            out.add(pin.number());
        }
        return out.toArray(new String[0]);
    }

    /** A node or no-connect mark; {@code used} keeps pins to one net most of the time. */
    private static PinRef pinRef(Random r, List<ComponentSpec> components, List<Part> parts,
            java.util.Set<String> used) {
        if (components.isEmpty() || chance(r, 2)) {
            return new PinRef("c" + r.nextInt(9), pick(r, ODD_SELECTORS), 0, null);
        }
        for (int attempt = 0; ; attempt++) {
            int i = r.nextInt(components.size());
            String[] own = selectors(components.get(i), parts.get(i));
            if (own.length == 0 && attempt < 3) {
                continue;
            }
            // Numbers mostly: a name selector may take pins a number already took.
            String[] numbers = java.util.Arrays.stream(own).filter(x -> x.matches("[0-9]+")).toArray(String[]::new);
            String selector = own.length == 0 || chance(r, 2) ? pick(r, ODD_SELECTORS)
                    : numbers.length > 0 && !chance(r, 10) ? pick(r, numbers) : pick(r, own);
            int unit = chance(r, 5) ? 1 + r.nextInt(3) : 0;
            String key = components.get(i).id() + "\t" + selector;
            if (used.add(key) || attempt >= 3 || chance(r, 5)) {
                return new PinRef(components.get(i).id(), selector, unit, null);
            }
        }
    }

    /**
     * One definition; {@code childPorts} are the ports of the definitions it may place, so
     * bindings mostly name real ports and real nets.
     */
    private static Definition definition(Random r, String name, List<String> ports, boolean root,
            java.util.Map<String, List<String>> childPorts) {
        int nComponents = r.nextInt(root ? 8 : 5);
        List<ComponentSpec> components = new ArrayList<>();
        List<Part> parts = new ArrayList<>();
        for (int i = 0; i < nComponents; i++) {
            Part part = pick(r, PARTS);
            parts.add(part);
            components.add(component(r, i, part));
        }
        List<NetSpec> nets = new ArrayList<>();
        List<String> netNames = new ArrayList<>(ports);
        java.util.Set<String> used = new java.util.HashSet<>();
        int nNets = r.nextInt(6);
        for (int k = 0; k < nNets; k++) {
            List<PinRef> nodes = new ArrayList<>();
            int n = r.nextInt(4);
            for (int j = 0; j < n; j++) {
                nodes.add(pinRef(r, components, parts, used));
            }
            String netName = chance(r, 10) && !ports.isEmpty() ? pick(r, ports) : pick(r, NET_NAMES);
            String id = chance(r, 20) ? "n" + k : null;
            if (netName != null) {
                netNames.add(netName);
            }
            if (id != null) {
                netNames.add(id);
            }
            NetSpec.Power power = chance(r, 90) ? NetSpec.Power.AUTO : r.nextBoolean() ? NetSpec.Power.YES
                    : NetSpec.Power.NO;
            nets.add(new NetSpec(netName, id, power, chance(r, 10) ? "Power" : "Default", nodes, false, null));
        }
        List<PinRef> noConnects = chance(r, 15) ? List.of(pinRef(r, components, parts, used)) : List.of();
        List<InstanceSpec> instances = new ArrayList<>();
        int nInstances = childPorts.isEmpty() ? 0 : r.nextInt(root ? 3 : 2);
        for (int k = 0; k < nInstances; k++) {
            String definition = chance(r, 3) ? pick(r, new String[] {"Main", "Nope"})
                    : pick(r, new ArrayList<>(childPorts.keySet()));
            List<InstanceSpec.Binding> bindings = new ArrayList<>();
            for (String port : childPorts.getOrDefault(definition, List.of(PORTS))) {
                if (!chance(r, 3)) {
                    String net = netNames.isEmpty() || chance(r, 3) ? pick(r, new String[] {"GND", "SIG", "n0"})
                            : pick(r, netNames);
                    bindings.add(new InstanceSpec.Binding(chance(r, 2) ? "NOPE" : port, net));
                }
            }
            String instanceName = chance(r, 3) ? pick(r, new String[] {"a/b", "ch0"}) : "ch" + k;
            instances.add(new InstanceSpec(instanceName, definition, bindings, null));
        }
        return new Definition(name, ports, components, nets, noConnects, instances, null);
    }

    private static Design plausible(Random r) {
        java.util.Map<String, List<String>> leafOnly = new java.util.LinkedHashMap<>();
        java.util.Map<String, List<String>> children = new java.util.LinkedHashMap<>();
        boolean leaf = r.nextBoolean();
        boolean sub = r.nextBoolean();
        List<String> subPorts = chance(r, 80) ? List.of("IN", "OUT") : List.of("IN");
        if (leaf) {
            leafOnly.put("Leaf", List.of("IN"));
            children.put("Leaf", List.of("IN"));
        }
        if (sub) {
            children.put("Sub", subPorts);
        }
        List<Definition> definitions = new ArrayList<>();
        definitions.add(definition(r, "Main", chance(r, 2) ? List.of("IN") : List.of(), true, children));
        if (sub) {
            definitions.add(definition(r, "Sub", subPorts, false, leafOnly));
        }
        if (leaf) {
            definitions.add(definition(r, "Leaf", List.of("IN"), false, java.util.Map.of()));
        }
        return new Design("random", "Main", definitions);
    }
}
