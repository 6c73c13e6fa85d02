package org.hessianscope.ui.experiment;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.Consumer;
import org.hessianscope.experiment.FailedPoint;
import org.hessianscope.experiment.PointResult;
import org.hessianscope.experiment.SweepFile;
import org.hessianscope.experiment.SweepListener;
import org.hessianscope.experiment.SweepPoint;
import org.hessianscope.experiment.SweepProgressLine;
import org.hessianscope.experiment.SweepRow;
import org.hessianscope.task.ProgressMonitor;
import org.hessianscope.ui.common.Feed;

/**
 * Hands a running sweep's per-point progress from the worker threads to the JavaFX thread.
 * Workers only overwrite each point's latest state; at most one hand-over is queued at a
 * time (through the window's {@link Feed}), so a point reporting every mini-batch never floods
 * the JavaFX thread, and the last state always arrives. After {@link #close()} late reports from
 * winding-down workers are dropped.
 */
public final class SweepFeed implements SweepListener {
    private final SweepFile sweep;
    /** Coalesces the reports into one hand-over per JavaFX turn; the table then reads the latest states. */
    private final Feed<Boolean> changes;
    private final Consumer<Boolean> changed;
    private final AtomicReferenceArray<PointState> states;
    private final AtomicReferenceArray<Path> folders;
    private final AtomicReferenceArray<SweepRow> rows;
    private final ConcurrentLinkedQueue<String> warnings = new ConcurrentLinkedQueue<>();
    private final AtomicInteger finished = new AtomicInteger();
    private volatile ProgressMonitor overall = ProgressMonitor.NONE;
    private final Path store;

    /** {@code onChange} runs on {@code fx} (the JavaFX thread) and reads the latest states with the getters. */
    SweepFeed(SweepFile sweep, Path store, Executor fx, Consumer<SweepFeed> onChange) {
        this.sweep = sweep;
        this.store = store;
        changes = new Feed<>(fx);
        changes.onBatch(b -> onChange.accept(this));
        changed = changes.restart();
        int n = sweep.values().size();
        states = new AtomicReferenceArray<>(n);
        folders = new AtomicReferenceArray<>(n);
        rows = new AtomicReferenceArray<>(n);
    }

    /** The job's own monitor, which shows how many points are done in the job strip. */
    void attach(ProgressMonitor monitor) {
        overall = monitor;
        monitor.progress(0, states.length(), "0 of " + states.length() + " points done");
    }

    @Override
    public void phase(SweepPoint point, Phase phase, String detail) {
        phase(point.index(), phase, detail);
    }

    private void phase(int i, Phase phase, String detail) {
        if (phase == Phase.CHECKING) {
            folders.set(i, store.resolve(detail));
        }
        update(i, switch (phase) {
            case CHECKING -> PointState.of(PointState.Stage.CHECKING);
            case TRAINING -> new PointState(PointState.Stage.TRAINING, 0, "");
            case ANALYSIS -> PointState.of(PointState.Stage.ANALYSING);
        });
    }

    @Override
    public void progress(SweepPoint point, Phase phase, long done, long total, String message) {
        progress(point.index(), phase, done, total, message);
    }

    private void progress(int i, Phase phase, long done, long total, String message) {
        double fraction = total > 0 ? Math.min(1, (double) done / total) : Double.NaN;
        update(i, phase == Phase.TRAINING ? new PointState(PointState.Stage.TRAINING, fraction, "")
                : new PointState(PointState.Stage.ANALYSING, fraction, step(message)));
    }

    @Override
    public void finished(PointResult result) {
        int i = result.point().index();
        rows.set(i, SweepRow.of(sweep, result));
        finished(i, result.run().folder(), result.trained());
    }

    private void finished(int i, Path folder, boolean trained) {
        folders.set(i, folder);
        update(i, PointState.of(trained ? PointState.Stage.TRAINED : PointState.Stage.REUSED));
        int n = finished.incrementAndGet();
        overall.progress(n, states.length(), n + " of " + states.length() + " points done");
    }

    @Override
    public void failed(FailedPoint failure) {
        update(failure.index(), PointState.of(PointState.Stage.FAILED));
    }

    /**
     * A line read from a sweep run by another process (submitted to Spark), shown as the same
     * states as a sweep run here; the point's numbers come from the summary once it is written.
     * Lines naming a point this sweep does not have are ignored.
     */
    void accept(SweepProgressLine line) {
        int i = line.point();
        if (line.event().equals(SweepProgressLine.WARNING)) {
            warning(line.text());
            return;
        }
        if (i < 0 || i >= states.length()) {
            return;
        }
        Phase phase = line.sweepPhase();
        switch (line.event()) {
            case SweepProgressLine.PHASE -> {
                if (phase != null) {
                    phase(i, phase, line.text());
                }
            }
            case SweepProgressLine.PROGRESS -> {
                if (phase != null) {
                    progress(i, phase, line.done(), line.total(), line.text());
                }
            }
            case SweepProgressLine.FINISHED -> finished(i, Path.of(line.run()), line.trained());
            case SweepProgressLine.FAILED -> {
                if (overall.isCancelled()) {
                    // A cancelled sweep's driver reports the points it had to drop as failed; they were cancelled.
                    update(i, PointState.of(PointState.Stage.CANCELLED));
                } else {
                    warning("point " + line.value() + " failed: " + line.text());
                    update(i, PointState.of(PointState.Stage.FAILED));
                }
            }
            default -> {
            }
        }
    }

    @Override
    public void warning(String message) {
        warnings.add(message);
        changed();
    }

    /** The analysis step's name: the part of "curvature: lanczos 3/6" before the colon. */
    static String step(String message) {
        if (message == null) {
            return "";
        }
        int colon = message.indexOf(": ");
        return colon < 0 ? message : message.substring(0, colon);
    }

    private void update(int i, PointState s) {
        states.set(i, s);
        changed();
    }

    private void changed() {
        changed.accept(Boolean.TRUE);
    }

    void close() {
        changes.stop();
    }

    /** The latest state of point {@code i}, or null when it has not reported yet. */
    PointState state(int i) {
        return states.get(i);
    }

    Path folder(int i) {
        return folders.get(i);
    }

    SweepRow row(int i) {
        return rows.get(i);
    }

    List<String> drainWarnings() {
        List<String> out = new ArrayList<>();
        for (String w; (w = warnings.poll()) != null; ) {
            out.add(w);
        }
        return out;
    }
}
