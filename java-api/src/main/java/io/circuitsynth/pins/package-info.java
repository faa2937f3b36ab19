/**
 * The {@code pin-calculator} stage: library pins to sheet coordinates exactly as eeschema places
 * them, and the boxes a placed unit and its fields occupy.
 *
 * <p>A {@link io.circuitsynth.pins.SymbolGeometry} is a resolved symbol read once (pins kept,
 * drawings reduced to one library-space box per unit and body style). Placing it with a
 * {@link io.circuitsynth.pins.Placement} ({@code (at X Y ANGLE) (mirror x|y)} of a
 * {@code .kicad_sch}) gives every pin of the unit and body style, shared ones included, with its
 * connection point and outward direction, and the body box;
 * {@link io.circuitsynth.pins.Fields#place} puts Reference and Value beside that box and says how to
 * write them; {@link io.circuitsynth.pins.Fields#textBox} is the box of any text in KiCad's stroke
 * font.
 *
 * <pre>{@code
 * SymbolGeometry r = SymbolGeometry.of(libs.symbol("Device:R"));
 * Placement at = new Placement(254_000, 254_000, Rotation.R90, Mirror.NONE);
 * PlacedUnit unit = r.place(1, 1, at);
 * FieldLayout fields = Fields.place(unit, at, "R1", "10k", 12_700);
 * }</pre>
 *
 * <p>Geometry is integer IU (1 IU = 100 nm), sheet Y down. The Rust crate
 * {@code circuitsynth-pin-calculator} implements the same specification,
 * {@code conformance/pins/README.md}, to the unit; this package is the Java engine's
 * implementation.
 */
package io.circuitsynth.pins;
