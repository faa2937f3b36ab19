package io.circuitsynth.natives;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.circuitsynth.io.JavaIoStage;
import io.circuitsynth.io.SexprTree;
import io.circuitsynth.io.internal.TreeAccess;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The native printer reads the tree's arrays in place; a bad table is an exception, not a crash. */
class NativePrintTableTest {
    private static final byte[] SOURCE = "(a (b c) \"d\")".getBytes(StandardCharsets.UTF_8);

    @BeforeAll
    static void nativeLoaded() {
        boolean required = "native".equals(System.getProperty("circuitsynth.engine"));
        boolean loaded = Natives.ioStage().isPresent();
        if (required) {
            assertThat(loaded).as(Natives.status().reason()).isTrue();
        }
        Assumptions.assumeTrue(loaded, () -> "SKIPPED: native engine not loaded: " + Natives.status().reason());
    }

    @Test
    void printsOnlyTheUsedPartOfALongerTable() {
        SexprTree tree = new JavaIoStage().parse(SOURCE, "t");
        int[] longer = java.util.Arrays.copyOf(TreeAccess.nodes(tree), tree.size() * 4 + 40);
        byte[] printed = NativeBridge.sexprPrint(SOURCE, longer, tree.size());
        assertThat(new String(printed, StandardCharsets.UTF_8)).isEqualTo("(a\n\t(b c) \"d\")\n");
    }

    @Test
    void rejectsANodeCountBeyondTheTable() {
        SexprTree tree = new JavaIoStage().parse(SOURCE, "t");
        int[] nodes = tree.nodeTable();
        assertThatThrownBy(() -> NativeBridge.sexprPrint(SOURCE, nodes, tree.size() + 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("invalid node table: 7 nodes do not fit a table of 24 ints");
        assertThatThrownBy(() -> NativeBridge.sexprPrint(SOURCE, nodes, -1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("invalid node table: -1 nodes do not fit a table of 24 ints");
    }

    @Test
    void rejectsANegativeEntry() {
        SexprTree tree = new JavaIoStage().parse(SOURCE, "t");
        int[] nodes = tree.nodeTable();
        nodes[6] = -5;
        assertThatThrownBy(() -> NativeBridge.sexprPrint(SOURCE, nodes, tree.size()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("invalid node table");
    }
}
