package org.hessianscope.experiment;

/**
 * Hears a sweep's progress point by point. Calls come from worker threads (one per job);
 * implementations must be thread-safe and quick, a GUI hands them to its own thread.
 */
public interface SweepListener {
    /** What a point is doing. */
    enum Phase { CHECKING, TRAINING, ANALYSIS }

    default void phase(SweepPoint point, Phase phase, String detail) {
    }

    default void progress(SweepPoint point, Phase phase, long done, long total, String message) {
    }

    default void finished(PointResult result) {
    }

    /** A point failed for a reason of its own; the sweep goes on with the others. */
    default void failed(FailedPoint failure) {
    }

    /** Something the user must know but that does not stop the sweep, e.g. a damaged run set aside. */
    default void warning(String message) {
    }

    SweepListener NONE = new SweepListener() {
    };
}
