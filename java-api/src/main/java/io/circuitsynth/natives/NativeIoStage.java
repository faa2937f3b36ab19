package io.circuitsynth.natives;

import io.circuitsynth.io.ContentHash;
import io.circuitsynth.io.IoStage;
import io.circuitsynth.io.SexprTree;
import io.circuitsynth.io.internal.TreeAccess;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@link IoStage} of the native engine: each operation is one call into the {@code
 * circuitsynth} library. Constructed by the loader only after the library loaded and passed its
 * handshake. Node tables coming back from native code are validated before a tree is built.
 */
public final class NativeIoStage implements IoStage {
    NativeIoStage() {}

    @Override
    public SexprTree parse(byte[] input, String sourceName) {
        return SexprTree.ofNodes(input, NativeBridge.sexprParse(input, sourceName));
    }

    @Override
    public byte[] print(SexprTree tree) {
        return NativeBridge.sexprPrint(TreeAccess.source(tree), TreeAccess.nodes(tree), tree.size());
    }

    @Override
    public byte[] format(byte[] input, String sourceName) {
        return NativeBridge.sexprFormat(input, sourceName);
    }

    @Override
    public long parseFiles(List<Path> files) throws IOException {
        return NativeBridge.sexprParseFiles(strings(files));
    }

    @Override
    public List<ContentHash> hash(List<Path> files) throws IOException {
        long[] pairs = NativeBridge.hashFiles(strings(files));
        if (pairs.length != files.size() * 2) {
            throw new NativeEngineException("hashFiles returned " + pairs.length + " values for " + files.size() + " files");
        }
        List<ContentHash> result = new ArrayList<>(files.size());
        for (int i = 0; i < files.size(); i++) {
            result.add(new ContentHash(files.get(i), pairs[2 * i], pairs[2 * i + 1]));
        }
        return result;
    }

    @Override
    public boolean writeIfChanged(Path path, byte[] bytes) throws IOException {
        return NativeBridge.writeIfChanged(path.toString(), bytes);
    }

    private static String[] strings(List<Path> files) {
        String[] paths = new String[files.size()];
        for (int i = 0; i < paths.length; i++) {
            paths[i] = files.get(i).toString();
        }
        return paths;
    }
}
