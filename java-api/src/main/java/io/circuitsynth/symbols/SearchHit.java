package io.circuitsynth.symbols;

/**
 * One result of a symbol search.
 *
 * @param lib the library nickname
 * @param name the symbol name
 * @param score the specification's relevance score; higher is better
 */
public record SearchHit(String lib, String name, int score) {
    /** {@code LIB:NAME}. */
    public String id() {
        return lib + ":" + name;
    }
}
