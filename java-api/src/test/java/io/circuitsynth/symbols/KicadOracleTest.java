package io.circuitsynth.symbols;

import static org.assertj.core.api.Assertions.assertThat;

import io.circuitsynth.testing.KicadFiles;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * KiCad as the oracle: {@code kicad-cli sym upgrade} loads each generated library and saves it
 * again in KiCad 9's format. Apart from the generator lines, KiCad must write back exactly our
 * bytes: the layout, the item order and the properties are then all as KiCad's own.
 */
class KicadOracleTest {
    @TempDir
    Path tmp;

    @TestFactory
    Stream<DynamicTest> kicadSavesOurLibrariesUnchanged() throws IOException {
        Path cli = kicadCli();
        KicadFiles.require(cli != null, "kicad-cli not found on PATH; install KiCad 9 or set CIRCUITSYNTH_KICAD_CLI");
        List<DynamicTest> tests = new ArrayList<>();
        for (BuiltinLibraries.Library lib : BuiltinLibraries.sources()) {
            tests.add(DynamicTest.dynamicTest(lib.path(), () -> check(cli, lib.nickname(), lib.content())));
        }
        Path box = BoxVectors.dir();
        for (String stem : BoxVectors.stems(box)) {
            Path file = box.resolve(stem + ".kicad_sym");
            if (Files.exists(file)) {
                tests.add(DynamicTest.dynamicTest("box/" + stem, () -> check(cli, stem, Files.readAllBytes(file))));
            }
        }
        return tests.stream();
    }

    private void check(Path cli, String name, byte[] ours) throws IOException, InterruptedException {
        Path in = tmp.resolve(name + ".kicad_sym");
        Path out = tmp.resolve(name + ".saved.kicad_sym");
        Files.write(in, ours);
        Process process = new ProcessBuilder(cli.toString(), "sym", "upgrade", "--force", in.toString(), "-o",
                out.toString()).redirectErrorStream(true).redirectOutput(tmp.resolve(name + ".log").toFile()).start();
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("kicad-cli finished").isTrue();
        assertThat(process.exitValue()).as(Files.readString(tmp.resolve(name + ".log"))).isZero();
        assertThat(withoutGenerator(Files.readString(out, StandardCharsets.UTF_8)))
                .isEqualTo(withoutGenerator(new String(ours, StandardCharsets.UTF_8)));
    }

    /** KiCad writes its own generator and generator_version; nothing else may differ. */
    private static String withoutGenerator(String text) {
        return text.lines().filter(line -> !line.startsWith("\t(generator")).collect(Collectors.joining("\n"));
    }

    private static Path kicadCli() {
        String override = System.getenv("CIRCUITSYNTH_KICAD_CLI");
        if (override != null && !override.isEmpty()) {
            return Path.of(override);
        }
        String path = System.getenv("PATH");
        for (String dir : path == null ? new String[0] : path.split(File.pathSeparator)) {
            for (String name : List.of("kicad-cli", "kicad-cli.exe")) {
                Path candidate = Path.of(dir, name);
                if (Files.isExecutable(candidate)) {
                    return candidate;
                }
            }
        }
        return null;
    }
}
