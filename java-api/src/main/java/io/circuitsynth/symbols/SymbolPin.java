package io.circuitsynth.symbols;

import java.util.List;
import java.util.Objects;

/**
 * One pin of a library symbol, in the symbol's own coordinates (KiCad's library Y axis points up).
 *
 * @param number the pin number as text ({@code "1"}, {@code "A3"})
 * @param name the pin name; {@code "~"} when KiCad shows none
 * @param type the electrical type
 * @param style the graphic style
 * @param x X of the pin's connection point, in internal units (1 IU = 100 nm)
 * @param y Y of the connection point, in IU
 * @param rotation orientation in degrees: 0, 90, 180 or 270
 * @param length pin length in IU
 * @param unit the unit it belongs to, 0 when shared by all units
 * @param bodyStyle 0 for both body styles, 1 normal, 2 De Morgan
 * @param hidden whether the pin is hidden
 * @param alternates the alternate functions KiCad offers for the pin, in file order
 */
public record SymbolPin(String number, String name, ElectricalType type, PinStyle style, int x, int y,
        int rotation, int length, int unit, int bodyStyle, boolean hidden, List<Alternate> alternates) {

    /** An alternate pin function: {@code (alternate "NAME" TYPE STYLE)}. */
    public record Alternate(String name, ElectricalType type, PinStyle style) {
        public Alternate {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(type, "type");
            Objects.requireNonNull(style, "style");
        }
    }

    public SymbolPin {
        Objects.requireNonNull(number, "number");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(style, "style");
        alternates = List.copyOf(alternates);
    }

    /** Whether this pin is drawn in {@code unit} with {@code bodyStyle} (shared pins always are). */
    public boolean belongsTo(int unit, int bodyStyle) {
        return (this.unit == 0 || this.unit == unit) && (this.bodyStyle == 0 || this.bodyStyle == bodyStyle);
    }
}
