package io.circuitsynth.natives;

/**
 * The JNI entry points of the {@code circuitsynth} native library (crate {@code jni-bridge}).
 * One method per operation; data crosses flat, once per operation. Callers must make sure the
 * library is loaded (see {@link NativeLoader}) before calling anything here.
 *
 * <p>Every method may throw {@link NativeEngineException} if the native code panicked; the panic
 * never reaches the JVM as a crash.
 */
final class NativeBridge {
    /** Must equal {@code ABI_VERSION} in {@code rust-crates/jni-bridge/src/lib.rs}. */
    static final int ABI_VERSION = 1;

    private NativeBridge() {}

    static native int abiVersion();

    static native String crateVersion();

    /** Test hook: panics in Rust with {@code message}. */
    static native void debugPanic(String message);

    /**
     * Parses {@code input}; returns the node table (stride 4: kind, start, end, next).
     *
     * @throws io.circuitsynth.io.SexprParseException for malformed input
     */
    static native int[] sexprParse(byte[] input, String sourceName);

    /**
     * Prints a tree given by its source bytes and the first {@code nodeCount} nodes of its table
     * in KiCad 9's layout. Both arrays are read in place, not copied, and never written.
     */
    static native byte[] sexprPrint(byte[] source, int[] nodes, int nodeCount);

    /** Parse then print, in one call. */
    static native byte[] sexprFormat(byte[] input, String sourceName);

    /**
     * Reads and parses every file, in parallel; returns the total node count.
     *
     * @throws io.circuitsynth.io.SexprParseException for the first malformed file, in list order
     * @throws java.io.IOException for the first unreadable file, in list order
     */
    static native long sexprParseFiles(String[] paths) throws java.io.IOException;

    /**
     * XXH64 (seed 0) of every file, in parallel: {@code [size0, hash0, size1, hash1, ...]}.
     *
     * @throws java.io.IOException for the first unreadable file, in list order
     */
    static native long[] hashFiles(String[] paths) throws java.io.IOException;

    /** Atomic write; returns false when the file already held exactly these bytes. */
    static native boolean writeIfChanged(String path, byte[] data) throws java.io.IOException;
}
