package io.circuitsynth.netlist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.circuitsynth.io.internal.Xxh64;
import io.circuitsynth.netlist.ComponentSpec.PinSpec;
import io.circuitsynth.testing.KicadFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The {@code .net} files KiCad 9.0.8 exported from its demos ({@code conformance/netlist/kicad/}):
 * each reads, and the design holds exactly the file's connectivity, values and footprints. The Rust
 * twin is {@code rust-crates/netlist/tests/net_read_kicad.rs}.
 */
class NetReaderKicadTest {

    static Path netlistVectors() {
        String root = System.getProperty("circuitsynth.projectRoot");
        Path dir = root != null ? Path.of(root, "conformance", "netlist") : Path.of("..", "conformance", "netlist");
        return dir.toAbsolutePath().normalize();
    }

    static List<Path> corpus() {
        Path dir = netlistVectors().resolve("kicad");
        KicadFiles.require(Files.isDirectory(dir), "KiCad .net corpus not found in " + dir);
        List<Path> files = KicadFiles.find(dir, ".net");
        assertThat(files.size()).as("exports in %s", dir).isGreaterThanOrEqualTo(6);
        return files;
    }

    static Design load(String name) throws IOException {
        return NetReader.read(Files.readAllBytes(netlistVectors().resolve("kicad").resolve(name + ".net")));
    }

    @TestFactory
    Stream<DynamicTest> everyExportReadsWithItsConnectivity() {
        return corpus().stream().map(path -> DynamicTest.dynamicTest(path.getFileName().toString(), path.toUri(), () -> {
            byte[] bytes = Files.readAllBytes(path);
            Design design = NetReader.read(bytes);
            assertThat(NetConnectivity.ofNet(bytes).diff(NetConnectivity.ofDesign(design))).isEmpty();
        }));
    }

    /**
     * {@code NAME SIZE XXH64} of each export's design dump, the table {@code net_read_kicad.rs}
     * checks too: the engines read every export into the same design.
     */
    @Test
    void bothEnginesReadEveryExportIntoTheSameDesign() throws IOException {
        Path table = netlistVectors().resolve("../../rust-crates/netlist/tests/net_read_support/kicad_designs.txt")
                .normalize();
        StringBuilder actual = new StringBuilder();
        for (Path path : corpus()) {
            String name = path.getFileName().toString().replaceFirst("\\.net$", "");
            byte[] text = DesignDump.dump(NetReader.read(Files.readAllBytes(path))).getBytes(StandardCharsets.UTF_8);
            actual.append(name).append(' ').append(text.length).append(' ')
                    .append(String.format("%016x", Xxh64.hash(text))).append('\n');
        }
        assertThat(actual.toString()).isEqualTo(Files.readString(table, StandardCharsets.UTF_8));
    }

    @Test
    void complexHierarchyKeepsItsSheetsUuidsAndPorts() throws IOException {
        Design design = load("complex_hierarchy");
        assertThat(design.name()).isEqualTo("complex_hierarchy");
        assertThat(design.root()).isEqualTo("complex_hierarchy");
        // ampli_ht.kicad_sch is placed twice; its references differ per instance, so two definitions.
        assertThat(design.definitions()).extracting(Definition::name)
                .containsExactly("complex_hierarchy", "ampli_ht", "ampli_ht_2");
        Definition root = design.definitions().get(0);
        assertThat(root.instances()).extracting(InstanceSpec::name, InstanceSpec::definition)
                .containsExactly(tuple("ampli_ht_vertical", "ampli_ht"), tuple("ampli_ht_horizontal", "ampli_ht_2"));
        assertThat(design.sheetUuids()).containsExactly(
                new Design.SheetUuid("/ampli_ht_vertical/", "00000000-0000-0000-0000-00004b3a1333"),
                new Design.SheetUuid("/ampli_ht_horizontal/", "00000000-0000-0000-0000-00004b3a13a4"));
        Definition vertical = design.definitions().get(1);
        List<InstanceSpec.Binding> expected = new ArrayList<>();
        for (String port : vertical.ports()) {
            expected.add(new InstanceSpec.Binding(port, port));
        }
        assertThat(root.instances().get(0).bindings()).isEqualTo(expected);
        ComponentSpec u201 = vertical.components().stream().filter(c -> c.id().equals("U201")).findFirst()
                .orElseThrow();
        assertThat(u201.referenceKind()).isEqualTo(ComponentSpec.ReferenceKind.ABSOLUTE);
        assertThat(u201.reference()).isEqualTo("U201");
        assertThat(u201.symbol()).isEqualTo("complex_hierarchy:LM358N");
        assertThat(u201.value()).isEqualTo("LM358N");
        assertThat(u201.footprint()).isEqualTo("Package_DIP:DIP-8_W7.62mm_LongPads");
        assertThat(u201.uuids())
                .containsExactly("00000000-0000-0000-0000-00004b3a1368", "00000000-0000-0000-0000-00004b3a135c");
        assertThat(u201.pins()).extracting(PinSpec::number, PinSpec::name, PinSpec::type).containsExactly(
                tuple("1", "", "output"), tuple("2", "-", "input"), tuple("3", "+", "input"),
                tuple("4", "V-", "power_in"), tuple("5", "+", "input"), tuple("6", "-", "input"),
                tuple("7", "", "output"), tuple("8", "V+", "power_in"));
        assertThat(root.noConnects()).extracting(PinRef::component, PinRef::pin)
                .containsExactly(tuple("U102", "6"), tuple("U102", "7"));
    }

    @Test
    void flagsAndPinsWithoutNumbersRead() throws IOException {
        List<ComponentSpec> flat = all(load("flat_hierarchy"));
        ComponentSpec hole = flat.stream().filter(c -> c.id().equals("HOLE1")).findFirst().orElseThrow();
        assertThat(hole.pins()).extracting(PinSpec::number, PinSpec::name).first().isEqualTo(tuple("", "1"));
        assertThat(flat.stream().filter(c -> !c.inBom())).hasSize(6);
        List<ComponentSpec> feather = all(load("RoyalBlue54L-Feather"));
        assertThat(feather.stream().filter(ComponentSpec::dnp)).hasSize(22);
        assertThat(feather.stream().filter(c -> !c.inBom())).hasSize(12);
    }

    private static List<ComponentSpec> all(Design design) {
        List<ComponentSpec> out = new ArrayList<>();
        design.definitions().forEach(d -> out.addAll(d.components()));
        return out;
    }
}
