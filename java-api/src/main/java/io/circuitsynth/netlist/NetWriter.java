package io.circuitsynth.netlist;

import io.circuitsynth.netlist.Netlist.Component;
import io.circuitsynth.netlist.Netlist.Field;
import io.circuitsynth.netlist.Netlist.Library;
import io.circuitsynth.netlist.Netlist.Net;
import io.circuitsynth.netlist.Netlist.Part;
import io.circuitsynth.netlist.Netlist.Pin;
import io.circuitsynth.netlist.Netlist.PinAt;
import io.circuitsynth.netlist.Netlist.Sheet;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The KiCad {@code .net} writer (specification section 3), Java engine: version "E" in the layout
 * of KiCad's {@code XNODE::Format}, sections {@code design}, {@code components}, {@code libparts},
 * {@code libraries}, {@code nets}. The Rust twin is {@code circuitsynth_netlist::net_write}.
 */
public final class NetWriter {
    private NetWriter() {}

    /** The {@code .net} bytes of a finalized design, with an empty {@code (date)}. */
    public static byte[] write(Netlist netlist) {
        return write(netlist, "");
    }

    /** The {@code .net} bytes with {@code date} in the design section's {@code (date …)} (empty: {@code (date)}). */
    public static byte[] write(Netlist netlist, String date) {
        return write(netlist, date, 1024 + netlist.components().size() * 700 + netlist.nets().size() * 200);
    }

    /** {@link #write(Netlist, String)} into a buffer of {@code capacity} bytes at first (tests reach every growth). */
    static byte[] write(Netlist netlist, String date, int capacity) {
        Out out = new Out(capacity);
        out.open(0, "export");
        out.attr("version", "E");
        String[] files = sheetFiles(netlist);
        design(out, netlist, files, date);
        int[] written = writtenComponents(netlist);
        components(out, netlist, files, written);
        libparts(out, netlist, written);
        libraries(out, netlist);
        nets(out, netlist);
        out.close();
        return out.bytes();
    }

    /**
     * {@code XNODE::Format}'s layout: a child starts on a new line two spaces per depth deeper, and
     * an element closes right after its last item. Bytes go straight into one buffer, UTF-8
     * encoded as they are written, so no per-token or whole-text strings are made.
     */
    private static final class Out {
        byte[] buf;
        int len;
        /** Scratch for the chars of the string being quoted. */
        private char[] chars = new char[256];

        Out(int capacity) {
            buf = new byte[Math.max(capacity, 1)];
        }

        /** Room for {@code extra} more bytes. */
        private void reserve(int extra) {
            if (buf.length - len < extra) {
                buf = Arrays.copyOf(buf, Math.max(buf.length * 2, len + extra));
            }
        }

        /** The bytes written. */
        byte[] bytes() {
            return len == buf.length ? buf : Arrays.copyOf(buf, len);
        }

        /** An ASCII keyword, as is. */
        private void ascii(String word) {
            int n = word.length();
            reserve(n);
            for (int i = 0; i < n; i++) {
                buf[len++] = (byte) word.charAt(i);
            }
        }

        void open(int depth, String name) {
            reserve(2 + 2 * depth);
            if (depth > 0) {
                buf[len++] = '\n';
                for (int i = 0; i < 2 * depth; i++) {
                    buf[len++] = ' ';
                }
            }
            buf[len++] = '(';
            ascii(name);
        }

        void attr(String key, String value) {
            reserve(2);
            buf[len++] = ' ';
            buf[len++] = '(';
            ascii(key);
            reserve(1);
            buf[len++] = ' ';
            quoted(value);
            reserve(1);
            buf[len++] = ')';
        }

        /** A text content; an empty one is left out, as KiCad leaves it out. */
        void text(String value) {
            if (!value.isEmpty()) {
                reserve(1);
                buf[len++] = ' ';
                quoted(value);
            }
        }

        void close() {
            reserve(1);
            buf[len++] = ')';
        }

        void leaf(int depth, String name, String value) {
            open(depth, name);
            text(value);
            close();
        }

