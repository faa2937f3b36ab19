package io.circuitsynth.natives;

import io.circuitsynth.CircuitSynthException;

/**
 * The outcome of loading the native library: whether it is usable, and why (not).
 *
 * @param loaded true when the library loaded and its handshake (ABI and version) passed
 * @param reason a sentence saying what happened, with remedies when it failed
 * @param platform the platform key that was looked for, e.g. {@code linux-x86_64}
 * @param path the library file that was loaded, or null if none was
 * @param version the crate version the library reported, or null if it was not loaded
 * @param abi the ABI version the library reported, or -1 if it was not loaded
 * @param failure when not loaded: the failure with every failed attempt as a suppressed
 *     exception; null when loaded
 */
public record NativeStatus(
        boolean loaded,
        String reason,
        String platform,
        String path,
        String version,
        int abi,
        CircuitSynthException failure) {}
