package io.circuitsynth.symbols;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A resolved library symbol: a derived symbol ({@code extends}) already carries its parent's units,
 * pins and graphics, and its properties are merged. Immutable and safe to share.
 *
 * <pre>{@code
 * try (SymbolLibraries libs = SymbolLibraries.open(List.of(LibrarySource.of(Path.of("Device.kicad_sym"))))) {
 *     Symbol r = libs.symbol("Device:R");
 *     r.referencePrefix();   // "R"
 *     r.pins(1, 1).size();   // 2
 * }
 * }</pre>
 *
 * <p>Coordinates and lengths are integer internal units (1 IU = 100 nm, so 1.27 mm = 12,700 IU).
 */
public final class Symbol {
    /** A sub-symbol list: a byte range of the library file, or inline text for generated symbols. */
    record Graphic(long offset, long length, String text) {}

    private final String lib;
    private final String name;
    private final String extendsName;
    private final int flags;
    private final int pinNameOffset;
    private final int unitCount;
    private final int bodyStyleCount;
    private final SortedMap<Integer, String> unitNames;
    private final List<SymbolProperty> properties;
    private final List<SymbolPin> pins;
    private final List<Graphic> graphics;
    private final LibrarySource source;

    static final int POWER = 1;
    static final int IN_BOM = 2;
    static final int ON_BOARD = 4;
    static final int EXCLUDE_FROM_SIM = 8;
    static final int PIN_NUMBERS_HIDDEN = 16;
    static final int PIN_NAMES_HIDDEN = 32;

    Symbol(String lib, String name, String extendsName, int flags, int pinNameOffset, int unitCount,
            int bodyStyleCount, SortedMap<Integer, String> unitNames, List<SymbolProperty> properties,
            List<SymbolPin> pins, List<Graphic> graphics, LibrarySource source) {
        this.lib = lib;
        this.name = name;
        this.extendsName = extendsName;
        this.flags = flags;
        this.pinNameOffset = pinNameOffset;
        this.unitCount = unitCount;
        this.bodyStyleCount = bodyStyleCount;
        TreeMap<Integer, String> names = new TreeMap<>(Integer::compareUnsigned);
        names.putAll(unitNames);
        this.unitNames = Collections.unmodifiableSortedMap(names);
        this.properties = List.copyOf(properties);
        this.pins = List.copyOf(pins);
        this.graphics = List.copyOf(graphics);
        this.source = source;
    }

    /** A builder for symbols made in code (generic and box symbols); library symbols come from an index. */
    public static Builder builder(String lib, String name) {
        return new Builder(lib, name);
    }

    /** The library nickname. */
    public String lib() {
        return lib;
    }

    /** The symbol name inside its library. */
    public String name() {
        return name;
    }

    /** {@code LIB:NAME}, as schematics reference it. */
    public String id() {
        return lib + ":" + name;
    }

    /** The parent's name for a derived symbol, else empty. */
    public String extendsName() {
        return extendsName;
    }

    public boolean isDerived() {
        return !extendsName.isEmpty();
    }

    /** A power symbol ({@code power:GND}): its value names a global net. */
    public boolean power() {
        return (flags & POWER) != 0;
    }

    public boolean inBom() {
        return (flags & IN_BOM) != 0;
    }

    public boolean onBoard() {
        return (flags & ON_BOARD) != 0;
    }

    public boolean excludeFromSim() {
        return (flags & EXCLUDE_FROM_SIM) != 0;
    }

    public boolean pinNumbersHidden() {
        return (flags & PIN_NUMBERS_HIDDEN) != 0;
    }

    public boolean pinNamesHidden() {
        return (flags & PIN_NAMES_HIDDEN) != 0;
    }

    /** Pin name offset in IU; 0 puts names outside the body. */
    public int pinNameOffset() {
        return pinNameOffset;
    }

    /** Number of units (an op-amp pack has several), at least 1. */
    public int unitCount() {
        return unitCount;
    }

    /** 2 when the symbol has a De Morgan body style, else 1. */
    public int bodyStyleCount() {
        return bodyStyleCount;
    }

    /** Names of the units that have one, by unit number. */
    public SortedMap<Integer, String> unitNames() {
        return unitNames;
    }

    /** Every property, in file order (merged with the parent's for a derived symbol). */
    public List<SymbolProperty> properties() {
        return properties;
    }

    /** The value of property {@code key}, or empty when absent. */
    public String property(String key) {
        for (SymbolProperty p : properties) {
            if (p.key().equals(key)) {
                return p.value();
            }
        }
        return "";
    }

    public String referencePrefix() {
        return property("Reference");
    }

    public String value() {
        return property("Value");
    }

    public String footprint() {
        return property("Footprint");
    }

    public String datasheet() {
        return property("Datasheet");
    }

    /** {@code Description}, else KiCad 6's {@code ki_description}. */
    public String description() {
        for (SymbolProperty p : properties) {
            if (p.key().equals("Description")) {
                return p.value();
            }
        }
        return property("ki_description");
    }

    /** {@code ki_keywords}, split on ASCII whitespace. */
    public List<String> keywords() {
        return words(property("ki_keywords"));
    }

    /** {@code ki_fp_filters}, split on ASCII whitespace. */
    public List<String> footprintFilters() {
        return words(property("ki_fp_filters"));
    }

    /** Every pin, in file order. */
    public List<SymbolPin> pins() {
        return pins;
    }

    /** The pins drawn in {@code unit} (1-based) with {@code bodyStyle} (1 or 2), shared pins included. */
    public List<SymbolPin> pins(int unit, int bodyStyle) {
        List<SymbolPin> result = new ArrayList<>();
        for (SymbolPin p : pins) {
            if (p.belongsTo(unit, bodyStyle)) {
                result.add(p);
            }
        }
        return result;
    }

