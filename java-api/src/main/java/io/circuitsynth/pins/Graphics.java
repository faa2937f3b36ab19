package io.circuitsynth.pins;

import io.circuitsynth.io.JavaIoStage;
import io.circuitsynth.io.SexprParseException;
import io.circuitsynth.io.SexprTree;
import java.util.ArrayList;
import java.util.List;

/**
 * Reading a sub-symbol's drawing ({@code (symbol "NAME_U_B" …)}) into the library-space boxes of its
 * items: rectangles, polylines, circles, arcs, Béziers, texts and text boxes.
 *
 * <p>Library files are Y up; everything here is already turned Y down ({@code v = -y}), as eeschema
 * turns it when it reads a library.
 */
final class Graphics {
    /** KiCad's default schematic line width, 6 mils, used for a stroke of width 0. */
    static final long DEFAULT_LINE_WIDTH = 1524;
    /** KiCad's default text size, 1.27 mm. */
    static final long DEFAULT_TEXT_SIZE = 12700;

    /** One drawn item of a sub-symbol: its unit, body style and box (library space, Y down). */
    record Item(long unit, long bodyStyle, Bounds bounds) {}

    private final SexprTree tree;
    private final String symbol;
    private final int ordinal;

    private Graphics(SexprTree tree, String symbol, int ordinal) {
        this.tree = tree;
        this.symbol = symbol;
        this.ordinal = ordinal;
    }

    private PinException fault(int node, String detail) {
        int offset = tree.start(node);
        return new PinException("symbol " + symbol + ": sub-symbol " + ordinal + ": " + tree.line(offset) + ":"
                + tree.column(offset) + ": " + detail);
    }

    private boolean isAtom(int node) {
        return !tree.isList(node);
    }

    private String value(int node) {
        return tree.isList(node) ? "(" : tree.stringValue(node);
    }

    /** The head symbol of a list, or "". */
    private String head(int list) {
        int first = tree.firstChild(list);
        return first != SexprTree.NONE && tree.isSymbol(first) ? tree.text(first) : "";
    }

    /** The last direct child list called {@code name} (repeated items: the last counts), or NONE. */
    private int child(int list, String name) {
        int found = SexprTree.NONE;
        if (list == SexprTree.NONE) {
            return found;
        }
        for (int c = tree.firstChild(list); c != SexprTree.NONE; c = tree.nextSibling(list, c)) {
            if (tree.isList(c) && head(c).equals(name)) {
                found = c;
            }
        }
        return found;
    }

    private long millimetres(int node) {
        if (!isAtom(node)) {
            throw fault(node, "expected a number in millimetres, found (");
        }
        String text = value(node);
        long iu = Millimetres.toIu(text);
        if (iu == Millimetres.INVALID) {
            throw fault(node, "expected a number in millimetres, found '" + text + "'");
        }
        return iu;
    }

    /** The first {@code count} arguments of {@code (HEAD A B …)} as IU. */
    private long[] numbers(int list, int count) {
        long[] out = new long[count];
        int arg = tree.nextSibling(list, tree.firstChild(list));
        for (int i = 0; i < count; i++) {
            if (arg == SexprTree.NONE) {
                int close = tree.end(list) - 1;
                throw new PinException("symbol " + symbol + ": sub-symbol " + ordinal + ": " + tree.line(close) + ":"
                        + tree.column(close) + ": (" + head(list) + " …) needs " + count + " numbers");
            }
            out[i] = millimetres(arg);
            arg = tree.nextSibling(list, arg);
        }
        return out;
    }

    /** A required {@code (NAME X Y)} child as a Y-down point. */
    private long[] point(int item, String name) {
        int list = child(item, name);
        if (list == SexprTree.NONE) {
            throw fault(item, head(item) + " without (" + name + " X Y)");
        }
        long[] xy = numbers(list, 2);
        return new long[] {xy[0], -xy[1]};
    }

    /**
     * Half the stroke width, rounded up: {@code (stroke (width W))}, 0 meaning KiCad's default and a
     * negative width no outline.
     */
    private long halfStroke(int item) {
        int w = child(child(item, "stroke"), "width");
        long width = w == SexprTree.NONE ? 0 : numbers(w, 1)[0];
        if (width == 0) {
            width = DEFAULT_LINE_WIDTH;
        } else if (width < 0) {
            width = 0;
        }
        return Bounds.ceilDiv(width, 2);
    }

