package io.circuitsynth.symbols;

import io.circuitsynth.io.JavaIoStage;
import io.circuitsynth.io.SexprBuilder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Draws the built-in generic libraries shipped in the jar. The graphics are this project's own
 * (simple shapes, drawn here), not KiCad's CC-BY-SA library art; only the names, pin numbers and
 * electrical types follow KiCad's conventions, so that netlists match KiCad's libraries.
 *
 * <p>Run {@code main} after changing a drawing; {@code BuiltinLibrariesTest} fails while the
 * committed resources differ from what this prints. Coordinates are IU (1 IU = 100 nm), y up.
 */
public final class BuiltinLibraryGenerator {
    static final Path RESOURCES = Path.of("src", "main", "resources", "io", "circuitsynth", "symbols", "builtin");

    private static final int THIN = 0;
    private static final int LINE = 2540;
    private static final int THICK = 5080;

    private BuiltinLibraryGenerator() {}

    public static void main(String[] args) throws IOException {
        Path dir = args.length > 0 ? Path.of(args[0]) : RESOURCES;
        Files.createDirectories(dir);
        for (Map.Entry<String, byte[]> library : libraries().entrySet()) {
            Files.write(dir.resolve(library.getKey() + ".kicad_sym"), library.getValue());
        }
    }

    /** Every library by nickname, printed in KiCad 9's layout. */
    static Map<String, byte[]> libraries() {
        Map<String, List<Part>> parts = new LinkedHashMap<>();
        parts.put("Amplifier_Operational", List.of(opAmpDual()));
        parts.put("Connector", List.of(testPoint()));
        List<Part> generic = new ArrayList<>();
        for (int n = 1; n <= 40; n++) {
            generic.add(connector(n));
        }
        parts.put("Connector_Generic", generic);
        parts.put("Device", List.of(resistor(), capacitor(), polarizedCapacitor(), crystal(),
                diode("D", "Diode", "diode", BuiltinLibraryGenerator::plainBar),
                diode("D_Schottky", "Schottky diode", "diode Schottky", BuiltinLibraryGenerator::schottkyBar),
                diode("D_Zener", "Zener diode", "diode Zener", BuiltinLibraryGenerator::zenerBar),
                fuse(), inductor(), led(), bjt("Q_NPN_BCE", true), bjt("Q_PNP_BCE", false),
                mosfet("Q_NMOS_GDS", true), mosfet("Q_PMOS_GDS", false)));
        parts.put("Switch", List.of(pushButton()));
        // KiCad 7 and later keep the transistors in these libraries; the same drawings answer
        // to both names so circuits written for either KiCad resolve.
        parts.put("Transistor_BJT", List.of(bjt("Q_NPN_BCE", true), bjt("Q_PNP_BCE", false)));
        parts.put("Transistor_FET", List.of(mosfet("Q_NMOS_GDS", true), mosfet("Q_PMOS_GDS", false)));
        List<Part> power = new ArrayList<>();
        power.add(ground("GND", BuiltinLibraryGenerator::groundBars, "ground"));
        power.add(ground("GNDA", BuiltinLibraryGenerator::groundTriangle, "analog ground"));
        for (String net : List.of("+12V", "+3V3", "+5V", "+BATT", "VCC", "VDD")) {
            power.add(supply(net));
        }
        power.add(powerFlag());
        parts.put("power", power);

        JavaIoStage io = new JavaIoStage();
        Map<String, byte[]> result = new LinkedHashMap<>();
        parts.forEach((nickname, list) -> {
            SexprBuilder b = SymbolWriter.library();
            list.stream().sorted((x, y) -> x.name.compareTo(y.name)).forEach(p -> p.write(b));
            result.put(nickname, io.print(b.end().build()));
        });
        return result;
    }

    /** One symbol: header flags, properties, then graphics and pins per (unit, body style). */
    private static final class Part {
        final String name;
        final String reference;
        boolean power;
        boolean pinNumbersHidden;
        boolean pinNamesHidden;
        int pinNameOffset;
        int[] referenceAt = {0, 0};
        int[] valueAt = {0, 0};
        String textJustify;
        boolean referenceHidden;
        String datasheet = "~";
        String description = "";
        String keywords = "";
        String footprintFilters;
        final Map<String, List<Item>> units = new LinkedHashMap<>();

