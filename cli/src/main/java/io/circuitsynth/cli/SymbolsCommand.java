package io.circuitsynth.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.circuitsynth.internal.Engines;
import io.circuitsynth.symbols.CacheDirectory;
import io.circuitsynth.symbols.LibrarySource;
import io.circuitsynth.symbols.SearchHit;
import io.circuitsynth.symbols.Symbol;
import io.circuitsynth.symbols.SymbolIndex;
import io.circuitsynth.symbols.SymbolLibraries;
import io.circuitsynth.symbols.SymbolLibraryDiscovery;
import io.circuitsynth.symbols.SymbolNotFoundException;
import io.circuitsynth.symbols.SymbolPin;
import io.circuitsynth.symbols.SymbolProperty;
import io.circuitsynth.symbols.SymbolStage;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** KiCad symbol libraries: build the persistent index, search it, show one symbol. */
@Command(
        name = "symbols",
        description = "KiCad symbol libraries: index them, search them, show a symbol's pins.",
        subcommands = {SymbolsCommand.Index.class, SymbolsCommand.Search.class, SymbolsCommand.Show.class})
final class SymbolsCommand {
    private SymbolsCommand() {}

    /** Where libraries come from, shared by the subcommands. */
    static final class LibraryOptions {
        @Option(names = "--symbol-dir", paramLabel = "PATH", description = "Also use this .kicad_sym file or every .kicad_sym in this directory (repeatable); these come first.")
        List<Path> symbolDirs = new ArrayList<>();

        @Option(names = "--project", paramLabel = "DIR", description = "A KiCad project directory whose sym-lib-table is read; its libraries shadow global ones of the same nickname.")
        Path project;

        @Option(names = "--no-cache", description = "Do not read or write the persistent symbol cache.")
        boolean noCache;

        SymbolLibraryDiscovery.Result discover() {
            SymbolLibraryDiscovery.Builder discovery = SymbolLibraryDiscovery.builder();
            if (project != null) {
                discovery.project(project);
            }
            for (Path dir : symbolDirs) {
                discovery.addLibrary(dir);
            }
            return discovery.discover();
        }

        Path cacheDir() {
            return noCache ? null : CacheDirectory.defaultDir();
        }
    }

    /** What every symbols subcommand takes: the engine and where the libraries come from. */
    abstract static class LibraryCommand implements Callable<Integer> {
        @Mixin
        EngineOption engine;

        @ArgGroup(exclusive = false, heading = "Libraries%n")
        LibraryOptions libraries = new LibraryOptions();

        @Spec
        CommandSpec spec;
    }