        /**
         * {@code value} in quotes, {@code \\ " LF CR} escaped, as UTF-8; a lone surrogate becomes
         * {@code ?}, as {@link String#getBytes} makes it.
         */
        void quoted(String value) {
            int n = value.length();
            // At most 3 bytes per char: an escape is 2, a BMP char 3, a surrogate pair 4 for 2.
            reserve(3 * n + 2);
            // One bulk copy out of the string, then a loop the JIT keeps free of String's checks.
            if (chars.length < n) {
                chars = new char[Math.max(n, 2 * chars.length)];
            }
            char[] cs = chars;
            value.getChars(0, n, cs, 0);
            byte[] b = buf;
            int at = len;
            b[at++] = '"';
            for (int i = 0; i < n; i++) {
                char c = cs[i];
                if (c < 0x80) {
                    if (!NEEDS_ESCAPE[c]) {
                        b[at++] = (byte) c;
                        continue;
                    }
                    b[at++] = '\\';
                    b[at++] = switch (c) {
                        case '\\' -> '\\';
                        case '"' -> '"';
                        case '\n' -> 'n';
                        default -> 'r';
                    };
                } else if (c < 0x800) {
                    b[at++] = (byte) (0xc0 | (c >> 6));
                    b[at++] = (byte) (0x80 | (c & 0x3f));
                } else if (!Character.isSurrogate(c)) {
                    b[at++] = (byte) (0xe0 | (c >> 12));
                    b[at++] = (byte) (0x80 | ((c >> 6) & 0x3f));
                    b[at++] = (byte) (0x80 | (c & 0x3f));
                } else if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(cs[i + 1])) {
                    int cp = Character.toCodePoint(c, cs[++i]);
                    b[at++] = (byte) (0xf0 | (cp >> 18));
                    b[at++] = (byte) (0x80 | ((cp >> 12) & 0x3f));
                    b[at++] = (byte) (0x80 | ((cp >> 6) & 0x3f));
                    b[at++] = (byte) (0x80 | (cp & 0x3f));
                } else {
                    b[at++] = '?';
                }
            }
            b[at++] = '"';
            len = at;
        }

