package io.circuitsynth.schematic;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.circuitsynth.netlist.Design;
import io.circuitsynth.netlist.JavaNetlistStage;
import io.circuitsynth.symbols.LibrarySource;
import io.circuitsynth.symbols.SymbolLibraries;
import io.circuitsynth.testing.KicadFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * KiCad is the oracle. Every design of the corpus (the KiCad demos' own netlists, synthetic
 * circuits of 1 to 1,000 parts, the schematic vectors) is generated into a project, and then:
 * <ol>
 *   <li>{@code kicad-cli sch export netlist} of the project gives every net the same pins, under
 *       the name the writer predicts (finalize's name but for the documented renames, counted
 *       here), and every component its value and footprint;</li>
 *   <li>{@code kicad-cli sch erc} reports no error of a type the design's own schematic does not
 *       report (KiCad's default rules); the synthetic circuits and the vectors report nothing
 *       at all, but the footprint warnings of a machine without KiCad's footprint libraries;</li>
 *   <li>no two drawn boxes touch (bodies, fields, labels, power symbols), from the writer's own
 *       geometry;</li>
 *   <li>a second run gives the same bytes, and so does the native engine when it is under test;</li>
 *   <li>{@code kicad-cli sch export svg} draws every sheet.</li>
 * </ol>
 * kicad-cli runs two designs at a time.
 */
class KicadSchematicOracleTest {
    @TempDir
    static Path tmp;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static ExecutorService pool;
    private static SymbolLibraries libraries;
    /** The same libraries opened by the native engine, when it is under test; else null. */
    private static io.circuitsynth.symbols.SymbolIndex nativeIndex;
    private static SchematicStage nativeStage;

    /**
     * One design of the corpus.
     *
     * @param name a short name, also the project's directory
     * @param design the design
     * @param original the design's own root schematic (a KiCad demo), or null for a design that must come out clean
     * @param renamed how many nets KiCad names otherwise than finalize (documented rename cases)
     */
    private record Case(String name, Supplier<Design> design, Path original, int renamed) {}

    private static Design readNet(Path file) {
        try {
            return new JavaNetlistStage().readNet(Files.readAllBytes(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path conformance() {
        String root = System.getProperty("circuitsynth.projectRoot");
        Path dir = root != null ? Path.of(root, "conformance") : Path.of("..", "conformance");
        return dir.toAbsolutePath().normalize();
    }

    private static List<Case> corpus() {
        Path kicad = conformance().resolve("netlist").resolve("kicad");
        Path demos = KicadFiles.demosDir();
        List<Case> cases = new ArrayList<>();
        Object[][] demo = {
            {"pic_programmer", "pic_programmer/pic_programmer.kicad_sch", 1},
            {"complex_hierarchy", "complex_hierarchy/complex_hierarchy.kicad_sch", 0},
            {"flat_hierarchy", "flat_hierarchy/flat_hierarchy.kicad_sch", 0},
            {"ecc83-pp", "ecc83/ecc83-pp.kicad_sch", 0},
            {"interf_u", "interf_u/interf_u.kicad_sch", 0},
            {"multichannel_mixer", "multichannel/multichannel_mixer.kicad_sch", 1},
        };
        for (Object[] d : demo) {
            String name = (String) d[0];
            cases.add(new Case(name, () -> readNet(kicad.resolve(name + ".net")), demos.resolve((String) d[1]),
                    (Integer) d[2]));
        }
        for (int n : new int[] {1, 10, 100, 1000}) {
            cases.add(new Case("synthetic_" + n, () -> SyntheticCircuits.of(n), null, 0));
        }
        for (Path vector : KicadFiles.find(conformance().resolve("schematic"), ".json")) {
            if (vector.getParent().equals(conformance().resolve("schematic"))) {
                String name = vector.getFileName().toString().replaceFirst("\\.json$", "");
                Path count = vector.resolveSibling(name + ".renamed");
                int renamed;
                try {
                    renamed = Files.exists(count) ? Integer.parseInt(Files.readString(count).trim()) : 0;
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                cases.add(new Case(name, () -> {
                    try {
                        return new JavaNetlistStage().readCircuitJson(Files.readAllBytes(vector));
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }, null, renamed));
            }
        }
        return cases;
    }

    @AfterAll
    static void shutdown() {
        if (pool != null) {
            pool.shutdownNow();
        }
        if (libraries != null) {
            libraries.close();
        }
        if (nativeIndex != null) {
            nativeIndex.close();
        }
    }

    @TestFactory
    Stream<DynamicTest> kicadReadsEveryGeneratedProjectBack() {
        KicadCli cli = KicadCli.require(tmp);
        List<LibrarySource> sources = new ArrayList<>();
        for (Path lib : KicadFiles.find(KicadFiles.symbolDir(), ".kicad_sym")) {
            sources.add(LibrarySource.of(lib));
        }
        libraries = SymbolLibraries.open(sources, null);
        for (SchematicStage stage : SchematicStages.underTest()) {
            if (!(stage instanceof JavaSchematicStage)) {
                nativeStage = stage;
                nativeIndex = SchematicStages.symbolStage(stage).open(sources, null);
            }
        }
        pool = Executors.newFixedThreadPool(2);
        List<Case> cases = corpus();
        Map<String, Future<String>> results = new TreeMap<>();
        List<DynamicTest> tests = new ArrayList<>();
        for (Case c : cases) {
            Future<String> result = pool.submit(() -> check(cli, c));
            tests.add(DynamicTest.dynamicTest(c.name(), () -> {
                String failure = result.get();
                assertThat(failure).as(c.name()).isEmpty();
            }));
        }
        return tests.stream();
    }

    /** Runs every check of one design; returns what failed, one line each, or nothing. */
    private static String check(KicadCli cli, Case c) throws Exception {
        StringBuilder failures = new StringBuilder();
        Design design = c.design().get();
        SchematicStage stage = new JavaSchematicStage();
        GeneratedProject project = stage.generate(design, libraries.index());
        GeneratedProject again = stage.generate(design, libraries.index());
        for (int i = 0; i < project.files().size(); i++) {
            if (!java.util.Arrays.equals(project.files().get(i).bytes(), again.files().get(i).bytes())) {
                failures.append("a second run changed ").append(project.files().get(i).path()).append('\n');
            }
        }
        if (nativeStage != null) {
            GeneratedProject other = nativeStage.generate(design, nativeIndex);
            if (other.files().size() != project.files().size()) {
                failures.append("the native engine wrote ").append(other.files().size()).append(" files, Java ")
                        .append(project.files().size()).append('\n');
            } else {
                for (int i = 0; i < project.files().size(); i++) {
                    if (!java.util.Arrays.equals(project.files().get(i).bytes(), other.files().get(i).bytes())
                            || !project.files().get(i).path().equals(other.files().get(i).path())) {
                        failures.append("the engines differ on ").append(project.files().get(i).path()).append('\n');
                    }
                }
            }
            if (!other.sheets().equals(project.sheets()) || !other.nets().equals(project.nets())) {
                failures.append("the engines' reports differ\n");
            }
        }
        Path dir = tmp.resolve(c.name());
        Files.createDirectories(dir);
        for (GeneratedProject.File f : project.files()) {
            Files.write(dir.resolve(f.path()), f.bytes());
        }
        String root = project.name() + ".kicad_sch";
        for (GeneratedProject.SheetReport sheet : project.sheets()) {
            if (sheet.overlaps() != 0) {
                failures.append(sheet.file()).append(": ").append(sheet.overlaps()).append(" overlapping boxes\n");
            }
        }

        // 1. Connectivity.
        cli.run(dir, "sch", "export", "netlist", "--format", "kicadsexpr", "-o", "kicad.net", root);
        KicadNetlist kicad = KicadNetlist.read(Files.readAllBytes(dir.resolve("kicad.net")), "kicad.net");
        byte[] ours = new JavaNetlistStage().writeNet(design, libraries.index());
        KicadNetlist expected = KicadNetlist.read(ours, "ours.net");
        Map<String, String> names = new HashMap<>();
        int renamed = 0;
        for (GeneratedProject.NetReport net : project.nets()) {
            names.put(net.name(), net.kicadName());
            if (!net.name().equals(net.kicadName())) {
                renamed++;
            }
        }
        failures.append(expected.diff(kicad, names));
        if (renamed != c.renamed()) {
            failures.append(renamed).append(" nets renamed, expected ").append(c.renamed()).append('\n');
        }

        // 2. ERC.
        cli.run(dir, "sch", "erc", "--format", "json", "-o", "erc.json", root);
        TreeMap<String, Integer> errors = violations(dir.resolve("erc.json"), c.original() == null);
        if (c.original() != null) {
            Path copy = tmp.resolve("original-" + c.name());
            copyTree(c.original().getParent(), copy);
            try (Stream<Path> files = Files.list(copy)) {
                for (Path p : files.filter(p -> p.toString().endsWith(".kicad_pro")).toList()) {
                    // KiCad's default rules for both: a demo's project may switch some checks off.
                    Files.delete(p);
                }
            }
            cli.run(copy, "sch", "erc", "--format", "json", "-o", "erc.json", c.original().getFileName().toString());
            TreeMap<String, Integer> theirs = violations(copy.resolve("erc.json"), false);
            errors.keySet().removeAll(theirs.keySet());
        }
        if (!errors.isEmpty()) {
            failures.append("ERC: ").append(errors).append('\n');
        }

        // 5. Every sheet draws.
        cli.run(dir, "sch", "export", "svg", "-o", "svg", root);
        try (Stream<Path> svgs = Files.list(dir.resolve("svg"))) {
            long count = svgs.filter(p -> p.toString().endsWith(".svg")).count();
            if (count < project.sheets().size()) {
                failures.append("SVG export drew ").append(count).append(" sheets of ")
                        .append(project.sheets().size()).append('\n');
            }
        }
        return failures.toString();
    }

    /**
     * ERC violations by type; errors only, or (for designs that must come out clean) warnings
     * too, but the footprint libraries this machine may lack.
     */
    private static TreeMap<String, Integer> violations(Path report, boolean warningsToo) throws IOException {
        JsonNode root = JSON.readTree(report.toFile());
        TreeMap<String, Integer> out = new TreeMap<>();
        for (JsonNode sheet : root.path("sheets")) {
            for (JsonNode v : sheet.path("violations")) {
                String type = v.path("type").asText();
                boolean error = v.path("severity").asText().equals("error");
                if ((error || warningsToo) && !type.equals("footprint_link_issues")) {
                    out.merge(type + (error ? "" : " (warning)") + ": " + v.path("description").asText(), 1,
                            Integer::sum);
                }
            }
        }
        if (!warningsToo) {
            TreeMap<String, Integer> byType = new TreeMap<>();
            out.forEach((k, n) -> byType.merge(k.substring(0, k.indexOf(':')), n, Integer::sum));
            return byType;
        }
        return out;
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path p : walk.sorted(Comparator.naturalOrder()).toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
    }
}