    /** Every {@code (xy X Y)} of {@code (pts …)}, Y down. */
    private List<long[]> points(int item) {
        List<long[]> out = new ArrayList<>();
        int pts = child(item, "pts");
        if (pts == SexprTree.NONE) {
            return out;
        }
        for (int c = tree.nextSibling(pts, tree.firstChild(pts)); c != SexprTree.NONE; c = tree.nextSibling(pts, c)) {
            if (tree.isList(c) && head(c).equals("xy")) {
                long[] xy = numbers(c, 2);
                out.add(new long[] {xy[0], -xy[1]});
            }
        }
        return out;
    }

    /** The item's box, or null when it draws nothing on a sheet. */
    private Bounds item(int item) {
        String kind = head(item);
        int first = tree.nextSibling(item, tree.firstChild(item));
        // KiCad 8's private items live in the symbol editor only.
        if (first != SexprTree.NONE && tree.isSymbol(first) && tree.text(first).equals("private")) {
            return null;
        }
        Bounds bounds;
        switch (kind) {
            case "rectangle": {
                long[] s = point(item, "start");
                long[] e = point(item, "end");
                bounds = Bounds.of(s[0], s[1], e[0], e[1]);
                break;
            }
            case "polyline": {
                List<long[]> points = points(item);
                if (points.isEmpty()) {
                    return null;
                }
                bounds = Bounds.point(points.get(0)[0], points.get(0)[1]);
                for (long[] p : points) {
                    bounds.addPoint(p[0], p[1]);
                }
                break;
            }
            case "circle": {
                long[] c = point(item, "center");
                int list = child(item, "radius");
                if (list == SexprTree.NONE) {
                    throw fault(item, "circle without (radius R)");
                }
                long r = Math.abs(numbers(list, 1)[0]);
                bounds = Bounds.of(c[0] - r, c[1] - r, c[0] + r, c[1] + r);
                break;
            }
            case "arc": {
                long[] s = point(item, "start");
                long[] m = point(item, "mid");
                long[] e = point(item, "end");
                bounds = arcBounds(s, m, e);
                break;
            }
            case "bezier": {
                List<long[]> points = points(item);
                if (points.isEmpty()) {
                    return null;
                }
                if (points.size() == 4) {
                    bounds = bezierBounds(points.get(0), points.get(1), points.get(2), points.get(3));
                } else {
                    bounds = Bounds.point(points.get(0)[0], points.get(0)[1]);
                    for (long[] p : points) {
                        bounds.addPoint(p[0], p[1]);
                    }
                }
                break;
            }
            case "text":
                return text(item, first);
            case "text_box":
                bounds = textBox(item);
                break;
            default:
                return null;
        }
        bounds.inflate(halfStroke(item));
        return bounds;
    }

    private Bounds text(int item, int first) {
        if (first == SexprTree.NONE || !isAtom(first)) {
            throw fault(item, "text without \"TEXT\"");
        }
        String string = value(first);
        int at = child(item, "at");
        if (at == SexprTree.NONE) {
            throw fault(item, "text without (at X Y ANGLE)");
        }
        long[] xy = numbers(at, 2);
        // Library texts turn in tenths of a degree; read through the IU reader (4 decimals).
        long tenths = 0;
        int angle = nth(at, 3);
        if (angle != SexprTree.NONE) {
            tenths = millimetres(angle) / 10_000;
        }
        long sizeX = DEFAULT_TEXT_SIZE;
        long sizeY = DEFAULT_TEXT_SIZE;
        HAlign h = HAlign.CENTER;
        VAlign v = VAlign.CENTER;
        int effects = child(item, "effects");
        if (effects != SexprTree.NONE) {
            if (hidden(effects)) {
                return null;
            }
            int size = child(child(effects, "font"), "size");
            if (size != SexprTree.NONE) {
                // KiCad writes (size HEIGHT WIDTH).
                long[] hw = numbers(size, 2);
                sizeX = hw[1];
                sizeY = hw[0];
            }
            int justify = child(effects, "justify");
            if (justify != SexprTree.NONE) {
                for (int c = tree.nextSibling(justify, tree.firstChild(justify)); c != SexprTree.NONE;
                        c = tree.nextSibling(justify, c)) {
                    if (tree.isSymbol(c)) {
                        switch (tree.text(c)) {
                            case "left":
                                h = HAlign.LEFT;
                                break;
                            case "right":
                                h = HAlign.RIGHT;
                                break;
                            case "top":
                                v = VAlign.TOP;
                                break;
                            case "bottom":
                                v = VAlign.BOTTOM;
                                break;
                            default:
                                break;
                        }
                    }
                }
            }
        }
        Bounds b = Text.relativeBoxTenths(string, sizeX, sizeY, tenths, h, v);
        b.shift(xy[0], -xy[1]);
        return b;
    }

