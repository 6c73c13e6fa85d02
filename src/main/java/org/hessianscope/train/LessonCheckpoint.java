package org.hessianscope.train;

import java.util.Locale;

/**
 * Where a lesson's training stood when {@link LessonControl} reported it: after batch
 * {@code batch} of {@code batches} of epoch {@code epoch} and {@code step} optimiser steps in
 * all, with a copy of the weights then. Step 0 is the initial weights (epoch 0, batch 0).
 *
 * @param paused true when the training waits here (paused or at the end of a step), false for
 *               the end-of-epoch report of a training that plays on
 */
public record LessonCheckpoint(int epoch, int batch, int batches, long step, double[] weights, boolean paused) {

    /** "initial weights", or "epoch 2, batch 16/16 (step 32)": how the charts label what they show. */
    public String label() {
        return step == 0 ? "initial weights"
                : String.format(Locale.ROOT, "epoch %d, batch %d/%d (step %d)", epoch, batch, batches, step);
    }
}
