package io.circuitsynth.pins;

/**
 * One field as drawn, and as the schematic file must say it so that eeschema draws it so.
 *
 * @param x the anchor, sheet IU: the file's {@code (at X Y …)} of the property
 * @param y the anchor's Y
 * @param h horizontal justification as drawn (the text is always drawn horizontally)
 * @param v vertical justification as drawn
 * @param box the text's box on the sheet
 * @param fileAngle what the file says in {@code (at X Y ANGLE)}: eeschema turns a placed symbol's
 *     field with the symbol, so this and the two below are the drawn ones taken back through the
 *     symbol's transform
 * @param fileH what the file says in {@code (justify …)}
 * @param fileV what the file says in {@code (justify …)}
 */
public record FieldPlacement(int x, int y, HAlign h, VAlign v, Rect box, Rotation fileAngle, HAlign fileH,
        VAlign fileV) {}
