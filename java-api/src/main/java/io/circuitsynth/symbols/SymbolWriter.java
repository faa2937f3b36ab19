package io.circuitsynth.symbols;

import io.circuitsynth.io.SexprBuilder;

/**
 * Writes the pieces of a KiCad 9 library symbol into a {@link SexprBuilder}, in the order and
 * shape KiCad's symbol editor saves them, so generated symbols print exactly like KiCad's own.
 * Coordinates and lengths are internal units (1 IU = 100 nm).
 */
final class SymbolWriter {
    /** KiCad's default text size, 1.27 mm. */
    static final int TEXT_SIZE = 12700;

    private SymbolWriter() {}

    static SexprBuilder millimetres(SexprBuilder b, int iu) {
        return b.decimal(iu, 4);
    }

    static void at(SexprBuilder b, int x, int y, int rotation) {
        b.list("at");
        millimetres(b, x);
        millimetres(b, y);
        b.atom(rotation).end();
    }

    static void yesNo(SexprBuilder b, String key, boolean value) {
        b.list(key).symbol(value ? "yes" : "no").end();
    }

    /** {@code (effects (font (size 1.27 1.27)) [(justify …)] [(hide yes)])}. */
    static void effects(SexprBuilder b, String justify, boolean hidden) {
        b.list("effects").list("font").list("size");
        millimetres(b, TEXT_SIZE);
        millimetres(b, TEXT_SIZE);
        b.end().end();
        if (justify != null) {
            b.list("justify");
            for (String word : justify.split(" ")) {
                b.symbol(word);
            }
            b.end();
        }
        if (hidden) {
            yesNo(b, "hide", true);
        }
        b.end();
    }

    static void property(SexprBuilder b, String key, String value, int x, int y, int rotation, String justify,
            boolean hidden) {
        b.list("property").string(key).string(value);
        at(b, x, y, rotation);
        effects(b, justify, hidden);
        b.end();
    }

    /** A hidden property at the origin, as KiCad keeps Footprint, Datasheet and the ki_ fields. */
    static void hiddenProperty(SexprBuilder b, String key, String value) {
        property(b, key, value, 0, 0, 0, null, true);
    }

    static void stroke(SexprBuilder b, int width) {
        b.list("stroke").list("width");
        millimetres(b, width);
        b.end().list("type").symbol("default").end().end();
    }

    /** {@code fill} is {@code none}, {@code outline} or {@code background}. */
    static void fill(SexprBuilder b, String fill) {
        b.list("fill").list("type").symbol(fill).end().end();
    }

    static void rectangle(SexprBuilder b, int x1, int y1, int x2, int y2, int width, String fill) {
        b.list("rectangle").list("start");
        millimetres(b, x1);
        millimetres(b, y1);
        b.end().list("end");
        millimetres(b, x2);
        millimetres(b, y2);
        b.end();
        stroke(b, width);
        fill(b, fill);
        b.end();
    }

    /** A polyline through {@code xy} = x0, y0, x1, y1, …. */
    static void polyline(SexprBuilder b, int width, String fill, int... xy) {
        b.list("polyline").list("pts");
        for (int i = 0; i < xy.length; i += 2) {
            b.list("xy");
            millimetres(b, xy[i]);
            millimetres(b, xy[i + 1]);
            b.end();
        }
        b.end();
        stroke(b, width);
        fill(b, fill);
        b.end();
    }

    static void circle(SexprBuilder b, int cx, int cy, int radius, int width, String fill) {
        b.list("circle").list("center");
        millimetres(b, cx);
        millimetres(b, cy);
        b.end().list("radius");
        millimetres(b, radius);
        b.end();
        stroke(b, width);
        fill(b, fill);
        b.end();
    }

    /** A three-point arc from start through mid to end. */
    static void arc(SexprBuilder b, int sx, int sy, int mx, int my, int ex, int ey, int width, String fill) {
        b.list("arc").list("start");
        millimetres(b, sx);
        millimetres(b, sy);
        b.end().list("mid");
        millimetres(b, mx);
        millimetres(b, my);
        b.end().list("end");
        millimetres(b, ex);
        millimetres(b, ey);
        b.end();
        stroke(b, width);
        fill(b, fill);
        b.end();
    }

    /**
     * A pin in KiCad 9's layout. An empty name is written as {@code "~"}, which KiCad reads as
     * "no name".
     */
    static void pin(SexprBuilder b, String type, int x, int y, int rotation, int length, boolean hidden, String name,
            String number) {
        b.list("pin").symbol(type).symbol("line");
        at(b, x, y, rotation);
        b.list("length");
        millimetres(b, length);
        b.end();
        if (hidden) {
            yesNo(b, "hide", true);
        }
        b.list("name").string(name.isEmpty() ? "~" : name);
        effects(b, null, false);
        b.end().list("number").string(number);
        effects(b, null, false);
        b.end().end();
    }

    /** Opens {@code (kicad_symbol_lib (version 20241209) (generator "circuitsynth")}; close with end(). */
    static SexprBuilder library() {
        return new SexprBuilder().list("kicad_symbol_lib")
                .list("version").atom(20241209).end()
                .list("generator").string("circuitsynth").end();
    }
}
