package org.hessianscope.cli.common;

import org.hessianscope.task.ProgressMonitor;

import java.io.PrintStream;
import java.util.Locale;

/**
 * Draws a progress bar on one terminal line (stderr, redrawn with a carriage return, at
 * most ten times a second). Off a terminal it draws nothing, so logs stay clean.
 */
public final class ConsoleProgress implements ProgressMonitor {
    private static final int WIDTH = 30;
    private static final long REDRAW_NANOS = 100_000_000L;

    private final PrintStream out;
    private final boolean enabled;
    private long lastDraw;
    private String lastMessage = "";
    private int lastLength;

    ConsoleProgress(PrintStream out, boolean enabled) {
        this.out = out;
        this.enabled = enabled;
    }

    /** A bar on stderr when a terminal is attached. */
    public static ConsoleProgress onTerminal() {
        return new ConsoleProgress(System.err, System.console() != null);
    }

    @Override
    public synchronized void progress(long done, long total, String message) {
        if (!enabled) {
            return;
        }
        long now = System.nanoTime();
        boolean finished = total >= 0 && done >= total;
        if (!finished && message.equals(lastMessage) && now - lastDraw < REDRAW_NANOS) {
            return;
        }
        if (!message.equals(lastMessage) && lastLength > 0) {
            out.println();
            lastLength = 0;
        }
        lastDraw = now;
        lastMessage = message;
        String line = line(done, total, message);
        out.print("\r" + line + " ".repeat(Math.max(0, lastLength - line.length())));
        lastLength = line.length();
        out.flush();
    }

    /** Ends the current bar's line. */
    public synchronized void finish() {
        if (enabled && lastLength > 0) {
            out.println();
            lastLength = 0;
        }
    }

    static String line(long done, long total, String message) {
        if (total <= 0) {
            return String.format(Locale.ROOT, "%s  %s", megabytes(done), message);
        }
        double f = Math.min(1.0, (double) done / total);
        int filled = (int) Math.round(f * WIDTH);
        return String.format(Locale.ROOT, "[%s%s] %3d%%  %s / %s  %s", "#".repeat(filled), ".".repeat(WIDTH - filled),
                Math.round(f * 100), megabytes(done), megabytes(total), message);
    }

    private static String megabytes(long bytes) {
        return String.format(Locale.ROOT, "%.1f MB", bytes / 1e6);
    }

    @Override
    public boolean isCancelled() {
        return false;
    }
}
