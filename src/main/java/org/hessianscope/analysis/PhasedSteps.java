package org.hessianscope.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleConsumer;
import org.hessianscope.task.Phases;
import org.hessianscope.task.ProgressMonitor;

/**
 * The steps of {@link RunAnalysis} reported as one job to one monitor: step i of n, weighted by
 * its expected cost ({@link #phases}), so the overall percent and the time left mean something.
 * Once the first step (the per-sample losses, one forward pass a sample) is done, its measured
 * time and the cost model give the expected time of the rest, handed to {@code expected} (seconds).
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
    private long lossesStarted;

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
        phases = new Phases(job, costs);
    }

    @Override
    public ProgressMonitor forStep(AnalysisStep step) {
        if (phases == null) {
            throw new IllegalStateException("begin(options, samples, analyses) must come first");
        }
        if (step.equals(AnalysisStep.PER_SAMPLE)) {
            lossesStarted = System.nanoTime();
            return phases.phase(0);
        }
        int index = 1 + indexOf(step);
        if (index == 1) {
            double first = costs.get(0).weight();
            double rest = costs.stream().mapToDouble(Phases.Phase::weight).sum() - first;
            expected.accept((System.nanoTime() - lossesStarted) / 1e9 * rest / first);
        }
        return phases.phase(index);
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
