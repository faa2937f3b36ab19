package io.circuitsynth.symbols;

import java.nio.file.Path;
import java.util.Objects;

/**
 * A symbol library to index: its nickname (the {@code LIB} of {@code LIB:NAME}) and its file, or
 * its bytes when it lives in memory (a library shipped in a jar, a test fixture). In-memory
 * libraries are never written to the persistent cache; {@code path} then only names them in
 * messages.
 *
 * @param nickname the library nickname, such as {@code Device}
 * @param path the {@code .kicad_sym} file
 * @param inMemoryOrNull the library's bytes, or null to read {@code path}
 */
public record LibrarySource(String nickname, Path path, byte[] inMemoryOrNull) {
    public LibrarySource {
        Objects.requireNonNull(nickname, "nickname");
        Objects.requireNonNull(path, "path");
    }

    /** A library read from {@code path}. */
    public static LibrarySource of(String nickname, Path path) {
        return new LibrarySource(nickname, path, null);
    }

    /** A library file named after its file: {@code Device.kicad_sym} is {@code Device}. */
    public static LibrarySource of(Path path) {
        String file = path.getFileName().toString();
        String nick = file.endsWith(".kicad_sym") ? file.substring(0, file.length() - ".kicad_sym".length()) : file;
        return new LibrarySource(nick, path, null);
    }

    /** A library held in memory; {@code name} stands for its path in messages. */
    public static LibrarySource inMemory(String nickname, String name, byte[] bytes) {
        return new LibrarySource(nickname, Path.of(name), bytes.clone());
    }

    @Override
    public String toString() {
        return nickname + " (" + path + (inMemoryOrNull != null ? ", in memory" : "") + ")";
    }
}