    /**
     * The sub-symbol lists ({@code (symbol "NAME_U_B" …)}), each as the exact bytes of the library
     * file, ready to embed in a schematic's {@code lib_symbols}. A derived symbol answers its
     * parent's lists, named after the parent. Library files are read on each call.
     *
     * @throws UncheckedIOException if the library file can no longer be read
     */
    public List<byte[]> graphicsSexpr() {
        List<byte[]> result = new ArrayList<>(graphics.size());
        byte[] memory = source == null ? null : source.inMemoryOrNull();
        FileChannel channel = null;
        try {
            for (Graphic g : graphics) {
                if (g.text() != null) {
                    result.add(g.text().getBytes(StandardCharsets.UTF_8));
                } else if (memory != null) {
                    result.add(Arrays.copyOfRange(memory, (int) g.offset(), (int) (g.offset() + g.length())));
                } else {
                    if (channel == null) {
                        channel = FileChannel.open(source.path(), StandardOpenOption.READ);
                    }
                    ByteBuffer buf = ByteBuffer.allocate((int) g.length());
                    while (buf.hasRemaining()) {
                        if (channel.read(buf, g.offset() + buf.position()) < 0) {
                            throw new IOException(source.path() + " is shorter than when it was indexed");
                        }
                    }
                    result.add(buf.array());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the graphics of " + id() + " from " + source.path(), e);
        } finally {
            if (channel != null) {
                try {
                    channel.close();
                } catch (IOException ignored) {
                    // Read-only channel: nothing was lost.
                }
            }
        }
        return result;
    }

    int flags() {
        return flags;
    }

    List<Graphic> graphics() {
        return graphics;
    }

    LibrarySource source() {
        return source;
    }

    static List<String> words(String text) {
        List<String> result = new ArrayList<>();
        int i = 0;
        int n = text.length();
        while (i < n) {
            while (i < n && isSpace(text.charAt(i))) {
                i++;
            }
            int start = i;
            while (i < n && !isSpace(text.charAt(i))) {
                i++;
            }
            if (i > start) {
                result.add(text.substring(start, i));
            }
        }
        return result;
    }

    /** ASCII whitespace as Rust's {@code split_ascii_whitespace} knows it. */
    static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof Symbol)) {
            return false;
        }
        Symbol s = (Symbol) o;
        return lib.equals(s.lib) && name.equals(s.name) && extendsName.equals(s.extendsName) && flags == s.flags
                && pinNameOffset == s.pinNameOffset && unitCount == s.unitCount && bodyStyleCount == s.bodyStyleCount
                && unitNames.equals(s.unitNames) && properties.equals(s.properties) && pins.equals(s.pins)
                && graphics.equals(s.graphics);
    }

    @Override
    public int hashCode() {
        return Objects.hash(lib, name, properties, pins);
    }

    @Override
    public String toString() {
        return "Symbol[" + id() + ", " + pins.size() + " pins, " + unitCount + " units]";
    }

    /** Builds a symbol in code. Defaults: in BOM, on board, pin name offset 0.508 mm, one unit, one body style. */
    public static final class Builder {
        private final String lib;
        private final String name;
        private String extendsName = "";
        private int flags = IN_BOM | ON_BOARD;
        private int pinNameOffset = 5080;
        private int unitCount = 1;
        private int bodyStyleCount = 1;
        private final TreeMap<Integer, String> unitNames = new TreeMap<>(Integer::compareUnsigned);
        private final List<SymbolProperty> properties = new ArrayList<>();
        private final List<SymbolPin> pins = new ArrayList<>();
        private final List<Graphic> graphics = new ArrayList<>();

        private Builder(String lib, String name) {
            this.lib = Objects.requireNonNull(lib, "lib");
            this.name = Objects.requireNonNull(name, "name");
        }

        public Builder power(boolean on) {
            return flag(POWER, on);
        }

        public Builder inBom(boolean on) {
            return flag(IN_BOM, on);
        }

        public Builder onBoard(boolean on) {
            return flag(ON_BOARD, on);
        }

        public Builder excludeFromSim(boolean on) {
            return flag(EXCLUDE_FROM_SIM, on);
        }

        public Builder pinNumbersHidden(boolean on) {
            return flag(PIN_NUMBERS_HIDDEN, on);
        }

        public Builder pinNamesHidden(boolean on) {
            return flag(PIN_NAMES_HIDDEN, on);
        }

        public Builder pinNameOffset(int iu) {
            pinNameOffset = iu;
            return this;
        }

        public Builder units(int count, int bodyStyles) {
            if (count < 1 || bodyStyles < 1 || bodyStyles > 2) {
                throw new IllegalArgumentException("units " + count + ", body styles " + bodyStyles);
            }
            unitCount = count;
            bodyStyleCount = bodyStyles;
            return this;
        }

        public Builder unitName(int unit, String unitName) {
            unitNames.put(unit, unitName);
            return this;
        }

        public Builder property(String key, String value, boolean hidden) {
            properties.add(new SymbolProperty(key, value, hidden));
            return this;
        }

        public Builder pin(SymbolPin pin) {
            pins.add(pin);
            return this;
        }

        /** A sub-symbol list as S-expression text, {@code (symbol "NAME_1_1" …)}. */
        public Builder graphic(String sexpr) {
            graphics.add(new Graphic(0, 0, sexpr));
            return this;
        }

        public Symbol build() {
            return new Symbol(lib, name, extendsName, flags, pinNameOffset, unitCount, bodyStyleCount, unitNames,
                    properties, pins, graphics, null);
        }

        private Builder flag(int bit, boolean on) {
            flags = on ? flags | bit : flags & ~bit;
            return this;
        }
    }
}
