/**
 * The {@code symbol-cache} stage: KiCad symbol libraries ({@code .kicad_sym}, KiCad 6 to 9) read
 * into resolved {@link io.circuitsynth.symbols.Symbol}s (derived symbols carry their parent's units,
 * pins and graphics), indexed for {@code LIB:NAME} lookup and search, and kept in a persistent
 * cache between runs.
 *
 * <p>Applications use {@link io.circuitsynth.symbols.SymbolLibraries}:
 *
 * <pre>{@code
 * try (SymbolLibraries libs = SymbolLibraries.open(List.of(
 *         LibrarySource.of(Path.of("/usr/share/kicad/symbols/Device.kicad_sym")),
 *         LibrarySource.of(Path.of("/usr/share/kicad/symbols/power.kicad_sym"))))) {
 *     Symbol r = libs.symbol("Device:R");
 *     List<SymbolPin> pins = r.pins(1, 1);
 *     List<SearchHit> hits = libs.search("ldo 3.3");
 * }
 * }</pre>
 *
 * <p>{@link io.circuitsynth.symbols.SymbolStage} is implemented twice, by
 * {@link io.circuitsynth.symbols.JavaSymbolStage} and by the native engine, with identical results:
 * same dumps, same binary records ({@link io.circuitsynth.symbols.SymbolRecords}), same warnings,
 * same cache files. The specification both follow is {@code conformance/symbols/README.md}.
 * Libraries that cannot be read are skipped with a warning that says where and why; the others are
 * still served.
 */
package io.circuitsynth.symbols;
