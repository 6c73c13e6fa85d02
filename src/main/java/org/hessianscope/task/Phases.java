package org.hessianscope.task;

import java.util.List;

/**
 * One job of several phases reported as one progress: phase {@code i} of {@code n} reports its own
 * {@code done/total}, and the job's monitor hears the overall fraction (in {@link #UNITS} parts)
 * with the message {@code "phase i/n: LABEL, DETAIL"}. Each phase owns a share of the whole in
 * proportion to its weight (its expected cost), and the overall fraction never goes back, even when
 * a phase restarts its own count (a Lanczos run after another). Nested jobs compose: a phase
 * monitor can be the parent of another {@code Phases}.
 */
public final class Phases {
    /** The overall progress is reported as done of this many units. */
    public static final long UNITS = 1_000_000L;

    /** A phase: what it is called and how much it costs relative to the others (any positive unit). */
    public record Phase(String label, double weight) {
        public Phase {
            if (!(weight > 0) || !Double.isFinite(weight)) {
                throw new IllegalArgumentException("phase " + label + " needs a positive weight, got " + weight);
            }
        }
    }

    private final ProgressMonitor parent;
    private final List<Phase> phases;
    private final double[] start;
    private final double sum;
    private long reported;

    public Phases(ProgressMonitor parent, List<Phase> phases) {
        if (phases.isEmpty()) {
            throw new IllegalArgumentException("a job needs at least one phase");
        }
        this.parent = parent;
        this.phases = List.copyOf(phases);
        this.start = new double[phases.size()];
        double s = 0;
        for (int i = 0; i < phases.size(); i++) {
            start[i] = s;
            s += phases.get(i).weight();
        }
        this.sum = s;
    }

    public int count() {
        return phases.size();
    }

    /** The monitor of phase {@code index} (0-based); it cancels when the parent does. */
    public ProgressMonitor phase(int index) {
        Phase p = phases.get(index);
        String prefix = "phase " + (index + 1) + "/" + phases.size() + ": " + p.label();
        report(start[index] / sum, prefix);
        return new ProgressMonitor() {
            @Override
            public void progress(long done, long total, String message) {
                double within = total > 0 ? Math.min(1.0, Math.max(0.0, (double) done / total)) : 0.0;
                String detail = message == null || message.isEmpty() || message.equals(p.label()) ? "" : ", " + message;
                report((start[index] + within * p.weight()) / sum, prefix + detail);
            }

            @Override
            public boolean isCancelled() {
                return parent.isCancelled();
            }
        };
    }

    /** The overall fraction done so far, in [0, 1]. */
    public synchronized double fraction() {
        return (double) reported / UNITS;
    }

    private synchronized void report(double fraction, String message) {
        long units = Math.max(reported, Math.min(UNITS, Math.round(fraction * UNITS)));
        reported = units;
        parent.progress(units, UNITS, message);
    }
}