        Part(String name, String reference) {
            this.name = name;
            this.reference = reference;
        }

        Part draw(int unit, Item... items) {
            units.computeIfAbsent(unit + "_1", k -> new ArrayList<>()).addAll(List.of(items));
            return this;
        }

        /** Graphics shared by every unit go in unit 0, as KiCad keeps them. */
        Part drawShared(Item... items) {
            units.computeIfAbsent("0_1", k -> new ArrayList<>()).addAll(List.of(items));
            return this;
        }

        Part pin(int unit, String type, int x, int y, int rotation, int length, String name, String number) {
            return pin(unit, type, x, y, rotation, length, false, name, number);
        }

        Part pin(int unit, String type, int x, int y, int rotation, int length, boolean hidden, String name,
                String number) {
            return draw(unit, new Item(x, y, true,
                    b -> SymbolWriter.pin(b, type, x, y, rotation, length, hidden, name, number)));
        }

        void write(SexprBuilder b) {
            b.list("symbol").string(name);
            if (power) {
                b.list("power").end();
            }
            if (pinNumbersHidden) {
                b.list("pin_numbers");
                SymbolWriter.yesNo(b, "hide", true);
                b.end();
            }
            b.list("pin_names").list("offset");
            SymbolWriter.millimetres(b, pinNameOffset);
            b.end();
            if (pinNamesHidden) {
                SymbolWriter.yesNo(b, "hide", true);
            }
            b.end();
            SymbolWriter.yesNo(b, "exclude_from_sim", false);
            SymbolWriter.yesNo(b, "in_bom", true);
            SymbolWriter.yesNo(b, "on_board", true);
            SymbolWriter.property(b, "Reference", reference, referenceAt[0], referenceAt[1], 0, textJustify,
                    referenceHidden);
            SymbolWriter.property(b, "Value", name, valueAt[0], valueAt[1], 0, textJustify, false);
            SymbolWriter.hiddenProperty(b, "Footprint", "");
            SymbolWriter.hiddenProperty(b, "Datasheet", datasheet);
            SymbolWriter.hiddenProperty(b, "Description", description);
            SymbolWriter.hiddenProperty(b, "ki_keywords", keywords);
            if (footprintFilters != null) {
                SymbolWriter.hiddenProperty(b, "ki_fp_filters", footprintFilters);
            }
            units.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> {
                b.list("symbol").string(name + "_" + e.getKey());
                e.getValue().stream().sorted(KICAD_ORDER).forEach(item -> item.write().accept(b));
                b.end();
            });
            SymbolWriter.yesNo(b, "embedded_fonts", false);
            b.end();
        }
    }

    /**
     * A graphic or pin of a sub-symbol, with the position KiCad sorts it by: a polyline's first
     * point, a rectangle's start, a circle's centre, an arc's start, a pin's connection point.
     */
    private record Item(int x, int y, boolean pin, Consumer<SexprBuilder> write) {}

    /**
     * The order KiCad 9 saves sub-symbol items in: graphics before pins, then x ascending, then y
     * descending (KiCad compares its internal y, which points down). Writing them in this order
     * means KiCad's symbol editor saves the files back unchanged.
     */
    private static final Comparator<Item> KICAD_ORDER = Comparator.comparing(Item::pin)
            .thenComparingInt(Item::x).thenComparingInt(i -> -i.y());

    private static Item line(int width, int... xy) {
        return new Item(xy[0], xy[1], false, b -> SymbolWriter.polyline(b, width, "none", xy));
    }

    private static Item filled(int... xy) {
        return new Item(xy[0], xy[1], false, b -> SymbolWriter.polyline(b, THIN, "outline", xy));
    }

    private static Item box(int x1, int y1, int x2, int y2, int width, String fill) {
        return new Item(x1, y1, false, b -> SymbolWriter.rectangle(b, x1, y1, x2, y2, width, fill));
    }

    private static Item circle(int cx, int cy, int r, int width, String fill) {
        return new Item(cx, cy, false, b -> SymbolWriter.circle(b, cx, cy, r, width, fill));
    }

    /** A two-terminal part standing upright: pin 1 on top, pin 2 below, as KiCad's passives. */
    private static Part upright(String name, String reference, int bodyHalfHeight) {
        Part p = new Part(name, reference);
        p.pinNumbersHidden = true;
        p.pinNamesHidden = true;
        p.referenceAt = new int[] {25400, 12700};
        p.valueAt = new int[] {25400, -12700};
        p.textJustify = "left";
        p.pin(1, "passive", 0, 38100, 270, 38100 - bodyHalfHeight, "", "1");
        p.pin(1, "passive", 0, -38100, 90, 38100 - bodyHalfHeight, "", "2");
        return p;
    }

    private static Part resistor() {
        Part p = upright("R", "R", 22860);
        p.description = "Resistor";
        p.keywords = "R res resistor";
        p.footprintFilters = "R_*";
        return p.drawShared(box(-10160, 22860, 10160, -22860, LINE, "none"));
    }

    private static Part capacitor() {
        Part p = upright("C", "C", 7620);
        clearOfPlates(p);
        p.description = "Unpolarized capacitor";
        p.keywords = "cap capacitor";
        p.footprintFilters = "C_*";
        return p.drawShared(line(THICK, -20320, 7620, 20320, 7620)).drawShared(line(THICK, -20320, -7620, 20320, -7620));
    }

    private static Part polarizedCapacitor() {
        Part p = upright("C_Polarized", "C", 7620);
        clearOfPlates(p);
        p.description = "Polarized capacitor; pin 1 is the positive terminal";
        p.keywords = "cap capacitor polarized electrolytic";
        p.footprintFilters = "CP_*";
        return p.drawShared(box(-20320, 10160, 20320, 7620, LINE, "none"))
                .drawShared(box(-20320, -7620, 20320, -10160, LINE, "outline"))
                .drawShared(line(LINE, -17780, 22860, -7620, 22860))
                .drawShared(line(LINE, -12700, 27940, -12700, 17780));
    }

    /** The plates are 4.064 mm wide; the texts start clear of them. */
    private static void clearOfPlates(Part p) {
        p.referenceAt = new int[] {38100, 12700};
        p.valueAt = new int[] {38100, -12700};
    }

    private static Part inductor() {
        Part p = upright("L", "L", 25400);
        p.description = "Inductor";
        p.keywords = "inductor choke coil reactor magnetic";
        p.footprintFilters = "Choke_* *Coil* Inductor_* L_*";
        for (int i = 0; i < 4; i++) {
            int top = 25400 - i * 12700;
            p.drawShared(new Item(0, top, false,
                    b -> SymbolWriter.arc(b, 0, top, 6350, top - 6350, 0, top - 12700, LINE, "none")));
        }
        return p;
    }

    private static Part fuse() {
        Part p = upright("Fuse", "F", 22860);
        p.description = "Fuse";
        p.keywords = "fuse";
        p.footprintFilters = "*Fuse*";
        return p.drawShared(box(-7620, 22860, 7620, -22860, LINE, "none")).drawShared(line(LINE, 0, 22860, 0, -22860));
    }

    /** A two-terminal part lying down: pin 1 left, pin 2 right. */
    private static Part lying(String name, String reference, String name1, String name2, int bodyHalfWidth) {
        Part p = new Part(name, reference);
        p.pinNumbersHidden = true;
        p.pinNamesHidden = true;
        p.referenceAt = new int[] {0, 25400};
        p.valueAt = new int[] {0, -25400};
        p.pin(1, "passive", -38100, 0, 0, 38100 - bodyHalfWidth, name1, "1");
        p.pin(1, "passive", 38100, 0, 180, 38100 - bodyHalfWidth, name2, "2");
        return p;
    }

    private static Item plainBar() {
        return line(LINE, -12700, 12700, -12700, -12700);
    }

    private static Item zenerBar() {
        return line(LINE, -7620, 12700, -12700, 12700, -12700, -12700, -17780, -12700);
    }

    private static Item schottkyBar() {
        return line(LINE, -7620, 8890, -7620, 12700, -12700, 12700, -12700, -12700, -17780, -12700, -17780, -8890);
    }

    /** Cathode (pin 1, K) on the left, anode (pin 2, A) on the right, as KiCad numbers diodes. */
    private static Part diode(String name, String description, String keywords,
            Supplier<Item> bar) {
        Part p = lying(name, "D", "K", "A", 12700);
        p.description = description + "; pin 1 is the cathode";
        p.keywords = keywords;
        p.footprintFilters = "TO-???* *_Diode_* *SingleDiode* D_*";
        return p.drawShared(bar.get()).drawShared(line(LINE, 12700, 12700, 12700, -12700, -12700, 0, 12700, 12700))
                .drawShared(line(LINE, -12700, 0, 12700, 0));
    }

    private static Part led() {
        Part p = lying("LED", "D", "K", "A", 12700);
        p.referenceAt = new int[] {0, 38100};
        p.description = "Light emitting diode; pin 1 is the cathode";
        p.keywords = "LED diode light";
        p.footprintFilters = "LED* LED_SMD:* LED_THT:*";
        p.drawShared(plainBar()).drawShared(line(LINE, 12700, 12700, 12700, -12700, -12700, 0, 12700, 12700));
        for (int dx : new int[] {-2540, 10160}) {
            p.drawShared(line(LINE, dx, 17780, dx + 7620, 25400))
                    .drawShared(line(LINE, dx + 3810, 25400, dx + 7620, 25400, dx + 7620, 21590));
        }
        return p;
    }

    private static Part crystal() {
        Part p = lying("Crystal", "Y", "1", "2", 19050);
        p.referenceAt = new int[] {0, 38100};
        p.valueAt = new int[] {0, -38100};
        p.description = "Two-pin crystal";
        p.keywords = "quartz crystal resonator oscillator";
        p.footprintFilters = "Crystal*";
        return p.drawShared(box(-10160, 25400, 10160, -25400, LINE, "none"))
                .drawShared(line(LINE, -19050, 17780, -19050, -17780))
                .drawShared(line(LINE, 19050, 17780, 19050, -17780));
    }

    private static Part threeTerminal(String name, String description, String keywords) {
        Part p = new Part(name, "Q");
        p.pinNameOffset = 0;
        p.pinNamesHidden = true;
        p.referenceAt = new int[] {50800, 12700};
        p.valueAt = new int[] {50800, -12700};
        p.textJustify = "left";
        p.description = description;
        p.keywords = keywords;
        p.drawShared(circle(12700, 0, 30480, LINE, "none"));
        return p;
    }

    /** Base 1, collector 2 on top, emitter 3 below, for both polarities, as KiCad's BCE parts. */
    private static Part bjt(String name, boolean npn) {
        Part p = threeTerminal(name, (npn ? "NPN" : "PNP") + " transistor, base 1, collector 2, emitter 3",
                "transistor BJT " + (npn ? "NPN" : "PNP"));
        p.footprintFilters = "TO-92* SOT?23* TO-220*";
        p.drawShared(line(THICK, 0, 19050, 0, -19050))
                .drawShared(line(LINE, 0, 7620, 25400, 25400))
                .drawShared(line(LINE, 0, -7620, 25400, -25400));
        if (npn) {
            p.drawShared(filled(20320, -21844, 14910, -11860, 9090, -20180, 20320, -21844));
        } else {
            p.drawShared(filled(8890, -13843, 20120, -15500, 14300, -23820, 8890, -13843));
        }
        p.pin(1, "input", -50800, 0, 0, 50800, "B", "1");
        p.pin(1, "passive", 25400, 50800, 270, 25400, "C", "2");
        p.pin(1, "passive", 25400, -50800, 90, 25400, "E", "3");
        return p;
    }

    /** Gate 1, drain 2 on top, source 3 below, enhancement mode, body tied to the source. */
    private static Part mosfet(String name, boolean nChannel) {
        Part p = threeTerminal(name, (nChannel ? "N" : "P") + "-channel MOSFET, gate 1, drain 2, source 3",
                "transistor MOSFET " + (nChannel ? "N-MOS N-MOSFET" : "P-MOS P-MOSFET"));
        p.footprintFilters = "TO-92* SOT?23* TO-220* TO-252* SOIC*";
        p.drawShared(line(LINE, -10160, 19050, -10160, -19050));
        for (int y : new int[] {19050, 3810, -11430}) {
            p.drawShared(line(LINE, -2540, y, -2540, y - 7620));
        }
        p.drawShared(line(LINE, -2540, 15240, 25400, 15240, 25400, 25400))
                .drawShared(line(LINE, -2540, -15240, 25400, -15240, 25400, -25400))
                .drawShared(line(LINE, -2540, 0, 25400, 0, 25400, -15240));
        if (nChannel) {
            p.drawShared(filled(1270, 0, 11430, 5080, 11430, -5080, 1270, 0));
        } else {
            p.drawShared(filled(11430, 0, 1270, 5080, 1270, -5080, 11430, 0));
        }
        p.pin(1, "input", -50800, 0, 0, 40640, "G", "1");
        p.pin(1, "passive", 25400, 50800, 270, 25400, "D", "2");
        p.pin(1, "passive", 25400, -50800, 90, 25400, "S", "3");
        return p;
    }

    /** Units 1 and 2 are the amplifiers, unit 3 the supply pins, with the common SOIC-8 pinout. */
    private static Part opAmpDual() {
        Part p = new Part("OpAmp_Dual", "U");
        p.pinNameOffset = 1270;
        p.referenceAt = new int[] {0, 63500};
        p.valueAt = new int[] {0, -63500};
        p.description = "Generic dual operational amplifier, SOIC-8/DIP-8 pinout: "
                + "outputs 1 and 7, inverting inputs 2 and 6, non-inverting inputs 3 and 5, V- 4, V+ 8";
        p.keywords = "dual opamp operational amplifier";
        p.footprintFilters = "SOIC*3.9x4.9mm*P1.27mm* DIP*W7.62mm* TSSOP*4.4x3mm*P0.65mm* MSOP*3x3mm*P0.65mm*";
        String[][] pinout = {{"1", "2", "3"}, {"7", "6", "5"}};
        for (int unit = 1; unit <= 2; unit++) {
            String[] numbers = pinout[unit - 1];
            p.draw(unit, new Item(-50800, 50800, false, b -> SymbolWriter.polyline(b, LINE, "background",
                    -50800, 50800, 50800, 0, -50800, -50800, -50800, 50800)));
            p.pin(unit, "output", 76200, 0, 180, 25400, "", numbers[0]);
            p.pin(unit, "input", -76200, -25400, 0, 25400, "-", numbers[1]);
            p.pin(unit, "input", -76200, 25400, 0, 25400, "+", numbers[2]);
        }
        p.pin(3, "power_in", -25400, 76200, 270, 38100, "V+", "8");
        p.pin(3, "power_in", -25400, -76200, 90, 38100, "V-", "4");
        return p;
    }

    private static Part pushButton() {
        Part p = new Part("SW_Push", "SW");
        p.pinNumbersHidden = true;
        p.pinNamesHidden = true;
        p.referenceAt = new int[] {0, 50800};
        p.valueAt = new int[] {0, -25400};
        p.description = "Push button switch, normally open, two pins";
        p.keywords = "switch normally-open pushbutton push-button";
        p.footprintFilters = "SW_PUSH*";
        p.drawShared(circle(-20320, 0, 5080, LINE, "none"))
                .drawShared(circle(20320, 0, 5080, LINE, "none"))
                .drawShared(line(LINE, -25400, 15240, 25400, 15240))
                .drawShared(line(LINE, 0, 15240, 0, 30480))
                .drawShared(line(LINE, -7620, 30480, 7620, 30480));
        p.pin(1, "passive", -50800, 0, 0, 25400, "1", "1");
        p.pin(1, "passive", 50800, 0, 180, 25400, "2", "2");
        return p;
    }

    private static Part testPoint() {
        Part p = new Part("TestPoint", "TP");
        p.pinNumbersHidden = true;
        p.pinNamesHidden = true;
        p.referenceAt = new int[] {0, 63500};
        p.valueAt = new int[] {0, 45720};
        p.description = "Test point, one pin";
        p.keywords = "test point tp";
        p.footprintFilters = "Pin* Test*";
        p.drawShared(circle(0, 33020, 7620, LINE, "none"));
        p.pin(1, "passive", 0, 0, 90, 25400, "1", "1");
        return p;
    }

    /** Pins down the left side, pin 1 on top, every 2.54 mm, centred as the box symbols are. */
    private static Part connector(int count) {
        String name = String.format("Conn_01x%02d", count);
        Part p = new Part(name, "J");
        p.pinNameOffset = 10160;
        p.pinNamesHidden = true;
        int first = 25400 * ((count - 1) / 2);
        int last = first - 25400 * (count - 1);
        p.referenceAt = new int[] {0, first + 25400};
        p.valueAt = new int[] {0, last - 25400};
        p.description = String.format("Generic connector, one row of %d pins", count);
        p.keywords = "connector";
        p.footprintFilters = String.format("Connector*:*_1x%02d_*", count);
        p.drawShared(box(-12700, first + 12700, 12700, last - 12700, LINE, "background"));
        for (int i = 0; i < count; i++) {
            int y = first - 25400 * i;
            p.drawShared(line(LINE, -12700, y, 0, y));
            p.pin(1, "passive", -50800, y, 0, 38100, "Pin_" + (i + 1), Integer.toString(i + 1));
        }
        return p;
    }

    private static Part powerSymbol(String name, String reference, String description) {
        Part p = new Part(name, reference);
        p.power = true;
        p.pinNumbersHidden = true;
        p.pinNamesHidden = true;
        p.referenceHidden = true;
        p.datasheet = "";
        p.description = description;
        p.keywords = "global power";
        return p;
    }

    private static Item[] groundBars() {
        return new Item[] {line(THIN, 0, 0, 0, -12700), line(THIN, -19050, -12700, 19050, -12700),
            line(THIN, -11430, -19050, 11430, -19050), line(THIN, -3810, -25400, 3810, -25400)};
    }

    private static Item[] groundTriangle() {
        return new Item[] {line(THIN, 0, 0, 0, -12700),
            line(THIN, -19050, -12700, 19050, -12700, 0, -31750, -19050, -12700)};
    }

    /**
     * A ground symbol. Its one pin is a hidden power_in named after the net, so KiCad versions
     * that name power nets by the pin and those that name them by the value agree.
     */
    private static Part ground(String net, Supplier<Item[]> drawing, String what) {
        Part p = powerSymbol(net, "#PWR", "Power symbol: global net " + net + " (" + what + ")");
        p.referenceAt = new int[] {0, -63500};
        p.valueAt = new int[] {0, -44450};
        p.drawShared(drawing.get());
        p.pin(1, "power_in", 0, 0, 270, 0, true, net, "1");
        return p;
    }

    private static Part supply(String net) {
        Part p = powerSymbol(net, "#PWR", "Power symbol: global net " + net);
        p.referenceAt = new int[] {0, -38100};
        p.valueAt = new int[] {0, 38100};
        p.drawShared(line(THIN, 0, 0, 0, 25400)).drawShared(line(THIN, -12700, 25400, 12700, 25400));
        p.pin(1, "power_in", 0, 0, 90, 0, true, net, "1");
        return p;
    }

    /** Tells ERC that a net is driven; its pin is a visible power_out, as KiCad's PWR_FLAG. */
    private static Part powerFlag() {
        Part p = powerSymbol("PWR_FLAG", "#FLG", "Marks a net as driven by a power source, for ERC");
        p.keywords = "flag power";
        p.referenceAt = new int[] {0, 19050};
        p.valueAt = new int[] {0, 44450};
        p.drawShared(line(THIN, 0, 0, 0, 12700))
                .drawShared(line(THIN, 0, 12700, -10160, 22860, 0, 33020, 10160, 22860, 0, 12700));
        p.pin(1, "power_out", 0, 0, 90, 0, "", "1");
        return p;
    }
}
