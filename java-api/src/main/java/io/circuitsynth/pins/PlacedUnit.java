package io.circuitsynth.pins;

import java.util.Collections;
import java.util.List;

/**
 * One placed unit: its pins in library order and its body box, both in sheet coordinates.
 *
 * @param pins every pin of the unit and body style, shared ones (unit 0, body style 0) included
 * @param body the box of the unit's drawing and of the lines of its shown pins
 */
public record PlacedUnit(List<PlacedPin> pins, Rect body) {
    /** Wraps {@code pins} without copying it: {@code SymbolGeometry.place} makes one per unit and hands it over. */
    public PlacedUnit {
        pins = Collections.unmodifiableList(pins);
    }
}
