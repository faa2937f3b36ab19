package io.circuitsynth.symbols;

import io.circuitsynth.io.JavaIoStage;
import io.circuitsynth.io.SexprBuilder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A generic rectangular symbol for a part no library holds: inputs left, outputs right, supplies
 * on top, grounds below. The geometry rules are written down in {@code
 * conformance/symbols/README.md} ("Generated box symbols"); the native engine's {@code
 * box_symbol} module follows the same steps and the vectors in {@code conformance/box/} hold
 * both to the same bytes.
 *
 * <pre>{@code
 * BoxSymbol box = BoxSymbol.generate("LM7805", List.of(
 *         new BoxSymbol.Pin("1", "VI", "power_in"),
 *         new BoxSymbol.Pin("2", "GND", "power_in"),
 *         new BoxSymbol.Pin("3", "VO", "power_out")));
 * byte[] library = box.libraryText();   // a whole .kicad_sym file holding the one symbol
 * box.pinEnds();                        // where each pin connects, in IU
 * }</pre>
 */
public final class BoxSymbol {
    /** Every electrical type KiCad knows, in the symbol record's order. */
    public static final List<String> ELECTRICAL_TYPES = List.of("input", "output", "bidirectional", "tri_state",
            "passive", "free", "unspecified", "power_in", "power_out", "open_collector", "open_emitter", "no_connect");

    /** Pin pitch and pin length, 2.54 mm. */
    static final int PITCH = 25400;
    /** Width of one character of a pin name, 1.27 mm. */
    static final int CHAR_WIDTH = 12700;
    static final int MIN_WIDTH = 101600;
    static final int MIN_HEIGHT = 50800;
    /** Room between the left and right names, 5.08 mm. */
    static final int NAME_GAP = 50800;
    static final int BODY_STROKE = 2540;
    /** Gap between a pin name and the body edge, 1.016 mm, as KiCad's own IC symbols use. */
    static final int PIN_NAME_OFFSET = 10160;

    private static final List<String> GROUND_PREFIXES = List.of("GND", "VSS", "AGND", "DGND", "PGND", "0V");

    /**
     * One input pin.
     *
     * @param number the pin number, unique within the symbol
     * @param name the pin name, empty for none
     * @param type one of {@link #ELECTRICAL_TYPES}
     */
    public record Pin(String number, String name, String type) {
        public Pin {
            Objects.requireNonNull(number, "number");
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(type, "type");
        }
    }

    /**
     * Where a pin connects, in internal units (1 IU = 100 nm), KiCad's library coordinates (y up).
     */
    public record PinEnd(String number, int x, int y) {}

    private enum Side { LEFT, RIGHT, TOP, BOTTOM }

    private final String name;
    private final List<Pin> pins;
    private final List<PinEnd> ends;
    private final int[] rotations;
    private final int width;
    private final int height;
    private final int topExtent;
    private final int bottomExtent;

    private BoxSymbol(String name, List<Pin> pins, List<PinEnd> ends, int[] rotations, int width, int height,
            int topExtent, int bottomExtent) {
        this.name = name;
        this.pins = pins;
        this.ends = ends;
        this.rotations = rotations;
        this.width = width;
        this.height = height;
        this.topExtent = topExtent;
        this.bottomExtent = bottomExtent;
    }

