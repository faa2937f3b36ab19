/**
 * The {@code io} stage: KiCad S-expression parsing ({@link io.circuitsynth.io.SexprTree}),
 * printing in KiCad 9's layout, building trees in code ({@link io.circuitsynth.io.SexprBuilder}),
 * content hashing and atomic writes. {@link io.circuitsynth.io.IoStage} is implemented twice, by
 * {@link io.circuitsynth.io.JavaIoStage} and by the native engine, with identical results; the
 * specification both follow is {@code conformance/README.md}.
 */
package io.circuitsynth.io;
