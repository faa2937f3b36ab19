package io.circuitsynth.symbols;

import java.util.Objects;

/**
 * One {@code (property "KEY" "VALUE" …)} of a symbol.
 *
 * @param key the property name, such as {@code Reference} or {@code ki_keywords}
 * @param value its text
 * @param hidden whether KiCad hides it on the schematic
 */
public record SymbolProperty(String key, String value, boolean hidden) {
    public SymbolProperty {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(value, "value");
    }
}
