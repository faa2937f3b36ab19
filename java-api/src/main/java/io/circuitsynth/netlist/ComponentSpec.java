package io.circuitsynth.netlist;

import java.util.List;
import java.util.Objects;

/**
 * A component of a {@link Definition}, before finalize. Immutable.
 *
 * @param id unique in its definition; nodes refer to it
 * @param symbol {@code LIB:NAME}
 * @param referenceKind how {@code reference} is to be read
 * @param reference a prefix ({@code R}), a fixed local reference ({@code R5}) or an absolute one
 * @param value the value ({@code ""} when none)
 * @param footprint {@code LIB:FOOTPRINT} or {@code ""}
 * @param datasheet {@code ""} when none
 * @param description {@code ""} when none
 * @param fields user fields in order; names unique and none of Reference, Value, Footprint,
 *     Datasheet, Description
 * @param dnp do not populate
 * @param inBom listed in the bill of materials
 * @param onBoard exported to the board
 * @param pins the pin table for a symbol found in no library, or null to take the symbol's pins
 * @param uuids the placed units' symbol UUIDs kept from a {@code .net}, in {@code tstamps} order;
 *     empty otherwise
 * @param origin where the component came from, for messages (a JSON path), or null
 */
public record ComponentSpec(String id, String symbol, ReferenceKind referenceKind, String reference, String value,
        String footprint, String datasheet, String description, List<Field> fields, boolean dnp, boolean inBom,
        boolean onBoard, List<PinSpec> pins, List<String> uuids, String origin) {

    /** How a component's reference is given (specification section 1). */
    public enum ReferenceKind {
        /** A prefix, numbered by finalize ({@code R} becomes {@code R1}). */
        PREFIX,
        /** A fixed reference: used as is in the root, local and numbered per instance in a subcircuit. */
        FIXED,
        /** Used as written wherever it is (what {@code .net} and circuit-synth import produce). */
        ABSOLUTE
    }

    /** A user field: {@code (name, value)}. */
    public record Field(String name, String value) {
        public Field {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(value, "value");
        }
    }

    /**
     * One pin of a component's own pin table.
     *
     * @param number pin number
     * @param name pin name ({@code ~} reads as empty)
     * @param type one of the twelve KiCad electrical type keywords ({@code passive}, {@code power_in}…)
     * @param unit 0 for every unit
     * @param hidden whether the pin is hidden
     */
    public record PinSpec(String number, String name, String type, int unit, boolean hidden) {
        public PinSpec {
            Objects.requireNonNull(number, "number");
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(type, "type");
        }
    }

    public ComponentSpec {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(referenceKind, "referenceKind");
        Objects.requireNonNull(reference, "reference");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(footprint, "footprint");
        Objects.requireNonNull(datasheet, "datasheet");
        Objects.requireNonNull(description, "description");
        fields = List.copyOf(fields);
        pins = pins == null ? null : List.copyOf(pins);
        uuids = List.copyOf(uuids);
    }
}
