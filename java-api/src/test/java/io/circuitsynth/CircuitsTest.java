package io.circuitsynth;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.circuitsynth.symbols.BuiltinLibraries;
import io.circuitsynth.symbols.LibrarySource;
import io.circuitsynth.symbols.SymbolLibraries;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The public facade, over the selected engine ({@code circuitsynth.engine}). */
class CircuitsTest {
    @TempDir
    Path dir;

    static SymbolLibraries builtinLibraries() {
        List<LibrarySource> sources = new ArrayList<>();
        for (BuiltinLibraries.Library library : BuiltinLibraries.sources()) {
            sources.add(LibrarySource.inMemory(library.nickname(),
                    "circuitsynth-builtin/" + library.nickname() + ".kicad_sym", library.content()));
        }
        return SymbolLibraries.open(sources, null);
    }

    @Test
    void aCircuitGoesToEveryFormAndBackToTheSameNetlist() throws Exception {
        try (SymbolLibraries libs = builtinLibraries()) {
            Circuit board = JavadocExamplesTest.filterExample();
            Path net = dir.resolve("filter.net");
            assertThat(Circuits.writeNet(board, libs, net)).isTrue();
            byte[] bytes = Files.readAllBytes(net);
            assertThat(Circuits.toNet(board, libs)).isEqualTo(bytes);
            String text = new String(bytes, UTF_8);
            assertThat(text).contains("(comp (ref \"J1\")", "(comp (ref \"R201\")", "(comp (ref \"C201\")",
                    "(comp (ref \"R301\")", "(comp (ref \"C301\")", "(name \"/ch1/\")", "(name \"/ch2/\")");

            Path json = dir.resolve("filter.json");
            assertThat(Circuits.writeJson(board, json)).isTrue();
            assertThat(Files.readAllBytes(json)).isEqualTo(Circuits.toJson(board));
            assertThat(new String(Circuits.toNet(Circuits.readJson(json), libs), UTF_8)).isEqualTo(text);
            assertThat(new String(Circuits.toNet(Circuits.readAny(json), libs), UTF_8)).isEqualTo(text);
            // A .net holds one definition per sheet, so Channel read back is two definitions (the
            // second one's sheet file is Channel_2.kicad_sch); the nets and their names stay.
            String nets = text.substring(text.indexOf("\n  (nets"));
            String fromNet = new String(Circuits.toNet(Circuits.readNet(net), libs), UTF_8);
            assertThat(fromNet.substring(fromNet.indexOf("\n  (nets"))).isEqualTo(nets);
            assertThat(fromNet).contains("(property (name \"Sheetfile\") (value \"Channel_2.kicad_sch\"))");
            assertThat(Circuits.toNet(Circuits.readAny(net), libs)).isEqualTo(fromNet.getBytes(UTF_8));
            assertThat(Circuits.readAny(net).toDesign().definitions()).extracting(d -> d.name())
                    .containsExactly("filter", "Channel", "Channel_2");
        }
    }

    @Test
    void aCircuitSynthFileReadsByNameOrByContent() throws Exception {
        Path file = Files.writeString(dir.resolve("cs.json"), "{\"name\": \"root\", \"components\": {\"R1\":"
                + " {\"symbol\": \"Device:R\", \"ref\": \"R1\", \"value\": \"1k\"}}, \"nets\": {\"VIN\":"
                + " [{\"component\": \"R1\", \"pin\": {\"number\": \"1\"}}]}, \"subcircuits\": []}");
        Circuit byName = Circuits.readCircuitSynth(file);
        Circuit byContent = Circuits.readAny(file);
        assertThat(byContent.toDesign()).isEqualTo(byName.toDesign());
        assertThat(byName.components()).extracting(Component::reference, Component::value)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("R1", "1k"));
        assertThat(byName.net("VIN").pins()).containsExactly(byName.components().get(0).pin(1));
    }

    @Test
    void nullArgumentsAreNamed() {
        assertThatThrownBy(() -> Circuits.readAny(null)).isInstanceOf(NullPointerException.class)
                .hasMessage("Circuits.readAny(file): file is null");
        assertThatThrownBy(() -> Circuits.writeNet(Circuit.create("b"), null, dir.resolve("x.net")))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("Circuits.writeNet(circuit, libraries, file): libraries is null");
        assertThatThrownBy(() -> Circuits.toJson(null)).isInstanceOf(NullPointerException.class)
                .hasMessage("Circuits.toJson(circuit): circuit is null");
        assertThat(dir.toFile().list()).isEmpty();
    }
}