        /** {@code (key "n")} for a non-negative {@code n}, without making its string. */
        void number(String key, int n) {
            reserve(2);
            buf[len++] = ' ';
            buf[len++] = '(';
            ascii(key);
            reserve(14);
            buf[len++] = ' ';
            buf[len++] = '"';
            int digits = 1;
            for (int rest = n / 10; rest != 0; rest /= 10) {
                digits++;
            }
            for (int i = len + digits - 1; i >= len; i--) {
                buf[i] = (byte) ('0' + n % 10);
                n /= 10;
            }
            len += digits;
            buf[len++] = '"';
            buf[len++] = ')';
        }
    }

    /** The chars a quoted string escapes: {@code \\}, {@code "}, LF, CR. */
    private static final boolean[] NEEDS_ESCAPE = new boolean[128];

    static {
        NEEDS_ESCAPE['\\'] = true;
        NEEDS_ESCAPE['"'] = true;
        NEEDS_ESCAPE['\n'] = true;
        NEEDS_ESCAPE['\r'] = true;
    }

    /** The schematic file of every sheet: the root's is the project's. */
    private static String[] sheetFiles(Netlist netlist) {
        String[] files = new String[netlist.sheets().size()];
        for (int i = 0; i < files.length; i++) {
            String stem = i == 0 ? netlist.project() : netlist.sheets().get(i).definition();
            files[i] = stem + ".kicad_sch";
        }
        return files;
    }

    private static void design(Out out, Netlist netlist, String[] files, String date) {
        out.open(1, "design");
        out.leaf(2, "source", files[0]);
        out.leaf(2, "date", date);
        out.leaf(2, "tool", "circuitsynth");
        for (int i = 0; i < netlist.sheets().size(); i++) {
            Sheet sheet = netlist.sheets().get(i);
            out.open(2, "sheet");
            out.number("number", sheet.page());
            out.attr("name", sheet.path());
            out.attr("tstamps", sheet.tstamps());
            out.open(3, "title_block");
            out.leaf(4, "title", "");
            out.leaf(4, "company", "");
            out.leaf(4, "rev", "");
            out.leaf(4, "date", "");
            out.leaf(4, "source", files[i]);
            for (int n = 1; n <= 9; n++) {
                out.open(4, "comment");
                out.number("number", n);
                out.attr("value", "");
                out.close();
            }
            out.close();
            out.close();
        }
        out.close();
    }

    /**
     * Board components in writing order: sheets by page, then references by {@code StrNumCmp}
     * ignoring case (ties by code points).
     */
    private static int[] writtenComponents(Netlist netlist) {
        List<Component> components = netlist.components();
        int[] written = new int[components.size()];
        // The references in one array: the sort's comparisons would otherwise chase each Component first.
        String[] references = new String[components.size()];
        for (int c = 0; c < references.length; c++) {
            references[c] = components.get(c).reference();
        }
        int count = 0;
        for (Sheet sheet : netlist.sheets()) {
            List<Integer> inSheet = new ArrayList<>(sheet.componentCount());
            for (int c = sheet.firstComponent(); c < sheet.firstComponent() + sheet.componentCount(); c++) {
                if (components.get(c).spec().onBoard()) {
                    inSheet.add(c);
                }
            }
            inSheet.sort((a, b) -> StrNumCmp.compareTotal(references[a], references[b], true));
            for (int c : inSheet) {
                written[count++] = c;
            }
        }
        return Arrays.copyOf(written, count);
    }

    private static void components(Out out, Netlist netlist, String[] files, int[] written) {
        out.open(1, "components");
        String[] filters = new String[netlist.parts().size()];
        for (int p = 0; p < filters.length; p++) {
            filters[p] = String.join(" ", netlist.parts().get(p).footprintFilters());
        }
        for (int c : written) {
            Component component = netlist.components().get(c);
            ComponentSpec spec = component.spec();
            Part part = netlist.parts().get(component.part());
            Sheet sheet = netlist.sheets().get(component.sheet());
            out.open(2, "comp");
            out.attr("ref", component.reference());
            out.leaf(3, "value", spec.value().isEmpty() ? "~" : spec.value());
            String[][] optional = {
                {"footprint", spec.footprint()}, {"datasheet", spec.datasheet()}, {"description", spec.description()}
            };
            for (String[] item : optional) {
                if (!item[1].isEmpty()) {
                    out.leaf(3, item[0], item[1]);
                }
            }
            out.open(3, "fields");
            for (ComponentSpec.Field field : spec.fields()) {
                field(out, field.name(), field.value());
            }
            field(out, "Footprint", spec.footprint());
            field(out, "Datasheet", spec.datasheet());
            field(out, "Description", spec.description());
            out.close();
            out.open(3, "libsource");
            out.attr("lib", part.lib());
            out.attr("part", part.name());
            // KiCad writes the library symbol's description here, not the instance's field.
            out.attr("description", part.description());
            out.close();
            for (ComponentSpec.Field field : spec.fields()) {
                property(out, field.name(), field.value());
            }
            property(out, "Sheetname", sheet.name());
            property(out, "Sheetfile", files[component.sheet()]);
            if (!spec.inBom()) {
                property(out, "exclude_from_bom", null);
            }
            if (spec.dnp()) {
                property(out, "dnp", null);
            }
            if (!part.keywords().isEmpty()) {
                property(out, "ki_keywords", part.keywords());
            }
            if (!part.footprintFilters().isEmpty()) {
                property(out, "ki_fp_filters", filters[component.part()]);
            }
            out.open(3, "sheetpath");
            out.attr("names", sheet.path());
            out.attr("tstamps", sheet.tstamps());
            out.close();
            out.open(3, "tstamps");
            for (String uuid : tstampsOrder(component)) {
                out.text(uuid);
            }
            out.close();
            out.close();
        }
        out.close();
    }

    private static void field(Out out, String name, String value) {
        out.open(4, "field");
        out.attr("name", name);
        out.text(value);
        out.close();
    }

    /**
     * The order KiCad lists a symbol's unit UUIDs in: the others ascending, then the smallest.
     * UUIDs kept from a {@code .net} keep the order they were read in.
     */
    private static List<String> tstampsOrder(Component component) {
        if (component.uuidsKept() || component.uuids().size() < 2) {
            return component.uuids();
        }
        List<String> sorted = new ArrayList<>(component.uuids());
        sorted.sort(StrNumCmp.CODE_POINTS);
        sorted.add(sorted.remove(0));
        return sorted;
    }

    private static void property(Out out, String name, String value) {
        out.open(3, "property");
        out.attr("name", name);
        if (value != null) {
            out.attr("value", value);
        }
        out.close();
    }

    /**
     * The (lib, part) a libpart is listed under. A symbol read without a nickname whose name holds
     * {@code :} is listed under the split name, as KiCad lists it ({@code Q17ng}: libsource
     * {@code (lib "") (part "Connector:Screw_Terminal_01x02_1")}, libpart {@code (lib "Connector")
     * (part "Screw_…")}).
     */
    private static List<String> libpartId(Part part) {
        int colon = part.name().indexOf(':');
        if (part.lib().isEmpty() && colon >= 0) {
            return List.of(part.name().substring(0, colon), part.name().substring(colon + 1));
        }
        return List.of(part.lib(), part.name());
    }

    private static void libparts(Out out, Netlist netlist, int[] written) {
        Map<List<String>, Integer> first = new HashMap<>();
        List<Integer> listed = new ArrayList<>();
        // Components share a few parts: each part's id is looked up once.
        boolean[] met = new boolean[netlist.parts().size()];
        for (int c : written) {
            int p = netlist.components().get(c).part();
            if (met[p]) {
                continue;
            }
            met[p] = true;
            if (first.putIfAbsent(libpartId(netlist.parts().get(p)), p) == null) {
                listed.add(p);
            }
        }
        listed.sort((a, b) -> {
            List<String> ia = libpartId(netlist.parts().get(a));
            List<String> ib = libpartId(netlist.parts().get(b));
            int c = StrNumCmp.compareCodePoints(ia.get(0), ib.get(0));
            return c != 0 ? c : StrNumCmp.compareCodePoints(ia.get(1), ib.get(1));
        });
        out.open(1, "libparts");
        for (int p : listed) {
            libpart(out, netlist.parts().get(p));
        }
        out.close();
    }

    private static void libpart(Out out, Part part) {
        List<String> id = libpartId(part);
        out.open(2, "libpart");
        out.attr("lib", id.get(0));
        out.attr("part", id.get(1));
        if (!part.description().isEmpty()) {
            out.leaf(3, "description", part.description());
        }
        if (!part.datasheet().isEmpty()) {
            out.leaf(3, "docs", part.datasheet());
        }
        if (!part.footprintFilters().isEmpty()) {
            out.open(3, "footprints");
            for (String filter : part.footprintFilters()) {
                out.leaf(4, "fp", filter);
            }
            out.close();
        }
        out.open(3, "fields");
        for (Field field : part.fields()) {
            field(out, field.name(), field.value());
        }
        out.close();
        if (!part.pins().isEmpty()) {
            out.open(3, "pins");
            for (int p : part.libpartOrder()) {
                Pin pin = part.pins().get(p);
                out.open(4, "pin");
                out.attr("num", pin.number());
                out.attr("name", pin.name());
                out.attr("type", pin.type().keyword());
                out.close();
            }
            out.close();
        }
        out.close();
    }

    private static void libraries(Out out, Netlist netlist) {
        out.open(1, "libraries");
        for (Library library : netlist.libraries()) {
            out.open(2, "library");
            out.attr("logical", library.nickname());
            out.leaf(3, "uri", library.path());
            out.close();
        }
        out.close();
    }

    private static void nets(Out out, Netlist netlist) {
        out.open(1, "nets");
        // Looked up once: the nodes reach every component again and again.
        List<Component> components = netlist.components();
        boolean[] onBoard = new boolean[components.size()];
        for (int c = 0; c < onBoard.length; c++) {
            onBoard[c] = components.get(c).spec().onBoard();
        }
        int code = 0;
        for (Net net : netlist.nets()) {
            boolean any = false;
            for (PinAt at : net.nodes()) {
                if (onBoard[at.component()]) {
                    any = true;
                    break;
                }
            }
            if (!any) {
                continue;
            }
            code++;
            out.open(2, "net");
            out.number("code", code);
            out.attr("name", net.name());
            out.attr("class", net.netClass());
            for (PinAt at : net.nodes()) {
                if (!onBoard[at.component()]) {
                    continue;
                }
                Pin pin = netlist.pin(at);
                out.open(3, "node");
                out.attr("ref", components.get(at.component()).reference());
                out.attr("pin", pin.number());
                if (!pin.name().isEmpty()) {
                    out.attr("pinfunction", pin.name());
                }
                String keyword = pin.type().keyword();
                out.attr("pintype", net.singleNoConnect() ? keyword + "+no_connect" : keyword);
                out.close();
            }
            out.close();
        }
        out.close();
    }
}
