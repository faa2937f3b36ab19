package io.circuitsynth.netlist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.circuitsynth.io.JavaIoStage;
import io.circuitsynth.io.SexprParseException;
import io.circuitsynth.io.SexprTree;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/**
 * Random and mutated {@code .net} inputs: the reader never fails other than with a
 * {@link NetlistException}; a parse error is the io stage's own, passed through; any other error is
 * one positioned line; and whatever it accepts is a design whose nets, ports and bindings hold
 * together. The Rust twin is {@code net_read_properties.rs}.
 */
class NetReaderPropertiesTest {
    private static final Pattern POSITIONED = Pattern.compile("(\\d+):(\\d+): (.+)");
    private static final List<byte[]> BASES = bases();

    private static List<byte[]> bases() {
        Path dir = NetReaderKicadTest.netlistVectors();
        try {
            return List.of(Files.readAllBytes(dir.resolve("read_hierarchy.in.net")),
                    Files.readAllBytes(dir.resolve("kicad/ecc83-pp.net")), SyntheticNet.net(12));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Checks one input against the reader's promises. */
    private static void check(byte[] input) {
        String ioError = null;
        try {
            new JavaIoStage().parse(input, "property");
        } catch (SexprParseException e) {
            ioError = e.line() + ":" + e.column() + ": " + e.detail();
        }
        Design design = null;
        String message = null;
        try {
            design = NetReader.read(input);
        } catch (NetlistException e) {
            message = e.getMessage();
        }
        if (ioError != null) {
            assertThat(message).as("the io stage's error, passed through").isEqualTo(ioError);
        } else if (message != null) {
            assertThat(message).as("one line").doesNotContain("\n", "\r");
            Matcher m = POSITIONED.matcher(message);
            assertThat(m.matches()).as("positioned: %s", message).isTrue();
            int lines = 1;
            for (byte b : input) {
                lines += b == '\n' ? 1 : 0;
            }
            assertThat(Integer.parseInt(m.group(1))).as(message).isBetween(1, lines);
            assertThat(Integer.parseInt(m.group(2))).as(message).isPositive();
        } else {
            Design accepted = design;
            assertThatCode(() -> NetConnectivity.ofDesign(accepted)).as("an accepted design holds together")
                    .doesNotThrowAnyException();
        }
    }

    /** The Rust twin's generator, so a seed means the same edits in both engines. */
    private static final class Rng {
        private long state;

        Rng(long seed) {
            state = seed;
        }

        int below(int bound) {
            state = state * 6364136223846793005L + 1442695040888963407L;
            return (int) Long.remainderUnsigned(state >>> 33, Math.max(bound, 1));
        }
    }

    private static final String[] TOKENS = {
        "(", ")", "\"", " ", "\n", "~", "\\x", "\\xC3", "\\n", "(comp", "(ref \"R1\")", "(ref)",
        "(ref (x))", "(pin \"1\")", "(pin \"\")", "(node (ref \"R1\") (pin \"1\"))",
        "(node (ref \"J1\") (pin \"2\") (pintype \"passive+no_connect\"))", "(net (name \"X\"))",
        "(net (name \"GND\") (node (ref \"R2\") (pin \"1\")))", "(libpart", "(lib \"Device\")",
        "(part \"R\")", "(version \"D\")", "(version)", "(value (x))", "(sheetpath (names \"/z/\"))",
        "(sheetpath (names \"/a/q/\"))", "(tstamps \"u\" (x))", "(fields (field (name \"F\") \"v\"))",
        "(property (name \"dnp\"))", "(components", "(nets", "(design (sheet (name \"/s/\")))",
    };

    private static byte[] splice(byte[] in, int from, int to, byte[] piece) {
        byte[] out = new byte[in.length - (to - from) + piece.length];
        System.arraycopy(in, 0, out, 0, from);
        System.arraycopy(piece, 0, out, from, piece.length);
        System.arraycopy(in, to, out, from + piece.length, in.length - to);
        return out;
    }

    /** One to four random byte edits: delete, insert a token, duplicate or truncate. */
    static byte[] mutateBytes(byte[] base, long seed) {
        Rng rng = new Rng(seed);
        byte[] out = base.clone();
        for (int edits = 1 + rng.below(4); edits > 0; edits--) {
            int at = rng.below(out.length + 1);
            switch (rng.below(4)) {
                case 0: {
                    int end = Math.min(at + 1 + rng.below(40), out.length);
                    out = splice(out, Math.min(at, end), end, new byte[0]);
                    break;
                }
                case 1:
                    out = splice(out, at, at, TOKENS[rng.below(TOKENS.length)].getBytes(StandardCharsets.UTF_8));
                    break;
                case 2: {
                    int end = Math.min(at + 1 + rng.below(200), out.length);
                    out = splice(out, at, at, Arrays.copyOfRange(out, Math.min(at, end), end));
                    break;
                }
                default:
                    out = Arrays.copyOf(out, at);
            }
        }
        return out;
    }

    /** One to four edits of whole lists: delete one, copy one elsewhere, or swap in a token. */
    static byte[] mutateLists(byte[] base, long seed) {
        Rng rng = new Rng(seed);
        byte[] out = base.clone();
        for (int edits = 1 + rng.below(4); edits > 0; edits--) {
            SexprTree tree;
            try {
                tree = new JavaIoStage().parse(out, "mutated");
            } catch (SexprParseException e) {
                break;
            }
            List<int[]> lists = new ArrayList<>();
            for (int n = 1; n < tree.size(); n++) {
                if (tree.isList(n)) {
                    lists.add(new int[] {tree.start(n), tree.end(n)});
                }
            }
            if (lists.isEmpty()) {
                break;
            }
            int[] span = lists.get(rng.below(lists.size()));
            int target = lists.get(rng.below(lists.size()))[0];
            byte[] piece = Arrays.copyOfRange(out, span[0], span[1]);
            switch (rng.below(3)) {
                case 0:
                    out = splice(out, span[0], span[1], new byte[0]);
                    break;
                case 1:
                    out = splice(out, target, target, piece);
                    break;
                default:
                    out = splice(out, span[0], span[1],
                            TOKENS[9 + rng.below(TOKENS.length - 9)].getBytes(StandardCharsets.UTF_8));
            }
        }
        return out;
    }

    @Property(tries = 400)
    void arbitraryBytes(@ForAll @Size(max = 400) byte[] bytes) {
        check(bytes);
    }

    @Property(tries = 400)
    void byteMutations(@ForAll @IntRange(max = 2) int base, @ForAll long seed) {
        check(mutateBytes(BASES.get(base), seed));
    }

    @Property(tries = 400)
    void listMutations(@ForAll @IntRange(max = 2) int base, @ForAll long seed) {
        check(mutateLists(BASES.get(base), seed));
    }

    @Property(tries = 400)
    void truncationsAreTheIoStageErrors(@ForAll @IntRange(max = 2) int base, @ForAll @IntRange(max = 1 << 20) int cut) {
        // Cutting only the trailing line break leaves the whole file: cut before it.
        byte[] whole = BASES.get(base);
        int length = whole.length;
        while (length > 0 && (whole[length - 1] == '\n' || whole[length - 1] == '\r' || whole[length - 1] == ' '
                || whole[length - 1] == '\t')) {
            length--;
        }
        byte[] input = Arrays.copyOf(whole, cut % length);
        NetlistException e = catchThrowableOfType(NetlistException.class, () -> NetReader.read(input));
        assertThat(e).as("a strict prefix never reads").isNotNull();
        assertThat(e.getMessage()).containsAnyOf(": expected ')' to close the list opened at ", ": unterminated string;",
                ": expected '(' to start the root list, found end of input");
        check(input);
    }
}
