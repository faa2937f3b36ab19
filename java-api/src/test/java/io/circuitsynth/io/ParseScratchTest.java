package io.circuitsynth.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Parsing into a reused node table gives the trees a fresh parse gives. */
class ParseScratchTest {
    @Test
    void aReusedTableGivesTheSameTrees() {
        JavaIoStage io = new JavaIoStage();
        JavaIoStage.ParseScratch scratch = new JavaIoStage.ParseScratch();
        String big = "(kicad_symbol_lib (version 20241209) (symbol \"R\" (pin passive line (at 0 1 2))))";
        String small = "(a \"b\" (c))";
        for (String text : new String[] {big, small, big, "(x)", small}) {
            byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
            SexprTree reused = io.parse(bytes, "t", scratch);
            assertThat(reused).isEqualTo(io.parse(bytes, "t"));
            assertThat(reused.nodeTable()).isEqualTo(io.parse(bytes, "t").nodeTable());
        }
        assertThatThrownBy(() -> io.parse("(a".getBytes(StandardCharsets.UTF_8), "t", scratch))
                .isInstanceOf(SexprParseException.class)
                .hasMessage("t:1:3: expected ')' to close the list opened at 1:1, found end of input");
        assertThat(io.parse("(ok)".getBytes(StandardCharsets.UTF_8), "t", scratch).childCount(0)).isEqualTo(1);
    }
}
