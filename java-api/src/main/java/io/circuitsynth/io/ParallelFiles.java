package io.circuitsynth.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs one task per file on all cores and reports the failure of the first file in list order,
 * whatever order the work happened in.
 */
final class ParallelFiles {
    interface FileTask {
        void run(int index) throws IOException;
    }

    private ParallelFiles() {}

    static void forEach(List<Path> files, FileTask task) throws IOException {
        int n = files.size();
        Integer[] order = largestFirst(files);
        Throwable[] failures = new Throwable[n];
        AtomicInteger cursor = new AtomicInteger();
        Runnable worker = () -> {
            for (int k = cursor.getAndIncrement(); k < n; k = cursor.getAndIncrement()) {
                int i = order[k];
                try {
                    task.run(i);
                } catch (UncheckedIOException e) {
                    failures[i] = e.getCause();
                } catch (IOException | RuntimeException | Error e) {
                    failures[i] = e;
                }
            }
        };
        // Helpers only share the work: the caller runs the same loop, so a common pool busy with
        // other tasks slows this call down but never blocks it. Once the caller's loop ends every
        // file is taken; a helper that starts later finds nothing to do, so only the ones still
        // running are waited for.
        int helpers = Math.min(n, Runtime.getRuntime().availableProcessors()) - 1;
        AtomicInteger running = new AtomicInteger();
        Object done = new Object();
        for (int h = 0; h < helpers; h++) {
            ForkJoinPool.commonPool().execute(() -> {
                running.incrementAndGet();
                try {
                    worker.run();
                } finally {
                    if (running.decrementAndGet() == 0) {
                        synchronized (done) {
                            done.notifyAll();
                        }
                    }
                }
            });
        }
        worker.run();
        boolean interrupted = false;
        synchronized (done) {
            while (running.get() > 0) {
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
        for (Throwable t : failures) {
            if (t instanceof IOException) {
                throw (IOException) t;
            }
            if (t instanceof RuntimeException) {
                throw (RuntimeException) t;
            }
            if (t instanceof Error) {
                throw (Error) t;
            }
        }
    }

    /** Big files first, so no core is left with one large file at the end. */
    private static Integer[] largestFirst(List<Path> files) {
        int n = files.size();
        long[] sizes = new long[n];
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
            try {
                sizes[i] = Files.size(files.get(i));
            } catch (IOException | RuntimeException e) {
                sizes[i] = 0;
            }
        }
        Arrays.sort(order, Comparator.comparingLong((Integer i) -> -sizes[i]));
        return order;
    }
}
