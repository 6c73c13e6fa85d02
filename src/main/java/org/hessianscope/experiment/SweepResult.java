package org.hessianscope.experiment;

import java.util.List;

/**
 * A finished sweep: every point that finished, in sweep order, the points that failed for a reason of
 * their own (in sweep order), and the damaged runs it found and set aside.
 */
public record SweepResult(SweepFile sweep, List<PointResult> points, List<DamagedRun> damaged,
                          List<FailedPoint> failed) {
    public SweepResult {
        points = List.copyOf(points);
        damaged = List.copyOf(damaged);
        failed = List.copyOf(failed);
    }

    /** A sweep in which no point failed. */
    public SweepResult(SweepFile sweep, List<PointResult> points, List<DamagedRun> damaged) {
        this(sweep, points, damaged, List.of());
    }

    public long reused() {
        return points.stream().filter(p -> !p.trained()).count();
    }
}
