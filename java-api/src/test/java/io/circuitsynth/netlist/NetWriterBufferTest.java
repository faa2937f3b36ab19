package io.circuitsynth.netlist;

import static org.assertj.core.api.Assertions.assertThat;

import io.circuitsynth.symbols.JavaSymbolStage;
import io.circuitsynth.symbols.SymbolIndex;
import io.circuitsynth.testing.ByteAsserts;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The {@code .net} writer's byte buffer: whatever size it starts at, it grows wherever a write
 * crosses its end and the bytes come out the same. Starting sizes 1 to the whole text put a
 * growth at every position of it; the text has escapes, 2-, 3- and 4-byte UTF-8 and a lone
 * surrogate, so every kind of write meets the end of the buffer.
 */
class NetWriterBufferTest {

    @Test
    void everyStartingSizeWritesTheSameBytes() {
        byte[] expected;
        Netlist netlist;
        try (SymbolIndex index = TestCircuits.builtinIndex(new JavaSymbolStage())) {
            ComponentSpec diode = new ComponentSpec("c0", "Device:D", ComponentSpec.ReferenceKind.PREFIX, "R",
                    "a\"b\\c\nd\re", "", "~", "Ωµ €𝄞 \ud800x", List.of(new ComponentSpec.Field("MPN", "X0")),
                    false, true, true, null, List.of(), null);
            NetSpec net = new NetSpec("Nét", null, NetSpec.Power.AUTO, "Default",
                    List.of(new PinRef("c0", "1", 0, null), new PinRef("c0", "2", 0, null)), false, null);
            Definition main = new Definition("Main", List.of(), List.of(diode), List.of(net), List.of(), List.of(),
                    null);
            netlist = Finalizer.finalize(new Design("buffer", "Main", List.of(main)), index);
            expected = NetWriter.write(netlist, "2026-01-01");
        }
        String text = new String(expected, StandardCharsets.UTF_8);
        assertThat(text).contains("(value \"a\\\"b\\\\c\\nd\\re\")", "(name \"/Nét\")", "Ωµ €𝄞 ?x");
        for (int capacity = 0; capacity <= expected.length + 1; capacity++) {
            ByteAsserts.assertSameBytes(NetWriter.write(netlist, "2026-01-01", capacity), expected,
                    "starting size " + capacity);
        }
    }
}
