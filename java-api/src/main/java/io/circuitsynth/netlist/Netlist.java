package io.circuitsynth.netlist;

import io.circuitsynth.symbols.ElectricalType;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A finalized design: the flat netlist (specification section 2), what {@link NetWriter} writes
 * and the schematic writer draws. Indices tie it together ({@link Component#part()} into
 * {@link #parts()}, {@link PinAt} into components and their part's pins), so it stays compact for
 * designs of tens of thousands of parts. Immutable once built; the Rust twin is
 * {@code circuitsynth_netlist::finalize::Netlist}.
 */
public final class Netlist {
    /** Marks "none" in index fields. */
    public static final int NONE = -1;

    private final String project;
    private final List<Sheet> sheets;
    private final List<Part> parts;
    private final List<Component> components;
    private final List<Net> nets;
    private final List<PinAt> noConnects;
    private final List<Library> libraries;
    private final int[] pinNets;

    Netlist(String project, List<Sheet> sheets, List<Part> parts, List<Component> components, List<Net> nets,
            List<PinAt> noConnects, List<Library> libraries, int[] pinNets) {
        this.project = project;
        this.sheets = List.copyOf(sheets);
        this.parts = List.copyOf(parts);
        this.components = List.copyOf(components);
        this.nets = List.copyOf(nets);
        this.noConnects = List.copyOf(noConnects);
        this.libraries = List.copyOf(libraries);
        this.pinNets = pinNets;
    }

    /**
     * One sheet instance.
     *
     * @param page 1 for the root, then pre-order
     * @param path {@code /} for the root, else the parent's path + name + {@code /}
     * @param name the instance name; empty for the root
     * @param definition the definition it instantiates
     * @param parent the parent sheet's index, {@link #NONE} for the root
     * @param depth 0 for the root
     * @param uuid the sheet's UUID
     * @param tstamps {@code /} then the UUID of every sheet from the root's child down to this one,
     *     each followed by {@code /}; the root's is {@code /}
     * @param firstComponent its components are {@code components[firstComponent ..
     *     firstComponent + componentCount]}
     * @param componentCount how many components it has
     */
    public record Sheet(int page, String path, String name, String definition, int parent, int depth, String uuid,
            String tstamps, int firstComponent, int componentCount) {}

    /**
     * One pin of a part.
     *
     * @param number the pin number
     * @param name the pin name, empty for {@code ~}
     * @param type the electrical type
     * @param unit 0 = every unit
     * @param hidden whether the pin is hidden
     * @param twinNoConnect another pin of the same unit (or unit 0) has this name, another number
     *     and type {@code no_connect} (for the pin-driven net name)
     * @param twinConnectable likewise with a type other than {@code no_connect}
     */
    public record Pin(String number, String name, ElectricalType type, int unit, boolean hidden,
            boolean twinNoConnect, boolean twinConnectable) {

        /** The power net a hidden power pin of a non-power symbol joins, as KiCad connects it; else null. */
        String implicitPowerNet(Part part) {
            return hidden && type == ElectricalType.POWER_IN && !part.power() && !name.isEmpty() ? name : null;
        }
    }

    /** A user or libpart field: {@code (name, value)}. */
    public record Field(String name, String value) {}

    /**
     * A resolved symbol as the netlist needs it: one per library symbol used, and one per
     * distinct (symbol id, reference prefix, pin table) of the components whose symbol is in no
     * library.
     *
     * @param lib the library nickname (before the first {@code :} of the symbol id; empty without one)
     * @param name the symbol name
     * @param fromLibrary whether it came from a library (else from a component's pin table)
     * @param description the symbol's description
     * @param datasheet the symbol's datasheet
     * @param keywords {@code ki_keywords}, words joined by one space
     * @param footprintFilters {@code ki_fp_filters} words
     * @param fields the libpart fields: Reference, Value, Footprint, Datasheet, Description, then the
     *     other non-{@code ki_} properties in order
     * @param pins one per number (the first in symbol order wins), units all, body styles 1 and 0
     * @param libpartOrder {@code pins} indices in libpart order ({@code StrNumCmp} ignoring case,
     *     ties by code points)
     * @param unitCount the number of units
     * @param power a power symbol: its hidden power pins do not join nets by name
     * @param byNumber pin number → index into {@code pins}
     */
    public record Part(String lib, String name, boolean fromLibrary, String description, String datasheet,
            String keywords, List<String> footprintFilters, List<Field> fields, List<Pin> pins, int[] libpartOrder,
            int unitCount, boolean power, Map<String, Integer> byNumber) {}

    /**
     * A component placed in one sheet instance.
     *
     * @param sheet index into {@link #sheets()}
     * @param spec the component as the design gives it (id, value, footprint, fields, flags)
     * @param reference the final reference
     * @param part index into {@link #parts()}
     * @param uuids the symbol UUID of every unit (index = unit − 1)
     * @param uuidsKept the UUIDs were all kept from a {@code .net}, so they are written in the order read
     * @param pinBase where its pins' nets start in the netlist's pin table
     */
    public record Component(int sheet, ComponentSpec spec, String reference, int part, List<String> uuids,
            boolean uuidsKept, int pinBase) {}

    /**
     * A pin of a placed component.
     *
     * @param component index into {@link #components()}
     * @param pin index into the component's part's pins
     */
    public record PinAt(int component, int pin) {}

    /**
     * How a net appears in one sheet instance.
     *
     * @param sheet index into {@link #sheets()}
     * @param port the port of that sheet the net enters through, or null
     * @param label the net's (unescaped) local name in that sheet, or null
     */
    public record NetSheet(int sheet, String port, String label) {}

    /**
     * A net after finalize.
     *
     * @param name the final name
     * @param netClass the net class
     * @param power whether it is a global power net
     * @param nodes its pins, by reference then pin number (code-point order)
     * @param sheets the sheet instances it appears in, by page
     * @param singleNoConnect the net is one pin marked no-connect ({@code pintype} gets {@code +no_connect})
     */
    public record Net(String name, String netClass, boolean power, List<PinAt> nodes, List<NetSheet> sheets,
            boolean singleNoConnect) {}

    /**
     * A library of the {@code .net} libraries section.
     *
     * @param nickname the library nickname
     * @param path its file, absolute
     */
    public record Library(String nickname, String path) {
        public Library {
            Objects.requireNonNull(nickname, "nickname");
            Objects.requireNonNull(path, "path");
        }
    }

    /** The project name ({@code PROJECT.kicad_sch}, {@code PROJECT.net}). */
    public String project() {
        return project;
    }

    /** Sheet instances in page order (index = page − 1); the root is first. */
    public List<Sheet> sheets() {
        return sheets;
    }

    public List<Part> parts() {
        return parts;
    }

    /** Every component of every sheet instance, in page order then component order. */
    public List<Component> components() {
        return components;
    }

    /** Nets with at least one pin, sorted by name ({@code StrNumCmp}, the {@code .net} order). */
    public List<Net> nets() {
        return nets;
    }

    /** Pins marked not connected on purpose, in sheet then definition order. */
    public List<PinAt> noConnects() {
        return noConnects;
    }

    /**
     * Every library a board component's symbol comes from that resolves to a file, by nickname in
     * code-point order (the {@code .net} libraries section).
     */
    public List<Library> libraries() {
        return libraries;
    }

    /** The pin at {@code at}. */
    public Pin pin(PinAt at) {
        return parts.get(components.get(at.component()).part()).pins().get(at.pin());
    }

    /** The part of component {@code component}. */
    public Part partOf(int component) {
        return parts.get(components.get(component).part());
    }

    /** The net (index into {@link #nets()}) of pin {@code pin} of component {@code component}. */
    public int netOf(int component, int pin) {
        return pinNets[components.get(component).pinBase() + pin];
    }

    /** The components of sheet {@code sheet}. */
    public List<Component> sheetComponents(int sheet) {
        Sheet s = sheets.get(sheet);
        return components.subList(s.firstComponent(), s.firstComponent() + s.componentCount());
    }
}