    /** The {@code n}-th child (from 0, the head) of a list, or NONE. */
    private int nth(int list, int n) {
        int c = tree.firstChild(list);
        for (int i = 0; i < n && c != SexprTree.NONE; i++) {
            c = tree.nextSibling(list, c);
        }
        return c;
    }

    /** {@code hide}, {@code (hide)} or {@code (hide yes)} among the children of effects; the last one counts. */
    private boolean hidden(int effects) {
        boolean hidden = false;
        for (int c = tree.nextSibling(effects, tree.firstChild(effects)); c != SexprTree.NONE;
                c = tree.nextSibling(effects, c)) {
            if (tree.isSymbol(c) && tree.text(c).equals("hide")) {
                hidden = true;
            } else if (tree.isList(c) && head(c).equals("hide")) {
                int a = nth(c, 1);
                hidden = a == SexprTree.NONE || !isAtom(a) || !value(a).equals("no");
            }
        }
        return hidden;
    }

    /** KiCad 9 writes {@code (at X Y ANGLE) (size W H)}, KiCad 7 {@code (start X Y) (end X Y)}. */
    private Bounds textBox(int item) {
        int at = child(item, "at");
        if (at != SexprTree.NONE) {
            long[] xy = numbers(at, 2);
            int size = child(item, "size");
            if (size == SexprTree.NONE) {
                throw fault(item, "text_box without (size W H)");
            }
            long[] wh = numbers(size, 2);
            return Bounds.of(xy[0], -xy[1], xy[0] + wh[0], -(xy[1] + wh[1]));
        }
        if (child(item, "start") != SexprTree.NONE) {
            long[] s = point(item, "start");
            long[] e = point(item, "end");
            return Bounds.of(s[0], s[1], e[0], e[1]);
        }
        throw fault(item, "text_box without (at X Y ANGLE) or (start X Y)");
    }

    /**
     * The box of the circular arc from {@code s} through {@code m} to {@code e}: its ends plus every
     * axis extreme of its circle on the same side of the chord as {@code m}. Doubles in one fixed
     * order, min rounded down and max up, so both engines agree to the unit.
     */
    static Bounds arcBounds(long[] s, long[] m, long[] e) {
        Bounds b = Bounds.of(s[0], s[1], e[0], e[1]);
        b.addPoint(m[0], m[1]);
        double bx = (double) (m[0] - s[0]);
        double by = (double) (m[1] - s[1]);
        double cx = (double) (e[0] - s[0]);
        double cy = (double) (e[1] - s[1]);
        double d = 2.0 * (bx * cy - by * cx);
        if (d == 0.0) {
            return b;
        }
        double bb = bx * bx + by * by;
        double cc = cx * cx + cy * cy;
        double ux = (cy * bb - by * cc) / d;
        double uy = (bx * cc - cx * bb) / d;
        double r = Math.sqrt(ux * ux + uy * uy);
        double sideM = cx * by - cy * bx;
        double[][] extremes = {{ux + r, uy}, {ux - r, uy}, {ux, uy + r}, {ux, uy - r}};
        double loX = (double) b.minX;
        double loY = (double) b.minY;
        double hiX = (double) b.maxX;
        double hiY = (double) b.maxY;
        for (double[] p : extremes) {
            double sideP = cx * p[1] - cy * p[0];
            if ((sideP > 0.0 && sideM > 0.0) || (sideP < 0.0 && sideM < 0.0)) {
                double x = p[0] + (double) s[0];
                double y = p[1] + (double) s[1];
                loX = Math.min(loX, x);
                loY = Math.min(loY, y);
                hiX = Math.max(hiX, x);
                hiY = Math.max(hiY, y);
            }
        }
        return Bounds.of((long) Math.floor(loX), (long) Math.floor(loY), (long) Math.ceil(hiX), (long) Math.ceil(hiY));
    }

