/**
 * Circuits as code. {@link io.circuitsynth.Circuit} holds components ({@link io.circuitsynth.Component}),
 * nets ({@link io.circuitsynth.Net}) that connect their pins ({@link io.circuitsynth.Pin}), and
 * subcircuits placed as hierarchical sheets ({@link io.circuitsynth.Instance});
 * {@link io.circuitsynth.Circuits} reads circuits from circuit JSON, KiCad {@code .net} and
 * circuit-synth JSON, and writes circuit JSON and KiCad 9 netlists. A circuit read from a file is
 * an ordinary {@code Circuit}, to inspect, change and write again.
 *
 * <pre>{@code
 * Circuit board = Circuit.create("blinky");
 * Component led = board.component("Device:LED", "D", "red");
 * Component r = board.component("Device:R", "R", "330");
 * board.net("+5V").connect(r.pin(1));
 * r.pin(2).connect(led.pin("A"));
 * board.net("GND").connect(led.pin("K"));
 * try (SymbolLibraries libs = SymbolLibraries.discover()) {
 *     Circuits.writeNet(board, libs, Path.of("blinky.net"));
 * }
 * }</pre>
 *
 * <p>{@link io.circuitsynth.CircuitSynth} tells which engine (native or Java) runs. The model the
 * API builds is {@link io.circuitsynth.netlist.Design}, specified in
 * {@code conformance/netlist/README.md}.
 */
package io.circuitsynth;
