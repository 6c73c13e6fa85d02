package org.hessianscope.experiment;

import java.util.List;

/**
 * A finished sweep: every point in sweep order, and the damaged runs it found and set aside.
 */
public record SweepResult(SweepFile sweep, List<PointResult> points, List<DamagedRun> damaged) {
    public SweepResult {
        points = List.copyOf(points);
        damaged = List.copyOf(damaged);
    }

    public long reused() {
        return points.stream().filter(p -> !p.trained()).count();
    }
}
