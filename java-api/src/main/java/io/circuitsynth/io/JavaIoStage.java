package io.circuitsynth.io;

import io.circuitsynth.io.internal.Xxh64;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * The pure-Java {@link IoStage}, available on every platform. Gives the same bytes, node tables
 * and error messages as the native engine.
 *
 * <pre>{@code
 * IoStage io = new JavaIoStage();
 * byte[] pretty = io.format("(kicad_sch (version 20250114) (uuid \"a\"))".getBytes(UTF_8), "demo");
 * // (kicad_sch
 * // 	(version 20250114)
 * // 	(uuid "a")
 * // )
 * boolean written = io.writeIfChanged(Path.of("demo.kicad_sch"), pretty);
 * }</pre>
 */
public final class JavaIoStage implements IoStage {
    /**
     * Hashing streams files through one buffer per worker. Memory maps would save a copy, but a
     * mapped file stays locked on Windows until the GC unmaps it, which breaks a later write.
     */
    private static final int HASH_BUFFER = 1 << 20;

    public JavaIoStage() {}

    @Override
    public SexprTree parse(byte[] input, String sourceName) {
        return SexprParser.parse(input, sourceName);
    }

    /**
     * A node table a caller reuses across {@link #parse(byte[], String, ParseScratch)} calls, so reading
     * many large files costs one table per thread instead of one (regrown) table per file. Not
     * thread-safe: one per thread.
     */
    public static final class ParseScratch {
        final SexprParser.Table table = new SexprParser.Table(0);
    }

    /**
     * {@link #parse(byte[], String)} into {@code scratch}'s node table. The tree shares that table:
     * it is valid only until {@code scratch} is used again, so read what you need from it first.
     *
     * @throws SexprParseException for malformed input
     */
    public SexprTree parse(byte[] input, String sourceName, ParseScratch scratch) {
        SexprParser.Table table = scratch.table;
        // Four ints per node and about one node per seven bytes in KiCad files.
        int wanted = (int) Math.min(Integer.MAX_VALUE - 8, ((long) input.length * 5 / 8 + 64) & ~3L);
        if (table.nodes.length < wanted) {
            table.nodes = new int[wanted];
        }
        SexprParser.parse(input, input.length, sourceName, table);
        return SexprTree.trusted(input, table.nodes, table.count);
    }

    @Override
    public byte[] print(SexprTree tree) {
        return SexprPrinter.print(tree);
    }

    @Override
    public byte[] format(byte[] input, String sourceName) {
        return SexprPrinter.print(SexprParser.parse(input, sourceName));
    }

    @Override
    public long parseFiles(List<Path> files) throws IOException {
        long[] counts = new long[files.size()];
        // Each worker reuses one input buffer and one node table: a library of hundreds of
        // megabytes then costs a few buffers instead of a gigabyte of short-lived garbage.
        Queue<Scratch> spare = new ConcurrentLinkedQueue<>();
        ParallelFiles.forEach(files, i -> {
            Scratch scratch = spare.poll();
            if (scratch == null) {
                scratch = new Scratch();
            }
            try {
                Path file = files.get(i);
                int len = FileAccess.readInto(file, scratch.input);
                byte[] input = scratch.input[0];
                if (scratch.table.nodes.length < len >>> 1) {
                    scratch.table.nodes = new int[(len >>> 1) & ~3];
                }
                SexprParser.parse(input, len, file.toString(), scratch.table);
                counts[i] = scratch.table.count;
            } finally {
                spare.add(scratch);
            }
        });
        long total = 0;
        for (long c : counts) {
            total += c;
        }
        return total;
    }

    @Override
    public List<ContentHash> hash(List<Path> files) throws IOException {
        long[] sizes = new long[files.size()];
        long[] hashes = new long[files.size()];
        Queue<byte[]> spare = new ConcurrentLinkedQueue<>();
        ParallelFiles.forEach(files, i -> {
            byte[] buffer = spare.poll();
            if (buffer == null) {
                buffer = new byte[HASH_BUFFER];
            }
            Path file = files.get(i);
            try (FileChannel ch = FileAccess.open(file)) {
                sizes[i] = ch.size();
                hashes[i] = Xxh64.hash(ch, buffer);
            } catch (IOException e) {
                throw FileAccess.mapped("read", file, e);
            } finally {
                spare.add(buffer);
            }
        });
        List<ContentHash> result = new ArrayList<>(files.size());
        for (int i = 0; i < sizes.length; i++) {
            result.add(new ContentHash(files.get(i), sizes[i], hashes[i]));
        }
        return result;
    }

    private static final class Scratch {
        final byte[][] input = {new byte[0]};
        final SexprParser.Table table = new SexprParser.Table(0);
    }

    @Override
    public boolean writeIfChanged(Path path, byte[] bytes) throws IOException {
        return FileAccess.writeIfChanged(path, bytes);
    }
}
