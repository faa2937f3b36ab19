package io.circuitsynth.netlist;

import io.circuitsynth.netlist.ComponentSpec.Field;
import io.circuitsynth.netlist.ComponentSpec.PinSpec;
import io.circuitsynth.netlist.ComponentSpec.ReferenceKind;
import io.circuitsynth.netlist.NetSpec.Power;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/**
 * jqwik arbitraries of designs. {@link #anyDesign()} fills every field with any text, for the
 * codec; its strings hold no unpaired surrogate, which no UTF-8 form can carry.
 */
public final class RandomDesigns {
    private RandomDesigns() {}

    /** Up to {@code max} code points: mostly printable ASCII, also controls, Latin-1, the rest of the BMP, astral. */
    public static Arbitrary<String> text(int max) {
        Arbitrary<Integer> codePoint = Arbitraries.frequencyOf(
                Tuple.of(12, Arbitraries.integers().between(0x20, 0x7E)),
                Tuple.of(1, Arbitraries.integers().between(0, 0x1F)),
                Tuple.of(2, Arbitraries.integers().between(0x80, 0xFF)),
                Tuple.of(1, Arbitraries.integers().between(0x100, 0xD7FF)),
                Tuple.of(1, Arbitraries.integers().between(0xE000, 0xFFFF)),
                Tuple.of(1, Arbitraries.integers().between(0x10000, 0x10FFFF)));
        return codePoint.list().ofMaxSize(max).map(cps -> {
            StringBuilder sb = new StringBuilder();
            cps.forEach(sb::appendCodePoint);
            return sb.toString();
        });
    }

    private static Arbitrary<String> optionalText() {
        return text(6).injectNull(0.3);
    }

    private static Arbitrary<Integer> unit() {
        return Arbitraries.oneOf(Arbitraries.integers().between(0, 3), Arbitraries.integers().between(0,
                Integer.MAX_VALUE));
    }

    private static Arbitrary<PinRef> pinRef() {
        return Combinators.combine(text(6), text(6), unit(), optionalText()).as(PinRef::new);
    }

    private static Arbitrary<PinSpec> pinSpec() {
        return Combinators.combine(text(6), text(6), text(6), unit(), Arbitraries.of(true, false)).as(PinSpec::new);
    }

    private static Arbitrary<ComponentSpec> component() {
        Arbitrary<List<Field>> fields = Combinators.combine(text(6), text(6)).as(Field::new).list().ofMaxSize(3);
        Arbitrary<List<PinSpec>> pins = pinSpec().list().ofMaxSize(3).injectNull(0.5);
        return Combinators.combine(text(6), text(6), Arbitraries.of(ReferenceKind.class), text(6), text(6), text(6),
                text(6), text(6)).flatAs((id, symbol, kind, reference, value, footprint, datasheet, description) ->
                Combinators.combine(fields, Arbitraries.integers().between(0, 7), pins, text(6).list().ofMaxSize(2),
                        optionalText()).as((f, flags, p, uuids, origin) -> new ComponentSpec(id, symbol, kind,
                        reference, value, footprint, datasheet, description, f, (flags & 1) != 0, (flags & 2) != 0,
                        (flags & 4) != 0, p, uuids, origin)));
    }

    private static Arbitrary<NetSpec> net() {
        return Combinators.combine(optionalText(), optionalText(), Arbitraries.of(Power.class), text(6),
                pinRef().list().ofMaxSize(3), Arbitraries.of(true, false), optionalText()).as(NetSpec::new);
    }

    private static Arbitrary<InstanceSpec> instance() {
        Arbitrary<List<InstanceSpec.Binding>> bindings =
                Combinators.combine(text(6), text(6)).as(InstanceSpec.Binding::new).list().ofMaxSize(3);
        return Combinators.combine(text(6), text(6), bindings, optionalText()).as(InstanceSpec::new);
    }

    private static Arbitrary<Definition> definition() {
        return Combinators.combine(text(6), text(6).list().ofMaxSize(3), component().list().ofMaxSize(4),
                net().list().ofMaxSize(4), pinRef().list().ofMaxSize(2), instance().list().ofMaxSize(2),
                optionalText()).as(Definition::new);
    }

    /** Any design: every field any value the model allows. */
    public static Arbitrary<Design> anyDesign() {
        Arbitrary<List<Design.SheetUuid>> uuids =
                Combinators.combine(text(6), text(6)).as(Design.SheetUuid::new).list().ofMaxSize(2);
        return Combinators.combine(text(6), text(6), definition().list().ofMaxSize(3), uuids).as(Design::new);
    }
}
