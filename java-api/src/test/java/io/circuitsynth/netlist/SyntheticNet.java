package io.circuitsynth.netlist;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A synthetic KiCad 9 {@code .net} of any size, laid out as KiCad writes it: resistors, capacitors,
 * 16-pin ICs and 8-pin connectors over a root sheet and four channel sheets, with power nets,
 * signal nets that cross sheets and lone no-connect pins. Deterministic; the Rust twin
 * ({@code rust-crates/netlist/tests/net_read_support/synthetic.rs}) writes the same bytes (the
 * tests compare hashes).
 */
public final class SyntheticNet {
    private SyntheticNet() {}

    /** A 64-bit linear congruential generator (Knuth's MMIX constants), as the Rust twin steps it. */
    private static final class Lcg {
        private long state;

        Lcg(long seed) {
            state = seed;
        }

        long below(long bound) {
            state = state * 6364136223846793005L + 1442695040888963407L;
            return (state >>> 33) % bound;
        }
    }

    private record Pin(String number, String name, String type) {}

    private record Kind(String prefix, String part, String lib, String value, String footprint,
            String description, String filters, List<Pin> pins) {}

    private static List<Pin> passive(int count) {
        List<Pin> pins = new ArrayList<>();
        for (int n = 1; n <= count; n++) {
            pins.add(new Pin(Integer.toString(n), "", "passive"));
        }
        return pins;
    }

    private static List<Kind> kinds() {
        List<Pin> ic = new ArrayList<>();
        for (int n = 1; n <= 16; n++) {
            if (n == 8) {
                ic.add(new Pin("8", "GND", "power_in"));
            } else if (n == 16) {
                ic.add(new Pin("16", "VCC", "power_in"));
            } else {
                ic.add(new Pin(Integer.toString(n), "IO" + n, "bidirectional"));
            }
        }
        return List.of(
                new Kind("R", "R", "Device", "10k", "Resistor_SMD:R_0603_1608Metric", "Resistor", "R_*",
                        passive(2)),
                new Kind("C", "C", "Device", "100n", "Capacitor_SMD:C_0603_1608Metric", "Unpolarized capacitor",
                        "C_*", passive(2)),
                new Kind("U", "IO16", "synthetic", "IO16", "Package_SO:SOIC-16_3.9x9.9mm_P1.27mm",
                        "Sixteen-pin IO expander", "SOIC*3.9x9.9mm*P1.27mm*", ic),
                new Kind("J", "Conn_01x08", "Connector_Generic", "Conn_01x08",
                        "Connector_PinHeader_2.54mm:PinHeader_1x08_P2.54mm_Vertical",
                        "Generic connector, single row, 01x08", "Connector*:*_1x??_*", passive(8)));
    }

    private static final String[] SHEETS = {"/", "/ch1/", "/ch2/", "/ch3/", "/ch4/"};

    private static String uuid(int n) {
        return String.format("00000000-0000-0000-0000-%012x", n);
    }

    /** The kind of the {@code i}th component: half resistors, then capacitors, ICs, connectors. */
    private static int kindOf(int i) {
        int r = i % 10;
        return r <= 4 ? 0 : r <= 7 ? 1 : r == 8 ? 2 : 3;
    }

    private static final class SynthNet {
        final String name;
        final List<int[]> nodes = new ArrayList<>();
        final boolean noConnect;

        SynthNet(String name, boolean noConnect) {
            this.name = name;
            this.noConnect = noConnect;
        }
    }

