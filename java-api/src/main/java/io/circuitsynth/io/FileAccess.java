package io.circuitsynth.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;

/**
 * File reads and atomic writes with the Rust engine's error messages: {@code cannot read PATH:
 * REASON} and {@code cannot write PATH: REASON}, where PATH is {@code path.toString()}.
 */
final class FileAccess {
    private static final SecureRandom RANDOM = new SecureRandom();

    private FileAccess() {}

    /**
     * Reads the whole file into {@code holder[0]}, replacing it with a larger array when it is too
     * small, and returns the number of bytes read. Lets a worker reuse one buffer for many files.
     */
    static int readInto(Path path, byte[][] holder) throws IOException {
        try (FileChannel ch = open(path)) {
            long size = ch.size();
            if (size > Integer.MAX_VALUE - 8) {
                throw new IOException("cannot read " + path + ": file larger than 2 GB");
            }
            if (holder[0].length < size) {
                holder[0] = new byte[(int) Math.min(Integer.MAX_VALUE - 8, size + (size >> 3))];
            }
            return readFully(ch, ByteBuffer.wrap(holder[0], 0, (int) size));
        } catch (IOException e) {
            throw mapped("read", path, e);
        }
    }

    /** Reads until {@code buf} is full or the file ends; returns the bytes now in {@code buf}. */
    static int readFully(FileChannel ch, ByteBuffer buf) throws IOException {
        while (buf.hasRemaining() && ch.read(buf) >= 0) {
            // A read may return fewer bytes than asked for; keep going.
        }
        return buf.position();
    }

    /** Opens {@code path} for reading; the caller closes the channel. */
    static FileChannel open(Path path) throws IOException {
        try {
            if (Files.isDirectory(path)) {
                throw new IOException("cannot read " + path + ": is a directory");
            }
            return FileChannel.open(path, StandardOpenOption.READ);
        } catch (IOException e) {
            throw mapped("read", path, e);
        }
    }

    static boolean writeIfChanged(Path path, byte[] bytes) throws IOException {
        if (Files.isDirectory(path)) {
            throw new IOException("cannot write " + path + ": is a directory");
        }
        Set<PosixFilePermission> keepMode = null;
        if (Files.isRegularFile(path)) {
            if (holdsExactly(path, bytes)) {
                return false;
            }
            keepMode = posixPermissions(path);
        }
        Path absolute = path.toAbsolutePath();
        Path dir = absolute.getParent();
        Path tmp = null;
        try {
            tmp = createTemp(dir, absolute.getFileName().toString());
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
                ByteBuffer buf = ByteBuffer.wrap(bytes);
                while (buf.hasRemaining()) {
                    ch.write(buf);
                }
                if (keepMode != null) {
                    // A replaced file keeps its mode, as it would if it were rewritten in place.
                    Files.setPosixFilePermissions(tmp, keepMode);
                }
                ch.force(true);
            }
            Files.move(tmp, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            tmp = null;
            syncDirectory(dir);
            return true;
        } catch (IOException e) {
            throw mapped("write", path, e);
        } finally {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // The write already failed; its error is the one worth reporting.
                }
            }
        }
    }

    /**
     * Whether the file holds exactly {@code bytes}. The comparison only saves a write: a file that
     * cannot be read is simply replaced, so every failure of a write is a {@code cannot write} one.
     */
    private static boolean holdsExactly(Path path, byte[] bytes) {
        try (FileChannel ch = FileChannel.open(path, StandardOpenOption.READ)) {
            if (ch.size() != bytes.length) {
                return false;
            }
            byte[] old = new byte[bytes.length];
            return readFully(ch, ByteBuffer.wrap(old)) == bytes.length && Arrays.equals(old, bytes);
        } catch (IOException e) {
            return false;
        }
    }

    private static Set<PosixFilePermission> posixPermissions(Path path) {
        try {
            return Files.getPosixFilePermissions(path);
        } catch (IOException | UnsupportedOperationException e) {
            return null;
        }
    }

    private static Path createTemp(Path dir, String name) throws IOException {
        while (true) {
            Path tmp = dir.resolve("." + name + "." + String.format(Locale.ROOT, "%016x", RANDOM.nextLong()) + ".tmp");
            try {
                return Files.createFile(tmp);
            } catch (FileAlreadyExistsException collision) {
                // Another writer drew the same name; draw again.
            }
        }
    }

    private static void syncDirectory(Path dir) {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            // Windows cannot open directories; the rename is already durable enough there.
        }
    }

    static IOException mapped(String verb, Path path, IOException e) {
        String prefix = "cannot " + verb + " " + path + ": ";
        if (e.getMessage() != null && e.getMessage().startsWith(prefix)) {
            return e;
        }
        String reason;
        if (e instanceof NoSuchFileException) {
            reason = "file not found";
        } else if (e instanceof AccessDeniedException) {
            reason = "permission denied";
        } else if (Files.isDirectory(path)) {
            reason = "is a directory";
        } else {
            reason = rustReason(e);
        }
        return new IOException(prefix + reason, e);
    }

    /**
     * The wording of Rust's {@code io::ErrorKind} for the OS errors a file operation can meet,
     * keyed by the C library's message that Java reports, so both engines say the same thing.
     */
    private static String rustReason(IOException e) {
        String text = e instanceof FileSystemException ? ((FileSystemException) e).getReason() : e.getMessage();
        if (text == null) {
            return "other error";
        }
        switch (text) {
            case "Not a directory": return "not a directory";
            case "Is a directory": return "is a directory";
            case "File name too long": return "invalid filename";
            case "Read-only file system": return "read-only filesystem or storage medium";
            case "No space left on device": return "no storage space";
            case "Directory not empty": return "directory not empty";
            case "File exists": return "entity already exists";
            case "Too many levels of symbolic links": return "filesystem loop or indirection limit (e.g. symlink loop)";
            case "File too large": return "file too large";
            case "Device or resource busy": return "resource busy";
            case "Text file busy": return "executable file busy";
            case "Too many links": return "too many links";
            case "Invalid cross-device link": return "cross-device link or rename";
            case "Invalid argument": return "invalid input parameter";
            default: return text.toLowerCase(Locale.ROOT);
        }
    }
}
