package org.hessianscope.ui.train;

import java.util.ArrayList;
import java.util.List;
import org.hessianscope.train.TrainingListener;
import org.hessianscope.train.TrainingProgress;

/**
 * Producer/consumer hand-over of training steps: the training thread appends under a lock,
 * the JavaFX thread drains a batch of steps per frame and only draws. No step is lost and
 * the JavaFX thread is never flooded with one event per mini-batch.
 */
public final class TrainingFeed implements TrainingListener {
    private final Object lock = new Object();
    private List<TrainingProgress> pending = new ArrayList<>();

    @Override
    public void onProgress(TrainingProgress progress) {
        synchronized (lock) {
            pending.add(progress);
        }
    }

    /** Everything appended since the last call, oldest first. */
    public List<TrainingProgress> drain() {
        synchronized (lock) {
            List<TrainingProgress> out = pending;
            pending = new ArrayList<>();
            return out;
        }
    }
}