    /** The box of a cubic Bézier: its ends plus the curve at every root in (0, 1) of the derivative, per axis. */
    static Bounds bezierBounds(long[] p0, long[] p1, long[] p2, long[] p3) {
        double[] x = bezierAxis(p0[0], p1[0], p2[0], p3[0]);
        double[] y = bezierAxis(p0[1], p1[1], p2[1], p3[1]);
        return Bounds.of((long) Math.floor(x[0]), (long) Math.floor(y[0]), (long) Math.ceil(x[1]), (long) Math.ceil(y[1]));
    }

    private static double[] bezierAxis(double a, double b, double c, double d) {
        double lo = Math.min(a, d);
        double hi = Math.max(a, d);
        // B'(t)/3 = qa t² + qb t + qc.
        double qa = -a + 3.0 * b - 3.0 * c + d;
        double qb = 2.0 * (a - 2.0 * b + c);
        double qc = b - a;
        double[] roots = {Double.NaN, Double.NaN};
        if (qa == 0.0) {
            if (qb != 0.0) {
                roots[0] = -qc / qb;
            }
        } else {
            double disc = qb * qb - 4.0 * qa * qc;
            if (disc >= 0.0) {
                double sq = Math.sqrt(disc);
                roots[0] = (-qb + sq) / (2.0 * qa);
                roots[1] = (-qb - sq) / (2.0 * qa);
            }
        }
        for (double t : roots) {
            if (t > 0.0 && t < 1.0) {
                double u = 1.0 - t;
                double value = u * u * u * a + 3.0 * u * u * t * b + 3.0 * u * t * t * c + t * t * t * d;
                lo = Math.min(lo, value);
                hi = Math.max(hi, value);
            }
        }
        return new double[] {lo, hi};
    }

    /** Unit and body style from a sub-symbol name's {@code _U_B} suffix, or null. */
    private static long[] unitAndBody(String name) {
        int last = name.lastIndexOf('_');
        if (last < 0) {
            return null;
        }
        int before = name.lastIndexOf('_', last - 1);
        if (before < 0) {
            return null;
        }
        String unit = name.substring(before + 1, last);
        String body = name.substring(last + 1);
        if (!digits(unit) || !digits(body) || unit.length() > 10 || body.length() > 10) {
            return null;
        }
        long u = Long.parseLong(unit);
        long b = Long.parseLong(body);
        if (u > 0xFFFF_FFFFL || b > 0xFFFF_FFFFL) {
            return null;
        }
        return new long[] {u, b};
    }

    private static boolean digits(String s) {
        if (s.isEmpty()) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    /** Appends the items of one sub-symbol (the {@code ordinal}-th of {@code symbol}, from 1) to {@code items}. */
    static void readSubSymbol(String symbol, int ordinal, byte[] text, List<Item> items) {
        SexprTree tree;
        try {
            tree = new JavaIoStage().parse(text, "sub-symbol");
        } catch (SexprParseException e) {
            throw new PinException("symbol " + symbol + ": sub-symbol " + ordinal + ": " + e.line() + ":" + e.column()
                    + ": " + e.detail());
        }
        Graphics reader = new Graphics(tree, symbol, ordinal);
        int headNode = tree.firstChild(0);
        int name = headNode == SexprTree.NONE ? SexprTree.NONE : tree.nextSibling(0, headNode);
        if (headNode == SexprTree.NONE || name == SexprTree.NONE || !tree.isSymbol(headNode)
                || !tree.text(headNode).equals("symbol") || !reader.isAtom(name)) {
            throw reader.fault(0, "expected (symbol \"NAME_UNIT_BODYSTYLE\" …)");
        }
        String nameText = reader.value(name);
        long[] unitBody = unitAndBody(nameText);
        if (unitBody == null) {
            throw reader.fault(name, "sub-symbol name '" + nameText + "' must end in _UNIT_BODYSTYLE");
        }
        for (int c = tree.nextSibling(0, name); c != SexprTree.NONE; c = tree.nextSibling(0, c)) {
            if (!tree.isList(c)) {
                continue;
            }
            Bounds b = reader.item(c);
            if (b != null) {
                items.add(new Item(unitBody[0], unitBody[1], b));
            }
        }
    }
}
