package io.circuitsynth.symbols;

import io.circuitsynth.io.JavaIoStage;
import io.circuitsynth.io.internal.Xxh64;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.List;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The pure-Java {@link SymbolStage}: reads libraries in parallel (answers stay in library order),
 * resolves {@code extends}, and keeps each library's records in a persistent cache file that is
 * reused while the library's size and modification time (or, failing those, its content hash)
 * still match. Skipped libraries and unusable cache files become the index's warnings (and WARN
 * log lines); everything else is served.
 *
 * <pre>{@code
 * try (SymbolIndex index = new JavaSymbolStage().open(
 *         List.of(LibrarySource.of(Path.of("/usr/share/kicad/symbols/Device.kicad_sym"))), null)) {
 *     Symbol r = index.lookup("Device", "R").orElseThrow();
 * }
 * }</pre>
 */
public final class JavaSymbolStage implements SymbolStage {
    private static final Logger LOG = LoggerFactory.getLogger(JavaSymbolStage.class);

    public JavaSymbolStage() {}

    @Override
    public SymbolIndex open(List<LibrarySource> libraries, Path cacheDirOrNull) {
        int n = libraries.size();
        // When two sources share a nickname the first wins; the others are not even read.
        Map<String, Integer> firstWith = new HashMap<>();
        int[] duplicateOf = new int[n];
        for (int i = 0; i < n; i++) {
            Integer first = firstWith.putIfAbsent(libraries.get(i).nickname(), i);
            duplicateOf[i] = first == null ? -1 : first;
        }
        Loaded[] loaded = new Loaded[n];
        Integer[] order = largestFirst(libraries);
        // One node table per worker, reused library after library: hundreds of megabytes of
        // libraries then cost a few tables instead of one freshly zeroed table per file.
        Queue<JavaIoStage.ParseScratch> spare = new ConcurrentLinkedQueue<>();
        forEachInParallel(n, k -> {
            int i = order[k];
            LibrarySource source = libraries.get(i);
            if (duplicateOf[i] >= 0) {
                loaded[i] = new Loaded(null, List.of(prefix(source) + "the nickname is already used by "
                        + libraries.get(duplicateOf[i]).path()));
                return;
            }
            JavaIoStage.ParseScratch scratch = spare.poll();
            if (scratch == null) {
                scratch = new JavaIoStage.ParseScratch();
            }
            try {
                loaded[i] = load(source, cacheDirOrNull, scratch);
            } finally {
                spare.add(scratch);
            }
        });
        List<LibraryData> served = new ArrayList<>(n);
        List<String> warnings = new ArrayList<>();
        for (Loaded l : loaded) {
            warnings.addAll(l.warnings());
            if (l.data() != null) {
                served.add(l.data());
            }
        }
        for (String w : warnings) {
            LOG.warn("{}", w);
        }
        return new JavaSymbolIndex(served, warnings);
    }

