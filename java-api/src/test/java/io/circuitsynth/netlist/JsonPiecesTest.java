package io.circuitsynth.netlist;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * The small pieces behind circuit JSON, case for case as the Rust unit tests of
 * {@code json_scan}, {@code json_text} and {@code circuit_synth} check them.
 */
class JsonPiecesTest {

    @Test
    void integersInAnyNotation() {
        assertThat(JsonScanner.integerValue("1")).isEqualTo(1);
        assertThat(JsonScanner.integerValue("-0")).isEqualTo(0);
        assertThat(JsonScanner.integerValue("0.0e5")).isEqualTo(0);
        assertThat(JsonScanner.integerValue("1.0")).isEqualTo(1);
        assertThat(JsonScanner.integerValue("10e-1")).isEqualTo(1);
        assertThat(JsonScanner.integerValue("1.5e1")).isEqualTo(15);
        assertThat(JsonScanner.integerValue("1.5")).isEqualTo(Long.MIN_VALUE);
        assertThat(JsonScanner.integerValue("1e18")).isEqualTo(Long.MIN_VALUE);
        assertThat(JsonScanner.integerValue("123456789012345678")).isEqualTo(123_456_789_012_345_678L);
        assertThat(JsonScanner.integerValue("1e999999999999")).isEqualTo(Long.MIN_VALUE);
        assertThat(JsonScanner.integerValue("1e-999999999999")).isEqualTo(Long.MIN_VALUE);
        assertThat(JsonScanner.integerValue("-25")).isEqualTo(-25);
    }

    @Test
    void decoding() {
        String json = "{\"k\\u00e9\": \"a\\\"b\\\\c\\/\\ud83d\\ude00\"}";
        JsonTree tree = JsonScanner.scan(json.getBytes(StandardCharsets.UTF_8));
        assertThat(tree.string(1)).isEqualTo("k\u00e9");
        assertThat(tree.string(2)).isEqualTo("a\"b\\c/\uD83D\uDE00");
        assertThat(tree.next(0)).isEqualTo(3);
    }

    @Test
    void paths() {
        assertThat(JsonText.memberPath("$", "definitions")).isEqualTo("$.definitions");
        assertThat(JsonText.memberPath("$.pins", "1")).isEqualTo("$.pins[\"1\"]");
        assertThat(JsonText.memberPath("$", "_a9")).isEqualTo("$._a9");
        assertThat(JsonText.memberPath("$", "")).isEqualTo("$[\"\"]");
        assertThat(JsonText.memberPath("$", "a\"b")).isEqualTo("$[\"a\\\"b\"]");
        assertThat(JsonText.indexPath("$.nets", 3)).isEqualTo("$.nets[3]");
    }

    @Test
    void escapes() {
        assertThat(JsonText.quote("a\"\\\n\r\t\b\f\u0001\u007fé/"))
                .isEqualTo("\"a\\\"\\\\\\n\\r\\t\\b\\f\\u0001\u007fé/\"");
        assertThat(JsonText.plain("Main")).isEqualTo("Main");
        assertThat(JsonText.plain("a\"b\\c")).isEqualTo("a\"b\\c");
        assertThat(JsonText.plain("a\nb\u0001")).isEqualTo("a\\nb\\u0001");
    }

    @Test
    void autoNames() {
        assertThat(CircuitSynthJson.isAutoName("N$12")).isTrue();
        assertThat(CircuitSynthJson.isAutoName("N$")).isFalse();
        assertThat(CircuitSynthJson.isAutoName("N$1a")).isFalse();
        assertThat(CircuitSynthJson.isAutoName("NET1")).isFalse();
    }

    @Test
    void detection() {
        assertThat(detects("{\"name\": \"r\", \"components\": {}}")).isTrue();
        assertThat(detects("{\"format\": \"circuitsynth-circuit\", \"components\": {}}")).isFalse();
        assertThat(detects("{\"components\": {},}")).isFalse();
        assertThat(detects("[]")).isFalse();
    }

    private static boolean detects(String json) {
        return CircuitSynthJson.isCircuitSynth(json.getBytes(StandardCharsets.UTF_8));
    }
}
