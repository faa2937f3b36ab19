package io.circuitsynth.cli;

import java.io.PrintWriter;
import java.util.Locale;

/** A one-line progress bar, drawn only when standard error is a terminal; silent otherwise. */
final class ProgressBar {
    private static final int WIDTH = 30;

    private final PrintWriter err;
    private final int total;
    private final boolean enabled;

    private ProgressBar(PrintWriter err, int total, boolean enabled) {
        this.err = err;
        this.total = total;
        this.enabled = enabled;
    }

    /** Enabled when the JVM has a console, so redirected or captured output stays clean. */
    static ProgressBar forConsole(PrintWriter err, int total) {
        return new ProgressBar(err, total, System.console() != null && total > 0);
    }

    void update(int done, String label) {
        if (!enabled) {
            return;
        }
        int filled = (int) ((long) WIDTH * done / total);
        String shown = label.length() > 28 ? label.substring(0, 25) + "..." : label;
        err.printf(Locale.ROOT, "\r[%s%s] %3d/%d %-28s", "#".repeat(filled), " ".repeat(WIDTH - filled), done, total, shown);
        err.flush();
    }

    void finish() {
        if (enabled) {
            err.print("\r" + " ".repeat(WIDTH + 45) + "\r");
            err.flush();
        }
    }
}
