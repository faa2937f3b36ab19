package io.circuitsynth.symbols;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/** The specification's text dump of resolved symbols: what the conformance vectors hold. */
final class SymbolDump {
    private SymbolDump() {}

    static byte[] dump(List<Symbol> symbols) {
        StringBuilder out = new StringBuilder(symbols.size() * 512);
        for (int i = 0; i < symbols.size(); i++) {
            if (i > 0) {
                out.append('\n');
            }
            block(symbols.get(i), out);
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void block(Symbol s, StringBuilder out) {
        out.append("symbol ");
        quote(s.id(), out).append('\n');
        if (s.isDerived()) {
            quote(s.extendsName(), out.append("  extends ")).append('\n');
        }
        out.append("  flags power=").append(yesNo(s.power()))
                .append(" in_bom=").append(yesNo(s.inBom()))
                .append(" on_board=").append(yesNo(s.onBoard()))
                .append(" exclude_from_sim=").append(yesNo(s.excludeFromSim()))
                .append(" pin_numbers=").append(s.pinNumbersHidden() ? "hidden" : "shown")
                .append(" pin_names=").append(s.pinNamesHidden() ? "hidden" : "shown")
                .append(" pin_name_offset=").append(s.pinNameOffset()).append('\n');
        out.append("  units ").append(Integer.toUnsignedString(s.unitCount())).append(" body_styles ")
                .append(Integer.toUnsignedString(s.bodyStyleCount())).append('\n');
        for (Map.Entry<Integer, String> u : s.unitNames().entrySet()) {
            quote(u.getValue(), out.append("  unit_name ").append(Integer.toUnsignedString(u.getKey())).append(' '))
                    .append('\n');
        }
        for (SymbolProperty p : s.properties()) {
            quote(p.value(), quote(p.key(), out.append("  property ")).append(' '));
            out.append(p.hidden() ? " hidden\n" : "\n");
        }
        for (SymbolPin p : s.pins()) {
            quote(p.name(), quote(p.number(), out.append("  pin ")).append(' '));
            out.append(' ').append(p.type().keyword()).append(' ').append(p.style().keyword())
                    .append(" x=").append(p.x()).append(" y=").append(p.y()).append(" rot=").append(p.rotation())
                    .append(" len=").append(p.length()).append(" unit=").append(Integer.toUnsignedString(p.unit()))
                    .append(" body=").append(Integer.toUnsignedString(p.bodyStyle()))
                    .append(p.hidden() ? " hidden\n" : "\n");
            for (SymbolPin.Alternate a : p.alternates()) {
                quote(a.name(), out.append("    alternate ")).append(' ').append(a.type().keyword()).append(' ')
                        .append(a.style().keyword()).append('\n');
            }
        }
    }

    private static String yesNo(boolean b) {
        return b ? "yes" : "no";
    }

    /** As KiCad writes strings: {@code \\}, {@code \"}, {@code \n} and {@code \r} escaped. */
    static StringBuilder quote(String s, StringBuilder out) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '\\':
                    out.append("\\\\");
                    break;
                case '"':
                    out.append("\\\"");
                    break;
                case '\n':
                    out.append("\\n");
                    break;
                case '\r':
                    out.append("\\r");
                    break;
                default:
                    out.append(c);
            }
        }
        return out.append('"');
    }
}
