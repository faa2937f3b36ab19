package io.circuitsynth.natives;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Puts a verified copy of the native library into a directory, safely against other JVMs and
 * class loaders doing the same at the same time: every writer writes its own temporary file,
 * verifies it, and renames it into place atomically, so the final name only ever holds a complete
 * file with the expected hash, whoever wins. An existing copy that verifies is reused untouched.
 *
 * <p>No lock is taken, neither a JVM-wide one nor a file lock: the protocol needs none, file locks
 * are advisory and unreliable on network file systems, and a JVM killed while holding one would
 * block every later start until someone deleted it.
 */
final class Extractor {
    private static final Logger LOG = LoggerFactory.getLogger(Extractor.class);

    static final Set<PosixFilePermission> PRIVATE_DIR = PosixFilePermissions.fromString("rwx------");
    static final Set<PosixFilePermission> LIBRARY_FILE = PosixFilePermissions.fromString("r-x------");

    static final String TEMP_SUFFIX = ".part";

    /**
     * A temporary file older than this was left by a JVM that died while extracting; younger ones
     * may belong to a JVM extracting right now and are left alone.
     */
    static final Duration ABANDONED_AFTER = Duration.ofHours(1);

    private Extractor() {}

    /**
     * Returns {@code dir/<libname>} holding exactly the resource's bytes, extracting it if needed.
     *
     * @param privateRoot the topmost directory of {@code dir}'s path that belongs to CircuitSynth
     *     alone; it and everything below it are created (or tightened) to 0700 on POSIX
     */
    static Path extract(NativeResource resource, Path privateRoot, Path dir) throws IOException {
        createPrivateDirectories(privateRoot, dir);
        Path target = dir.resolve(resource.libraryName());
        if (Files.isRegularFile(target)) {
            if (resource.sha256().equals(sha256(target))) {
                LOG.debug("reusing verified {}", target);
                return target;
            }
            LOG.warn("{} does not match the SHA-256 of {} (modified or truncated); replacing it", target,
                    resource.location());
        }
        deleteAbandonedTempFiles(dir, resource.libraryName());
        Path temp = Files.createTempFile(dir, resource.libraryName() + ".", TEMP_SUFFIX);
        try {
            Files.write(temp, resource.bytes());
            String written = sha256(temp);
            if (!resource.sha256().equals(written)) {
                throw new IOException("the copy written to " + temp + " has SHA-256 " + written + ", not "
                        + resource.sha256() + " (disk full or failing?)");
            }
            if (isPosix(dir)) {
                Files.setPosixFilePermissions(temp, LIBRARY_FILE);
            }
            try {
                // Within one directory a rename is atomic. On POSIX it replaces a target that
                // another JVM placed meanwhile (an identical, verified file: harmless).
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (FileAlreadyExistsException | AccessDeniedException e) {
                // Windows refuses to replace a file that exists or is mapped by another process;
                // if that file is a good copy, another JVM just won the race.
                if (Files.isRegularFile(target) && resource.sha256().equals(sha256(target))) {
                    return target;
                }
                throw e;
            }
            LOG.debug("extracted {} to {}", resource.url(), target);
            return target;
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    private static void deleteAbandonedTempFiles(Path dir, String libraryName) {
        Instant cutoff = Instant.now().minus(ABANDONED_AFTER);
        try (DirectoryStream<Path> temps = Files.newDirectoryStream(dir, libraryName + ".*" + TEMP_SUFFIX)) {
            for (Path temp : temps) {
                if (Files.getLastModifiedTime(temp).toInstant().isBefore(cutoff)) {
                    Files.deleteIfExists(temp);
                }
            }
        } catch (IOException e) {
            // Only housekeeping: a leftover file costs disk space, never correctness.
            LOG.debug("could not clean up abandoned temporary files in {}: {}", dir, e.toString());
        }
    }

    static void createPrivateDirectories(Path privateRoot, Path dir) throws IOException {
        if (!dir.startsWith(privateRoot)) {
            throw new IllegalArgumentException(dir + " is not inside " + privateRoot);
        }
        if (!isPosix(dir)) {
            Files.createDirectories(dir);
            return;
        }
        Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(PRIVATE_DIR));
        // createDirectories applies the umask, and a directory that already existed keeps its
        // permissions: tighten each one. Setting fails for a directory another user owns, which
        // is exactly the shared-/tmp case where it must not be trusted.
        for (Path p = dir; p != null && p.startsWith(privateRoot); p = p.getParent()) {
            if (!Files.getPosixFilePermissions(p).equals(PRIVATE_DIR)) {
                Files.setPosixFilePermissions(p, PRIVATE_DIR);
            }
        }
    }

    static boolean isPosix(Path path) {
        return path.getFileSystem().supportedFileAttributeViews().contains("posix");
    }

    static String sha256(Path file) throws IOException {
        MessageDigest digest = NativeResource.digest();
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest)) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
        }
        return HexFormat.of().formatHex(digest.digest());
    }
}
