/**
 * Wiring shared by the CircuitSynth modules (engine selection). Internal: not part of the
 * supported API and may change in any release.
 */
package io.circuitsynth.internal;
