package io.circuitsynth.netlist;

import io.circuitsynth.netlist.ComponentSpec.ReferenceKind;
import java.util.ArrayList;
import java.util.List;

/**
 * Synthetic designs of any size, the inputs of the benchmarks (JMH here, criterion through the
 * Rust twin {@code rust-crates/netlist/src/synthetic.rs}). Both build the same design step by
 * step; {@code conformance/netlist/codec/synthetic.hex} holds the encoding of a small one, which
 * both languages' tests compare with, so the two benchmark suites measure one input.
 *
 * <p>Every symbol is in the built-in libraries, so the designs finalize on any machine. Not part
 * of the supported API.
 */
public final class SyntheticDesigns {
    private SyntheticDesigns() {}

    private record Part(String symbol, String prefix, String footprint, List<String> pins) {}

    private static final Part RESISTOR =
            new Part("Device:R", "R", "Resistor_SMD:R_0603_1608Metric", List.of("1", "2"));
    private static final Part CAPACITOR =
            new Part("Device:C", "C", "Capacitor_SMD:C_0603_1608Metric", List.of("1", "2"));
    private static final Part LED = new Part("Device:LED", "D", "LED_SMD:LED_0603_1608Metric", List.of("1", "2"));
    private static final Part OPAMP = new Part("Amplifier_Operational:OpAmp_Dual", "U",
            "Package_SO:SOIC-8_3.9x4.9mm_P1.27mm", List.of("1", "2", "3", "4", "5", "6", "7", "8"));

    /**
     * Component {@code i} is {@code PARTS[i % 10]}: six resistors, two capacitors, an LED and a
     * dual op amp in every ten, 26 pins.
     */
    private static final List<Part> PARTS =
            List.of(RESISTOR, RESISTOR, RESISTOR, RESISTOR, RESISTOR, RESISTOR, CAPACITOR, CAPACITOR, LED, OPAMP);

    /**
     * A flat design (root {@code Main}, project {@code synthetic}) of {@code components}
     * prefix-numbered components and exactly {@code nets} nets, each with at least one pin and
     * every pin in exactly one net.
     *
     * <p>Pins are numbered in component then pin order ("slots"); slot {@code s} joins net
     * {@code s} when {@code s < nets}, else net {@code s × 7919 mod nets}, which spreads the
     * remaining pins over every net. Net 0 is {@code GND}, net 1 {@code +3V3}, every third other
     * net is named {@code SIG<j>}, the rest are unnamed and take KiCad's pin-driven names.
     *
     * @throws IllegalArgumentException when the components have fewer pins than {@code nets} (26
     *     pins per ten components)
     */
    public static Design design(int components, int nets) {
        List<ComponentSpec> parts = new ArrayList<>(components);
        List<Integer> slotComponents = new ArrayList<>(components * 3);
        List<String> slotPins = new ArrayList<>(components * 3);
        for (int i = 0; i < components; i++) {
            Part part = PARTS.get(i % PARTS.size());
            String value = switch (part.prefix()) {
                case "R" -> (i % 97 + 1) + "k";
                case "C" -> "100n";
                case "D" -> "red";
                default -> "OpAmp_Dual";
            };
            parts.add(new ComponentSpec("c" + i, part.symbol(), ReferenceKind.PREFIX, part.prefix(), value,
                    part.footprint(), "", "", List.of(), false, true, true, null, List.of(), null));
            for (String pin : part.pins()) {
                slotComponents.add(i);
                slotPins.add(pin);
            }
        }
        if (slotPins.size() < nets) {
            throw new IllegalArgumentException(
                    components + " components have " + slotPins.size() + " pins, fewer than " + nets + " nets");
        }
        List<List<PinRef>> nodes = new ArrayList<>(nets);
        for (int j = 0; j < nets; j++) {
            nodes.add(new ArrayList<>());
        }
        for (int s = 0; s < slotPins.size(); s++) {
            int j = s < nets ? s : (int) ((long) s * 7919 % nets);
            nodes.get(j).add(new PinRef("c" + slotComponents.get(s), slotPins.get(s), 0, null));
        }
        List<NetSpec> netList = new ArrayList<>(nets);
        for (int j = 0; j < nets; j++) {
            String name = j == 0 ? "GND" : j == 1 ? "+3V3" : j % 3 == 0 ? "SIG" + j : null;
            netList.add(new NetSpec(name, null, NetSpec.Power.AUTO, "Default", nodes.get(j), false, null));
        }
        Definition main = new Definition("Main", List.of(), parts, netList, List.of(), List.of(), null);
        return new Design("synthetic", "Main", List.of(main));
    }

    /**
     * {@code components} prefix-numbered components and nothing else: references are all
     * finalize has to work out. Each has an empty pin table and a symbol no library holds
     * ({@code Synthetic:NoPins}), so it has no pins and forms no net; prefixes cycle through
     * {@code R C L D U}, so numbering keeps one counter per prefix.
     */
    public static Design prefixOnly(int components) {
        return referencesDesign(components, ReferenceKind.PREFIX);
    }

    /**
     * {@link #prefixOnly} with every reference written out as {@code absolute}, exactly as
     * finalize numbers the prefixes ({@code R1 C1 L1 D1 U1 R2 …}): the same finalize work but for
     * the numbering, so the difference between the two is the cost of generating the references.
     */
    public static Design absoluteOnly(int components) {
        return referencesDesign(components, ReferenceKind.ABSOLUTE);
    }

    private static final List<String> PREFIXES = List.of("R", "C", "L", "D", "U");

    private static Design referencesDesign(int components, ReferenceKind kind) {
        List<ComponentSpec> parts = new ArrayList<>(components);
        for (int i = 0; i < components; i++) {
            String prefix = PREFIXES.get(i % PREFIXES.size());
            String reference = kind == ReferenceKind.PREFIX ? prefix : prefix + (i / PREFIXES.size() + 1);
            parts.add(new ComponentSpec("p" + i, "Synthetic:NoPins", kind, reference, "", "", "", "", List.of(),
                    false, true, true, List.of(), List.of(), null));
        }
        Definition main = new Definition("Main", List.of(), parts, List.of(), List.of(), List.of(), null);
        return new Design("references", "Main", List.of(main));
    }
}
