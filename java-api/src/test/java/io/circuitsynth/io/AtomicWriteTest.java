package io.circuitsynth.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.circuitsynth.testing.TestEngines;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class AtomicWriteTest {
    private static final byte[] OLD = "(kicad_sch\n\t(version 20250114)\n)\n".getBytes(StandardCharsets.UTF_8);
    private static final byte[] NEW = "(kicad_sch\n\t(version 20250114)\n\t(uuid \"µ\")\n)\n".getBytes(StandardCharsets.UTF_8);

    @TempDir
    Path dir;

    static Stream<IoStage> stages() {
        return TestEngines.stagesUnderTest().stream();
    }

    @ParameterizedTest
    @MethodSource("stages")
    void createsAMissingFile(IoStage stage) throws IOException {
        Path target = dir.resolve("new.kicad_sch");
        assertThat(stage.writeIfChanged(target, NEW)).isTrue();
        assertThat(Files.readAllBytes(target)).isEqualTo(NEW);
        assertThat(listing()).containsExactly("new.kicad_sch");
    }

    @ParameterizedTest
    @MethodSource("stages")
    void leavesAnUnchangedFileUntouched(IoStage stage) throws IOException {
        Path target = dir.resolve("same.kicad_sch");
        Files.write(target, OLD);
        FileTime past = FileTime.fromMillis(1_000_000_000_000L);
        Files.setLastModifiedTime(target, past);
        Object inode = Files.readAttributes(target, BasicFileAttributes.class).fileKey();

        assertThat(stage.writeIfChanged(target, OLD.clone())).isFalse();

        assertThat(Files.getLastModifiedTime(target)).isEqualTo(past);
        assertThat(Files.readAttributes(target, BasicFileAttributes.class).fileKey()).isEqualTo(inode);
        assertThat(Files.readAllBytes(target)).isEqualTo(OLD);
        assertThat(listing()).containsExactly("same.kicad_sch");
    }

    @ParameterizedTest
    @MethodSource("stages")
    void replacesChangedContentAndKeepsTheMode(IoStage stage) throws IOException {
        Path target = dir.resolve("changed.kicad_sch");
        Files.write(target, OLD);
        boolean posix = target.getFileSystem().supportedFileAttributeViews().contains("posix");
        Set<PosixFilePermission> mode = PosixFilePermissions.fromString("rw-r-----");
        if (posix) {
            Files.setPosixFilePermissions(target, mode);
        }

        assertThat(stage.writeIfChanged(target, NEW)).isTrue();
        assertThat(Files.readAllBytes(target)).isEqualTo(NEW);
        assertThat(stage.writeIfChanged(target, OLD)).isTrue();
        assertThat(Files.readAllBytes(target)).isEqualTo(OLD);
        byte[] sameLength = OLD.clone();
        sameLength[OLD.length - 3] = 'X';
        assertThat(stage.writeIfChanged(target, sameLength)).isTrue();
        assertThat(Files.readAllBytes(target)).isEqualTo(sameLength);
        assertThat(stage.writeIfChanged(target, new byte[0])).isTrue();
        assertThat(Files.size(target)).isZero();

        if (posix) {
            assertThat(Files.getPosixFilePermissions(target)).isEqualTo(mode);
        }
        assertThat(listing()).containsExactly("changed.kicad_sch");
    }

    @ParameterizedTest
    @MethodSource("stages")
    void aDirectoryTargetFailsAndLeavesNothingBehind(IoStage stage) throws IOException {
        Path target = Files.createDirectory(dir.resolve("dir.kicad_sch"));
        assertThatThrownBy(() -> stage.writeIfChanged(target, NEW))
                .isInstanceOf(IOException.class)
                .hasMessage("cannot write " + target + ": is a directory");
        assertThat(listing()).containsExactly("dir.kicad_sch");
        try (Stream<Path> inside = Files.list(target)) {
            assertThat(inside).isEmpty();
        }
    }

    @ParameterizedTest
    @MethodSource("stages")
    void aMissingDirectoryFailsWithFileNotFound(IoStage stage) {
        Path target = dir.resolve("missing").resolve("x.kicad_sch");
        assertThatThrownBy(() -> stage.writeIfChanged(target, NEW))
                .isInstanceOf(IOException.class)
                .hasMessage("cannot write " + target + ": file not found");
        assertThat(Files.exists(dir.resolve("missing"))).isFalse();
    }

    @ParameterizedTest
    @MethodSource("stages")
    @EnabledOnOs({OS.LINUX, OS.MAC})
    void aParentThatIsAFileFailsWithNotADirectory(IoStage stage) throws IOException {
        Path file = Files.write(dir.resolve("plain"), OLD);
        Path target = file.resolve("x.kicad_sch");
        assertThatThrownBy(() -> stage.writeIfChanged(target, NEW))
                .isInstanceOf(IOException.class)
                .hasMessage("cannot write " + target + ": not a directory");
        assertThat(Files.readAllBytes(file)).isEqualTo(OLD);
        assertThat(listing()).containsExactly("plain");
    }

    @ParameterizedTest
    @MethodSource("stages")
    @EnabledOnOs({OS.LINUX, OS.MAC})
    void aNameTooLongForTheTemporaryFileFailsAndLeavesTheTargetAlone(IoStage stage) throws IOException {
        // 250 bytes is a legal name, but ".NAME.RANDOM.tmp" is not: the failure comes mid-write.
        Path target = Files.write(dir.resolve("n".repeat(250)), OLD);
        assertThatThrownBy(() -> stage.writeIfChanged(target, NEW))
                .isInstanceOf(IOException.class)
                .hasMessage("cannot write " + target + ": invalid filename");
        assertThat(Files.readAllBytes(target)).isEqualTo(OLD);
        assertThat(listing()).containsExactly("n".repeat(250));
    }

    @ParameterizedTest
    @MethodSource("stages")
    void aReadOnlyDirectoryFailsWithPermissionDeniedAndLeavesTheTargetAlone(IoStage stage) throws IOException {
        Assumptions.assumeTrue(dir.getFileSystem().supportedFileAttributeViews().contains("posix"), "no POSIX permissions");
        Path locked = Files.createDirectory(dir.resolve("locked"));
        Path target = locked.resolve("x.kicad_sch");
        Files.write(target, OLD);
        Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("r-xr-xr-x"));
        try {
            boolean enforced = !Files.isWritable(locked);
            if (!enforced) {
                System.err.println("SKIPPED: directory permissions are not enforced for this user (root?)");
            }
            Assumptions.assumeTrue(enforced, "directory permissions not enforced (running as root?)");
            assertThatThrownBy(() -> stage.writeIfChanged(target, NEW))
                    .isInstanceOf(IOException.class)
                    .hasMessage("cannot write " + target + ": permission denied");
            assertThat(Files.readAllBytes(target)).isEqualTo(OLD);
            try (Stream<Path> inside = Files.list(locked)) {
                assertThat(inside.map(p -> p.getFileName().toString())).containsExactly("x.kicad_sch");
            }
        } finally {
            Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
    }

    private List<String> listing() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().collect(Collectors.toList());
        }
    }
}
