package org.hessianscope.cli.common;

import org.hessianscope.task.ProgressMonitor;

import java.io.PrintStream;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * One progress line per job on stderr: the overall percent, the time left (from the rate so far)
 * and what is running, e.g. {@code [#####.....]  48.3%  about 2 min 10 s left  phase 3/6: Lanczos on
 * the Gauss-Newton part, Lanczos step 12/40, top Ritz value 0.002286}. The percent never goes back:
 * a monitor that restarts its count (a new phase not announced through
 * {@link org.hessianscope.task.Phases}) only changes the words.
 * <p>
 * On a terminal the line is redrawn in place (at most ten times a second) and cut to the
 * terminal's width. Off a terminal (piped to a file, in CI) a plain line is printed every
 * {@link #PLAIN_INTERVAL_NANOS} instead, starting after the first interval, so short commands stay
 * silent and long ones show they are alive. Download progress counts bytes ({@link #forBytes}).
 */
public final class ConsoleProgress implements ProgressMonitor {
    private static final int WIDTH = 20;
    private static final long REDRAW_NANOS = 100_000_000L;
    static final long PLAIN_INTERVAL_NANOS = 5_000_000_000L;
    /** Time left is shown once this much is done, before which a rate means little. */
    private static final double MIN_FRACTION_FOR_ESTIMATE = 0.005;

    private final PrintStream out;
    private final boolean terminal;
    private final boolean bytes;
    private final int columns;
    private final LongSupplier clock;
    private final long started;
    private long lastDraw;
    private int lastLength;
    private double fraction;

    ConsoleProgress(PrintStream out, boolean terminal, boolean bytes, int columns, LongSupplier clock) {
        this.out = out;
        this.terminal = terminal;
        this.bytes = bytes;
        this.columns = columns;
        this.clock = clock;
        this.started = clock.getAsLong();
        // A terminal shows the first report at once; off a terminal the first line waits one interval.
        this.lastDraw = terminal ? started - REDRAW_NANOS : started;
    }

    /** Progress of a computation on stderr: redrawn on a terminal, a plain line every few seconds otherwise. */
    public static ConsoleProgress onTerminal() {
        return new ConsoleProgress(System.err, System.console() != null, false, terminalColumns(), System::nanoTime);
    }

    /** As {@link #onTerminal}, counting bytes (downloads): "12.34 MB of 45.67 MB". */
    public static ConsoleProgress forBytes() {
        return new ConsoleProgress(System.err, System.console() != null, true, terminalColumns(), System::nanoTime);
    }

    /** The terminal's width from {@code COLUMNS} (set by interactive shells), else 100. */
    static int terminalColumns() {
        try {
            int c = Integer.parseInt(System.getenv().getOrDefault("COLUMNS", ""));
            return c >= 40 ? c : 100;
        } catch (NumberFormatException e) {
            return 100;
        }
    }

    @Override
    public synchronized void progress(long done, long total, String message) {
        long now = clock.getAsLong();
        double f = total > 0 ? Math.min(1.0, Math.max(0.0, (double) done / total)) : fraction;
        // Bytes count per file (a download of several files), so only a computation is held monotone.
        fraction = bytes ? f : Math.max(fraction, f);
        boolean finished = total > 0 && done >= total;
        if (terminal) {
            if (!finished && now - lastDraw < REDRAW_NANOS) {
                return;
            }
            lastDraw = now;
            String line = cut(line(done, total, message, now));
            out.print("\r" + line + " ".repeat(Math.max(0, lastLength - line.length())));
            lastLength = line.length();
        } else {
            if (now - lastDraw < PLAIN_INTERVAL_NANOS) {
                return;
            }
            lastDraw = now;
            out.println(line(done, total, message, now));
        }
        out.flush();
    }

    /** A line of its own (a warning, an expectation) between progress lines; the progress line resumes after it. */
    public synchronized void note(String line) {
        finish();
        out.println(line);
        out.flush();
    }

    /** Ends the current line on a terminal. */
    public synchronized void finish() {
        if (terminal && lastLength > 0) {
            out.println();
            lastLength = 0;
        }
    }

    String line(long done, long total, String message, long now) {
        String what = message == null ? "" : message;
        if (bytes) {
            String amount = total > 0 ? megabytes(done) + " of " + megabytes(total) : megabytes(done);
            return String.format(Locale.ROOT, "%s%s  %s", total > 0 ? bar(fraction) + " " : "", amount, what);
        }
        return String.format(Locale.ROOT, "%s %5.1f%%  %s  %s", bar(fraction), 100 * fraction,
                timeLeft(now), what);
    }

    private static String bar(double f) {
        int filled = (int) Math.round(f * WIDTH);
        return "[" + "#".repeat(filled) + ".".repeat(WIDTH - filled) + "]";
    }

    private String timeLeft(long now) {
        double elapsed = (now - started) / 1e9;
        if (fraction >= 1.0) {
            return "done in " + duration(elapsed);
        }
        if (fraction < MIN_FRACTION_FOR_ESTIMATE || elapsed < 1) {
            return "estimating time left";
        }
        return "about " + duration(elapsed * (1 - fraction) / fraction) + " left";
    }

    /** "45 s", "2 min 10 s", "1 h 05 min": whole units, as a person reads a clock. */
    public static String duration(double seconds) {
        long s = Math.round(Math.max(0, seconds));
        if (s < 60) {
            return s + " s";
        }
        if (s < 3600) {
            return String.format(Locale.ROOT, "%d min %02d s", s / 60, s % 60);
        }
        return String.format(Locale.ROOT, "%d h %02d min", s / 3600, (s % 3600) / 60);
    }

    private String cut(String line) {
        int max = columns - 1;
        return line.length() <= max ? line : line.substring(0, max - 1) + "…";
    }

    private static String megabytes(long bytes) {
        return String.format(Locale.ROOT, "%.2f MB", bytes / 1e6);
    }

    @Override
    public boolean isCancelled() {
        return false;
    }
}