    /**
     * Lays out the box for {@code pins}.
     *
     * @throws IllegalArgumentException for a duplicate pin number or an unknown electrical type
     */
    public static BoxSymbol generate(String name, List<Pin> pins) {
        Objects.requireNonNull(name, "name");
        List<Pin> copy = List.copyOf(pins);
        Set<String> numbers = new HashSet<>();
        for (Pin pin : copy) {
            if (!ELECTRICAL_TYPES.contains(pin.type())) {
                throw new IllegalArgumentException("pin " + pin.number() + " of " + name
                        + ": unknown pin electrical type '" + pin.type() + "'; expected one of "
                        + String.join(" ", ELECTRICAL_TYPES));
            }
            if (!numbers.add(pin.number())) {
                throw new IllegalArgumentException("duplicate pin number '" + pin.number() + "' in " + name
                        + "; every pin of a symbol needs its own number");
            }
        }
        Side[] sides = new Side[copy.size()];
        int[] counts = new int[4];
        int leftChars = 0;
        int rightChars = 0;
        for (int i = 0; i < copy.size(); i++) {
            Side side = side(copy.get(i), counts);
            sides[i] = side;
            counts[side.ordinal()]++;
            int chars = copy.get(i).name().codePointCount(0, copy.get(i).name().length());
            if (side == Side.LEFT) {
                leftChars = Math.max(leftChars, chars);
            } else if (side == Side.RIGHT) {
                rightChars = Math.max(rightChars, chars);
            }
        }
        int left = counts[Side.LEFT.ordinal()];
        int right = counts[Side.RIGHT.ordinal()];
        int top = counts[Side.TOP.ordinal()];
        int bottom = counts[Side.BOTTOM.ordinal()];
        // Whole 5.08 mm steps keep the half width and half height on the 2.54 mm grid.
        long textWidth = (long) (leftChars + rightChars) * CHAR_WIDTH + NAME_GAP;
        long width = roundUp(Math.max(Math.max(MIN_WIDTH, textWidth), (long) PITCH * (Math.max(top, bottom) + 1)));
        long height = roundUp(Math.max(MIN_HEIGHT, (long) PITCH * (Math.max(left, right) + 1)));
        if (width > Integer.MAX_VALUE / 4 || height > Integer.MAX_VALUE / 4) {
            throw new IllegalArgumentException("symbol " + name + " would be too large to draw");
        }
        int halfWidth = (int) width / 2;
        int halfHeight = (int) height / 2;
        int[] placed = new int[4];
        List<PinEnd> ends = new ArrayList<>(copy.size());
        int[] rotations = new int[copy.size()];
        for (int i = 0; i < copy.size(); i++) {
            Side side = sides[i];
            int index = placed[side.ordinal()]++;
            int offset = PITCH * (index - (counts[side.ordinal()] - 1) / 2);
            int x;
            int y;
            switch (side) {
                case LEFT -> {
                    x = -halfWidth - PITCH;
                    y = -offset;
                    rotations[i] = 0;
                }
                case RIGHT -> {
                    x = halfWidth + PITCH;
                    y = -offset;
                    rotations[i] = 180;
                }
                case TOP -> {
                    x = offset;
                    y = halfHeight + PITCH;
                    rotations[i] = 270;
                }
                default -> {
                    x = offset;
                    y = -halfHeight - PITCH;
                    rotations[i] = 90;
                }
            }
            ends.add(new PinEnd(copy.get(i).number(), x, y));
        }
        return new BoxSymbol(name, copy, List.copyOf(ends), rotations, (int) width, (int) height,
                halfHeight + (top > 0 ? PITCH : 0), halfHeight + (bottom > 0 ? PITCH : 0));
    }

    private static long roundUp(long length) {
        long step = 2L * PITCH;
        return (length + step - 1) / step * step;
    }

    private static Side side(Pin pin, int[] counts) {
        return switch (pin.type()) {
            case "input" -> Side.LEFT;
            case "output", "tri_state", "open_collector", "open_emitter", "no_connect" -> Side.RIGHT;
            case "power_in", "power_out" -> isGround(pin.name()) ? Side.BOTTOM : Side.TOP;
            // Pins without a direction balance the two sides.
            default -> counts[Side.RIGHT.ordinal()] < counts[Side.LEFT.ordinal()] ? Side.RIGHT : Side.LEFT;
        };
    }

