package io.circuitsynth.io;

import java.nio.file.Path;
import java.util.Locale;

/**
 * A file's size and content hash (XXH64, seed 0), for cache invalidation.
 *
 * @param path the file
 * @param size its size in bytes
 * @param xxh64 the hash of its bytes
 */
public record ContentHash(Path path, long size, long xxh64) {
    /** The hash as 16 lower-case hex digits. */
    public String hex() {
        return String.format(Locale.ROOT, "%016x", xxh64);
    }
}
