package io.circuitsynth.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class SexprBuilderTest {
    @Test
    void buildsAndPrintsInKicadLayout() {
        SexprTree tree = new SexprBuilder()
                .list("kicad_sch")
                .list("version").atom(20250114).end()
                .list("generator").string("eeschema").end()
                .list("at").decimal(12700, 4).decimal(-5000, 4).atom(90).end()
                .list("pts").list("xy").atom(0).atom(0).end().list("xy").decimal(254, 2).atom(0).end().end()
                .end()
                .build();
        assertThat(tree.toString()).isEqualTo("(kicad_sch\n\t(version 20250114)\n\t(generator \"eeschema\")\n"
                + "\t(at 1.27 -0.5 90)\n\t(pts\n\t\t(xy 0 0) (xy 2.54 0)\n\t)\n)\n");
        assertThat(tree).isEqualTo(new JavaIoStage().parse(tree.toString().getBytes(StandardCharsets.UTF_8), "x"));
    }

    @Test
    void decimalsPrintLikeKicad() {
        assertThat(SexprBuilder.decimalText(12700, 4)).isEqualTo("1.27");
        assertThat(SexprBuilder.decimalText(-5000, 4)).isEqualTo("-0.5");
        assertThat(SexprBuilder.decimalText(0, 4)).isEqualTo("0");
        assertThat(SexprBuilder.decimalText(10000, 4)).isEqualTo("1");
        assertThat(SexprBuilder.decimalText(1, 6)).isEqualTo("0.000001");
        assertThat(SexprBuilder.decimalText(-1, 3)).isEqualTo("-0.001");
        assertThat(SexprBuilder.decimalText(123, 0)).isEqualTo("123");
        assertThat(SexprBuilder.decimalText(1200, 0)).isEqualTo("1200");
        assertThat(SexprBuilder.decimalText(-254000, 4)).isEqualTo("-25.4");
        assertThat(SexprBuilder.decimalText(Long.MIN_VALUE, 2)).isEqualTo("-92233720368547758.08");
        assertThatThrownBy(() -> SexprBuilder.decimalText(1, -1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void stringsAreEscapedAsKicadWritesThem() {
        SexprTree tree = new SexprBuilder().list("s").string("a\\b\"c\nd\re\tfµ").end().build();
        assertThat(tree.text(2)).isEqualTo("\"a\\\\b\\\"c\\nd\\re\tfµ\"");
        assertThat(tree.stringValue(2)).isEqualTo("a\\b\"c\nd\re\tfµ");
    }

    @Test
    void misuseIsRejected() {
        assertThatThrownBy(() -> new SexprBuilder().build()).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> new SexprBuilder().list("a").build()).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> new SexprBuilder().end()).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> new SexprBuilder().symbol("a")).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> new SexprBuilder().list("a").end().list("b")).isInstanceOf(IllegalStateException.class);
        for (String bad : new String[] {"", "a b", "a(", "a)", "a\"", "a\n", "a\u0000"}) {
            assertThatThrownBy(() -> new SexprBuilder().list("a").symbol(bad)).isInstanceOf(IllegalArgumentException.class);
        }
    }
}
