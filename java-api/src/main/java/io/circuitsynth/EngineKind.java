package io.circuitsynth;

/** The two implementations of every stage. */
public enum EngineKind {
    /** The Rust library reached through JNI. */
    NATIVE,
    /** The pure-Java implementation, available everywhere. */
    JAVA
}
