package io.circuitsynth.io;

import static org.assertj.core.api.Assertions.assertThat;

import io.circuitsynth.io.internal.Xxh64;
import io.circuitsynth.testing.TestEngines;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

class SexprPropertiesTest {
    private final List<IoStage> stages = TestEngines.stagesUnderTest();

    @Property(tries = 500)
    void printedTreesParseBackEqual(@ForAll long seed) {
        SexprTree tree = RandomTrees.tree(new Random(seed));
        for (IoStage stage : stages) {
            byte[] printed = stage.print(tree);
            assertThat(stage.parse(printed, "random")).isEqualTo(tree).hasSameHashCodeAs(tree);
        }
    }

    @Property(tries = 500)
    void printingIsAFixedPoint(@ForAll long seed) {
        SexprTree tree = RandomTrees.tree(new Random(seed));
        byte[] first = new JavaIoStage().print(tree);
        for (IoStage stage : stages) {
            assertThat(stage.print(tree)).isEqualTo(first);
            assertThat(stage.print(stage.parse(first, "random"))).isEqualTo(first);
            assertThat(stage.format(first, "random")).isEqualTo(first);
        }
    }

    @Property(tries = 300)
    void builtStringsDecodeToTheirValue(@ForAll("values") String value) {
        SexprTree tree = new SexprBuilder().list("s").string(value).end().build();
        for (IoStage stage : stages) {
            SexprTree parsed = stage.parse(stage.print(tree), "string");
            assertThat(parsed.stringValue(2)).isEqualTo(value);
        }
    }

    @Provide
    Arbitrary<String> values() {
        return Arbitraries.strings()
                .withChars("\"\\\n\r\tabc ()µΩ€")
                .withCharRange('\u0001', '\u007f')
                .withCharRange('\u4e00', '\u4e10')
                .ofMaxLength(40);
    }

    @Property(tries = 2000)
    void arbitraryBytesOnlyEverRaiseParseErrors(@ForAll @Size(max = 200) byte[] noise) {
        check(noise);
    }

    @Property(tries = 2000)
    void sExpressionLikeBytesOnlyEverRaiseParseErrors(@ForAll long seed, @ForAll @IntRange(max = 300) int length) {
        byte[] alphabet = "(((()))\"\"\\\\ \t\r\nxy0a\u00e9".getBytes(StandardCharsets.UTF_8);
        Random random = new Random(seed);
        byte[] input = new byte[length];
        for (int i = 0; i < length; i++) {
            input[i] = alphabet[random.nextInt(alphabet.length)];
        }
        check(input);
    }

    private void check(byte[] input) {
        String first = null;
        for (IoStage stage : stages) {
            String outcome;
            try {
                SexprTree tree = stage.parse(input, "noise");
                outcome = "OK " + new String(stage.print(tree), StandardCharsets.UTF_8);
            } catch (SexprParseException e) {
                outcome = e.getMessage();
            }
            if (first == null) {
                first = outcome;
            } else {
                assertThat(outcome).isEqualTo(first);
            }
        }
    }

    @Example
    void xxh64KnownVectors() {
        assertThat(hex(Xxh64.hash(new byte[0]))).isEqualTo("ef46db3751d8e999");
        assertThat(hex(Xxh64.hash(ascii("a")))).isEqualTo("d24ec4f1a98c6e5b");
        assertThat(hex(Xxh64.hash(ascii("abc")))).isEqualTo("44bc2cf5ad770999");
        assertThat(hex(Xxh64.hash(ascii("abcd")))).isEqualTo("de0327b0d25d92cc");
        assertThat(hex(Xxh64.hash(ascii("abcdefgh")))).isEqualTo("3ad351775b4634b7");
        byte[] all = new byte[256];
        for (int i = 0; i < 256; i++) {
            all[i] = (byte) i;
        }
        assertThat(hex(Xxh64.hash(all))).isEqualTo("1facbe8406cd904b");
        assertThat(hex(Xxh64.hash(pattern(65543)))).isEqualTo("fbaf6c9388ac139e");
        assertThat(hex(Xxh64.hash(pattern(47)))).isEqualTo("d08fece7976f3b36");
        assertThat(hex(Xxh64.hash(ascii("(kicad_symbol_lib\n\t(version 20241209)\n\t(generator \"kicad_symbol_editor\")\n)\n"))))
                .isEqualTo("8efae764fd451e49");
    }

    @Property(tries = 300)
    void xxh64GivesTheSameHashForArraysSlicesAndBuffers(@ForAll @Size(max = 300) byte[] data, @ForAll @IntRange(max = 7) int shift) {
        long expected = Xxh64.hash(data);
        byte[] shifted = new byte[data.length + shift];
        System.arraycopy(data, 0, shifted, shift, data.length);
        assertThat(Xxh64.hash(shifted, shift, data.length, 0L)).isEqualTo(expected);
        assertThat(Xxh64.hash(ByteBuffer.wrap(shifted, shift, data.length))).isEqualTo(expected);
        ByteBuffer direct = ByteBuffer.allocateDirect(shifted.length);
        direct.put(shifted).position(shift);
        assertThat(Xxh64.hash(direct)).isEqualTo(expected);
    }

    /** The LCG byte pattern of {@code conformance/hash/generate.py}. */
    static byte[] pattern(int n) {
        byte[] out = new byte[n];
        long x = 1;
        for (int i = 0; i < n; i++) {
            x = (x * 1103515245L + 12345L) & 0xFFFFFFFFL;
            out[i] = (byte) (x >>> 24);
        }
        return out;
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    private static String hex(long h) {
        return String.format("%016x", h);
    }
}
