package example;

import io.circuitsynth.CircuitSynth;
import io.circuitsynth.EngineInfo;
import io.circuitsynth.symbols.LibrarySource;
import io.circuitsynth.symbols.Symbol;
import io.circuitsynth.symbols.SymbolLibraries;
import java.nio.file.Path;
import java.util.List;

/** Says which engine runs and why, then reads a symbol library with it. */
public final class Consumer {
    private Consumer() {}

    public static void main(String[] args) {
        EngineInfo info = CircuitSynth.engineInfo();
        System.out.println("version: " + CircuitSynth.version());
        System.out.println("engine: " + info.kind());
        System.out.println("platform: " + info.platform());
        System.out.println("reason: " + info.reason());
        try (SymbolLibraries libs = SymbolLibraries.open(List.of(LibrarySource.of("Sample", Path.of(args[0]))), null)) {
            Symbol symbol = libs.symbol("Sample:" + args[1]);
            symbol.pins().forEach(p -> System.out.println("pin " + p.number() + " " + p.name() + " " + p.type()));
        }
    }
}
