package io.circuitsynth.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.circuitsynth.testing.TestEngines;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class SexprTreeTest {
    static List<IoStage> stages() {
        return TestEngines.stagesUnderTest();
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @ParameterizedTest
    @MethodSource("stages")
    void nodeTableNavigationAndValues(IoStage stage) {
        SexprTree t = stage.parse(utf8("(a (b \"x\\ny\") ()\n (µ 1.5))"), "t");
        assertThat(ConformanceTest.table(t)).isEqualTo(String.join("\n",
                "0 0 27 9", "1 1 2 2", "0 3 13 5", "1 4 5 4", "2 6 12 5", "0 14 16 6", "0 18 26 9", "1 19 21 8", "1 22 25 9"));
        assertThat(t.size()).isEqualTo(9);
        List<Integer> children = new ArrayList<>();
        for (int c = t.firstChild(0); c != SexprTree.NONE; c = t.nextSibling(0, c)) {
            children.add(c);
        }
        assertThat(children).containsExactly(1, 2, 5, 6);
        assertThat(t.childCount(0)).isEqualTo(4);
        assertThat(t.firstChild(5)).isEqualTo(SexprTree.NONE);
        assertThat(t.firstChild(1)).isEqualTo(SexprTree.NONE);
        assertThat(t.text(4)).isEqualTo("\"x\\ny\"");
        assertThat(t.stringValue(4)).isEqualTo("x\ny");
        assertThat(t.stringValue(7)).isEqualTo("µ");
        assertThat(t.textEquals(7, "µ")).isTrue();
        assertThat(t.textEquals(2, "(b \"x\\ny\")")).isFalse();
        assertThat(t.isList(0) && t.isSymbol(1) && t.isString(4)).isTrue();
        assertThat(t.line(19)).isEqualTo(2);
        assertThat(t.column(19)).isEqualTo(3);
        assertThat(t.column(23)).isEqualTo(6);
        assertThat(t.toString()).isEqualTo("(a\n\t(b \"x\\ny\")\n\t()\n\t(µ 1.5)\n)\n");
        assertThatThrownBy(() -> t.stringValue(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> t.kind(9)).isInstanceOf(IndexOutOfBoundsException.class);
    }

    @Test
    void stringValueDecodesEveryEscape() {
        SexprTree t = new JavaIoStage().parse(utf8("(s \"\\\"\\\\\\a\\b\\f\\n\\r\\t\\v\\x41\\x7\\101\\0\\7z\\xc3\\xa9\")"), "t");
        assertThat(t.stringValue(2)).isEqualTo("\"\\\u0007\b\f\n\r\t\u000BA\u0007A\u0000\u0007zé");
    }

    @ParameterizedTest
    @MethodSource("stages")
    void numericEscapesStopBeforeTheClosingQuote(IoStage stage) {
        // Found by the random-bytes property: an octal escape once swallowed the quote after it.
        SexprTree t = stage.parse(utf8("(\")\\0\" \"\\x4\" \"\\17\")"), "t");
        assertThat(ConformanceTest.table(t)).isEqualTo("0 0 19 4\n2 1 6 2\n2 7 12 3\n2 13 18 4");
        assertThat(t.stringValue(1)).isEqualTo(")\u0000");
        assertThat(t.stringValue(2)).isEqualTo("\u0004");
        assertThat(t.stringValue(3)).isEqualTo("\u000f");
        assertThatThrownBy(() -> stage.parse(utf8("(\")\\0\""), "t")).isInstanceOf(SexprParseException.class)
                .hasMessage("t:1:7: expected ')' to close the list opened at 1:1, found end of input");
    }

    @Test
    void equalityIgnoresLayoutButNotContent() {
        JavaIoStage io = new JavaIoStage();
        SexprTree a = io.parse(utf8("(a (b c) \"d\")"), "a");
        SexprTree b = io.parse(utf8("\n(a\n\t(b   c)\n\t\"d\"\n)\n"), "b");
        assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
        assertThat(a).isNotEqualTo(io.parse(utf8("(a (b c) d)"), "c"));
        assertThat(a).isNotEqualTo(io.parse(utf8("(a (b c \"d\"))"), "c"));
        assertThat(a).isNotEqualTo(io.parse(utf8("(a (b C) \"d\")"), "c"));
    }

    @Test
    void ofNodesAcceptsAValidTableAndRejectsBadOnes() {
        byte[] src = utf8("(a \"b\")");
        SexprTree ok = SexprTree.ofNodes(src, new int[] {0, 0, 7, 3, 1, 1, 2, 2, 2, 3, 6, 3});
        assertThat(ok).isEqualTo(new JavaIoStage().parse(src, "x"));
        int[][] bad = {
            {},
            {0, 0, 7},
            {1, 0, 7, 1},
            {0, 0, 7, 3, 1, 1, 2, 2, 2, 3, 8, 3},
            {0, 0, 7, 3, 1, 1, 2, 2, 2, 2, 6, 3},
            {0, 0, 7, 3, 1, 1, 2, 3, 2, 3, 6, 3},
            {0, 0, 7, 2, 1, 1, 2, 2, 2, 3, 6, 3},
            {0, 0, 7, 3, 1, 3, 6, 2, 2, 1, 2, 3},
            {0, 0, 7, 3, 0, 1, 2, 3, 2, 3, 6, 3},
            {0, 0, 7, 3, 1, -1, 2, 2, 2, 3, 6, 3},
            {0, 0, 7, 3, 7, 1, 2, 2, 2, 3, 6, 3},
        };
        for (int[] nodes : bad) {
            assertThatThrownBy(() -> SexprTree.ofNodes(src, nodes)).isInstanceOf(IllegalArgumentException.class);
        }
    }
}
