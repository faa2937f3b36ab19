package io.circuitsynth.natives;

import io.circuitsynth.symbols.LibrarySource;
import io.circuitsynth.symbols.SymbolIndex;
import io.circuitsynth.symbols.SymbolStage;
import java.nio.file.Path;
import java.util.List;

/**
 * The {@link SymbolStage} of the native engine: the whole index (reading, resolving, the persistent
 * cache, search) lives in Rust behind one handle; symbols cross as binary records. Constructed by
 * the loader only after the library loaded and passed its handshake.
 */
public final class NativeSymbolStage implements SymbolStage {
    NativeSymbolStage() {}

    @Override
    public SymbolIndex open(List<LibrarySource> libraries, Path cacheDirOrNull) {
        int n = libraries.size();
        String[] nicknames = new String[n];
        String[] paths = new String[n];
        byte[][] inMemory = new byte[n][];
        for (int i = 0; i < n; i++) {
            LibrarySource s = libraries.get(i);
            nicknames[i] = s.nickname();
            paths[i] = s.path().toString();
            inMemory[i] = s.inMemoryOrNull();
        }
        long handle = NativeBridge.symbolIndexOpen(nicknames, paths, inMemory,
                cacheDirOrNull == null ? null : cacheDirOrNull.toString());
        return new NativeSymbolIndex(handle, libraries);
    }
}
