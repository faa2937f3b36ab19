package io.circuitsynth.symbols;

import io.circuitsynth.io.internal.Xxh64;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * One library's persistent cache file, {@code CACHE/symbols/v1/XXH64(path).symidx}, in the
 * specification's format. Reading proves everything it serves: header, payload hash, offsets and
 * every record are checked, and any fault means "rebuild", never partial data.
 */
final class SymbolCacheFile {
    static final byte[] MAGIC = "CSYMIDX1".getBytes(StandardCharsets.US_ASCII);
    static final int VERSION = 1;
    static final int HEADER = 32;

    /** A cache file's content, proven well-formed. */
    record Cached(String libraryPath, long size, long mtime, long hash, LibraryData data) {}

    /** Thrown for a structural fault; the message is the specification's REASON. */
    static final class Unusable extends Exception {
        private static final long serialVersionUID = 1L;

        Unusable(String reason) {
            super(reason, null, false, false);
        }
    }

    private SymbolCacheFile() {}

    static Path fileFor(Path cacheRoot, String absolutePath) {
        long h = Xxh64.hash(absolutePath.getBytes(StandardCharsets.UTF_8));
        return cacheRoot.resolve("symbols").resolve("v1").resolve(String.format("%016x.symidx", h));
    }

    /**
     * The cache file's content, or null when there is none or it is unusable ({@code warn} is told
     * the specification's text then).
     */
    static Cached read(Path file, LibrarySource source, Consumer<String> warn) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            return null;
        } catch (IOException e) {
            warn.accept("symbol cache " + file + " is unusable (cannot read: " + e.getMessage() + "); rebuilding it");
            return null;
        }
        try {
            return parse(bytes, source);
        } catch (Unusable e) {
            warn.accept("symbol cache " + file + " is unusable (" + e.getMessage() + "); rebuilding it");
            return null;
        }
    }

    static Cached parse(byte[] bytes, LibrarySource source) throws Unusable {
        if (bytes.length < HEADER) {
            throw new Unusable("short file");
        }
        for (int i = 0; i < MAGIC.length; i++) {
            if (bytes[i] != MAGIC[i]) {
                throw new Unusable("wrong magic");
            }
        }
        SymbolRecords.In header = new SymbolRecords.In(bytes, 8, HEADER);
        int version = header.i32();
        if (version != VERSION) {
            throw new Unusable("unsupported version " + Integer.toUnsignedString(version));
        }
        if (header.i32() != 0) {
            throw new Unusable("reserved header field is not 0");
        }
        long payloadLength = header.i64();
        long payloadHash = header.i64();
        if (payloadLength < 0 || payloadLength > bytes.length - HEADER) {
            throw new Unusable("short file");
        }
        if (payloadLength != bytes.length - HEADER) {
            throw new Unusable("trailing bytes after the payload");
        }
        if (Xxh64.hash(bytes, HEADER, (int) payloadLength, 0) != payloadHash) {
            throw new Unusable("payload hash mismatch");
        }
        try {
            SymbolRecords.In in = new SymbolRecords.In(bytes, HEADER, bytes.length);
            String path = in.str();
            long size = in.i64();
            long mtime = in.i64();
            long hash = in.i64();
            int count = in.count();
            if (count > (bytes.length - in.pos) / 12) {
                throw new Unusable("offsets out of range");
            }
            String[] names = new String[count];
            long[] offsets = new long[count];
            for (int i = 0; i < count; i++) {
                names[i] = in.str();
                offsets[i] = in.i64();
            }
            int base = in.pos;
            long recordsLength = bytes.length - base;
            int[] bounds = new int[count + 1];
            for (int i = 0; i < count; i++) {
                long previous = i == 0 ? 0 : offsets[i - 1];
                if (offsets[i] < previous || offsets[i] > recordsLength || (i == 0 && offsets[0] != 0)) {
                    throw new Unusable("offsets out of range");
                }
                bounds[i] = (int) offsets[i];
            }
            bounds[count] = (int) recordsLength;
            if (count == 0 && recordsLength != 0) {
                throw new Unusable("offsets out of range");
            }
            int derived = 0;
            for (int i = 0; i < count; i++) {
                Symbol s;
                try {
                    s = SymbolRecords.decode(source, bytes, base + bounds[i], base + bounds[i + 1]);
                } catch (SymbolRecords.MalformedRecordException | IllegalArgumentException | NullPointerException e) {
                    throw new Unusable("record " + i + " does not decode: " + e.getMessage());
                }
                if (!s.name().equals(names[i])) {
                    throw new Unusable("record " + i + " does not decode: named " + s.name() + ", indexed as "
                            + names[i]);
                }
                if (s.isDerived()) {
                    derived++;
                }
            }
            return new Cached(path, size, mtime, hash, new LibraryData(source, bytes, base, bounds, names, derived));
        } catch (SymbolRecords.MalformedRecordException e) {
            throw new Unusable("payload ends early");
        }
    }

    static byte[] encode(String absolutePath, long size, long mtime, long hash, LibraryData data) {
        int count = data.size();
        SymbolRecords.Out out = new SymbolRecords.Out(HEADER + (int) data.recordBytes() + count * 48 + 256);
        out.bytes(MAGIC, 0, MAGIC.length);
        out.i32(VERSION);
        out.i32(0);
        out.i64(0);
        out.i64(0);
        out.str(absolutePath);
        out.i64(size);
        out.i64(mtime);
        out.i64(hash);
        out.i32(count);
        for (int i = 0; i < count; i++) {
            out.str(data.names[i]);
            out.i64(data.offsets[i]);
        }
        out.bytes(data.buf, data.base, (int) data.recordBytes());
        long payloadLength = out.size() - HEADER;
        out.setI64(16, payloadLength);
        out.setI64(24, Xxh64.hash(out.array(), HEADER, (int) payloadLength, 0));
        return out.toByteArray();
    }
}