    /** A {@code .net} with {@code count} components. */
    public static byte[] net(int count) {
        List<Kind> kinds = kinds();
        Lcg rng = new Lcg(0x5eed);
        StringBuilder out = new StringBuilder();
        out.append("(export (version \"E\")\n  (design\n    (source \"synthetic.kicad_sch\")\n    (date)\n"
                + "    (tool \"circuitsynth\")");
        for (int s = 0; s < SHEETS.length; s++) {
            String tstamps = s == 0 ? "/" : "/" + uuid(s) + "/";
            String file = s == 0 ? "synthetic.kicad_sch" : "channel.kicad_sch";
            out.append("\n    (sheet (number \"").append(s + 1).append("\") (name \"").append(SHEETS[s])
                    .append("\") (tstamps \"").append(tstamps).append("\")\n      (title_block\n        (source \"")
                    .append(file).append("\")))");
        }
        out.append(")\n  (components");

        // References and sheets first: nets refer to them.
        int[] numbers = new int[4];
        List<String> refs = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int k = kindOf(i);
            numbers[k]++;
            refs.add(kinds.get(k).prefix() + numbers[k]);
        }
        int perSheet = Math.max(1, (count + SHEETS.length - 1) / SHEETS.length);
        for (int i = 0; i < count; i++) {
            Kind kind = kinds.get(kindOf(i));
            int s = i / perSheet;
            String sheetName = s == 0 ? "" : SHEETS[s].substring(1, SHEETS[s].length() - 1);
            String sheetFile = s == 0 ? "synthetic.kicad_sch" : "channel.kicad_sch";
            String tstamps = s == 0 ? "/" : "/" + uuid(s) + "/";
            String mpn = kind.part() + "-" + (i % 7);
            out.append("\n    (comp (ref \"").append(refs.get(i)).append("\")\n      (value \"").append(kind.value())
                    .append("\")\n      (footprint \"").append(kind.footprint())
                    .append("\")\n      (description \"").append(kind.description())
                    .append("\")\n      (fields\n        (field (name \"MPN\") \"").append(mpn)
                    .append("\")\n        (field (name \"Footprint\") \"").append(kind.footprint())
                    .append("\")\n        (field (name \"Datasheet\") \"~\")\n        (field (name \"Description\") \"")
                    .append(kind.description()).append("\"))\n      (libsource (lib \"").append(kind.lib())
                    .append("\") (part \"").append(kind.part()).append("\") (description \"")
                    .append(kind.description()).append("\"))\n      (property (name \"MPN\") (value \"").append(mpn)
                    .append("\"))\n      (property (name \"Sheetname\") (value \"").append(sheetName)
                    .append("\"))\n      (property (name \"Sheetfile\") (value \"").append(sheetFile)
                    .append("\"))\n      (property (name \"ki_fp_filters\") (value \"").append(kind.filters())
                    .append("\"))\n      (sheetpath (names \"").append(SHEETS[s]).append("\") (tstamps \"")
                    .append(tstamps).append("\"))\n      (tstamps \"").append(uuid(1000 + i)).append("\"))");
        }
        out.append(")\n  (libparts");
        List<Kind> order = new ArrayList<>(kinds);
        order.sort(Comparator.comparing(Kind::lib).thenComparing(Kind::part));
        for (Kind kind : order) {
            out.append("\n    (libpart (lib \"").append(kind.lib()).append("\") (part \"").append(kind.part())
                    .append("\")\n      (description \"").append(kind.description())
                    .append("\")\n      (fields\n        (field (name \"Reference\") \"").append(kind.prefix())
                    .append("\")\n        (field (name \"Value\") \"").append(kind.value()).append("\"))\n      (pins");
            for (Pin pin : kind.pins()) {
                out.append("\n        (pin (num \"").append(pin.number()).append("\") (name \"").append(pin.name())
                        .append("\") (type \"").append(pin.type()).append("\"))");
            }
            out.append("))");
        }
        out.append(")\n  (libraries)\n  (nets");

        // Each pin joins a recent net, starts a new one, or (IC pins) is left alone, marked.
        List<SynthNet> nets = new ArrayList<>(List.of(new SynthNet("+3V3", false), new SynthNet("GND", false)));
        List<Integer> recent = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int k = kindOf(i);
            for (int p = 0; p < kinds.get(k).pins().size(); p++) {
                int net;
                if (k == 2 && p == 7) {
                    net = 1;
                } else if (k == 2 && p == 15) {
                    net = 0;
                } else {
                    long roll = rng.below(16);
                    if (k == 2 && roll == 15) {
                        nets.add(new SynthNet("unconnected-(" + refs.get(i) + "-Pad" + (p + 1) + ")", true));
                        net = nets.size() - 1;
                    } else if (roll < 7 && !recent.isEmpty()) {
                        long window = Math.min(recent.size(), 32);
                        net = recent.get(recent.size() - 1 - (int) rng.below(window));
                    } else {
                        int s = i / perSheet;
                        String name = s == 0 ? "/N" + nets.size() : SHEETS[s] + "N" + nets.size();
                        nets.add(new SynthNet(name, false));
                        recent.add(nets.size() - 1);
                        net = nets.size() - 1;
                    }
                }
                nets.get(net).nodes.add(new int[] {i, p});
            }
        }
        int code = 0;
        for (SynthNet net : nets) {
            if (net.nodes.isEmpty()) {
                continue;
            }
            code++;
            out.append("\n    (net (code \"").append(code).append("\") (name \"").append(net.name)
                    .append("\") (class \"Default\")");
            for (int[] node : net.nodes) {
                Pin pin = kinds.get(kindOf(node[0])).pins().get(node[1]);
                out.append("\n      (node (ref \"").append(refs.get(node[0])).append("\") (pin \"")
                        .append(pin.number()).append("\")");
                if (!pin.name().isEmpty()) {
                    out.append(" (pinfunction \"").append(pin.name()).append("\")");
                }
                out.append(" (pintype \"").append(pin.type()).append(net.noConnect ? "+no_connect" : "")
                        .append("\"))");
            }
            out.append(')');
        }
        out.append("))");
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }
}
