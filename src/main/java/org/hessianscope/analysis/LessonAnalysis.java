package org.hessianscope.analysis;

import org.hessianscope.data.Samples;
import org.hessianscope.engine.Engine;
import org.hessianscope.run.TrainedRun;
import org.hessianscope.task.ProgressMonitor;

/**
 * The analysis of a lesson's checkpoint (the weights a paused or stepped training holds): every
 * default analysis, as {@link RunAnalysis} runs it for a finished run, with settings small enough
 * that a class sees the charts follow each step within about a second on the builder's small
 * networks (benchmarks/lesson measures it). The finished run is analysed again with the window's
 * usual settings ({@link AnalysisOptions#interactive}).
 */
public final class LessonAnalysis {
    /** Orderings of the loss-difference average: enough for the mean curve's shape, a fifth of the paper's. */
    public static final int ORDERINGS = 100;
    /**
     * Curvature subset (the Hessian of the first 32 samples' mean loss), Lanczos steps and per-sample
     * Lanczos norms (none: chart 4 then shows ‖H_O,i‖ alone); the density's probes each take the same 8
     * steps. The curvature step is most of the time and grows with samples × steps (benchmarks/lesson:
     * 128 samples and 12 steps took 3–4× as long).
     */
    public static final int CURVATURE_SAMPLES = 32;
    public static final int LANCZOS_STEPS = 8;
    public static final int PER_SAMPLE_FULL = 0;

    private final RunAnalysis analysis;
    private final AnalysisOptions options;

    public LessonAnalysis(Engine engine, int threads) {
        this.analysis = new RunAnalysis(engine);
        this.options = options(threads);
    }

    /** The lesson's settings: the window's seed and α, {@link #ORDERINGS}, the small curvature subset. */
    public static AnalysisOptions options(int threads) {
        return new AnalysisOptions(ORDERINGS, 0L, AnalysisOptions.PAPER_ALPHA, threads, CURVATURE_SAMPLES,
                LANCZOS_STEPS, PER_SAMPLE_FULL);
    }

    public AnalysisOptions options() {
        return options;
    }

    /** Analyses {@code run}'s weights on {@code train} (the run's own training set); cancellable between steps. */
    public AnalysisResult analyze(TrainedRun run, Samples train, ProgressMonitor monitor) {
        return analysis.analyze(run, train, options, step -> monitor);
    }
}
