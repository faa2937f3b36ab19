package io.circuitsynth.schematic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.circuitsynth.io.SexprBuilder;
import io.circuitsynth.symbols.JavaSymbolStage;
import io.circuitsynth.symbols.SymbolIndex;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A symbol is cut out of a library in KiCad's layout and parsed alone, else the whole file is
 * parsed; both ways give the same text. The Rust twin is the tests module of
 * schematic-writer/src/library.rs, with the same libraries and expectations.
 */
class LibrarySymbolsTest {
    /** KiCad's layout: the parent after the child, so extends is resolved by a second cut. */
    static final String KICAD = "(kicad_symbol_lib\n"
            + "\t(version 20241209)\n"
            + "\t(generator \"kicad_symbol_editor\")\n"
            + "\t(symbol \"Child\"\n"
            + "\t\t(extends \"Base\")\n"
            + "\t\t(property \"Value\" \"Child\"\n"
            + "\t\t\t(at 0 0 0)\n"
            + "\t\t)\n"
            + "\t\t(property \"Description\" \"\"\n"
            + "\t\t\t(at 0 0 0)\n"
            + "\t\t)\n"
            + "\t\t(property \"ki_keywords\" \"kid\"\n"
            + "\t\t\t(at 0 0 0)\n"
            + "\t\t)\n"
            + "\t)\n"
            + "\t(symbol \"Base\"\n"
            + "\t\t(pin_names\n"
            + "\t\t\t(offset 0.254)\n"
            + "\t\t)\n"
            + "\t\t(property \"Reference\" \"U\"\n"
            + "\t\t\t(at 0 1.27 0)\n"
            + "\t\t)\n"
            + "\t\t(property \"Value\" \"Base\"\n"
            + "\t\t\t(at 0 -1.27 0)\n"
            + "\t\t)\n"
            + "\t\t(property \"Description\" \"a base (with \\\")\"\n"
            + "\t\t\t(at 0 0 0)\n"
            + "\t\t)\n"
            + "\t\t(symbol \"Base_0_1\"\n"
            + "\t\t\t(rectangle\n"
            + "\t\t\t\t(start -2.54 2.54)\n"
            + "\t\t\t\t(end 2.54 -2.54)\n"
            + "\t\t\t)\n"
            + "\t\t)\n"
            + "\t)\n"
            + "\t(symbol \"Say \\\"hi\\\" \\\\o/\"\n"
            + "\t\t(property \"Reference\" \"Q\"\n"
            + "\t\t\t(at 0 0 0)\n"
            + "\t\t)\n"
            + "\t)\n"
            + ")\n";

    /** Child flattened: Base's fields and units, Child's value and keywords, Base's description. */
    static final String CHILD = "(kicad_symbol_lib\n"
                + "\t(symbol \"lib:Child\"\n"
                + "\t\t(pin_names\n"
                + "\t\t\t(offset 0.254)\n"
                + "\t\t)\n"
                + "\t\t(property \"Reference\" \"U\"\n"
                + "\t\t\t(at 0 1.27 0)\n"
                + "\t\t)\n"
                + "\t\t(property \"Value\" \"Child\"\n"
                + "\t\t\t(at 0 0 0)\n"
                + "\t\t)\n"
                + "\t\t(property \"Description\" \"a base (with \\\")\"\n"
                + "\t\t\t(at 0 0 0)\n"
                + "\t\t)\n"
                + "\t\t(property \"ki_keywords\" \"kid\"\n"
                + "\t\t\t(at 0 0 0)\n"
                + "\t\t)\n"
                + "\t\t(symbol \"Child_0_1\"\n"
                + "\t\t\t(rectangle\n"
                + "\t\t\t\t(start -2.54 2.54)\n"
                + "\t\t\t\t(end 2.54 -2.54)\n"
                + "\t\t\t)\n"
                + "\t\t)\n"
                + "\t\t(embedded_fonts no)\n"
                + "\t)\n"
                + ")\n";

    private static SymbolIndex index;

    @BeforeAll
    static void open() {
        index = new JavaSymbolStage().open(List.of(), null);
    }

    @AfterAll
    static void close() {
        index.close();
    }

    private static String write(String library, String name) {
        LibrarySymbols libs = new LibrarySymbols(index);
        libs.register("lib", library.getBytes(StandardCharsets.UTF_8));
        SexprBuilder b = new SexprBuilder().list("kicad_symbol_lib");
        libs.write(b, "lib", name, "lib:" + name);
        return b.end().build().toString();
    }

    @Test
    void aDerivedSymbolIsFlattenedWithItsParentCutOutToo() {
        assertThat(write(KICAD, "Child")).isEqualTo(CHILD);
    }

    @Test
    void aNameWithEscapesIsFound() {
        assertThat(write(KICAD, "Say \"hi\" \\o/")).isEqualTo(
                "(kicad_symbol_lib\n"
                + "\t(symbol \"lib:Say \\\"hi\\\" \\\\o/\"\n"
                + "\t\t(property \"Reference\" \"Q\"\n"
                + "\t\t\t(at 0 0 0)\n"
                + "\t\t)\n"
                + "\t\t(embedded_fonts no)\n"
                + "\t)\n"
                + ")\n");
    }

    @Test
    void crlfLinesAndOtherLayoutsAreParsedWhole() {
        String expected = CHILD;
        assertThat(write(KICAD.replace("\n", "\r\n"), "Child")).isEqualTo(expected);
        assertThat(write(KICAD.replace("\n\t", "\n  "), "Child")).isEqualTo(expected);
        assertThat(write(KICAD.replace("\r\n", "\n").replaceAll("\n\t*", " "), "Child")).isEqualTo(expected);
    }

    @Test
    void aMissingSymbolIsReportedAsBefore() {
        for (String library : new String[] {KICAD, KICAD.replace("\n", "\r\n")}) {
            assertThatThrownBy(() -> write(library, "Gone"))
                    .isInstanceOf(SchematicException.class)
                    .hasMessage("symbol lib:Gone is no longer in its library file;"
                            + " the library changed since it was indexed, index it again");
            assertThatThrownBy(() -> write(library.replace("(extends \"Base\")", "(extends \"Gone\")"), "Child"))
                    .isInstanceOf(SchematicException.class)
                    .hasMessage("symbol lib:Gone is no longer in its library file;"
                            + " the library changed since it was indexed, index it again");
        }
    }

    @Test
    void aBrokenListIsReportedWhereItIsInTheFile() {
        // Child's first property loses its close: Child's list then closes on the file's last line.
        String broken = KICAD.replaceFirst("\t\t\t\\(at 0 0 0\\)\n\t\t\\)\n", "\t\t\t(at 0 0 0)\n");
        assertThatThrownBy(() -> write(broken, "Child"))
                .isInstanceOf(SchematicException.class)
                .hasMessage("lib.kicad_sym:41:1: expected ')' to close the list opened at 1:1, found end of input");
    }
}
