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
    static final int ABI_VERSION = 6;

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
    /**
     * Opens a symbol index over libraries given as parallel arrays ({@code inMemory[i]} null means
     * read {@code paths[i]}); {@code cacheDir} null means no persistent cache. Never fails for a bad
     * library: those are skipped and reported by {@link #symbolIndexWarnings}.
     *
     * @return a handle for the other {@code symbol*} calls, released by {@link #symbolIndexClose}
     */
    static native long symbolIndexOpen(String[] nicknames, String[] paths, byte[][] inMemory, String cacheDir);

    /** The index's warnings, in library order. */
    static native String[] symbolIndexWarnings(long handle);

    /** The binary record of {@code lib:name} (specification's encoding), or null when unknown. */
    static native byte[] symbolLookup(long handle, String lib, String name);

    /** Up to five {@code LIB:NAME} close to an unknown {@code lib:name}. */
    static native String[] symbolSuggestions(long handle, String lib, String name);

    /**
     * Search hits, little-endian: {@code u32 count}, then per hit {@code str lib, str name, u32
     * score} with {@code str} = {@code u32} length + UTF-8.
     */
    static native byte[] symbolSearch(long handle, String query, int limit);

    /** {@code [libraries, symbols, derived, residentBytes]}. */
    static native long[] symbolIndexStats(long handle);

    /** The specification's dump of {@code lib}, UTF-8, or null for an unknown library. */
    static native byte[] symbolDumpLibrary(long handle, String lib);

    /** Releases the index; the handle must not be used again. */
    static native void symbolIndexClose(long handle);

    /*
     * The netlist stage. Designs cross in one piece in the design codec's encoding
     * (io.circuitsynth.netlist.DesignCodec). Bad input throws NetlistException with the stage's
     * message; an encoding the native decoder refuses throws IllegalArgumentException.
     */

    /** Circuit JSON into an encoded design. */
    static native byte[] netlistReadCircuitJson(byte[] json);

    /** circuit-synth JSON into an encoded design. */
    static native byte[] netlistReadCircuitSynthJson(byte[] json);

    /** A KiCad {@code .net} into an encoded design. */
    static native byte[] netlistReadNet(byte[] net);

    /** An encoded design as circuit JSON. */
    static native byte[] netlistWriteCircuitJson(byte[] design);

    /** Finalizes an encoded design against the native symbol index {@code symbolIndex}; the {@code .net} bytes. */
    static native byte[] netlistWriteNet(byte[] design, long symbolIndex);

    /** Finalize alone, for the benchmarks: {@code [components, nets]} of the finalized netlist. */
    static native long[] netlistFinalizeCounts(byte[] design, long symbolIndex);

    /**
     * The references finalize gives an encoded design's components (an outline is enough:
     * {@code DesignCodec.encodeOutline}), in its component order: their count, then each as its
     * UTF-8 length and its UTF-8, the numbers in the design codec's LEB128.
     */
    static native byte[] netlistReferences(byte[] design);

    /** Decodes an encoded design into the native heap and answers its handle ({@link NativeDesign}). */
    static native long designHold(byte[] design);

    /** {@link #netlistReferences} of a held design. */
    static native byte[] designReferences(long design);

    /** {@link #netlistWriteNet} of a held design. */
    static native byte[] designWriteNet(long design, long symbolIndex);

    /** Frees a held design; 0 is ignored. */
    static native void designRelease(long design);

    /** Test hook: the design decoded and re-encoded by the Rust codec. */
    static native byte[] designRoundTrip(byte[] design);

    /*
     * The schematic-writer stage, the whole pipeline in one call: an encoded design and a native
     * symbol index in, every file and the report out (layout in NativeSchematicStage). Finalize's
     * errors throw NetlistException, the writer's SchematicException.
     */

    /** The generated project of an encoded design, in the flat encoding {@code NativeSchematicStage} reads. */
    static native byte[] schematicGenerate(byte[] design, long symbolIndex);
}
