package io.circuitsynth.cli;

import io.circuitsynth.CircuitSynth;
import io.circuitsynth.EngineInfo;
import io.circuitsynth.symbols.BuiltinLibraries;
import io.circuitsynth.symbols.SymbolDirectories;
import io.circuitsynth.symbols.SymbolLibraryDiscovery;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** Prints what CircuitSynth sees on this machine: platform, engine, native library, KiCad. */
@Command(name = "doctor", description = "Show the platform, the engine in use and why, the native library, and the KiCad installation.")
final class DoctorCommand implements Callable<Integer> {
    @Mixin
    EngineOption engine;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        EngineInfo info = CircuitSynth.engineInfo();
        out.println("circuitsynth     " + CircuitSynth.version());
        out.println("java             " + System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
        out.println("platform         " + info.platform());
        out.println("engine           " + info.kind().name().toLowerCase(java.util.Locale.ROOT) + " (" + info.reason() + ")");
        out.println("native library   " + (info.nativePath() == null ? "none" : info.nativePath()));
        out.println("native version   " + (info.nativeVersion() == null ? "none" : info.nativeVersion()));
        out.println("symbol dirs");
        boolean any = false;
        for (SymbolDirectories.Candidate c : SymbolDirectories.candidates()) {
            if (c.exists()) {
                any = true;
                out.println("  found          " + c.path() + " (" + c.source() + ")");
            }
        }
        if (!any) {
            out.println("  none found     set KICAD9_SYMBOL_DIR or install KiCad 9; the built-in generic library will be used");
        }
        SymbolLibraryDiscovery.Result libraries = SymbolLibraryDiscovery.discover();
        if (libraries.useBuiltin()) {
            out.println("symbol libraries none found; built-in " + String.join(", ", BuiltinLibraries.NICKNAMES) + " serve");
        } else {
            out.println("symbol libraries " + libraries.libraries().size() + " found");
        }
        for (String warning : libraries.warnings()) {
            out.println("  warning        " + warning);
        }
        KicadCli.Probe kicad = KicadCli.probe();
        if (kicad.path() == null) {
            out.println("kicad-cli        not found (" + kicad.detail() + ")");
        } else {
            out.println("kicad-cli        " + kicad.path() + " (" + kicad.detail() + ")");
        }
        out.flush();
        return 0;
    }
}
