package io.circuitsynth.symbols;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * The generic symbol libraries shipped inside the jar, so that {@code Device:R}, {@code power:GND}
 * and friends resolve on a machine without KiCad.
 *
 * <p>Policy: they serve only when {@link SymbolLibraryDiscovery} finds no KiCad library at all
 * ({@link SymbolLibraryDiscovery.Result#useBuiltin()}). Mixing them with an installed KiCad would
 * let a circuit silently pick our drawing of {@code Device:R} on one machine and KiCad's on
 * another; with KiCad present, KiCad's libraries win entirely.
 *
 * <p>Nicknames and symbol names are KiCad's, and pin numbers and electrical types follow KiCad's
 * conventions (diodes K = 1, A = 2; {@code Q_NPN_BCE} B = 1, C = 2, E = 3; {@code Q_NMOS_GDS}
 * G = 1, D = 2, S = 3), so a netlist made with them matches one made with KiCad's libraries. The
 * drawings are this project's own. The transistors appear both in {@code Device} (KiCad 6) and in
 * {@code Transistor_BJT}/{@code Transistor_FET} (KiCad 7 and later).
 *
 * <pre>{@code
 * for (BuiltinLibraries.Library lib : BuiltinLibraries.sources()) {
 *     lib.nickname();   // "Device"
 *     lib.path();       // "builtin:/Device.kicad_sym", used in messages and cache keys
 *     lib.content();    // the .kicad_sym bytes, KiCad 9 format
 * }
 * }</pre>
 */
public final class BuiltinLibraries {
    /** Every built-in library, in the order {@link #sources()} returns them. */
    public static final List<String> NICKNAMES = List.of("Amplifier_Operational", "Connector", "Connector_Generic",
            "Device", "Switch", "Transistor_BJT", "Transistor_FET", "power");

    /** Prefix of the label paths; not a file system path, so no cache or file lookup mistakes it for one. */
    public static final String PATH_PREFIX = "builtin:/";

    private static final String RESOURCE_DIR = "builtin/";

    /**
     * One built-in library held in memory.
     *
     * @param nickname the library nickname, as in {@code Device:R}
     * @param path the label {@code builtin:/NICKNAME.kicad_sym}
     * @param content the file bytes (a copy is returned on every call)
     */
    public record Library(String nickname, String path, byte[] content) {
        public Library {
            Objects.requireNonNull(nickname, "nickname");
            Objects.requireNonNull(path, "path");
            content = content.clone();
        }

        @Override
        public byte[] content() {
            return content.clone();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Library other && nickname.equals(other.nickname) && path.equals(other.path)
                    && Arrays.equals(content, other.content);
        }

        @Override
        public int hashCode() {
            return Objects.hash(nickname, path, Arrays.hashCode(content));
        }

        @Override
        public String toString() {
            return "Library[" + nickname + ", " + path + ", " + content.length + " bytes]";
        }
    }

    private BuiltinLibraries() {}

    /** Every built-in library, read from the jar. */
    public static List<Library> sources() {
        List<Library> result = new ArrayList<>(NICKNAMES.size());
        for (String nickname : NICKNAMES) {
            String file = nickname + ".kicad_sym";
            try (InputStream in = BuiltinLibraries.class.getResourceAsStream(RESOURCE_DIR + file)) {
                if (in == null) {
                    throw new IllegalStateException("built-in symbol library " + file + " is missing from the jar "
                            + "(resource io/circuitsynth/symbols/" + RESOURCE_DIR + file + "); the jar is damaged");
                }
                result.add(new Library(nickname, PATH_PREFIX + file, in.readAllBytes()));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read built-in symbol library " + file, e);
            }
        }
        return List.copyOf(result);
    }
}
