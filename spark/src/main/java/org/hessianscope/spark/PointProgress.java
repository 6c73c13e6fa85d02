package org.hessianscope.spark;

import java.util.Optional;
import org.apache.spark.util.AccumulatorV2;
import org.hessianscope.experiment.SweepListener;

/**
 * What a running point's task is doing, carried to the driver by Spark itself: each executor's
 * heartbeat ({@code spark.executor.heartbeatInterval}) sends the accumulators of its running tasks,
 * and the driver's listener sees them in {@code onExecutorMetricsUpdate}. The value is the last
 * event only (a point's progress is a state, not a sum), so merging keeps the newer non-empty side
 * and nothing grows with the length of the task.
 */
final class PointProgress extends AccumulatorV2<PointProgress.Event, PointProgress.Event> {
    /** The name the driver's listener looks for among a heartbeat's accumulators. */
    static final String NAME = "hessianscope-point-progress";

    /** A phase (total 0: just entered) or a progress step of one. */
    record Event(SweepListener.Phase phase, long done, long total, String message, long sequence)
            implements java.io.Serializable {
    }

    private Event last;

    @Override
    public boolean isZero() {
        return last == null;
    }

    @Override
    public PointProgress copy() {
        PointProgress c = new PointProgress();
        c.last = last;
        return c;
    }

    @Override
    public void reset() {
        last = null;
    }

    @Override
    public synchronized void add(Event e) {
        if (last == null || e.sequence() > last.sequence()) {
            last = e;
        }
    }

    @Override
    public void merge(AccumulatorV2<Event, Event> other) {
        if (other.value() != null) {
            add(other.value());
        }
    }

    @Override
    public synchronized Event value() {
        return last;
    }

    /** The event a heartbeat's update carries, if it is one of ours. */
    static Optional<Event> of(Object update) {
        return update instanceof Event e ? Optional.of(e) : Optional.empty();
    }
}
