package io.circuitsynth.natives;

import io.circuitsynth.symbols.LibrarySource;
import io.circuitsynth.symbols.SearchHit;
import io.circuitsynth.symbols.Symbol;
import io.circuitsynth.symbols.SymbolIndex;
import io.circuitsynth.symbols.SymbolRecords;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A native symbol index behind a handle ({@link NativeHandle}: calls share it, {@link #close()}
 * waits for them, a {@link java.lang.ref.Cleaner} releases an index never closed).
 */
final class NativeSymbolIndex implements SymbolIndex {
    private final NativeHandle handle;
    /** Graphics are read from the library the symbol came from, so symbols keep their source. */
    private final Map<String, LibrarySource> sources = new HashMap<>();

    NativeSymbolIndex(long handle, List<LibrarySource> libraries) {
        this.handle = new NativeHandle(this, handle, NativeBridge::symbolIndexClose, "symbol index",
                "symbolIndexOpen");
        for (LibrarySource s : libraries) {
            sources.putIfAbsent(s.nickname(), s);
        }
    }

    private long acquire() {
        return handle.acquire();
    }

    private void release() {
        handle.release();
    }

    /**
     * Runs a native call that takes this index's handle, holding the read lock, so the index
     * cannot be closed under it (the netlist stage's {@code writeNet}).
     */
    <T> T withHandle(java.util.function.LongFunction<T> call) {
        return handle.with(call);
    }

    @Override
    public Optional<Symbol> lookup(String lib, String name) {
        long h = acquire();
        byte[] record;
        try {
            record = NativeBridge.symbolLookup(h, lib, name);
        } finally {
            release();
        }
        if (record == null) {
            return Optional.empty();
        }
        LibrarySource source = sources.get(lib);
        if (source == null) {
            throw new NativeEngineException("symbolLookup answered for unknown library " + lib);
        }
        try {
            return Optional.of(SymbolRecords.decode(source, record));
        } catch (SymbolRecords.MalformedRecordException e) {
            throw new NativeEngineException("symbolLookup returned a malformed record for " + lib + ":" + name + ": "
                    + e.getMessage());
        }
    }

    /**
     * Answered on the Java side from the sources this index was opened with: the native index
     * serves the first source of each nickname unless it reported skipping it, in the warning
     * text both engines share.
     */
    @Override
    public Optional<Path> libraryFile(String nickname) {
        LibrarySource source = sources.get(nickname);
        if (source == null || source.inMemoryOrNull() != null) {
            return Optional.empty();
        }
        String skipped = "skipping library " + source.nickname() + " (" + source.path() + "): ";
        for (String warning : warnings()) {
            if (warning.startsWith(skipped)) {
                return Optional.empty();
            }
        }
        return Optional.of(source.path().toAbsolutePath());
    }

    @Override
    public List<String> suggestions(String lib, String name) {
        long h = acquire();
        try {
            return List.of(NativeBridge.symbolSuggestions(h, lib, name));
        } finally {
            release();
        }
    }

    @Override
    public List<SearchHit> search(String query, int limit) {
        long h = acquire();
        byte[] encoded;
        try {
            encoded = NativeBridge.symbolSearch(h, query, limit);
        } finally {
            release();
        }
        return decodeHits(encoded);
    }

    static List<SearchHit> decodeHits(byte[] encoded) {
        try {
            ByteBuffer in = ByteBuffer.wrap(encoded).order(ByteOrder.LITTLE_ENDIAN);
            int count = in.getInt();
            if (count < 0 || count > encoded.length / 12) {
                throw new NativeEngineException("symbolSearch returned " + Integer.toUnsignedString(count) + " hits in "
                        + encoded.length + " bytes");
            }
            List<SearchHit> hits = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                String lib = str(in);
                String name = str(in);
                hits.add(new SearchHit(lib, name, in.getInt()));
            }
            if (in.hasRemaining()) {
                throw new NativeEngineException("symbolSearch returned " + in.remaining() + " extra bytes");
            }
            return hits;
        } catch (RuntimeException e) {
            if (e instanceof NativeEngineException) {
                throw e;
            }
            throw new NativeEngineException("symbolSearch returned malformed hits: " + e);
        }
    }

    private static String str(ByteBuffer in) {
        int len = in.getInt();
        if (len < 0 || len > in.remaining()) {
            throw new NativeEngineException("string length " + Integer.toUnsignedString(len) + " out of range");
        }
        String s = new String(in.array(), in.position(), len, StandardCharsets.UTF_8);
        in.position(in.position() + len);
        return s;
    }

    @Override
    public Stats stats() {
        long h = acquire();
        long[] s;
        try {
            s = NativeBridge.symbolIndexStats(h);
        } finally {
            release();
        }
        if (s == null || s.length != 4) {
            throw new NativeEngineException("symbolIndexStats returned " + (s == null ? "null" : s.length + " values"));
        }
        return new Stats(s[0], s[1], s[2], s[3]);
    }

    @Override
    public List<String> warnings() {
        long h = acquire();
        try {
            return List.of(NativeBridge.symbolIndexWarnings(h));
        } finally {
            release();
        }
    }

    @Override
    public byte[] dumpLibrary(String lib) {
        long h = acquire();
        try {
            return NativeBridge.symbolDumpLibrary(h, lib);
        } finally {
            release();
        }
    }

    @Override
    public void close() {
        handle.close();
    }
}
