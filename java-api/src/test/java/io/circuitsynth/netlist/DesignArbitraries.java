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
    }
}
