package io.circuitsynth.natives;

import io.circuitsynth.netlist.Design;
import io.circuitsynth.netlist.DesignCodec;
import io.circuitsynth.schematic.GeneratedProject;
import io.circuitsynth.schematic.SchematicStage;
import io.circuitsynth.symbols.SymbolIndex;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The native implementation of the {@code schematic-writer} stage: ONE JNI call for the whole
 * pipeline (finalize, symbols, pin geometry, layout, files), the design crossing in
 * {@link DesignCodec}'s encoding and every file coming back in one flat encoding:
 *
 * <pre>
 * u32 files, then per file: str path, bytes content
 * u32 sheets, then per sheet: str file, str definition, str page,
 *     u32 symbols, sheets, power symbols, labels, wires, no-connects, i64 width, i64 height, u32 overlaps
 * u32 nets, then per net: str name, str kicad name
 * u32 components
 * </pre>
 *
 * (little-endian; {@code str} and {@code bytes} are a u32 length, then the bytes, UTF-8 for
 * {@code str}). It needs an index opened by the native engine. Bad input throws the Java
 * engine's exception with the Java engine's message.
 */
final class NativeSchematicStage implements SchematicStage {

    @Override
    public GeneratedProject generate(Design design, SymbolIndex symbols) {
        Objects.requireNonNull(design, "design");
        Objects.requireNonNull(symbols, "symbols");
        if (!(symbols instanceof NativeSymbolIndex nativeIndex)) {
            throw new IllegalArgumentException("the native schematic stage needs a symbol index opened by the native"
                    + " engine, not " + symbols.getClass().getName() + "; open the libraries with"
                    + " Engines.nativeSymbols() (the same engine as the schematic stage), or use the Java stage");
        }
        byte[] encoded = DesignCodec.encode(design);
        byte[] answer = nativeIndex.withHandle(handle -> NativeBridge.schematicGenerate(encoded, handle));
        try {
            return decode(answer);
        } catch (BufferUnderflowException | IllegalArgumentException e) {
            throw new NativeEngineException("generate returned a project the Java side cannot decode: " + e);
        }
    }

    private static String string(ByteBuffer in) {
        return new String(bytes(in), StandardCharsets.UTF_8);
    }

    private static byte[] bytes(ByteBuffer in) {
        int n = in.getInt();
        if (n < 0 || n > in.remaining()) {
            throw new IllegalArgumentException("length " + n + " beyond the " + in.remaining() + " bytes left");
        }
        byte[] out = new byte[n];
        in.get(out);
        return out;
    }

    static GeneratedProject decode(byte[] answer) {
        ByteBuffer in = ByteBuffer.wrap(answer).order(ByteOrder.LITTLE_ENDIAN);
        int fileCount = in.getInt();
        List<GeneratedProject.File> files = new ArrayList<>(fileCount);
        for (int i = 0; i < fileCount; i++) {
            String path = string(in);
            files.add(new GeneratedProject.File(path, bytes(in)));
        }
        int sheetCount = in.getInt();
        List<GeneratedProject.SheetReport> sheets = new ArrayList<>(sheetCount);
        for (int i = 0; i < sheetCount; i++) {
            String file = string(in);
            String definition = string(in);
            String page = string(in);
            int[] counts = new int[6];
            for (int k = 0; k < counts.length; k++) {
                counts[k] = in.getInt();
            }
            long width = in.getLong();
            long height = in.getLong();
            int overlaps = in.getInt();
            sheets.add(new GeneratedProject.SheetReport(file, definition, page, counts[0], counts[1], counts[2],
                    counts[3], counts[4], counts[5], width, height, overlaps));
        }
        int netCount = in.getInt();
        List<GeneratedProject.NetReport> nets = new ArrayList<>(netCount);
        for (int i = 0; i < netCount; i++) {
            String name = string(in);
            nets.add(new GeneratedProject.NetReport(name, string(in)));
        }
        int components = in.getInt();
        if (in.hasRemaining()) {
            throw new IllegalArgumentException(in.remaining() + " bytes after the project");
        }
        // The project name is the root file's stem.
        String root = files.isEmpty() ? "" : files.get(0).path();
        String name = root.endsWith(".kicad_sch") ? root.substring(0, root.length() - ".kicad_sch".length()) : root;
        return new GeneratedProject(name, files, sheets, nets, components);
    }
}
