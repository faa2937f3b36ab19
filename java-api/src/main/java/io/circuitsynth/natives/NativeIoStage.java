package io.circuitsynth.natives;

import io.circuitsynth.io.ContentHash;
import io.circuitsynth.io.IoStage;
import io.circuitsynth.io.SexprTree;
import java.nio.file.Path;
import java.util.List;

/** TEMP stub so the loader branch compiles; replaced by the java-io branch. */
final class NativeIoStage implements IoStage {
    NativeIoStage() {}

    @Override
    public SexprTree parse(byte[] input, String sourceName) {
        throw new UnsupportedOperationException("stub");
    }

    @Override
    public byte[] print(SexprTree tree) {
        throw new UnsupportedOperationException("stub");
    }

    @Override
    public byte[] format(byte[] input, String sourceName) {
        throw new UnsupportedOperationException("stub");
    }

    @Override
    public long parseFiles(List<Path> files) {
        throw new UnsupportedOperationException("stub");
    }

    @Override
    public List<ContentHash> hash(List<Path> files) {
        throw new UnsupportedOperationException("stub");
    }

    @Override
    public boolean writeIfChanged(Path path, byte[] bytes) {
        throw new UnsupportedOperationException("stub");
    }
}
