package io.circuitsynth.symbols;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/** The binary record against arbitrary symbols and arbitrary damage. */
class SymbolRecordsPropertiesTest {
    private static final LibrarySource SOURCE = LibrarySource.inMemory("Lib", "Lib.kicad_sym", new byte[0]);

    @Provide
    Arbitrary<Symbol> symbols() {
        Arbitrary<String> text = Arbitraries.strings().ofMaxLength(12);
        Arbitrary<SymbolPin.Alternate> alternate = Combinators.combine(text,
                Arbitraries.of(ElectricalType.class), Arbitraries.of(PinStyle.class)).as(SymbolPin.Alternate::new);
        Arbitrary<SymbolPin> pin = Combinators.combine(text, text, Arbitraries.of(ElectricalType.class),
                Arbitraries.of(PinStyle.class), Arbitraries.integers(), Arbitraries.integers(),
                Arbitraries.of(0, 90, 180, 270), Arbitraries.integers().between(0, 1_000_000))
                .flatAs((number, name, type, style, x, y, rot, len) -> Combinators.combine(
                        Arbitraries.integers().between(0, 4), Arbitraries.integers().between(0, 2),
                        Arbitraries.of(true, false), alternate.list().ofMaxSize(3))
                        .as((unit, body, hidden, alts) -> new SymbolPin(number, name, type, style, x, y, rot, len,
                                unit, body, hidden, alts)));
        return Combinators.combine(text, Arbitraries.integers().between(0, 63), Arbitraries.integers(),
                pin.list().ofMaxSize(8), text.list().ofMaxSize(4), text.list().ofMaxSize(3))
                .as((name, flags, offset, pins, propertyValues, graphics) -> {
                    Symbol.Builder b = Symbol.builder("Lib", name).power((flags & 1) != 0).inBom((flags & 2) != 0)
                            .onBoard((flags & 4) != 0).excludeFromSim((flags & 8) != 0)
                            .pinNumbersHidden((flags & 16) != 0).pinNamesHidden((flags & 32) != 0)
                            .pinNameOffset(offset).units(1 + pins.size() % 3, 1 + flags % 2);
                    for (int i = 0; i < propertyValues.size(); i++) {
                        b.property("K" + i, propertyValues.get(i), i % 2 == 0);
                        b.unitName(i + 1, propertyValues.get(i));
                    }
                    pins.forEach(b::pin);
                    graphics.forEach(b::graphic);
                    return b.build();
                });
    }

    @Property
    void recordsRoundTrip(@ForAll("symbols") Symbol symbol) {
        byte[] record = SymbolRecords.encode(symbol);
        assertThat(SymbolRecords.validatePrefix(record, 0, record.length)).isEqualTo(record.length);
        Symbol back = SymbolRecords.decode(SOURCE, record);
        assertThat(back).isEqualTo(symbol);
        assertThat(SymbolRecords.encode(back)).isEqualTo(record);
    }

    @Property
    void everyTruncationIsRejected(@ForAll("symbols") Symbol symbol, @ForAll @IntRange(min = 0, max = 10_000) int cut) {
        byte[] record = SymbolRecords.encode(symbol);
        int length = cut % record.length;
        assertThatThrownBy(() -> SymbolRecords.validatePrefix(record, 0, length))
                .isInstanceOf(SymbolRecords.MalformedRecordException.class);
        assertThatThrownBy(() -> SymbolRecords.decode(SOURCE, record, 0, length))
                .isInstanceOf(SymbolRecords.MalformedRecordException.class);
    }

    @Property
    void damagedRecordsFailCleanlyOrDecode(@ForAll("symbols") Symbol symbol, @ForAll List<@IntRange(min = 0,
            max = 100_000) Integer> positions, @ForAll byte value) {
        byte[] record = SymbolRecords.encode(symbol);
        List<Integer> at = new ArrayList<>(positions);
        for (int p : at) {
            record[p % record.length] = value;
        }
        // A damaged record either still validates (and then decodes) or is refused with the
        // record's own exception; never another exception, never a huge allocation.
        boolean valid;
        try {
            valid = SymbolRecords.validatePrefix(record, 0, record.length) == record.length;
        } catch (SymbolRecords.MalformedRecordException e) {
            valid = false;
        }
        if (valid) {
            assertThat(SymbolRecords.decode(SOURCE, record).name()).isNotNull();
        } else {
            try {
                SymbolRecords.decode(SOURCE, record);
            } catch (SymbolRecords.MalformedRecordException expected) {
                // refused as it should be
            }
        }
    }
}
