package org.hessianscope.train;

import org.hessianscope.task.ProgressMonitor;

/**
 * What the {@link Trainer} asks before every batch whether it may run it yet: a lesson pauses
 * and steps the training here ({@link LessonControl}); everything else runs freely
 * ({@link #FREE}). It sees the weights but must not change them, so a paced training gives the
 * same weights as a free one.
 */
@FunctionalInterface
public interface Pacing {
    /**
     * Called on the training thread before batch {@code batch} (1-based) of {@code epoch}, after
     * {@code step} optimiser steps; may block until the batch may run, and must return soon once
     * {@code monitor} is cancelled or the thread is interrupted (the trainer then stops).
     * {@code theta} is the trainer's own array: read it, copy it, never keep or change it.
     */
    void beforeBatch(int epoch, int batch, int batches, long step, double[] theta, ProgressMonitor monitor);

    /** Never waits. */
    Pacing FREE = (epoch, batch, batches, step, theta, monitor) -> {
    };
}
