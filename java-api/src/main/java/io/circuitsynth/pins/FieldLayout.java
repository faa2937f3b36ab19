package io.circuitsynth.pins;

/** Reference and Value beside a unit's body; Reference is above Value. */
public record FieldLayout(FieldPlacement reference, FieldPlacement value) {}