    @Command(name = "index", description = "Read every library (or its cache), refresh the persistent cache, and summarize.")
    static final class Index extends LibraryCommand {
        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            SymbolLibraryDiscovery.Result found = libraries.discover();
            List<LibrarySource> sources = SymbolLibraries.sources(found);
            Path cache = libraries.cacheDir();
            SymbolStage stage = Engines.symbols();
            long start = System.nanoTime();
            // One library at a time, so a terminal gets a real progress bar; each call leaves that
            // library's cache file behind, and the final open below reads them all back.
            ProgressBar bar = ProgressBar.forConsole(err, sources.size());
            for (int i = 0; i < sources.size(); i++) {
                try (SymbolIndex single = stage.open(List.of(sources.get(i)), cache)) {
                    bar.update(i + 1, sources.get(i).nickname());
                }
            }
            bar.finish();
            try (SymbolIndex index = stage.open(sources, cache)) {
                long millis = (System.nanoTime() - start) / 1_000_000;
                SymbolIndex.Stats stats = index.stats();
                out.println("libraries        " + stats.libraries() + (found.useBuiltin() ? " (built-in generic libraries: no KiCad library found)" : ""));
                out.println("symbols          " + stats.symbols());
                out.println("derived symbols  " + stats.derived());
                out.println("time             " + millis + " ms");
                out.println("cache            " + (cache == null ? "off" : cache.resolve("symbols").resolve("v1")));
                List<String> warnings = new ArrayList<>(found.warnings());
                warnings.addAll(index.warnings());
                out.println("warnings         " + warnings.size());
                for (String warning : warnings) {
                    out.println("  " + warning);
                }
                out.flush();
                return 0;
            }
        }
    }

    @Command(name = "search", description = "Ranked, fuzzy search over symbol names, keywords and descriptions.")
    static final class Search extends LibraryCommand {
        @Parameters(paramLabel = "QUERY", arity = "1..*", description = "Search terms; a symbol must match every one.")
        List<String> terms;

        @Option(names = {"-n", "--limit"}, defaultValue = "20", description = "At most this many results (default ${DEFAULT-VALUE}).")
        int limit;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            try (SymbolLibraries libs = open(libraries)) {
                List<SearchHit> hits = libs.search(String.join(" ", terms), limit);
                if (hits.isEmpty()) {
                    out.println("no symbol matches '" + String.join(" ", terms) + "'");
                    out.flush();
                    return 1;
                }
                for (SearchHit hit : hits) {
                    String description = libs.find(hit.lib(), hit.name()).map(Symbol::description).orElse("");
                    out.printf(Locale.ROOT, "%5d  %-40s %s%n", hit.score(), hit.id(), abbreviate(description, 80));
                }
                out.flush();
                return 0;
            }
        }
    }

    @Command(name = "show", description = "Print a symbol's properties and pin table, or JSON with --json.")
    static final class Show extends LibraryCommand {
        @Parameters(paramLabel = "LIB:NAME", description = "The symbol, such as Device:R.")
        String id;

        @Option(names = "--json", description = "Print JSON: the symbol's identity, properties and every pin's number, name, type, unit and position.")
        boolean json;

        @Override
        public Integer call() throws Exception {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            try (SymbolLibraries libs = open(libraries)) {
                Symbol symbol;
                try {
                    symbol = libs.symbol(id);
                } catch (SymbolNotFoundException e) {
                    err.println("circuitsynth: " + e.getMessage());
                    err.flush();
                    return 1;
                }
                if (json) {
                    ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
                    out.println(mapper.writeValueAsString(toJson(symbol)));
                } else {
                    printTable(out, symbol);
                }
                out.flush();
                return 0;
            }
        }
    }

    static SymbolLibraries open(LibraryOptions options) {
        return SymbolLibraries.open(Engines.symbols(), SymbolLibraries.sources(options.discover()), options.cacheDir());
    }

    static void printTable(PrintWriter out, Symbol s) {
        out.println(s.id() + (s.isDerived() ? " (extends " + s.extendsName() + ")" : "") + (s.power() ? " [power]" : ""));
        out.println("  description  " + s.description());
        out.println("  keywords     " + String.join(" ", s.keywords()));
        out.println("  reference    " + s.referencePrefix() + "    value " + s.value());
        out.println("  footprint    " + s.footprint());
        out.println("  datasheet    " + s.datasheet());
        out.println("  units        " + s.unitCount() + (s.bodyStyleCount() > 1 ? " (with De Morgan body style)" : ""));
        out.printf(Locale.ROOT, "  %-8s %-20s %-15s %-15s %4s %4s %9s %9s %4s%n",
                "pin", "name", "type", "style", "unit", "body", "x (mm)", "y (mm)", "rot");
        for (SymbolPin p : s.pins()) {
            out.printf(Locale.ROOT, "  %-8s %-20s %-15s %-15s %4d %4d %9s %9s %4d%s%n",
                    p.number(), p.name(), p.type().keyword(), p.style().keyword(), p.unit(), p.bodyStyle(),
                    mm(p.x()), mm(p.y()), p.rotation(), p.hidden() ? "  hidden" : "");
        }
    }

    static Map<String, Object> toJson(Symbol s) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", s.id());
        json.put("lib", s.lib());
        json.put("name", s.name());
        json.put("extends", s.isDerived() ? s.extendsName() : null);
        json.put("power", s.power());
        json.put("referencePrefix", s.referencePrefix());
        json.put("value", s.value());
        json.put("footprint", s.footprint());
        json.put("datasheet", s.datasheet());
        json.put("description", s.description());
        json.put("keywords", s.keywords());
        json.put("footprintFilters", s.footprintFilters());
        json.put("units", s.unitCount());
        json.put("bodyStyles", s.bodyStyleCount());
        Map<String, String> unitNames = new LinkedHashMap<>();
        s.unitNames().forEach((unit, name) -> unitNames.put(String.valueOf(unit), name));
        json.put("unitNames", unitNames);
        List<Map<String, Object>> properties = new ArrayList<>();
        for (SymbolProperty p : s.properties()) {
            Map<String, Object> property = new LinkedHashMap<>();
            property.put("key", p.key());
            property.put("value", p.value());
            property.put("hidden", p.hidden());
            properties.add(property);
        }
        json.put("properties", properties);
        List<Map<String, Object>> pins = new ArrayList<>();
        for (SymbolPin p : s.pins()) {
            Map<String, Object> pin = new LinkedHashMap<>();
            pin.put("number", p.number());
            pin.put("name", p.name());
            pin.put("type", p.type().keyword());
            pin.put("style", p.style().keyword());
            pin.put("unit", p.unit());
            pin.put("bodyStyle", p.bodyStyle());
            pin.put("x", new java.math.BigDecimal(p.x()).movePointLeft(4).stripTrailingZeros());
            pin.put("y", new java.math.BigDecimal(p.y()).movePointLeft(4).stripTrailingZeros());
            pin.put("rotation", p.rotation());
            pin.put("length", new java.math.BigDecimal(p.length()).movePointLeft(4).stripTrailingZeros());
            pin.put("hidden", p.hidden());
            pins.add(pin);
        }
        json.put("pins", pins);
        return json;
    }

    private static String mm(int iu) {
        return new java.math.BigDecimal(iu).movePointLeft(4).stripTrailingZeros().toPlainString();
    }

    private static String abbreviate(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 3) + "...";
    }
}
