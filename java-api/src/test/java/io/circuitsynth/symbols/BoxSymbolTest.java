package io.circuitsynth.symbols;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.circuitsynth.io.JavaIoStage;
import io.circuitsynth.io.SexprTree;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

class BoxSymbolTest {
    private static final int GRID = 12700;

    @TestFactory
    Stream<DynamicTest> vectors() throws IOException {
        Path dir = BoxVectors.dir();
        List<String> stems = BoxVectors.stems(dir);
        assertThat(stems).as("vectors in %s", dir).hasSizeGreaterThanOrEqualTo(8);
        return stems.stream().map(stem -> DynamicTest.dynamicTest(stem, () -> {
            List<BoxSymbol.Pin> pins = BoxVectors.readPins(dir.resolve(stem + ".pins"));
            Path err = dir.resolve(stem + ".err");
            if (Files.exists(err)) {
                assertThatThrownBy(() -> BoxSymbol.generate(stem, pins)).isInstanceOf(IllegalArgumentException.class)
                        .hasMessage(Files.readString(err, StandardCharsets.UTF_8));
            } else {
                byte[] expected = Files.readAllBytes(dir.resolve(stem + ".kicad_sym"));
                BoxSymbol box = BoxSymbol.generate(stem, pins);
                assertThat(new String(box.libraryText(), StandardCharsets.UTF_8))
                        .isEqualTo(new String(expected, StandardCharsets.UTF_8));
                assertThat(box.subSymbolTexts().stream().map(t -> new String(t, StandardCharsets.UTF_8)))
                        .containsExactlyElementsOf(subSymbolsOf(expected));
            }
        }));
    }

    /** The {@code (symbol "NAME_U_B" …)} lists inside the library's one symbol, each printed alone. */
    private static List<String> subSymbolsOf(byte[] library) {
        JavaIoStage io = new JavaIoStage();
        SexprTree tree = io.parse(library, "vector");
        int symbol = SexprTree.NONE;
        for (int c = tree.firstChild(tree.root()); c != SexprTree.NONE; c = tree.nextSibling(tree.root(), c)) {
            if (tree.isList(c) && tree.textEquals(tree.firstChild(c), "symbol")) {
                symbol = c;
            }
        }
        List<String> result = new ArrayList<>();
        for (int c = tree.firstChild(symbol); c != SexprTree.NONE; c = tree.nextSibling(symbol, c)) {
            if (tree.isList(c) && tree.textEquals(tree.firstChild(c), "symbol")) {
                byte[] text = java.util.Arrays.copyOfRange(library, tree.start(c), tree.end(c));
                result.add(new String(io.format(text, "sub-symbol"), StandardCharsets.UTF_8));
            }
        }
        return result;
    }

    @Test
    void sidesFollowTheElectricalType() {
        BoxSymbol box = BoxSymbol.generate("U", List.of(new BoxSymbol.Pin("1", "IN", "input"),
                new BoxSymbol.Pin("2", "OUT", "output"), new BoxSymbol.Pin("3", "VCC", "power_in"),
                new BoxSymbol.Pin("4", "gnd", "power_in"), new BoxSymbol.Pin("5", "X", "passive"),
                new BoxSymbol.Pin("6", "Y", "passive")));
        assertThat(box.width()).as("(3 + 3) × 1.27 + 5.08 mm, rounded up to 5.08 mm steps").isEqualTo(152400);
        assertThat(box.height()).isEqualTo(101600);
        assertThat(box.pinEnds()).containsExactly(new BoxSymbol.PinEnd("1", -101600, 0),
                new BoxSymbol.PinEnd("2", 101600, 0), new BoxSymbol.PinEnd("3", 0, 76200),
                new BoxSymbol.PinEnd("4", 0, -76200), new BoxSymbol.PinEnd("5", -101600, -25400),
                new BoxSymbol.PinEnd("6", 101600, -25400));
    }

