package io.circuitsynth.symbols;

import io.circuitsynth.io.internal.Xxh64;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * One library's persistent cache file, {@code CACHE/symbols/v1/XXH64(path).symidx}, in the
 * specification's format. Parsing proves everything it serves: header, payload hash, name table
 * and every record are checked, and any fault means "rebuild", never partial data. The checks and
 * their texts ({@code REASON}) are the Rust engine's {@code cache.rs}, so a file either engine wrote
 * is judged alike by both.
 */
final class SymbolCacheFile {
    static final byte[] MAGIC = "CSYMIDX1".getBytes(StandardCharsets.US_ASCII);
    static final int VERSION = 1;
    static final int HEADER = 32;

    /** A structurally sound cache file; {@code mtimeAt} locates the stamp's mtime for a restamp. */
    record Parsed(String libraryPath, long size, long mtime, long hash, int mtimeAt, LibraryData data) {}

    /** A structural fault; the message is the specification's REASON. */
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

    static Parsed parse(byte[] file, LibrarySource source) throws Unusable {
        if (file.length < HEADER) {
            throw new Unusable("too short");
        }
        for (int i = 0; i < MAGIC.length; i++) {
            if (file[i] != MAGIC[i]) {
                throw new Unusable("wrong magic");
            }
        }
        Cursor header = new Cursor(file, 8);
        long version = header.u32();
        if (version != VERSION) {
            throw new Unusable("format version " + version);
        }
        if (header.u32() != 0) {
            throw new Unusable("reserved field is not 0");
        }
        if (header.u64() != file.length - HEADER) {
            throw new Unusable("payload length mismatch");
        }
        if (header.u64() != Xxh64.hash(file, HEADER, file.length - HEADER, 0)) {
            throw new Unusable("payload hash mismatch");
        }
        Cursor c = new Cursor(file, HEADER);
        String path = c.str();
        long size = c.u64();
        int mtimeAt = c.at;
        long mtime = c.u64();
        long hash = c.u64();
        long count = c.u32();
        if (count * 12 > file.length - c.at) {
            throw new Unusable("bad payload: the symbol count exceeds the file");
        }
        int n = (int) count;
        String[] names = new String[n];
        long[] offsets = new long[n];
        for (int i = 0; i < n; i++) {
            names[i] = c.str();
            offsets[i] = c.u64();
        }
        int base = c.at;
        int recordsLength = file.length - base;
        int[] starts = new int[n];
        int[] ends = new int[n];
        int derived = 0;
        for (int i = 0; i < n; i++) {
            long offset = offsets[i];
            if (offset < 0 || offset >= recordsLength) {
                throw new Unusable("symbol " + names[i] + ": record offset out of range");
            }
            int start = base + (int) offset;
            int length;
            try {
                length = SymbolRecords.validatePrefix(file, start, file.length);
            } catch (SymbolRecords.MalformedRecordException e) {
                throw new Unusable("symbol " + names[i] + ": " + e.getMessage());
            }
            String recordName = SymbolRecords.name(file, start, start + length);
            if (!recordName.equals(names[i])) {
                throw new Unusable("symbol " + names[i] + ": the record is named " + recordName);
            }
            if (SymbolRecords.isDerived(file, start)) {
                derived++;
            }
            starts[i] = (int) offset;
            ends[i] = (int) offset + length;
        }
        return new Parsed(path, size, mtime, hash, mtimeAt,
                new LibraryData(source, file, base, starts, ends, names, derived));
    }

    static byte[] encode(String absolutePath, long size, long mtime, long hash, LibraryData data) {
        int count = data.size();
        SymbolRecords.Out out = new SymbolRecords.Out(HEADER + data.recordsLength() + count * 48 + 256);
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
            out.i64(data.starts[i]);
        }
        out.bytes(data.buf, data.base, data.recordsLength());
        byte[] file = out.toByteArray();
        seal(file);
        return file;
    }

    /** The same file with a new mtime in its stamp (the library was touched, not changed). */
    static byte[] restamp(byte[] file, int mtimeAt, long mtime) {
        byte[] copy = file.clone();
        for (int i = 0; i < 8; i++) {
            copy[mtimeAt + i] = (byte) (mtime >>> (8 * i));
        }
        seal(copy);
        return copy;
    }

    private static void seal(byte[] file) {
        long payload = file.length - HEADER;
        long hash = Xxh64.hash(file, HEADER, (int) payload, 0);
        for (int i = 0; i < 8; i++) {
            file[16 + i] = (byte) (payload >>> (8 * i));
            file[24 + i] = (byte) (hash >>> (8 * i));
        }
    }

    /** Reads the payload; running off its end is {@code bad payload: ends early}. */
    private static final class Cursor {
        final byte[] b;
        int at;

        Cursor(byte[] b, int at) {
            this.b = b;
            this.at = at;
        }

        private void need(long n) throws Unusable {
            if (n > b.length - at) {
                throw new Unusable("bad payload: ends early");
            }
        }

        long u32() throws Unusable {
            need(4);
            long v = (b[at] & 0xFFL) | (b[at + 1] & 0xFFL) << 8 | (b[at + 2] & 0xFFL) << 16 | (b[at + 3] & 0xFFL) << 24;
            at += 4;
            return v;
        }

        long u64() throws Unusable {
            long lo = u32();
            return lo | u32() << 32;
        }

        String str() throws Unusable {
            long len = u32();
            need(len);
            int start = at;
            at += (int) len;
            if (!Utf8Check.valid(b, start, at)) {
                throw new Unusable("bad payload: a text is not UTF-8");
            }
            return new String(b, start, (int) len, StandardCharsets.UTF_8);
        }
    }
}
