package io.circuitsynth.io;

import static org.assertj.core.api.Assertions.assertThat;

import io.circuitsynth.testing.ByteAsserts;
import io.circuitsynth.testing.KicadFiles;
import io.circuitsynth.testing.TestEngines;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Malformed input of every kind must raise {@link SexprParseException}, never a stack overflow or
 * another exception, with the same message from every engine.
 */
class MalformedInputTest {
    private static final String DEPTH_DETAIL =
            "lists nested more than 1000 deep; KiCad files nest far less, is this a KiCad file?";
    private static final String ROOT_CLOSE_PATTERN =
            "expected '\\)' to close the list opened at \\d+:\\d+, found end of input";
    private static final String UNTERMINATED = "unterminated string; expected a closing '\"' before end of input";
    private static final String INVALID_UTF8_PATTERN =
            "invalid UTF-8 \\(byte 0x[0-9A-F]{2}\\); KiCad files are UTF-8 encoded";

    private final List<IoStage> stages = TestEngines.stagesUnderTest();

    @Test
    void hundredThousandDeepOpenListsFailAtTheThousandAndFirst() {
        byte[] input = "(".repeat(100_000).getBytes(StandardCharsets.US_ASCII);
        assertThat(failure(input)).isEqualTo("deep:1:1001: " + DEPTH_DETAIL);
    }

    @Test
    void hundredThousandDeepBalancedListsFailAtTheThousandAndFirst() {
        byte[] input = ("(".repeat(100_000) + ")".repeat(100_000)).getBytes(StandardCharsets.US_ASCII);
        assertThat(failure(input)).isEqualTo("deep:1:1001: " + DEPTH_DETAIL);
    }