    @Test
    void duplicateNumberIsNamed() {
        assertThatThrownBy(() -> BoxSymbol.generate("X", List.of(new BoxSymbol.Pin("7", "A", "input"),
                new BoxSymbol.Pin("7", "B", "input"))))
                .hasMessage("duplicate pin number '7' in X; every pin of a symbol needs its own number");
    }

    @Test
    void unknownTypeIsNamed() {
        assertThatThrownBy(() -> BoxSymbol.generate("X", List.of(new BoxSymbol.Pin("3", "A", "Input"))))
                .hasMessage("pin 3 of X: unknown pin electrical type 'Input'; expected one of input output "
                        + "bidirectional tri_state passive free unspecified power_in power_out open_collector "
                        + "open_emitter no_connect");
    }

    @Provide
    Arbitrary<List<BoxSymbol.Pin>> pinLists() {
        Arbitrary<String> names = Arbitraries.oneOf(Arbitraries.of("", "GND", "vss", "V-", "0V", "AGND", "VCC", "µ→", "A\"B"),
                Arbitraries.strings().withCharRange('!', '~').withChars('é', 'Ω', '日').ofMaxLength(20));
        Arbitrary<String> types = Arbitraries.of(BoxSymbol.ELECTRICAL_TYPES);
        return Combinators.combine(names, types).as((n, t) -> new String[] {n, t}).list().ofMaxSize(120)
                .map(list -> {
                    List<BoxSymbol.Pin> pins = new ArrayList<>();
                    for (int i = 0; i < list.size(); i++) {
                        pins.add(new BoxSymbol.Pin(Integer.toString(i + 1), list.get(i)[0], list.get(i)[1]));
                    }
                    return pins;
                });
    }

    @Property(tries = 300)
    void everyPinOnceOnItsOwnGridPoint(@ForAll("pinLists") List<BoxSymbol.Pin> pins) {
        BoxSymbol box = BoxSymbol.generate("RANDOM", pins);
        assertThat(box.pinEnds()).extracting(BoxSymbol.PinEnd::number)
                .containsExactlyElementsOf(pins.stream().map(BoxSymbol.Pin::number).toList());
        Set<Long> spots = new HashSet<>();
        for (BoxSymbol.PinEnd end : box.pinEnds()) {
            assertThat(end.x() % GRID).as("x of pin %s", end.number()).isZero();
            assertThat(end.y() % GRID).as("y of pin %s", end.number()).isZero();
            assertThat(spots.add(((long) end.x() << 32) ^ (end.y() & 0xffffffffL))).as("pin %s alone", end.number())
                    .isTrue();
        }
        JavaIoStage io = new JavaIoStage();
        byte[] library = box.libraryText();
        SexprTree tree = io.parse(library, "RANDOM");
        assertThat(io.print(tree)).isEqualTo(library);
        assertThat(pinsIn(tree)).containsExactlyInAnyOrderElementsOf(pins.stream()
                .map(p -> p.type() + " " + (p.name().isEmpty() ? "~" : p.name()) + " " + p.number()).toList());
    }

    /** Every {@code (pin TYPE STYLE … (name N …) (number M …))} of the tree, as "TYPE N M". */
    private static List<String> pinsIn(SexprTree tree) {
        List<String> found = new ArrayList<>();
        for (int node = 0; node < tree.size(); node++) {
            if (tree.isList(node) && tree.textEquals(tree.firstChild(node), "pin")) {
                int type = tree.nextSibling(node, tree.firstChild(node));
                String name = null;
                String number = null;
                for (int c = tree.firstChild(node); c != SexprTree.NONE; c = tree.nextSibling(node, c)) {
                    if (tree.isList(c) && tree.textEquals(tree.firstChild(c), "name")) {
                        name = tree.stringValue(tree.nextSibling(c, tree.firstChild(c)));
                    } else if (tree.isList(c) && tree.textEquals(tree.firstChild(c), "number")) {
                        number = tree.stringValue(tree.nextSibling(c, tree.firstChild(c)));
                    }
                }
                found.add(tree.text(type) + " " + name + " " + number);
            }
        }
        return found;
    }
}
