package org.hessianscope.experiment;

import java.io.PrintStream;
import java.util.HashMap;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * Prints a sweep's events as {@link SweepProgressLine}s, one per line, and passes each on to
 * the listener it wraps (the terminal's). Progress reports come every mini-batch, so a point's
 * progress line is printed at most every {@link #PROGRESS_NANOS} unless its phase is complete;
 * phase, finished, failed and warning lines are always printed.
 */
public final class SweepProgressLines implements SweepListener {
    static final long PROGRESS_NANOS = 250_000_000L;

    private final PrintStream out;
    private final SweepListener next;
    private final LongSupplier clock;
    private final Map<Integer, Long> lastProgress = new HashMap<>();

    public SweepProgressLines(PrintStream out, SweepListener next) {
        this(out, next, System::nanoTime);
    }

    /** {@code clock} gives nanoseconds; tests pass their own. */
    SweepProgressLines(PrintStream out, SweepListener next, LongSupplier clock) {
        this.out = out;
        this.next = next;
        this.clock = clock;
    }

    @Override
    public void phase(SweepPoint point, Phase phase, String detail) {
        next.phase(point, phase, detail);
        synchronized (this) {
            lastProgress.remove(point.index());
            print(SweepProgressLine.phase(point, phase, detail));
        }
    }

    @Override
    public void progress(SweepPoint point, Phase phase, long done, long total, String message) {
        next.progress(point, phase, done, total, message);
        synchronized (this) {
            long now = clock.getAsLong();
            Long last = lastProgress.get(point.index());
            if (last != null && now - last < PROGRESS_NANOS && !(total > 0 && done >= total)) {
                return;
            }
            lastProgress.put(point.index(), now);
            print(SweepProgressLine.progress(point, phase, done, total, message));
        }
    }

    @Override
    public void finished(PointResult result) {
        next.finished(result);
        synchronized (this) {
            print(SweepProgressLine.finished(result));
        }
    }

    @Override
    public void failed(FailedPoint failure) {
        next.failed(failure);
        synchronized (this) {
            print(SweepProgressLine.failed(failure));
        }
    }

    @Override
    public void warning(String message) {
        next.warning(message);
        synchronized (this) {
            print(SweepProgressLine.warning(message));
        }
    }

    /** The last line, once the results folder is written. */
    public synchronized void done(int finished, int points, String results) {
        print(SweepProgressLine.done(finished, points, results));
    }

    private void print(SweepProgressLine line) {
        out.println(line.format());
        // The reading process sees each line at once, not when a buffer fills.
        out.flush();
    }
}
