package io.circuitsynth.netlist;

import static org.assertj.core.api.Assertions.assertThat;

import io.circuitsynth.io.internal.Xxh64;
import org.junit.jupiter.api.Test;

/** The synthetic {@code .net} reads with its connectivity, and matches its Rust twin byte for byte. */
class SyntheticNetTest {

    @Test
    void syntheticNetlistsReadWithTheirConnectivity() {
        for (int count : new int[] {0, 1, 7, 60, 1500}) {
            byte[] bytes = SyntheticNet.net(count);
            Design design = NetReader.read(bytes);
            assertThat(design.definitions().stream().mapToInt(d -> d.components().size()).sum()).isEqualTo(count);
            assertThat(NetConnectivity.ofNet(bytes).diff(NetConnectivity.ofDesign(design))).as("%d components", count)
                    .isEmpty();
        }
    }

    @Test
    void theGeneratorMatchesItsRustTwin() {
        // net_read_synthetic.rs asserts the same size and hash.
        byte[] bytes = SyntheticNet.net(1500);
        assertThat(bytes.length + " " + String.format("%016x", Xxh64.hash(bytes))).isEqualTo("1776653 0cc78e066ac0d6e7");
    }
}
