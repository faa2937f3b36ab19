package io.circuitsynth.schematic;

import io.circuitsynth.pins.FieldLayout;
import io.circuitsynth.pins.FieldPlacement;
import io.circuitsynth.pins.PlacedUnit;
import io.circuitsynth.pins.Rect;
import io.circuitsynth.pins.Rotation;
import io.circuitsynth.symbols.ElectricalType;
import java.util.ArrayList;
import java.util.List;

/**
 * The drawing of one sheet file while it is planned: items (placed units, sheet symbols, power
 * flags) with their connection points, and the pieces those points form. Geometry is IU relative
 * to each item's anchor until the layout gives anchors. Mutable, private to the writer; the
 * Rust twin is {@code schematic-writer/src/drawing.rs}.
 */
final class Drawing {
    private Drawing() {}

    static final int UNIT = 0;
    static final int SHEET = 1;
    static final int FLAG = 2;

    /** How a connection point is drawn. */
    static final int NC = 0;
    static final int LABEL = 1;
    static final int HIER = 2;
    static final int POWER = 3;
    static final int GLOBAL = 4;

    /** A symbol used by the design, ready to place and embed. */
    static final class PartSymbol {
        /** {@code LIB:NAME} in the schematic. */
        String libId;
        /** Where its text comes from: library nickname and symbol name. */
        String lib;
        String name;
        io.circuitsynth.symbols.Symbol symbol;
        io.circuitsynth.pins.SymbolGeometry geometry;
    }

    /** A power symbol drawn at a connection point. */
    static final class Power {
        PartSymbol symbol;
        String value;
        Rotation rotation;
        /** The symbol's pin point (the stub's far end), relative to the item. */
        int x;
        int y;
        PlacedUnit placed;
        FieldPlacement valueField;
        String uuid;
        String pinUuid;
        /** {@code #PWR…} per sheet instance of the file, in instance order. */
        List<String> references = new ArrayList<>();
    }

    /** A connection point: a unit's pin, a sheet pin, a power flag's pin. */
    static final class Member {
        Item item;
        /** The pin number, or the sheet pin's text. */
        String pin;
        ElectricalType type;
        int x;
        int y;
        int dx;
        int dy;
        /** The net in each sheet instance of the file (index into the netlist's nets, or -1). */
        int[] key;
        int piece = -1;
        int draw;
        int stub;
        String text;
        Power power;
        Rect labelBox;
        /** UUIDs of what it draws. */
        String wireUuid;
        String labelUuid;
    }

    /** A box placed as one: a unit with its fields and annotations, a sheet symbol, a flag. */
    static final class Item {
        int kind;
        /** The sheet instances of the file it is drawn in (indices into the netlist's sheets). */
        int[] instances;
        /** Unit: the component's index in its definition; sheet: the instance's index; flag: the net. */
        int index;
        int unit;
        PartSymbol symbol;
        PlacedUnit placed;
        FieldLayout fields;
        /** Flags: the PWR_FLAG's value. */
        FieldPlacement valueField;
        Rotation rotation = Rotation.R0;
        String uuid;
        /** Sheet symbols: size, name, file, pins. */
        int width;
        int height;
        String sheetName;
        String sheetFile;
        FieldPlacement nameField;
        FieldPlacement fileField;
        List<Member> members = new ArrayList<>();
        /** Drawn boxes (body, fields, labels, power symbols), relative to the anchor. */
        List<Rect> boxes = new ArrayList<>();
        int minX;
        int minY;
        int maxX;
        int maxY;
        int x;
        int y;
        /** Flags: the PWR_FLAG's references, per sheet instance. */
        List<String> references = new ArrayList<>();
        String pinUuid;
    }

    /** The connection points of one net of the file. */
    static final class Piece {
        int[] key;
        List<Member> members = new ArrayList<>();
        /** The port this piece leaves the sheet through, or null. */
        String port;
        boolean rail;
        String text;
        int draw;
    }
}
