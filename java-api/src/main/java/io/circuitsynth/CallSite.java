package io.circuitsynth;

import java.util.Set;

/**
 * The caller's source location, {@code Board.java:42}, recorded as the origin of what an API call
 * creates. Finalize prints it in its messages ({@code / R1 (at Board.java:42)}), so an error in a
 * circuit built in code points at the line that built the faulty part, as a compiler would.
 */
final class CallSite {
    private CallSite() {}

    /** Classes whose frames are skipped: the API itself, so the origin is the user's line. */
    private static final Set<String> API_CLASSES = Set.of(
            Circuit.class.getName(), Component.class.getName(), Component.Unit.class.getName(),
            Net.class.getName(), Pin.class.getName(), Instance.class.getName(), Circuits.class.getName(),
            CallSite.class.getName(), DesignConversion.class.getName());

    private static final StackWalker WALKER = StackWalker.getInstance();

    /**
     * {@code FILE:LINE} of the nearest frame outside the API; {@code CLASS.METHOD} when the class
     * was compiled without debug information; null if every frame is the API's own.
     */
    static String caller() {
        return WALKER.walk(frames -> frames
                .filter(f -> !API_CLASSES.contains(f.getClassName()))
                .findFirst()
                .map(CallSite::describe)
                .orElse(null));
    }

    private static String describe(StackWalker.StackFrame frame) {
        String file = frame.getFileName();
        int line = frame.getLineNumber();
        if (file == null) {
            return frame.getClassName() + "." + frame.getMethodName();
        }
        return line > 0 ? file + ":" + line : file;
    }
}
