package io.circuitsynth.symbols;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.RoundingMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class MillimetresTest {

    @Test
    void exactDecimalReading() {
        assertThat(Millimetres.toIu("1.27")).isEqualTo(12_700);
        assertThat(Millimetres.toIu("-0.508")).isEqualTo(-5_080);
        assertThat(Millimetres.toIu("+2")).isEqualTo(20_000);
        assertThat(Millimetres.toIu("0.00005")).isEqualTo(1);
        assertThat(Millimetres.toIu("0.000049999")).isEqualTo(0);
        assertThat(Millimetres.toIu("-0.00005")).isEqualTo(-1);
        assertThat(Millimetres.toIu("270.00004")).isEqualTo(2_700_000);
        assertThat(Millimetres.toIu("214748.3647")).isEqualTo(Integer.MAX_VALUE);
        assertThat(Millimetres.toIu("214748.3648")).isEqualTo(Millimetres.INVALID);
        assertThat(Millimetres.toIu("-214748.3648")).isEqualTo(Integer.MIN_VALUE);
        for (String bad : new String[] {"", "-", ".5", "5.", "1e3", "1.2.3", " 1", "0x10", "1,5", "++1"}) {
            assertThat(Millimetres.toIu(bad)).as("'%s'", bad).isEqualTo(Millimetres.INVALID);
        }
    }

    @Property
    void agreesWithBigDecimalRoundingHalfAwayFromZero(@ForAll @IntRange(min = -2_000_000_000, max = 2_000_000_000) int scaled,
            @ForAll @IntRange(min = 0, max = 9) int extraDigits) {
        // scaled / 10^(4 + extraDigits) mm written out exactly, then read back.
        BigDecimal mm = BigDecimal.valueOf(scaled, 4 + extraDigits);
        long expected = mm.setScale(4, RoundingMode.HALF_UP).unscaledValue().longValueExact();
        assertThat(Millimetres.toIu(mm.toPlainString())).isEqualTo(expected);
    }
}
