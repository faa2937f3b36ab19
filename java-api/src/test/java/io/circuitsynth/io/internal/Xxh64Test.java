package io.circuitsynth.io.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class Xxh64Test {
    @TempDir
    Path dir;

    @Test
    void filesStreamedInChunksHashLikeTheWholeArray() throws IOException {
        Random random = new Random(42);
        for (int size : new int[] {0, 1, 31, 32, 33, 63, 64, 65, 95, 96, 100, 1000, 4097, 65543}) {
            byte[] data = new byte[size];
            random.nextBytes(data);
            Path file = Files.write(dir.resolve("f" + size), data);
            long expected = Xxh64.hash(data);
            for (int chunk : new int[] {32, 64, 96, 4096, 1 << 20}) {
                try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
                    assertThat(Xxh64.hash(ch, new byte[chunk])).as("size %d, chunk %d", size, chunk).isEqualTo(expected);
                }
            }
        }
    }

    @Test
    void bufferLengthsThatSplitAStripeAreRejected() {
        assertThatThrownBy(() -> Xxh64.hash(Channels.newChannel(new ByteArrayInputStream(new byte[0])), new byte[48]))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
