package io.circuitsynth;

import io.circuitsynth.netlist.ComponentSpec;
import io.circuitsynth.netlist.ComponentSpec.ReferenceKind;
import io.circuitsynth.symbols.ElectricalType;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A part placed in a {@link Circuit}: a {@code LIB:NAME} symbol with a reference, a value, a
 * footprint, any number of user fields, and assembly flags. Setters return the component, so a
 * part reads as one expression:
 *
 * <pre>{@code
 * Component r1 = board.component("Device:R", "R", "10k")          // prefix R: numbered R1, R2...
 *         .footprint("Resistor_SMD:R_0603_1608Metric")
 *         .field("MPN", "RC0603FR-0710KL");
 * Component u1 = board.component("Amplifier_Operational:LM358", "U1"); // fixed reference U1
 * u1.unit(1).pin("+").connect(r1.pin(2));
 * }</pre>
 *
 * <p><b>References.</b> A reference that ends in a digit ({@code R5}) is fixed: the root circuit
 * uses it as written, and a subcircuit numbers it per instance, KiCad's way ({@code R5} becomes
 * {@code R205} in the instance on sheet 2 and {@code R305} in the one on sheet 3), so a block
 * placed many times never repeats a reference. A reference without a trailing digit is a prefix ({@code R}) that finalize
 * numbers with the lowest free number. {@link #absoluteReference(String)} keeps a reference as
 * written wherever it is.
 *
 * <p><b>Ids.</b> Each component has an {@link #id()} unique in its circuit. Finalize's messages
 * name the component by it, and its schematic UUIDs derive from it (KiCad links a board's
 * footprints to symbols by UUID). A new component's id is its reference when fixed ({@code R5},
 * then {@code R5#2} for a second {@code R5}), else {@code R?1}, {@code R?2}... in creation order;
 * {@link #id(String)} gives it a name of your own ({@code Rtop}), which stays put when components
 * are added before it.
 */
public final class Component {
    private static final Set<String> BUILT_IN_FIELDS =
            Set.of("Reference", "Value", "Footprint", "Datasheet", "Description");

    private final Circuit circuit;
    private String id;
    private final String symbol;
    ReferenceKind referenceKind;
    String reference;
    private String value = "";
    private String footprint = "";
    private String datasheet = "";
    private String description = "";
    final Map<String, String> fields = new LinkedHashMap<>();
    private boolean dnp;
    private boolean inBom = true;
    private boolean onBoard = true;
    List<ComponentSpec.PinSpec> pinTable;
    List<String> uuids = List.of();
    final String origin;

    Component(Circuit circuit, String id, String symbol, ReferenceKind referenceKind, String reference,
            String origin) {
        this.circuit = circuit;
        this.id = id;
        this.symbol = symbol;
        this.referenceKind = referenceKind;
        this.reference = reference;
        this.origin = origin;
    }

    /** Whether {@code reference} is fixed (it ends in an ASCII digit) rather than a prefix. */
    static ReferenceKind kindOf(String reference) {
        char last = reference.charAt(reference.length() - 1);
        return last >= '0' && last <= '9' ? ReferenceKind.FIXED : ReferenceKind.PREFIX;
    }

    /** Pins by number: {@code pin(3)} is {@code pin("3")}. */
    public Pin pin(int number) {
        return new Pin(this, Integer.toString(number), 0);
    }

    /**
     * The pin with this number, or if none has it, every pin with this name ({@code pin("GND")}
     * is all the GND pins), in every unit.
     */
    public Pin pin(String numberOrName) {
        return new Pin(this, Args.text(numberOrName, "Component.pin(numberOrName): numberOrName"), 0);
    }

    /** One unit of a multi-unit part (unit 1 is KiCad's unit A), to address its pins by name. */
    public Unit unit(int unit) {
        if (unit < 1) {
            throw new IllegalArgumentException("Component.unit(unit): unit " + unit + " of " + id
                    + " does not exist; units are numbered from 1 (unit A)");
        }
        return new Unit(unit);
    }

    /** One unit of a multi-unit component: {@code u1.unit(2).pin("+")}. */
    public final class Unit {
        private final int unit;

        Unit(int unit) {
            this.unit = unit;
        }

        /** The unit's number, from 1. */
        public int number() {
            return unit;
        }

        /** The component. */
        public Component component() {
            return Component.this;
        }

        /** The pin with this number (numbers are unique across units, so the unit changes nothing). */
        public Pin pin(int number) {
            return new Pin(Component.this, Integer.toString(number), unit);
        }

        /** The pin with this number, or if none has it, every pin of this unit with this name. */
        public Pin pin(String numberOrName) {
            return new Pin(Component.this, Args.text(numberOrName, "Unit.pin(numberOrName): numberOrName"), unit);
        }
    }

    /**
     * Sets a fixed reference, used as written in the root circuit and numbered per instance in a
     * subcircuit (so inside a subcircuit it must end in a number).
     *
     * @return this component
     */
    public Component reference(String fixed) {
        reference = Args.text(fixed, "Component.reference(fixed): fixed");
        referenceKind = ReferenceKind.FIXED;
        return this;
    }

    /**
     * Sets a reference prefix ({@code R}, {@code U}) that finalize numbers with the lowest free
     * number.
     *
     * @return this component
     */
    public Component prefix(String prefix) {
        reference = Args.text(prefix, "Component.prefix(prefix): prefix");
        referenceKind = ReferenceKind.PREFIX;
        return this;
    }

    /**
     * Sets a reference used as written wherever the component is, even in a subcircuit placed
     * many times (then finalize reports the duplicate).
     *
     * @return this component
     */
    public Component absoluteReference(String reference) {
        this.reference = Args.text(reference, "Component.absoluteReference(reference): reference");
        referenceKind = ReferenceKind.ABSOLUTE;
        return this;
    }

    /**
     * Sets the value ({@code 10k}, {@code LM358}); empty unless set.
     *
     * @return this component
     */
    public Component value(String value) {
        this.value = Args.notNull(value, "Component.value(value): value");
        return this;
    }

    /**
     * Sets the footprint, {@code LIB:FOOTPRINT}.
     *
     * @return this component
     */
    public Component footprint(String footprint) {
        this.footprint = Args.notNull(footprint, "Component.footprint(footprint): footprint");
        return this;
    }

    /**
     * Sets the datasheet link; empty unless set.
     *
     * @return this component
     */
    public Component datasheet(String datasheet) {
        this.datasheet = Args.notNull(datasheet, "Component.datasheet(datasheet): datasheet");
        return this;
    }

    /**
     * Sets the description; empty unless set.
     *
     * @return this component
     */
    public Component description(String description) {
        this.description = Args.notNull(description, "Component.description(description): description");
        return this;
    }

    /**
     * Sets a user field ({@code MPN}, {@code Manufacturer}, ...). Fields keep the order they were
     * first set in; setting one again replaces its value.
     *
     * @return this component
     * @throws IllegalArgumentException for the built-in fields Reference, Value, Footprint,
     *     Datasheet and Description, which have their own setters
     */
    public Component field(String name, String value) {
        Args.text(name, "Component.field(name, value): name");
        Args.notNull(value, "Component.field(name, value): value");
        if (BUILT_IN_FIELDS.contains(name)) {
            throw new IllegalArgumentException("Component.field(name, value): " + name
                    + " is a built-in field of every component; set it with "
                    + name.toLowerCase(java.util.Locale.ROOT) + "(...)"
                    + (name.equals("Reference") ? ", prefix(...) or absoluteReference(...)" : ""));
        }
        fields.put(name, value);
        return this;
    }

    /**
     * Marks the component "do not populate".
     *
     * @return this component
     */
    public Component dnp() {
        return dnp(true);
    }

    /**
     * Sets or clears "do not populate".
     *
     * @return this component
     */
    public Component dnp(boolean on) {
        dnp = on;
        return this;
    }

    /**
     * Whether the component is listed in the bill of materials (default true).
     *
     * @return this component
     */
    public Component inBom(boolean on) {
        inBom = on;
        return this;
    }

    /**
     * Whether the component is exported to the board (default true). Components off the board are
     * left out of the {@code .net}.
     *
     * @return this component
     */
    public Component onBoard(boolean on) {
        onBoard = on;
        return this;
    }

    /**
     * Adds a pin to the component's own pin table, for a symbol that no library holds: finalize
     * then takes the pins from this table (and the schematic writer draws a box symbol). Ignored
     * when the symbol is found in a library.
     *
     * @return this component
     */
    public Component definePin(String number, String name, ElectricalType type) {
        Args.text(number, "Component.definePin(number, name, type): number");
        Args.notNull(name, "Component.definePin(number, name, type): name");
        Args.notNull(type, "Component.definePin(number, name, type): type");
        if (pinTable == null) {
            pinTable = new ArrayList<>();
        }
        pinTable.add(new ComponentSpec.PinSpec(number, name, type.keyword(), 0, false));
        return this;
    }

    /**
     * Names the component: in finalize's messages ({@code component Rtop of Main (Device:R) has no
     * pin "3"}) and in its schematic UUIDs, which then no longer depend on creation order.
     *
     * @return this component
     * @throws IllegalArgumentException if another component of the circuit has this id
     */
    public Component id(String id) {
        Args.text(id, "Component.id(id): id");
        circuit.rename(this, id);
        this.id = id;
        return this;
    }

    /** Unique in the circuit; finalize's messages name the component by it. */
    public String id() {
        return id;
    }

    /** The circuit the component belongs to. */
    public Circuit circuit() {
        return circuit;
    }

    /** {@code LIB:NAME}. */
    public String symbol() {
        return symbol;
    }

    /** The reference or prefix as given (final references are assigned by finalize). */
    public String reference() {
        return reference;
    }

    public String value() {
        return value;
    }

    public String footprint() {
        return footprint;
    }

    public String datasheet() {
        return datasheet;
    }

    public String description() {
        return description;
    }

    /** The user field's value, or null when it is not set. */
    public String field(String name) {
        return fields.get(name);
    }

    /** The user fields, in order. */
    public Map<String, String> fields() {
        return Collections.unmodifiableMap(fields);
    }

    public boolean isDnp() {
        return dnp;
    }

    public boolean isInBom() {
        return inBom;
    }

    public boolean isOnBoard() {
        return onBoard;
    }

    /** {@code R?1 (Device:R)}. */
    @Override
    public String toString() {
        return id + " (" + symbol + ")";
    }
}
