package io.circuitsynth.netlist;

import java.util.ArrayList;
import java.util.List;

/**
 * Net names (specification sections 1 and 2.5): which names are power nets, KiCad's net-name
 * escape, unit letters and the pin-driven names KiCad gives nets that carry no label.
 */
public final class NetNames {
    private NetNames() {}

    /** Names that are power nets by themselves, and the stems of {@code STEM_SUFFIX} power names. */
    private static final String[] POWER_NAMES = {
        "GND", "AGND", "DGND", "PGND", "SGND", "GNDA", "GNDD", "GNDPWR", "GNDREF", "Earth", "VCC", "VDD",
        "VEE", "VSS", "VAA", "VBUS", "VBAT", "VPP"
    };

    /**
     * Whether a net called {@code name} is a power net when its power is {@code AUTO}:
     * {@code GND}, {@code VDD_IO}, {@code +3V3}, {@code -12V}.
     */
    public static boolean isPowerName(String name) {
        if (name.length() >= 2 && (name.charAt(0) == '+' || name.charAt(0) == '-')) {
            if (!isDigit(name.charAt(1))) {
                return false;
            }
            for (int i = 2; i < name.length(); i++) {
                char c = name.charAt(i);
                if (!isAlnum(c) && c != '.') {
                    return false;
                }
            }
            return true;
        }
        for (String stem : POWER_NAMES) {
            if (!name.startsWith(stem)) {
                continue;
            }
            String rest = name.substring(stem.length());
            if (rest.isEmpty()) {
                return true;
            }
            if (rest.length() > 1 && rest.charAt(0) == '_' && allAlnum(rest, 1)) {
                return true;
            }
        }
        return false;
    }

    /** KiCad's net-name escape of user text: {@code /} becomes {@code {slash}}, CR and LF are dropped. */
    public static void escapeNetName(StringBuilder out, String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '/' -> out.append("{slash}");
                case '\r', '\n' -> { }
                default -> out.append(c);
            }
        }
    }

    /**
     * The letter KiCad appends to a reference for {@code unit} (1 → {@code A}, 26 → {@code Z},
     * 27 → {@code AA}: bijective base 26). Unit 0 (a pin shared by every unit) takes unit 1's letter.
     */
    public static void appendUnitLetter(StringBuilder out, int unit) {
        long n = Math.max(Integer.toUnsignedLong(unit), 1);
        char[] letters = new char[8];
        int len = 0;
        while (n > 0) {
            n -= 1;
            letters[len++] = (char) ('A' + (n % 26));
            n /= 26;
        }
        for (int i = len - 1; i >= 0; i--) {
            out.append(letters[i]);
        }
    }

    /**
     * One pin as the pin-driven name sees it.
     *
     * @param reference the component's final reference
     * @param unit the pin's unit (0 = every unit)
     * @param multiUnit whether the symbol has more than one unit, so names carry the unit letter
     * @param name the pin name, empty for {@code ~}
     * @param number the pin number
     * @param noConnectType the pin's electrical type is {@code no_connect}
     * @param twinNoConnect another pin of the same unit (or unit 0) has the same name, another
     *     number and type {@code no_connect}
     * @param twinConnectable likewise, a twin of another type
     */
    public record NamingPin(String reference, int unit, boolean multiUnit, String name, String number,
            boolean noConnectType, boolean twinNoConnect, boolean twinConnectable) {}

    /** {@code N(q)} of section 2.5 for pin {@code q} of a net with {@code pinCount} pins, appended to {@code out}. */
    public static void appendPinName(StringBuilder out, NamingPin q, int pinCount) {
        boolean unconnected = pinCount == 1 || q.noConnectType();
        out.append(unconnected ? "unconnected-(" : "Net-(");
        out.append(q.reference());
        if (!q.name().isEmpty() && !q.name().equals(q.number())) {
            if (q.multiUnit()) {
                appendUnitLetter(out, q.unit());
            }
            out.append('-');
            escapeNetName(out, q.name());
            boolean twin = unconnected ? q.twinNoConnect() : q.twinConnectable();
            if (unconnected || twin) {
                out.append("-Pad");
                escapeNetName(out, q.number());
            }
        } else {
            out.append("-Pad");
            escapeNetName(out, q.number());
        }
        out.append(')');
    }

    /**
     * KiCad's name for a net of {@code pinCount} pins and no label: among the {@code N(q)} of
     * {@code pins} (the net's pins that take part, not empty), the smallest one without
     * {@code -Pad}, else the smallest of all (code-point order).
     */
    public static String pinDrivenName(List<NamingPin> pins, int pinCount) {
        String best = null;
        boolean bestHasPad = true;
        StringBuilder candidate = new StringBuilder();
        for (NamingPin q : pins) {
            candidate.setLength(0);
            appendPinName(candidate, q, pinCount);
            String text = candidate.toString();
            boolean hasPad = text.contains("-Pad");
            boolean better = best == null
                    || (bestHasPad && !hasPad)
                    || (bestHasPad == hasPad && StrNumCmp.compareCodePoints(text, best) < 0);
            if (better) {
                best = text;
                bestHasPad = hasPad;
            }
        }
        return best;
    }

    /**
     * A part's pin as {@link #pinTwins} sees it.
     *
     * @param name empty for {@code ~}
     * @param number the pin number
     * @param unit 0 = every unit
     * @param noConnectType the pin's electrical type is {@code no_connect}
     */
    public record TwinPin(String name, String number, int unit, boolean noConnectType) {}

    /**
     * For every pin of a part (numbers unique), whether another pin of its unit (or of unit 0;
     * a unit-0 pin counts as unit 1) has the same non-empty name and another number, split by
     * that twin's type: {@code [twin of type no_connect, twin of another type]}.
     */
    public static boolean[][] pinTwins(List<TwinPin> pins) {
        boolean[][] twins = new boolean[pins.size()][2];
        // Only pins that share a name can be twins: group them by name, then compare within groups.
        List<Integer> byName = new ArrayList<>();
        for (int p = 0; p < pins.size(); p++) {
            if (!pins.get(p).name().isEmpty()) {
                byName.add(p);
            }
        }
        byName.sort((a, b) -> {
            int c = StrNumCmp.compareCodePoints(pins.get(a).name(), pins.get(b).name());
            return c != 0 ? c : Integer.compare(a, b);
        });
        int start = 0;
        while (start < byName.size()) {
            String name = pins.get(byName.get(start)).name();
            int end = start + 1;
            while (end < byName.size() && pins.get(byName.get(end)).name().equals(name)) {
                end++;
            }
            if (end - start > 1) {
                for (int i = start; i < end; i++) {
                    int q = byName.get(i);
                    int unit = Math.max(pins.get(q).unit(), 1);
                    for (int k = start; k < end; k++) {
                        TwinPin twin = pins.get(byName.get(k));
                        if (!twin.number().equals(pins.get(q).number()) && (twin.unit() == 0 || twin.unit() == unit)) {
                            twins[q][twin.noConnectType() ? 0 : 1] = true;
                        }
                    }
                }
            }
            start = end;
        }
        return twins;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isAlnum(char c) {
        return isDigit(c) || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
    }

    private static boolean allAlnum(String s, int from) {
        for (int i = from; i < s.length(); i++) {
            if (!isAlnum(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }
}
