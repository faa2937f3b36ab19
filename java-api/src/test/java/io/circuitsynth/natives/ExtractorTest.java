package io.circuitsynth.natives;

import static io.circuitsynth.natives.TestSupport.PLATFORM;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Extraction without loading: these files are never mapped into this JVM, so tampering with them
 * cannot crash it.
 */
class ExtractorTest {
    /** A build without cargo has no native library to test: skip loudly, or fail when it is required. */
    @org.junit.jupiter.api.BeforeAll
    static void nativeLibraryBuilt() {
        TestSupport.nativeLibraryBytes();
    }

    @TempDir
    Path root;

    private static NativeResource resource() throws LoadFailure {
        return NativeResource.find(PLATFORM, List.of(ExtractorTest.class.getClassLoader()));
    }

    @Test
    void verifiedCopyIsReusedWithoutRewriting() throws Exception {
        NativeResource resource = resource();
        Path dir = root.resolve("v").resolve(PLATFORM.key());
        Path first = Extractor.extract(resource, root.resolve("v"), dir);
        // Older than any rewrite could be, so an unchanged mtime proves there was none.
        FileTime past = FileTime.fromMillis(946_684_800_000L);
        Files.setLastModifiedTime(first, past);
        Object inode = Files.readAttributes(first, java.nio.file.attribute.BasicFileAttributes.class).fileKey();

        Path second = Extractor.extract(resource, root.resolve("v"), dir);

        assertThat(second).isEqualTo(first);
        assertThat(Files.getLastModifiedTime(second)).isEqualTo(past);
        assertThat(Files.readAttributes(second, java.nio.file.attribute.BasicFileAttributes.class).fileKey())
                .isEqualTo(inode);
        assertThat(TestSupport.regularFiles(root)).containsExactly(first);
    }

    @Test
    void tamperedCopyIsDetectedAndReplaced() throws Exception {
        NativeResource resource = resource();
        Path dir = root.resolve("v").resolve(PLATFORM.key());
        Path file = Extractor.extract(resource, root.resolve("v"), dir);
        if (Extractor.isPosix(file)) {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        }
        Files.write(file, new byte[] {0x7f, 'E', 'L', 'F', 0});
        assertThat(Extractor.sha256(file)).isNotEqualTo(resource.sha256());

        Path again = Extractor.extract(resource, root.resolve("v"), dir);

        assertThat(again).isEqualTo(file);
        assertThat(Extractor.sha256(again)).isEqualTo(resource.sha256());
        assertThat(Files.size(again)).isEqualTo(resource.size());
        assertThat(TestSupport.regularFiles(root)).containsExactly(file);
        if (Extractor.isPosix(file)) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(again))).isEqualTo("r-x------");
        }
    }

    @Test
    void truncatedCopyIsReplaced() throws Exception {
        NativeResource resource = resource();
        Path dir = Files.createDirectories(root.resolve("v").resolve(PLATFORM.key()));
        Files.write(dir.resolve(resource.libraryName()), new byte[0]);

        Path file = Extractor.extract(resource, root.resolve("v"), dir);

        assertThat(Extractor.sha256(file)).isEqualTo(resource.sha256());
    }

    @Test
    void existingDirectoriesAreTightenedToOwnerOnly() throws Exception {
        Path privateRoot = root.resolve("circuitsynth");
        Path dir = privateRoot.resolve("natives").resolve(PLATFORM.key());
        Files.createDirectories(dir);
        if (!Extractor.isPosix(dir)) {
            return;
        }
        Files.setPosixFilePermissions(root, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.setPosixFilePermissions(privateRoot, PosixFilePermissions.fromString("rwxrwxrwx"));
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));

        Extractor.createPrivateDirectories(privateRoot, dir);

        for (Path p : List.of(privateRoot, privateRoot.resolve("natives"), dir)) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(p))).as(p.toString())
                    .isEqualTo("rwx------");
        }
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(root)))
                .as("the directory above the private root is not ours to change").isEqualTo("rwxr-xr-x");
    }

    @Test
    void abandonedTempFilesAreRemovedAndFreshOnesKept() throws Exception {
        NativeResource resource = resource();
        Path dir = Files.createDirectories(root.resolve("v").resolve(PLATFORM.key()));
        Path abandoned = Files.write(dir.resolve(resource.libraryName() + ".123" + Extractor.TEMP_SUFFIX), new byte[10]);
        Files.setLastModifiedTime(abandoned, FileTime.from(java.time.Instant.now()
                .minus(Extractor.ABANDONED_AFTER).minusSeconds(60)));
        Path inProgress = Files.write(dir.resolve(resource.libraryName() + ".456" + Extractor.TEMP_SUFFIX), new byte[10]);

        Path file = Extractor.extract(resource, root.resolve("v"), dir);

        assertThat(TestSupport.regularFiles(root)).containsExactlyInAnyOrder(file, inProgress);
    }

    @Test
    void directoryOutsideThePrivateRootIsRejected() {
        assertThatThrownBy(() -> Extractor.createPrivateDirectories(root.resolve("a"), root.resolve("b")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void checksumFileFormats() throws IOException {
        String digest = "ab".repeat(32);

        assertThat(NativeResource.parseChecksum(digest + "\n")).isEqualTo(digest);
        assertThat(NativeResource.parseChecksum(digest.toUpperCase(java.util.Locale.ROOT) + "  libcircuitsynth.so\n"))
                .isEqualTo(digest);
        assertThatThrownBy(() -> NativeResource.parseChecksum("abc")).hasMessage("not a SHA-256 digest: 'abc'");
    }
}
