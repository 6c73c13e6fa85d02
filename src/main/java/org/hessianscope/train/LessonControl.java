package org.hessianscope.train;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import org.hessianscope.task.ProgressMonitor;

/**
 * Play, pause and step for a training shown to a class: the {@link Trainer} asks it before
 * every batch ({@link Pacing}); while paused the training thread waits on a condition (no busy
 * wait) until {@link #play}, {@link #stepBatch} or {@link #stepEpoch} lets it go on, or the
 * monitor is cancelled or the thread interrupted. Each time the training stops here, and at every
 * epoch boundary while it plays, {@code checkpoints} hears where it stands with a copy of the
 * weights, so a window can bring its charts up to date. Pacing only decides when a batch runs,
 * never what it computes: a paced run ends with the same weights as a free one.
 *
 * <p>The commands may come from any thread; {@code checkpoints} is called on the training thread.
 */
public final class LessonControl implements Pacing {
    /** How long a wait lasts before it looks at the monitor again, for a cancel that does not interrupt. */
    private static final long RECHECK_MILLIS = 100;

    private enum Mode { PLAY, PAUSE, BATCH, EPOCH }

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final Consumer<LessonCheckpoint> checkpoints;
    private Mode mode;
    /** The step count when the last step command came: a batch step runs to {@code from + 1}, an epoch step past it. */
    private long from;
    /** The step count the trainer last asked at (−1 before it first asked). */
    private long position = -1;
    /** The step the last paused checkpoint was reported at, so a wait that wakes for nothing does not report again. */
    private long reportedPause = -1;
    private boolean waiting;

    private LessonControl(Mode mode, Consumer<LessonCheckpoint> checkpoints) {
        this.mode = mode;
        this.checkpoints = checkpoints;
    }

    /** A control that stops before the first batch, reporting the initial weights. */
    public static LessonControl paused(Consumer<LessonCheckpoint> checkpoints) {
        return new LessonControl(Mode.PAUSE, checkpoints);
    }

    /** A control that lets the training run, reporting each epoch boundary. */
    public static LessonControl playing(Consumer<LessonCheckpoint> checkpoints) {
        return new LessonControl(Mode.PLAY, checkpoints);
    }

    /** Runs freely from here on. */
    public void play() {
        command(Mode.PLAY);
    }

    /** Stops before the next batch (the one running, if any, finishes). */
    public void pause() {
        command(Mode.PAUSE);
    }

    /** Runs one batch and stops again; while playing, stops after the batch that is running. */
    public void stepBatch() {
        command(Mode.BATCH);
    }

    /** Runs to the end of the current epoch (a whole epoch when stopped at its start) and stops. */
    public void stepEpoch() {
        command(Mode.EPOCH);
    }

    /** True while the training thread waits here. */
    public boolean isWaiting() {
        lock.lock();
        try {
            return waiting;
        } finally {
            lock.unlock();
        }
    }

    /** Wakes a waiting training so it sees its cancelled monitor at once, without the recheck delay. */
    public void wake() {
        lock.lock();
        try {
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    private void command(Mode m) {
        lock.lock();
        try {
            mode = m;
            from = Math.max(position, 0);
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void beforeBatch(int epoch, int batch, int batches, long step, double[] theta, ProgressMonitor monitor) {
        // The last batch done: the one before this, the previous epoch's last, or none at the start.
        int doneEpoch = batch > 1 ? epoch : epoch - 1;
        int doneBatch = step == 0 ? 0 : batch > 1 ? batch - 1 : batches;
        LessonCheckpoint played = null;
        lock.lock();
        try {
            position = step;
            while (stopsAt(batch, step) && !monitor.isCancelled()) {
                mode = Mode.PAUSE;
                if (reportedPause != step) {
                    reportedPause = step;
                    LessonCheckpoint at = new LessonCheckpoint(doneEpoch, doneBatch, batches, step, theta.clone(), true);
                    lock.unlock();
                    try {
                        checkpoints.accept(at);
                    } finally {
                        lock.lock();
                    }
                    continue;
                }
                waiting = true;
                try {
                    changed.await(RECHECK_MILLIS, TimeUnit.MILLISECONDS);
                } catch (InterruptedException e) {
                    // A cancelled task interrupts its thread: keep the flag and let the trainer see the cancel.
                    Thread.currentThread().interrupt();
                    return;
                } finally {
                    waiting = false;
                }
            }
            if (mode == Mode.PLAY && batch == 1 && step > 0) {
                played = new LessonCheckpoint(doneEpoch, doneBatch, batches, step, theta.clone(), false);
            }
        } finally {
            lock.unlock();
        }
        if (played != null) {
            checkpoints.accept(played);
        }
    }

    private boolean stopsAt(int batch, long step) {
        return switch (mode) {
            case PLAY -> false;
            case PAUSE -> true;
            case BATCH -> step >= from + 1;
            case EPOCH -> batch == 1 && step > from;
        };
    }
}
