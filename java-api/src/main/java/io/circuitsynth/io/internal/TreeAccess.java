package io.circuitsynth.io.internal;

import io.circuitsynth.io.SexprTree;

/**
 * Hands the native engine a tree's arrays without the defensive copies the public accessors
 * make: printing the whole KiCad library through JNI would otherwise copy about 800 MB per run.
 * Only {@link SexprTree} can install the accessor, from its static initializer; callers must
 * treat the arrays as read-only.
 */
public final class TreeAccess {
    /** Implemented by {@link SexprTree}. */
    public interface Accessor {
        byte[] source(SexprTree tree);

        int[] nodes(SexprTree tree);
    }

    private static volatile Accessor accessor;

    private TreeAccess() {}

    /** Called once, by {@link SexprTree}'s static initializer. */
    public static void install(Accessor value) {
        if (accessor != null) {
            throw new IllegalStateException("TreeAccess is already installed");
        }
        accessor = value;
    }

    /** The tree's source bytes, not copied. */
    public static byte[] source(SexprTree tree) {
        return accessor.source(tree);
    }

    /** The tree's node table, not copied; it may be longer than {@code 4 * tree.size()}. */
    public static int[] nodes(SexprTree tree) {
        return accessor.nodes(tree);
    }
}
