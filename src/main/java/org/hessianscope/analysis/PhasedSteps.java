package org.hessianscope.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleConsumer;
import org.hessianscope.task.Phases;
import org.hessianscope.task.ProgressMonitor;
import org.hessianscope.task.RemainingTime;

/**
 * The steps of {@link RunAnalysis} reported as one job to one monitor: step i of n, weighted by
 * its expected cost ({@link #phases}), so the overall percent and the time left mean something.
 * The expected time of the rest ({@link RemainingTime}) is measured from the start of the costliest step
 * (in a full analysis the curvature: its first block of products, once the JIT has compiled the passes;
 * the cheap steps before it cost too little in the model for their pace to mean anything):
 * after its warm-up and {@link RemainingTime#MIN_FRACTION} of the job it is handed once to {@code expected} (seconds), and
 * {@link #secondsLeft} gives it at any time after that.
 */
public final class PhasedSteps implements RunAnalysis.StepMonitors {
    /** Loss differences cost this many forward passes per ordering and sample: 0.207 s for 500 × 60,000
     *  against 53 µs a forward pass (benchmark of 2026-11-27, docs/benchmarks.md). */
    static final double LOSS_DIFFERENCE = 1.3e-4;
    /** Bounds: Toeplitz norms and per-sample ggn norms of the subset, weights only; not benchmarked, a guess. */
    static final double BOUNDS_PER_SAMPLE = 2;
    /** An analysis that reads only the per-sample losses: a small fraction of a forward pass per sample. */
    static final double OVER_LOSSES = 1e-3;

    private final ProgressMonitor job;
    private final DoubleConsumer expected;
    private Phases phases;
    private List<Analysis<?, ?>> analyses;
    private List<Phases.Phase> costs;
    private final RemainingTime remaining = new RemainingTime();
    private boolean told;
    private double fraction;

    public PhasedSteps(ProgressMonitor job, DoubleConsumer expected) {
        this.job = job;
        this.expected = expected;
    }

    /** The steps in order with their costs in per-sample forward passes, for {@code n} training samples:
     *  the per-sample pass, then each of {@code analyses}. */
    public static List<Phases.Phase> phases(AnalysisOptions options, int n, List<Analysis<?, ?>> analyses) {
        List<Phases.Phase> list = new ArrayList<>();
        list.add(new Phases.Phase(AnalysisStep.PER_SAMPLE.label(), n));
        for (Analysis<?, ?> a : analyses) {
            list.add(new Phases.Phase(a.step().label(), a.cost(options, n)));
        }
        return list;
    }

    @Override
    public void begin(AnalysisOptions options, int samples, List<Analysis<?, ?>> analyses) {
        this.analyses = List.copyOf(analyses);
        costs = phases(options, samples, this.analyses);
        phases = new Phases(new ProgressMonitor() {
            @Override
            public void progress(long done, long total, String message) {
                observe((double) done / total);
                job.progress(done, total, message);
            }

            @Override
            public boolean isCancelled() {
                return job.isCancelled();
            }
        }, costs);
    }

    private void observe(double done) {
        double left;
        synchronized (this) {
            fraction = done;
            left = told ? Double.NaN : remaining.secondsLeft(done, System.nanoTime());
            told |= !Double.isNaN(left);
        }
        if (!Double.isNaN(left)) {
            expected.accept(left);
        }
    }

    /** Expected seconds left from the measured pace ({@link RemainingTime}), or NaN while too little is measured. */
    public synchronized double secondsLeft() {
        return remaining.secondsLeft(fraction, System.nanoTime());
    }

    @Override
    public ProgressMonitor forStep(AnalysisStep step) {
        if (phases == null) {
            throw new IllegalStateException("begin(options, samples, analyses) must come first");
        }
        if (step.equals(AnalysisStep.PER_SAMPLE)) {
            return phases.phase(0);
        }
        int index = 1 + indexOf(step);
        ProgressMonitor monitor = phases.phase(index);
        if (index == costliest()) {
            remaining.mark(phases.fraction(), System.nanoTime());
        }
        return monitor;
    }

    /** The index in {@link #costs} of the step of largest weight after the per-sample pass (the first of equal ones). */
    private int costliest() {
        int best = 1;
        for (int i = 2; i < costs.size(); i++) {
            if (costs.get(i).weight() > costs.get(best).weight()) {
                best = i;
            }
        }
        return best;
    }

    private int indexOf(AnalysisStep step) {
        for (int i = 0; i < analyses.size(); i++) {
            if (analyses.get(i).step().equals(step)) {
                return i;
            }
        }
        throw new IllegalArgumentException("no analysis of this run has step " + step.key());
    }
}
