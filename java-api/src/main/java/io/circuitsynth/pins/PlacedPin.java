package io.circuitsynth.pins;

import io.circuitsynth.symbols.ElectricalType;

/**
 * A pin on the sheet.
 *
 * @param index index into the symbol's {@code pins()} (the same order as the library file)
 * @param number the pin number
 * @param name the pin name ({@code "~"} when KiCad shows none)
 * @param type the electrical type
 * @param hidden whether the library hides the pin
 * @param x sheet X of the connection point, IU: the pin's end away from the body, where a wire
 *     attaches
 * @param y sheet Y of the connection point, IU (Y down)
 * @param dx X of the unit vector from the body to the connection point, in sheet axes: the way
 *     a wire stub leaves
 * @param dy Y of that vector (Y down)
 */
public record PlacedPin(int index, String number, String name, ElectricalType type, boolean hidden, int x, int y,
        int dx, int dy) {}
