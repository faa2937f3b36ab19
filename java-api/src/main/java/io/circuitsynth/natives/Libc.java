package io.circuitsynth.natives;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Tells a musl-based Linux (Alpine) from a glibc-based one. The Linux natives are linked against
 * glibc; in a musl process {@code System.load} fails on a missing {@code libc.so.6}, or, with a
 * glibc shim such as gcompat installed, may load and then fail on whatever the shim lacks. So
 * the loader asks first and does not try.
 *
 * <p>The answer comes from the shared objects mapped into this very process: the musl dynamic
 * loader ({@code ld-musl-<arch>.so.1}, which is also musl's libc) is mapped into every process it
 * started. A file on disk would not do: Debian's {@code musl} package installs
 * {@code /lib/ld-musl-x86_64.so.1} on glibc systems too.
 */
final class Libc {
    private static final Path MAPS = Path.of("/proc/self/maps");

    private Libc() {}

    /** The musl loader mapped into this process, or null (glibc, or no {@code /proc}). */
    static String muslLoaderOfThisProcess() {
        if (!Files.isReadable(MAPS)) {
            return null;
        }
        try {
            return muslLoader(Files.readString(MAPS, StandardCharsets.UTF_8));
        } catch (IOException | RuntimeException e) {
            // Without the answer, loading goes ahead and System.load reports what it finds.
            return null;
        }
    }

    /**
     * The path of the musl loader in a {@code /proc/<pid>/maps} listing, or null if none is
     * mapped. Each line ends with the mapped file's path, when it has one.
     */
    static String muslLoader(String maps) {
        for (String line : maps.split("\n", -1)) {
            int slash = line.indexOf('/');
            if (slash < 0) {
                continue;
            }
            String path = line.substring(slash).trim();
            String name = path.substring(path.lastIndexOf('/') + 1);
            if (name.startsWith("ld-musl-") || name.startsWith("libc.musl-")) {
                return path;
            }
        }
        return null;
    }
}