    /** ASCII upper-casing only, so the rule does not depend on the JVM's locale or Unicode tables. */
    static boolean isGround(String pinName) {
        String upper = asciiUpper(pinName);
        if (upper.equals("V-")) {
            return true;
        }
        for (String prefix : GROUND_PREFIXES) {
            if (upper.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }

    private static String asciiUpper(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            out.append(c >= 'a' && c <= 'z' ? (char) (c - 32) : c);
        }
        return out.toString();
    }

    public String name() {
        return name;
    }

    /** The pins' connection points, in input order. */
    public List<PinEnd> pinEnds() {
        return ends;
    }

    /** Body width in IU. */
    public int width() {
        return width;
    }

    /** Body height in IU. */
    public int height() {
        return height;
    }

    /** Appends the {@code (symbol "NAME" …)} list to {@code b}, as it appears in a library. */
    public void writeTo(SexprBuilder b) {
        b.list("symbol").string(name);
        b.list("pin_names").list("offset");
        SymbolWriter.millimetres(b, PIN_NAME_OFFSET);
        b.end().end();
        SymbolWriter.yesNo(b, "exclude_from_sim", false);
        SymbolWriter.yesNo(b, "in_bom", true);
        SymbolWriter.yesNo(b, "on_board", true);
        SymbolWriter.property(b, "Reference", "U", 0, topExtent + CHAR_WIDTH, 0, null, false);
        SymbolWriter.property(b, "Value", name, 0, -bottomExtent - CHAR_WIDTH, 0, null, false);
        SymbolWriter.hiddenProperty(b, "Footprint", "");
        SymbolWriter.hiddenProperty(b, "Datasheet", "");
        SymbolWriter.hiddenProperty(b, "Description", "");
        writeBody(b);
        // KiCad drops an empty sub-symbol when it saves; so do we.
        if (!pins.isEmpty()) {
            writePins(b);
        }
        SymbolWriter.yesNo(b, "embedded_fonts", false);
        b.end();
    }

    private void writeBody(SexprBuilder b) {
        b.list("symbol").string(name + "_0_1");
        SymbolWriter.rectangle(b, -width / 2, height / 2, width / 2, -height / 2, BODY_STROKE, "background");
        b.end();
    }

    private void writePins(SexprBuilder b) {
        b.list("symbol").string(name + "_1_1");
        for (int i : kicadOrder()) {
            Pin pin = pins.get(i);
            PinEnd end = ends.get(i);
            SymbolWriter.pin(b, pin.type(), end.x(), end.y(), rotations[i], PITCH, false, pin.name(), pin.number());
        }
        b.end();
    }

    /**
     * The sub-symbol lists ({@code NAME_0_1}, then {@code NAME_1_1} when there are pins), each
     * printed alone in KiCad 9's layout: the inline graphics of the symbol record.
     */
    public List<byte[]> subSymbolTexts() {
        JavaIoStage io = new JavaIoStage();
        SexprBuilder body = new SexprBuilder();
        writeBody(body);
        if (pins.isEmpty()) {
            return List.of(io.print(body.build()));
        }
        SexprBuilder pinList = new SexprBuilder();
        writePins(pinList);
        return List.of(io.print(body.build()), io.print(pinList.build()));
    }

    /**
     * Pin indexes in the order KiCad 9 saves pins: x ascending, then y descending (KiCad compares
     * its internal y, which points down). Written this way, KiCad saves the symbol back unchanged.
     * No two pins share a position, so the order is total.
     */
    private Integer[] kicadOrder() {
        Integer[] order = new Integer[pins.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, Comparator.<Integer>comparingInt(i -> ends.get(i).x())
                .thenComparingInt(i -> -ends.get(i).y()));
        return order;
    }

    /** The {@code (symbol "NAME" …)} list alone, printed in KiCad 9's layout. */
    public byte[] symbolText() {
        SexprBuilder b = new SexprBuilder();
        writeTo(b);
        return new JavaIoStage().print(b.build());
    }

    /** A whole {@code .kicad_sym} library holding only this symbol, printed in KiCad 9's layout. */
    public byte[] libraryText() {
        SexprBuilder b = SymbolWriter.library();
        writeTo(b);
        return new JavaIoStage().print(b.end().build());
    }

    @Override
    public String toString() {
        return "BoxSymbol[" + name + ", " + pins.size() + " pins, " + width + "x" + height + " IU]";
    }
}