    @Test
    void deepNestingOnSeparateLinesReportsLineAndColumn() {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 100_000; i++) {
            text.append("\t(a \"é\"\n");
        }
        assertThat(failure(text.toString().getBytes(StandardCharsets.UTF_8))).isEqualTo("deep:1001:2: " + DEPTH_DETAIL);
    }

    @Test
    void thousandDeepListsParsePrintAndCompareWithoutRecursion() {
        byte[] input = ("(".repeat(1000) + ")".repeat(1000)).getBytes(StandardCharsets.US_ASCII);
        StringBuilder expected = new StringBuilder("(");
        for (int d = 1; d < 1000; d++) {
            expected.append('\n').append("\t".repeat(d)).append('(');
        }
        expected.append(')');
        for (int d = 998; d >= 0; d--) {
            expected.append('\n').append("\t".repeat(d)).append(')');
        }
        expected.append('\n');
        for (IoStage stage : stages) {
            SexprTree tree = stage.parse(input, "deep");
            assertThat(tree.size()).isEqualTo(1000);
            byte[] printed = stage.print(tree);
            ByteAsserts.assertSameBytes(printed, expected.toString().getBytes(StandardCharsets.US_ASCII), "1000 deep");
            SexprTree again = stage.parse(printed, "deep");
            assertThat(again).isEqualTo(tree).hasSameHashCodeAs(tree);
        }
    }

    @Test
    void builtTreesDeeperThanTheParserAllowsStillPrintAndCompare() {
        SexprBuilder a = new SexprBuilder();
        SexprBuilder b = new SexprBuilder();
        for (int i = 0; i < 3000; i++) {
            a.list("n");
            b.list("n");
        }
        for (int i = 0; i < 3000; i++) {
            a.end();
            b.end();
        }
        SexprTree left = a.build();
        SexprTree right = b.build();
        assertThat(left).isEqualTo(right).hasSameHashCodeAs(right);
        StringBuilder expected = new StringBuilder("(n");
        for (int d = 1; d < 3000; d++) {
            expected.append('\n').append("\t".repeat(d)).append("(n");
        }
        expected.append(')');
        for (int d = 2998; d >= 0; d--) {
            expected.append('\n').append("\t".repeat(d)).append(')');
        }
        expected.append('\n');
        for (IoStage stage : stages) {
            byte[] printed = stage.print(left);
            ByteAsserts.assertSameBytes(printed, expected.toString().getBytes(StandardCharsets.US_ASCII), "3000 deep");
            assertThat(failure(printed)).isEqualTo("deep:1001:1001: " + DEPTH_DETAIL);
        }
    }

    @Test
    void everyTruncationOfABuiltDocumentFails() {
        checkTruncations(sampleDocument(), "sample");
    }

    @Test
    void truncationsOfARealKicadFileFail() throws IOException {
        // The smallest library of at least 64 KiB: real content, and cheap to cut thousands of times.
        Path file = null;
        for (Path candidate : KicadFiles.find(KicadFiles.symbolDir(), ".kicad_sym")) {
            long size = Files.size(candidate);
            if (size >= 65536 && (file == null || size < Files.size(file))) {
                file = candidate;
            }
        }
        KicadFiles.require(file != null, "no symbol library of at least 64 KiB in " + KicadFiles.symbolDir());
        byte[] input = Files.readAllBytes(file);
        checkTruncations(input, file.toString());
    }

    @Test
    void randomCorruptionGivesParseErrorsOrEqualTreesAndTheSameAnswerFromEveryEngine() {
        byte[] base = sampleDocument();
        byte[] alphabet = {'(', ')', '"', '\\', 0, (byte) 0xFF, (byte) 0xC3, (byte) 0x80, (byte) 0xED, ' ', '\n', 'x'};
        Random random = new Random(20250114);
        int failures = 0;
        for (int round = 0; round < 3000; round++) {
            byte[] input = base.clone();
            int edits = 1 + random.nextInt(4);
            for (int e = 0; e < edits; e++) {
                input[random.nextInt(input.length)] = alphabet[random.nextInt(alphabet.length)];
            }
            String outcome = outcome(input, "corrupt" + round);
            if (outcome.startsWith("corrupt")) {
                failures++;
            }
        }
        // The alphabet is mostly structure-breaking bytes: most edits must be caught.
        assertThat(failures).isGreaterThan(2000);
    }

    @Test
    void aSingleBadByteIsReportedExactlyWhereItIs() {
        byte[] base = sampleDocument();
        Random random = new Random(7);
        for (int round = 0; round < 500; round++) {
            int at = random.nextInt(base.length);
            boolean nul = random.nextBoolean();
            byte[] input = base.clone();
            // Replace a whole character so no multi-byte sequence is left half.
            while (at > 0 && (input[at] & 0xC0) == 0x80) {
                at--;
            }
            int width = 1;
            while (at + width < input.length && (input[at + width] & 0xC0) == 0x80) {
                width++;
            }
            byte[] edited = new byte[input.length - width + 1];
            System.arraycopy(input, 0, edited, 0, at);
            edited[at] = nul ? 0 : (byte) 0xFF;
            System.arraycopy(input, at + width, edited, at + 1, input.length - at - width);
            String detail = nul ? "NUL byte in input; KiCad files are text, is this a binary file?"
                    : "invalid UTF-8 (byte 0xFF); KiCad files are UTF-8 encoded";
            assertThat(failure(edited)).isEqualTo("deep:" + lineColumn(edited, at) + ": " + detail);
        }
    }

    private void checkTruncations(byte[] input, String name) {
        int rootEnd = input.length;
        while (input[rootEnd - 1] != ')') {
            rootEnd--;
        }
        int step = Math.max(1, input.length / 3000);
        List<Integer> cuts = new ArrayList<>();
        for (int cut = 0; cut < Math.min(input.length, 4096); cut++) {
            cuts.add(cut);
        }
        for (int cut = 4096; cut < input.length; cut += step) {
            cuts.add(cut);
        }
        for (int cut = Math.max(0, rootEnd - 64); cut <= input.length; cut++) {
            cuts.add(cut);
        }
        for (int cut : cuts) {
            byte[] prefix = Arrays.copyOf(input, cut);
            if (cut >= rootEnd) {
                for (IoStage stage : stages) {
                    assertThat(stage.parse(prefix, name).size()).isEqualTo(new JavaIoStage().parse(input, name).size());
                }
                continue;
            }
            String message = failure(prefix, name);
            String detail = message.substring(message.indexOf(": ") + 2);
            assertThat(detail).as("cut at %d", cut).matches(cut == 0 || isBlank(prefix)
                    ? "expected '\\(' to start the root list, found end of input"
                    : "(" + ROOT_CLOSE_PATTERN + ")|(" + UNTERMINATED + ")|(" + INVALID_UTF8_PATTERN + ")");
        }
    }

    /** The message every engine raises for {@code input}; fails if any accepts it or disagrees. */
    private String failure(byte[] input) {
        return failure(input, "deep");
    }

    private String failure(byte[] input, String name) {
        String outcome = outcome(input, name);
        assertThat(outcome).as("outcome").startsWith(name + ":");
        return outcome;
    }

    /**
     * The error message, or {@code OK} plus the printed bytes. Anything thrown but a
     * {@link SexprParseException} fails the test, and so does any difference between engines.
     */
    private String outcome(byte[] input, String name) {
        List<String> outcomes = new ArrayList<>();
        for (IoStage stage : stages) {
            String outcome;
            try {
                SexprTree tree = stage.parse(input, name);
                byte[] printed = stage.print(tree);
                assertThat(stage.parse(printed, name)).isEqualTo(tree);
                outcome = "OK\n" + new String(printed, StandardCharsets.UTF_8);
            } catch (SexprParseException e) {
                outcome = e.getMessage();
            }
            outcomes.add(outcome);
        }
        assertThat(outcomes).as("every engine answers alike").containsOnly(outcomes.get(0));
        return outcomes.get(0);
    }

    private static boolean isBlank(byte[] prefix) {
        for (byte b : prefix) {
            if (b != ' ' && b != '\t' && b != '\r' && b != '\n') {
                return false;
            }
        }
        return true;
    }

    /** Independent of the engines: lines count LFs, columns count non-continuation bytes. */
    static String lineColumn(byte[] input, int offset) {
        int line = 1;
        int column = 1;
        for (int i = 0; i < offset; i++) {
            if (input[i] == '\n') {
                line++;
                column = 1;
            } else if ((input[i] & 0xC0) != 0x80) {
                column++;
            }
        }
        return line + ":" + column;
    }

    /** A small symbol-library-like document with strings, escapes, UTF-8 and XY runs. */
    static byte[] sampleDocument() {
        SexprBuilder b = new SexprBuilder().list("kicad_symbol_lib")
                .list("version").atom(20241209).end()
                .list("generator").string("kicad_symbol_editor").end();
        for (int s = 0; s < 6; s++) {
            b.list("symbol").string("R_" + s + " \"µΩ\" \\ line\nbreak")
                    .list("pin_names").list("offset").decimal(254 * s, 4).end().end()
                    .list("property").string("Value").string("R\t" + s).list("at").decimal(-12700 * s, 4).atom(0).atom(90).end().end()
                    .list("polyline").list("pts");
            for (int p = 0; p < 9; p++) {
                b.list("xy").decimal(127 * p, 2).decimal(-3810 + 10 * p, 3).end();
            }
            b.end().list("stroke").list("width").atom(0).end().list("type").symbol("default").end().end().end()
                    .list("members").symbol("a_very_long_member_name_number_" + s).symbol("another_member_with_a_long_name")
                    .symbol("and_a_third_one_to_pass_column_72").end()
                    .end();
        }
        return new JavaIoStage().print(b.end().build());
    }
}
