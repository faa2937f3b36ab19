package io.circuitsynth.natives;

import java.lang.ref.Cleaner;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.LongConsumer;
import java.util.function.LongFunction;

/**
 * An object of the native library behind an opaque handle (a Rust {@code Box} pointer). Calls
 * share a read lock and {@link #close()} takes the write lock, so the handle is released exactly
 * once and never while a call is using it. A {@link Cleaner} releases the handle of an owner that
 * was never closed, as a safety net only.
 */
final class NativeHandle implements AutoCloseable {
    private static final Cleaner CLEANER = Cleaner.create();

    /** The handle, shared with the cleaning action; 0 once released. */
    private static final class State implements Runnable {
        private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
        private final LongConsumer free;
        private long handle;

        State(long handle, LongConsumer free) {
            this.handle = handle;
            this.free = free;
        }

        @Override
        public void run() {
            lock.writeLock().lock();
            try {
                if (handle != 0) {
                    long h = handle;
                    handle = 0;
                    free.accept(h);
                }
            } finally {
                lock.writeLock().unlock();
            }
        }
    }

    private final State state;
    private final Cleaner.Cleanable cleanable;
    private final String what;

    /**
     * @param owner the object whose unreachability releases the handle (it must not be reachable
     *     from {@code free})
     * @param free the native call that releases a handle
     * @param what what the handle holds, for messages ("symbol index")
     */
    NativeHandle(Object owner, long handle, LongConsumer free, String what, String opener) {
        if (handle == 0) {
            throw new NativeEngineException(opener + " returned a null handle");
        }
        this.state = new State(handle, free);
        this.cleanable = CLEANER.register(owner, state);
        this.what = what;
    }

    /** The handle, with the read lock held until {@link #release()}. */
    long acquire() {
        state.lock.readLock().lock();
        if (state.handle == 0) {
            state.lock.readLock().unlock();
            throw new IllegalStateException(what + " is closed");
        }
        return state.handle;
    }

    void release() {
        state.lock.readLock().unlock();
    }

    /** Runs a native call that takes the handle, which cannot be closed under it. */
    <T> T with(LongFunction<T> call) {
        long h = acquire();
        try {
            return call.apply(h);
        } finally {
            release();
        }
    }

    @Override
    public void close() {
        cleanable.clean();
    }
}
