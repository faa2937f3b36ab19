package io.circuitsynth.io;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * The {@code io} stage: KiCad S-expression parsing and printing, content hashing and atomic
 * writes. Two implementations give identical results: {@code JavaIoStage} beside this interface
 * and {@code io.circuitsynth.natives.NativeIoStage}. The specification, and the vectors that pin it
 * down, are in {@code conformance/README.md}.
 */
public interface IoStage {

    /**
     * Parses one KiCad S-expression document.
     *
     * @param input the file's bytes; not modified, and kept by the returned tree
     * @param sourceName the name used in error messages, usually the file's path
     * @throws SexprParseException for malformed input
     */
    SexprTree parse(byte[] input, String sourceName);

    /** Prints {@code tree} in KiCad 9's layout, ending with a newline. */
    byte[] print(SexprTree tree);

    /** {@code print(parse(input, sourceName))}, in one step. */
    byte[] format(byte[] input, String sourceName);

    /**
     * Reads and parses every file, using all cores; returns the total node count. Errors are
     * reported for the first failing file in list order.
     *
     * @throws SexprParseException for a malformed file (its path is the source name)
     */
    long parseFiles(List<Path> files) throws IOException;

    /** Content hashes of the files, in list order, computed in parallel. */
    List<ContentHash> hash(List<Path> files) throws IOException;

    /**
     * Writes {@code bytes} to {@code path} atomically (temporary file, fsync, rename), unless the
     * file already holds exactly these bytes.
     *
     * @return true if the file was written, false if it was left unchanged
     */
    boolean writeIfChanged(Path path, byte[] bytes) throws IOException;
}
