package io.circuitsynth.symbols;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A child JVM of {@link ForkedCacheTest}: waits for a start file, indexes the libraries given with
 * the cache directory given, and prints each library's dump hash and every warning.
 * Arguments: {@code ENGINE CACHE_DIR GO_FILE READY_DIR LIB...}.
 */
public final class CacheBuilderChild {
    private CacheBuilderChild() {}

    public static void main(String[] args) throws Exception {
        SymbolStage stage = args[0].equals("java") ? new JavaSymbolStage()
                : io.circuitsynth.natives.Natives.symbolStage().orElseThrow();
        Path cache = Path.of(args[1]);
        Path go = Path.of(args[2]);
        Files.createFile(Path.of(args[3]).resolve(Long.toString(ProcessHandle.current().pid())));
        List<LibrarySource> sources = new ArrayList<>();
        for (int i = 4; i < args.length; i++) {
            sources.add(LibrarySource.of(Path.of(args[i])));
        }
        while (!Files.exists(go)) {
            Thread.sleep(1);
        }
        for (int round = 0; round < 3; round++) {
            try (SymbolIndex index = stage.open(sources, cache)) {
                for (String w : index.warnings()) {
                    System.out.println("warning=" + w);
                }
                for (LibrarySource s : sources) {
                    byte[] dump = index.dumpLibrary(s.nickname());
                    System.out.println("dump " + s.nickname() + "=" + io.circuitsynth.io.internal.Xxh64.hash(dump));
                }
            }
        }
    }
}
