package io.circuitsynth.cli;

import picocli.CommandLine.Option;

/**
 * {@code --engine auto|native|java}, shared by every command. Engine selection is lazy, so setting
 * the system property here, before a command touches any stage, is all it takes.
 */
final class EngineOption {
    @Option(
            names = "--engine",
            paramLabel = "auto|native|java",
            description = "Engine for every stage: auto (native when usable, else Java), native (fail if unusable), java.")
    void setEngine(String engine) {
        String value = engine.toLowerCase(java.util.Locale.ROOT);
        if (!value.equals("auto") && !value.equals("native") && !value.equals("java")) {
            throw new picocli.CommandLine.TypeConversionException(
                    "Invalid value for --engine: '" + engine + "' (expected auto, native or java)");
        }
        System.setProperty("circuitsynth.engine", value);
    }
}
