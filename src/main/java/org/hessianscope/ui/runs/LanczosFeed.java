package org.hessianscope.ui.runs;

import org.hessianscope.ui.train.TrainingFeed;
import java.util.ArrayList;
import java.util.List;
import org.hessianscope.curvature.HessianAnalysis;
import org.hessianscope.curvature.LanczosStep;

/**
 * Lanczos steps of a running curvature analysis, handed from the analysis thread to the
 * JavaFX thread like {@link TrainingFeed}: appended under a lock, read as a snapshot per frame.
 * Only the operator being iterated is kept; a new operator starts a fresh list.
 */
public final class LanczosFeed implements HessianAnalysis.Listener {
    /** What chart 2 draws while the analysis runs. */
    public record Snapshot(String operator, List<LanczosStep> steps, long version) {
    }

    private final Object lock = new Object();
    private String operator;
    private final List<LanczosStep> steps = new ArrayList<>();
    private long version;

    @Override
    public void lanczos(String op, LanczosStep step) {
        synchronized (lock) {
            if (!op.equals(operator)) {
                operator = op;
                steps.clear();
            }
            steps.add(step);
            version++;
        }
    }

    public void clear() {
        synchronized (lock) {
            operator = null;
            steps.clear();
            version++;
        }
    }

    public Snapshot snapshot() {
        synchronized (lock) {
            return new Snapshot(operator, List.copyOf(steps), version);
        }
    }
}
