package io.circuitsynth.io;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The examples in the public Javadoc, run as written, so they cannot rot. */
class JavadocExamplesTest {
    @TempDir
    Path dir;

    @Test
    void sexprTreeExample() {
        SexprTree tree = new JavaIoStage().parse(
                "(kicad_sch (version 20250114) (generator \"eeschema\"))".getBytes(UTF_8), "demo");
        String generator = null;
        for (int c = tree.firstChild(0); c != SexprTree.NONE; c = tree.nextSibling(0, c)) {
            if (tree.isList(c) && tree.textEquals(tree.firstChild(c), "generator")) {
                generator = tree.stringValue(tree.nextSibling(c, tree.firstChild(c)));
            }
        }
        assertThat(generator).isEqualTo("eeschema");
    }

    @Test
    void javaIoStageExample() throws IOException {
        IoStage io = new JavaIoStage();
        byte[] pretty = io.format("(kicad_sch (version 20250114) (uuid \"a\"))".getBytes(UTF_8), "demo");
        assertThat(new String(pretty, UTF_8)).isEqualTo("(kicad_sch\n\t(version 20250114)\n\t(uuid \"a\")\n)\n");
        Path file = dir.resolve("demo.kicad_sch");
        assertThat(io.writeIfChanged(file, pretty)).isTrue();
        assertThat(io.writeIfChanged(file, pretty)).isFalse();
        assertThat(Files.readAllBytes(file)).isEqualTo(pretty);
    }

    @Test
    void sexprBuilderExample() {
        SexprTree tree = new SexprBuilder()
                .list("kicad_sch")
                    .list("version").atom(20250114).end()
                    .list("generator").string("circuitsynth").end()
                    .list("at").decimal(12700, 4).decimal(-5000, 4).atom(90).end()
                .end()
                .build();
        assertThat(tree).isEqualTo(new JavaIoStage().parse(
                "(kicad_sch (version 20250114) (generator \"circuitsynth\") (at 1.27 -0.5 90))".getBytes(UTF_8), "x"));
        assertThat(tree.toString()).isEqualTo(
                "(kicad_sch\n\t(version 20250114)\n\t(generator \"circuitsynth\")\n\t(at 1.27 -0.5 90)\n)\n");
    }
}