    /** Big libraries first, so no worker is left with one large file at the end; answers keep library order. */
    private static Integer[] largestFirst(List<LibrarySource> libraries) {
        int n = libraries.size();
        long[] sizes = new long[n];
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
            LibrarySource s = libraries.get(i);
            try {
                sizes[i] = s.inMemoryOrNull() != null ? s.inMemoryOrNull().length : Files.size(s.path());
            } catch (IOException | RuntimeException e) {
                sizes[i] = 0;
            }
        }
        java.util.Arrays.sort(order, (a, b) -> Long.compare(sizes[b], sizes[a]));
        return order;
    }

    /** One library's outcome: its data (null when skipped) and the warnings it caused, in order. */
    private record Loaded(LibraryData data, List<String> warnings) {}

    private Loaded load(LibrarySource source, Path cacheRoot, JavaIoStage.ParseScratch scratch) {
        List<String> warnings = new ArrayList<>(1);
        if (source.inMemoryOrNull() != null) {
            return build(source, source.inMemoryOrNull(), warnings, scratch);
        }
        Path path = source.path();
        long size;
        long mtime;
        try {
            BasicFileAttributes attrs = Files.readAttributes(path, BasicFileAttributes.class);
            size = attrs.size();
            mtime = nanos(attrs.lastModifiedTime().toInstant());
        } catch (IOException e) {
            warnings.add(prefix(source) + readError(path, e));
            return new Loaded(null, warnings);
        }
        if (cacheRoot == null) {
            byte[] bytes = readLibrary(source, path, warnings);
            return bytes == null ? new Loaded(null, warnings) : build(source, bytes, warnings, scratch);
        }
        // Absolute as given, links and '..' left alone: the Rust engine names cache files the same way.
        String absolute = path.toAbsolutePath().toString();
        Path cacheFile = SymbolCacheFile.fileFor(cacheRoot, absolute);
        byte[] bytes = null;
        byte[] file = readCacheFile(cacheFile);
        if (file != null) {
            try {
                SymbolCacheFile.Parsed parsed = SymbolCacheFile.parse(file, source);
                if (!parsed.libraryPath().equals(absolute)) {
                    warnings.add(unusable(cacheFile, "written for " + parsed.libraryPath()));
                } else if (parsed.size() == size) {
                    if (parsed.mtime() == mtime) {
                        return new Loaded(parsed.data(), warnings);
                    }
                    // Touched: the content decides. The bytes read here serve a rebuild when it changed.
                    bytes = readLibrary(source, path, warnings);
                    if (bytes == null) {
                        return new Loaded(null, warnings);
                    }
                    if (Xxh64.hash(bytes) == parsed.hash()) {
                        write(cacheFile, SymbolCacheFile.restamp(file, parsed.mtimeAt(), mtime), warnings);
                        return new Loaded(parsed.data(), warnings);
                    }
                }
            } catch (SymbolCacheFile.Unusable e) {
                warnings.add(unusable(cacheFile, e.getMessage()));
            }
        }
        if (bytes == null) {
            bytes = readLibrary(source, path, warnings);
            if (bytes == null) {
                return new Loaded(null, warnings);
            }
        }
        Loaded built = build(source, bytes, warnings, scratch);
        if (built.data() != null) {
            write(cacheFile, SymbolCacheFile.encode(absolute, bytes.length, mtime, Xxh64.hash(bytes), built.data()),
                    warnings);
        }
        return built;
    }

    private Loaded build(LibrarySource source, byte[] bytes, List<String> warnings, JavaIoStage.ParseScratch scratch) {
        LibraryReader.Result result = LibraryReader.read(source, bytes, scratch);
        if (result.detail() != null) {
            warnings.add(prefix(source) + result.detail());
            return new Loaded(null, warnings);
        }
        return new Loaded(LibraryData.of(source, result.symbols()), warnings);
    }

    private static byte[] readCacheFile(Path cacheFile) {
        try {
            return Files.readAllBytes(cacheFile);
        } catch (IOException | OutOfMemoryError e) {
            // Missing or unreadable: rebuilt and rewritten either way, as the Rust engine does.
            return null;
        }
    }

    private static byte[] readLibrary(LibrarySource source, Path path, List<String> warnings) {
        try {
            if (Files.isDirectory(path)) {
                warnings.add(prefix(source) + "cannot read " + path + ": is a directory");
                return null;
            }
            return Files.readAllBytes(path);
        } catch (IOException e) {
            warnings.add(prefix(source) + readError(path, e));
            return null;
        }
    }

    /** Cache writes are best effort: a read-only cache costs speed, never correctness. */
    private static void write(Path cacheFile, byte[] bytes, List<String> warnings) {
        try {
            Files.createDirectories(cacheFile.getParent());
            new JavaIoStage().writeIfChanged(cacheFile, bytes);
        } catch (IOException | RuntimeException e) {
            warnings.add("symbol cache " + cacheFile + " could not be written (" + e.getMessage()
                    + "); the library is read from its file next time too");
        }
    }

    private static String unusable(Path cacheFile, String reason) {
        return "symbol cache " + cacheFile + " is unusable (" + reason + "); rebuilding it";
    }

    /** Worded as the Rust engine words {@code io::ErrorKind}. */
    private static String readError(Path path, IOException e) {
        String reason;
        if (e instanceof NoSuchFileException) {
            reason = "file not found";
        } else if (e instanceof AccessDeniedException) {
            reason = "permission denied";
        } else {
            reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        }
        return "cannot read " + path + ": " + reason;
    }

    static String prefix(LibrarySource source) {
        return "skipping library " + source.nickname() + " (" + source.path() + "): ";
    }

    static long nanos(Instant t) {
        return Math.addExact(Math.multiplyExact(t.getEpochSecond(), 1_000_000_000L), t.getNano());
    }

    /**
     * Runs {@code task} for 0..n-1 on the caller and common-pool helpers. The caller works too, so a
     * busy pool slows this down but cannot deadlock it.
     */
    static void forEachInParallel(int n, java.util.function.IntConsumer task) {
        AtomicInteger cursor = new AtomicInteger();
        AtomicInteger done = new AtomicInteger();
        Throwable[] failure = new Throwable[1];
        Runnable worker = () -> {
            for (int i = cursor.getAndIncrement(); i < n; i = cursor.getAndIncrement()) {
                try {
                    task.accept(i);
                } catch (RuntimeException | Error e) {
                    synchronized (failure) {
                        if (failure[0] == null) {
                            failure[0] = e;
                        }
                    }
                } finally {
                    synchronized (done) {
                        if (done.incrementAndGet() == n) {
                            done.notifyAll();
                        }
                    }
                }
            }
        };
        int helpers = Math.min(n, Runtime.getRuntime().availableProcessors()) - 1;
        for (int h = 0; h < helpers; h++) {
            ForkJoinPool.commonPool().execute(worker);
        }
        worker.run();
        boolean interrupted = false;
        synchronized (done) {
            while (done.get() < n) {
                try {
                    done.wait();
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        if (failure[0] instanceof RuntimeException) {
            throw (RuntimeException) failure[0];
        }
        if (failure[0] instanceof Error) {
            throw (Error) failure[0];
        }
    }
}
