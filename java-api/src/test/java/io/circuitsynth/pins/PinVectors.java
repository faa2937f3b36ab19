package io.circuitsynth.pins;

import io.circuitsynth.io.JavaIoStage;
import io.circuitsynth.io.SexprTree;
import io.circuitsynth.symbols.JavaSymbolStage;
import io.circuitsynth.symbols.LibrarySource;
import io.circuitsynth.symbols.Symbol;
import io.circuitsynth.symbols.SymbolLibraries;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Runs one {@code conformance/pins/NAME.in} into the text its {@code NAME.out} must hold (spec: "Vectors"). */
final class PinVectors {
    private PinVectors() {}

    static Path root() {
        String root = System.getProperty("circuitsynth.projectRoot");
        return (root != null ? Path.of(root) : Path.of("..")).toAbsolutePath().normalize();
    }

    static Path vectorDir() {
        return root().resolve("conformance").resolve("pins");
    }

    static Path libraryPath(String kind, String name) {
        switch (kind) {
            case "builtin":
                return root().resolve("java-api/src/main/resources/io/circuitsynth/symbols/builtin")
                        .resolve(name + ".kicad_sym");
            case "file":
                return vectorDir().resolve(name + ".kicad_sym");
            default:
                throw new IllegalArgumentException("unknown library kind " + kind);
        }
    }

    /** A string as KiCad writes it. */
    static String quote(String value) {
        StringBuilder out = new StringBuilder(value.length() + 2).append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\':
                    out.append("\\\\");
                    break;
                case '"':
                    out.append("\\\"");
                    break;
                case '\n':
                    out.append("\\n");
                    break;
                case '\r':
                    out.append("\\r");
                    break;
                default:
                    out.append(c);
            }
        }
        return out.append('"').toString();
    }

    static String run(byte[] input) {
        SexprTree t = new JavaIoStage().parse(input, "vector");
        StringBuilder out = new StringBuilder();
        byte[] library = null;
        SymbolGeometry geometry = null;
        Object[] last = null;
        for (int c = t.nextSibling(0, t.firstChild(0)); c != SexprTree.NONE; c = t.nextSibling(0, c)) {
            List<Integer> a = new ArrayList<>();
            for (int k = t.firstChild(c); k != SexprTree.NONE; k = t.nextSibling(c, k)) {
                a.add(k);
            }
            String head = t.text(a.get(0));
            switch (head) {
                case "library": {
                    Path path = libraryPath(t.stringValue(a.get(1)), t.stringValue(a.get(2)));
                    try {
                        library = Files.readAllBytes(path);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                    out.append("library ").append(t.stringValue(a.get(1))).append(' ').append(t.stringValue(a.get(2)))
                            .append('\n');
                    break;
                }
                case "symbol": {
                    String name = t.stringValue(a.get(1));
                    Symbol symbol;
                    try (SymbolLibraries libs = SymbolLibraries.open(new JavaSymbolStage(),
                            List.of(LibrarySource.inMemory("V", "vector.kicad_sym", library)), null)) {
                        symbol = libs.symbol("V:" + name);
                    }
                    out.append("symbol ").append(quote(name)).append('\n');
                    try {
                        geometry = SymbolGeometry.of(symbol);
                        out.append("  units=").append(geometry.unitCount()).append(" body_styles=")
                                .append(geometry.bodyStyleCount()).append(" pins=").append(geometry.pins().size())
                                .append('\n');
                    } catch (PinException e) {
                        out.append("  error ").append(e.getMessage()).append('\n');
                        geometry = null;
                    }
                    break;
                }
                case "place": {
                    int unit = integer(t, a.get(1));
                    int body = integer(t, a.get(2));
                    int x = integer(t, a.get(3));
                    int y = integer(t, a.get(4));
                    int rot = integer(t, a.get(5));
                    String mirror = t.stringValue(a.get(6));
                    out.append("place ").append(unit).append(' ').append(body).append(' ').append(x).append(' ')
                            .append(y).append(' ').append(rot).append(' ').append(mirror);
                    try {
                        Placement p = new Placement(x, y, Rotation.parse(rot), Mirror.parse(mirror));
                        PlacedUnit u = geometry.place(unit, body, p);
                        int[] m = p.matrix();
                        out.append(" matrix=").append(m[0]).append(',').append(m[1]).append(',').append(m[2])
                                .append(',').append(m[3]).append('\n');
                        for (PlacedPin pin : u.pins()) {
                            out.append("  pin ").append(quote(pin.number())).append(' ').append(quote(pin.name()))
                                    .append(' ').append(pin.type().keyword()).append(' ')
                                    .append(pin.hidden() ? "hidden" : "shown").append(" at=").append(pin.x())
                                    .append(',').append(pin.y()).append(" dir=").append(pin.dx()).append(',')
                                    .append(pin.dy()).append('\n');
                        }
                        out.append("  body ").append(u.body()).append('\n');
                        last = new Object[] {u, p};
                    } catch (PinException e) {
                        out.append("\n  error ").append(e.getMessage()).append('\n');
                        last = null;
                    }
                    break;
                }
                case "fields": {
                    String reference = t.stringValue(a.get(1));
                    String value = t.stringValue(a.get(2));
                    int size = integer(t, a.get(3));
                    out.append("fields ").append(quote(reference)).append(' ').append(quote(value)).append(' ')
                            .append(size).append('\n');
                    try {
                        FieldLayout layout = Fields.place((PlacedUnit) last[0], (Placement) last[1], reference, value,
                                size);
                        field(out, "reference", layout.reference());
                        field(out, "value", layout.value());
                    } catch (PinException e) {
                        out.append("  error ").append(e.getMessage()).append('\n');
                    }
                    break;
                }
                case "text": {
                    String text = t.stringValue(a.get(1));
                    int x = integer(t, a.get(2));
                    int y = integer(t, a.get(3));
                    int sx = integer(t, a.get(4));
                    int sy = integer(t, a.get(5));
                    int angle = integer(t, a.get(6));
                    String h = t.stringValue(a.get(7));
                    String v = t.stringValue(a.get(8));
                    out.append("text ").append(quote(text)).append(' ').append(x).append(' ').append(y).append(' ')
                            .append(sx).append(' ').append(sy).append(' ').append(angle).append(' ').append(h)
                            .append(' ').append(v).append('\n');
                    try {
                        TextStyle style = new TextStyle(sx, sy, Rotation.parse(angle), HAlign.fromKeyword(h),
                                VAlign.fromKeyword(v));
                        Rect box = Fields.textBox(text, x, y, style);
                        out.append("  box ").append(box).append('\n');
                    } catch (PinException e) {
                        out.append("  error ").append(e.getMessage()).append('\n');
                    }
                    break;
                }
                default:
                    throw new IllegalArgumentException("unknown command " + head);
            }
        }
        return out.toString();
    }

    private static void field(StringBuilder out, String label, FieldPlacement f) {
        out.append("  ").append(label).append(" at=").append(f.x()).append(',').append(f.y()).append(" justify=")
                .append(f.h().keyword()).append(',').append(f.v().keyword()).append(" box=").append(f.box())
                .append(" file=").append(f.fileAngle()).append(',').append(f.fileH().keyword()).append(',')
                .append(f.fileV().keyword()).append('\n');
    }

    private static int integer(SexprTree t, int node) {
        return Integer.parseInt(t.stringValue(node));
    }
}
