/**
 * The native engine: the JNI declarations, the loader that finds, verifies, extracts and checks
 * the {@code circuitsynth} library from a {@code circuitsynth-natives} classifier jar, and the
 * native implementations of the stages. Internal: the supported surface is
 * {@code io.circuitsynth.CircuitSynth#engineInfo()} and the system properties listed in
 * {@link io.circuitsynth.natives.Configuration}. See {@code docs/native-loader.md}.
 */
package io.circuitsynth.natives;
