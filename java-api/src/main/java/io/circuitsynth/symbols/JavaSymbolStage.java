package io.circuitsynth.symbols;

import io.circuitsynth.io.JavaIoStage;
import io.circuitsynth.io.internal.Xxh64;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The pure-Java {@link SymbolStage}: reads libraries in parallel (answers stay in library order),
 * resolves {@code extends}, and keeps each library's records in a persistent cache file that is
 * reused while the library's size and modification time (or, failing those, its content hash)
 * still match.
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

    private final Consumer<String> cacheWarnings;

    public JavaSymbolStage() {
        this(LOG::warn);
    }

    /** For tests: cache notices go to {@code cacheWarnings} instead of the log. */
    JavaSymbolStage(Consumer<String> cacheWarnings) {
        this.cacheWarnings = cacheWarnings;
    }

    @Override
    public SymbolIndex open(List<LibrarySource> libraries, Path cacheDirOrNull) {
        int n = libraries.size();
        LibraryData[] data = new LibraryData[n];
        String[] warnings = new String[n];
        forEachInParallel(n, i -> {
            LibrarySource source = libraries.get(i);
            try {
                data[i] = load(source, cacheDirOrNull);
            } catch (SkippedLibrary e) {
                warnings[i] = e.getMessage();
            }
        });
        List<LibraryData> served = new ArrayList<>(n);
        List<String> warningList = new ArrayList<>();
        java.util.Set<String> nicknames = new java.util.HashSet<>();
        for (int i = 0; i < n; i++) {
            if (warnings[i] != null) {
                warningList.add(warnings[i]);
            } else if (!nicknames.add(data[i].nickname())) {
                LibrarySource s = libraries.get(i);
                warningList.add("skipping library " + s.nickname() + " (" + s.path() + "): an earlier library"
                        + " already has the nickname " + s.nickname());
            } else {
                served.add(data[i]);
            }
        }
        for (String w : warningList) {
            LOG.warn("{}", w);
        }
        return new JavaSymbolIndex(served, warningList);
    }

    /** A library that cannot be served; the message is its warning. */
    private static final class SkippedLibrary extends Exception {
        private static final long serialVersionUID = 1L;

        SkippedLibrary(String warning) {
            super(warning, null, false, false);
        }
    }

    private LibraryData load(LibrarySource source, Path cacheRoot) throws SkippedLibrary {
        if (source.inMemoryOrNull() != null) {
            return build(source, source.inMemoryOrNull());
        }
        Path path = source.path().toAbsolutePath().normalize();
        String absolute = path.toString();
        long size;
        long mtime;
        try {
            BasicFileAttributes attrs = Files.readAttributes(path, BasicFileAttributes.class);
            if (!attrs.isRegularFile()) {
                throw new SkippedLibrary(prefix(source) + "not a regular file");
            }
            size = attrs.size();
            mtime = nanos(attrs.lastModifiedTime().toInstant());
        } catch (IOException e) {
            throw new SkippedLibrary(prefix(source) + "cannot read the file (" + reason(e) + ")");
        }
        Path cacheFile = cacheRoot == null ? null : SymbolCacheFile.fileFor(cacheRoot, absolute);
        SymbolCacheFile.Cached cached = cacheFile == null ? null : SymbolCacheFile.read(cacheFile, source, cacheWarnings);
        if (cached != null && !cached.libraryPath().equals(absolute)) {
            LOG.debug("symbol cache {} belongs to {}, not {}; rebuilding it", cacheFile, cached.libraryPath(), absolute);
            cached = null;
        }
        if (cached != null && cached.size() == size && cached.mtime() == mtime) {
            return cached.data();
        }
        byte[] bytes = readLibrary(source, path);
        long hash = Xxh64.hash(bytes);
        if (cached != null && cached.size() == bytes.length && cached.hash() == hash) {
            // Touched but unchanged (a checkout, a copy): same records, new stamp.
            write(cacheFile, SymbolCacheFile.encode(absolute, bytes.length, mtime, hash, cached.data()));
            return cached.data();
        }
        LibraryData data = build(source, bytes);
        if (cacheFile != null) {
            write(cacheFile, SymbolCacheFile.encode(absolute, bytes.length, mtime, hash, data));
        }
        return data;
    }

    private static LibraryData build(LibrarySource source, byte[] bytes) throws SkippedLibrary {
        LibraryReader.Result result = LibraryReader.read(source, bytes);
        if (result.warning() != null) {
            throw new SkippedLibrary(result.warning());
        }
        return LibraryData.of(source, result.symbols());
    }

    private static byte[] readLibrary(LibrarySource source, Path path) throws SkippedLibrary {
        try {
            return Files.readAllBytes(path);
        } catch (IOException | OutOfMemoryError e) {
            throw new SkippedLibrary(prefix(source) + "cannot read the file (" + reason(e) + ")");
        }
    }

    /** Cache writes are best effort: a read-only cache costs speed, never correctness. */
    private static void write(Path cacheFile, byte[] bytes) {
        try {
            Files.createDirectories(cacheFile.getParent());
            new JavaIoStage().writeIfChanged(cacheFile, bytes);
        } catch (IOException | RuntimeException e) {
            LOG.warn("cannot write symbol cache {} ({}); libraries are read from source until it can be written",
                    cacheFile, reason(e));
        }
    }

    static String prefix(LibrarySource source) {
        return "skipping library " + source.nickname() + " (" + source.path() + "): ";
    }

    private static String reason(Throwable e) {
        String m = e.getMessage();
        return e.getClass().getSimpleName() + (m == null ? "" : ": " + m);
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
