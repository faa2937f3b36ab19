package io.circuitsynth.schematic;

import static org.assertj.core.api.Assertions.assertThat;

import io.circuitsynth.netlist.Design;
import io.circuitsynth.netlist.Finalizer;
import io.circuitsynth.netlist.JavaNetlistStage;
import io.circuitsynth.netlist.Netlist;
import io.circuitsynth.symbols.BuiltinLibraries;
import io.circuitsynth.symbols.JavaSymbolStage;
import io.circuitsynth.symbols.LibrarySource;
import io.circuitsynth.symbols.SymbolIndex;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The synthetic circuits have exactly their part count, every signal net two pins or more, and match their committed JSON. */
class SyntheticCircuitsTest {

    static SymbolIndex builtin() {
        List<LibrarySource> sources = new ArrayList<>();
        for (BuiltinLibraries.Library library : BuiltinLibraries.sources()) {
            sources.add(LibrarySource.inMemory(library.nickname(), "circuitsynth-builtin/" + library.nickname()
                    + ".kicad_sym", library.content()));
        }
        return new JavaSymbolStage().open(sources, null);
    }

    static Path vector(int n) {
        return SchematicVectors.dir().resolve("synthetic").resolve("synthetic_" + n + ".json");
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 10, 100, 1000})
    void hasItsPartCountAndMatchesItsJson(int n) throws Exception {
        Design design = SyntheticCircuits.of(n);
        try (SymbolIndex index = builtin()) {
            Netlist netlist = Finalizer.finalize(design, index);
            assertThat(netlist.components()).hasSize(n);
            for (Netlist.Net net : netlist.nets()) {
                // A rail's one pin still meets its power symbol and PWR_FLAG.
                assertThat(net.nodes().size()).as(net.name()).isGreaterThanOrEqualTo(net.power() ? 1 : 2);
            }
        }
        byte[] json = new JavaNetlistStage().writeCircuitJson(design);
        if (Boolean.getBoolean("circuitsynth.writeVectors")) {
            Files.createDirectories(vector(n).getParent());
            Files.write(vector(n), json);
        }
        assertThat(new String(Files.readAllBytes(vector(n)), java.nio.charset.StandardCharsets.UTF_8))
                .isEqualTo(new String(json, java.nio.charset.StandardCharsets.UTF_8));
    }
}
