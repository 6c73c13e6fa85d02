package org.hessianscope.task;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PhasesTest {
    record Report(long done, long total, String message) {
    }

    static final class Recorder implements ProgressMonitor {
        final List<Report> reports = new ArrayList<>();

        public void progress(long done, long total, String message) {
            reports.add(new Report(done, total, message));
        }

        public boolean isCancelled() {
            return false;
        }

        Report last() {
            return reports.get(reports.size() - 1);
        }
    }

    @Test
    void eachPhaseOwnsItsWeightsShareAndNamesItselfIOfN() {
        Recorder r = new Recorder();
        // Weights 1, 3: phase 2 spans [0.25, 1].
        Phases p = new Phases(r, List.of(new Phases.Phase("losses", 1), new Phases.Phase("curvature", 3)));
        ProgressMonitor first = p.phase(0);
        assertEquals(new Report(0, Phases.UNITS, "phase 1/2: losses"), r.last());
        first.progress(1, 2, "samples");
        assertEquals(new Report(125_000, Phases.UNITS, "phase 1/2: losses, samples"), r.last());
        ProgressMonitor second = p.phase(1);
        assertEquals(250_000, r.last().done());
        second.progress(2, 3, "Lanczos step 2/3");
        // 0.25 + 2/3 · 0.75 = 0.75
        assertEquals(new Report(750_000, Phases.UNITS, "phase 2/2: curvature, Lanczos step 2/3"), r.last());
    }

    @Test
    void aPhaseThatRestartsItsCountNeverMovesTheJobBack() {
        Recorder r = new Recorder();
        Phases p = new Phases(r, List.of(new Phases.Phase("a", 1)));
        ProgressMonitor a = p.phase(0);
        a.progress(64, 100, "x");
        a.progress(60, 100, "y");
        assertEquals(new Report(640_000, Phases.UNITS, "phase 1/1: a, y"), r.last());
    }

    @Test
    void nestedJobsComposeIntoTheOuterPhase() {
        Recorder r = new Recorder();
        Phases outer = new Phases(r, List.of(new Phases.Phase("a", 1), new Phases.Phase("b", 1)));
        outer.phase(0);
        Phases inner = new Phases(outer.phase(1), List.of(new Phases.Phase("c", 1), new Phases.Phase("d", 1)));
        inner.phase(1).progress(1, 2, "half");
        // 0.5 + 0.5 · (0.5 + 0.5 · 0.5) = 0.875
        assertEquals(new Report(875_000, Phases.UNITS, "phase 2/2: b, phase 2/2: d, half"), r.last());
    }

    @Test
    void weightsMustBePositive() {
        assertThrows(IllegalArgumentException.class, () -> new Phases.Phase("x", 0));
        assertThrows(IllegalArgumentException.class, () -> new Phases(ProgressMonitor.NONE, List.of()));
    }
}
