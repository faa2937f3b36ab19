package io.circuitsynth.placement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.circuitsynth.testing.TestEngines;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** Every vector of {@code conformance/placement/}, once per engine under test. */
class PlacementConformanceTest {

    static Path dir() {
        String root = System.getProperty("circuitsynth.projectRoot");
        Path dir = root != null ? Path.of(root, "conformance", "placement") : Path.of("..", "conformance", "placement");
        return dir.toAbsolutePath().normalize();
    }

    static List<String> stems() throws IOException {
        try (Stream<Path> files = Files.list(dir())) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".in"))
                    .map(n -> n.substring(0, n.length() - ".in".length())).sorted().toList();
        }
    }

    static Sheet read(String stem) throws IOException {
        return PlacementText.parseSheet(Files.readString(dir().resolve(stem + ".in"), StandardCharsets.UTF_8));
    }

    @TestFactory
    Stream<DynamicNode> vectors() throws IOException {
        List<String> stems = stems();
        assertThat(stems).as("vectors in %s", dir()).hasSizeGreaterThanOrEqualTo(18);
        List<DynamicNode> engines = new ArrayList<>();
        for (PlacementStage stage : TestEngines.placementStagesUnderTest()) {
            List<DynamicNode> tests = new ArrayList<>();
            for (String stem : stems) {
                tests.add(DynamicTest.dynamicTest(stem, dir().resolve(stem + ".in").toUri(), () -> check(stage, stem)));
            }
            engines.add(DynamicContainer.dynamicContainer(TestEngines.name(stage), tests));
        }
        return engines.stream();
    }

    private static void check(PlacementStage stage, String stem) throws IOException {
        Sheet sheet = read(stem);
        Path out = dir().resolve(stem + ".out");
        Path err = dir().resolve(stem + ".err");
        assertThat(Files.exists(out) ^ Files.exists(err)).as("exactly one of %s.out and %s.err", stem, stem).isTrue();
        if (Files.exists(err)) {
            assertThatThrownBy(() -> stage.place(sheet)).isInstanceOf(PlacementException.class)
                    .hasMessage(Files.readString(err, StandardCharsets.UTF_8));
            return;
        }
        assertThat(PlacementText.formatLayout(stage.place(sheet)))
                .isEqualTo(Files.readString(out, StandardCharsets.UTF_8));
    }

    @Test
    void decouplingCapacitorsSitByTheirIc() throws IOException {
        Layout layout = new JavaPlacementStage().place(read("decoupled_ic"));
        assertThat(layout.metrics().guestEdges()).isEqualTo(2);
        // The IC's box reaches 16.5 mm above its +3V3 pin (fields, power symbol), so a capacitor
        // can come no closer than about 23 mm; it must land right there, not across the sheet.
        assertThat(layout.metrics().meanGuest()).isLessThanOrEqualTo(300_000);
    }

    @Test
    void javadocExampleGivesAnA4Layout() {
        Pin left = new Pin(-38100, 0, -1);
        Pin right = new Pin(38100, 0, 0);
        Item r = Item.of(-76200, -25400, 76200, 25400, 1, 1, List.of(left, right));
        Item c = Item.of(-76200, -25400, 76200, 25400, 1, 1, List.of(new Pin(-38100, 0, 0)));
        Sheet sheet = new Sheet(List.of(r, c), List.of(NetKind.SIGNAL));
        for (PlacementStage stage : TestEngines.placementStagesUnderTest()) {
            Layout layout = stage.place(sheet);
            assertThat(layout.page()).isEqualTo(PageSize.A4);
            assertThat(layout.positions()).allSatisfy(p -> {
                assertThat(p.x() % 12700).isZero();
                assertThat(p.y() % 12700).isZero();
            });
            // The resistor's right pin and the capacitor's pin share net 0: side by side, one
            // grid step of clearance between the boxes.
            assertThat(layout.metrics().wireEdges()).isEqualTo(1);
            assertThat(layout.metrics().meanWire()).isLessThanOrEqualTo(2 * 76200 + 12700);
            assertThatThrownBy(() -> stage.place(null)).isInstanceOf(NullPointerException.class).hasMessage("sheet");
        }
    }

    @Test
    void flatEncodingCarriesEveryField() {
        Item fixed = Item.of(-10, -20, 30, 40, 5, 6, List.of(new Pin(1, 2, 0), new Pin(-3, -4, -1))).fixedAt(12700,
                -25400);
        Sheet sheet = new Sheet(List.of(fixed), List.of(NetKind.LARGE));
        assertThat(FlatSheet.encode(sheet)).containsExactly(1, 1, 3, -10, -20, 30, 40, 1, 12700, -25400, 5, 6, 2, 1,
                2, 0, -3, -4, -1);
    }

    @Test
    void textErrorsNameTheLine() {
        assertThatThrownBy(() -> PlacementText.parseSheet("nets 1\nitem 0 0 1\n"))
                .hasMessage("line 2: missing max y");
        assertThatThrownBy(() -> PlacementText.parseSheet("pin 0 0 0\n")).hasMessage("line 1: expected 'nets COUNT' first");
    }
}
