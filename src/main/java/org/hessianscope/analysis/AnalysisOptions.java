package org.hessianscope.analysis;

import org.hessianscope.curvature.HessianAnalysis;
import org.hessianscope.curvature.LanczosOptions;
import org.hessianscope.landscape.LossDifferenceOptions;
import org.hessianscope.landscape.Smoothing;
import org.hessianscope.task.InvalidSettingException;

/**
 * How {@link RunAnalysis} samples the loss difference.
 *
 * @param orderings random orderings S of the loss-difference average
 * @param seed      seed of the orderings, recorded with the result
 * @param alpha     exponential smoothing factor of the smoothed curve (the paper's 0.995)
 * @param threads   worker threads; results do not depend on it
 * @param curvatureSamples the first this many training samples are the curvature and bound subset
 *                         (the Hessian of their mean loss, their per-sample ggn norms)
 * @param lanczosSteps     Lanczos steps per operator (top 5 eigenvalues of H, H_O, H_F)
 * @param perSampleFull    random samples whose ‖H_i‖ and ‖H_F,i‖ are found by Lanczos (plus the 20 of highest loss)
 */
public record AnalysisOptions(int orderings, long seed, double alpha, int threads, int curvatureSamples,
                              int lanczosSteps, int perSampleFull) {
    /** Eigenvalues reported at each end of each operator. */
    public static final int TOP = HessianAnalysis.DEFAULT_TOP;
    /** Random samples whose ‖H_i‖ and ‖H_F,i‖ are found by Lanczos. */
    public static final int DEFAULT_PER_SAMPLE_FULL = 50;
    public static final double PAPER_ALPHA = 0.995;

    public AnalysisOptions {
        if (orderings < 1) {
            throw new InvalidSettingException("{orderings} = " + orderings + "; need at least 1");
        }
        if (threads < 1) {
            throw new InvalidSettingException("{threads} = " + threads + "; need at least 1");
        }
        Smoothing.requireAlpha(alpha);
        if (curvatureSamples < 1) {
            throw new InvalidSettingException("{curvatureSamples} = " + curvatureSamples + "; need at least 1");
        }
        if (lanczosSteps < TOP) {
            throw new InvalidSettingException("{lanczosSteps} = " + lanczosSteps + "; need at least " + TOP);
        }
        if (perSampleFull < 0) {
            throw new InvalidSettingException("{perSampleFull} = " + perSampleFull + "; must not be negative");
        }
    }

    /** Loss-difference settings with the default curvature subset (1,000 samples, 40 steps, 50 full per-sample). */
    public static AnalysisOptions of(int orderings, long seed, double alpha, int threads) {
        return new AnalysisOptions(orderings, seed, alpha, threads, HessianAnalysis.DEFAULT_SAMPLES,
                LanczosOptions.DEFAULT_STEPS, DEFAULT_PER_SAMPLE_FULL);
    }

    /**
     * The GUI's settings: the paper's loss-difference sampling, and a curvature subset of 256
     * samples with 20 Lanczos steps, so a small run is analysed in well under a minute on two
     * cores. {@code analyze} with its defaults gives the fuller picture.
     */
    public static AnalysisOptions interactive() {
        return defaults().withCurvature(256, 20, 20);
    }

    public AnalysisOptions withCurvature(int samples, int steps, int full) {
        return new AnalysisOptions(orderings, seed, alpha, threads, samples, steps, full);
    }

    HessianAnalysis.Options curvature() {
        return new HessianAnalysis.Options(TOP, lanczosSteps, HessianAnalysis.DEFAULT_TRACE_PROBES, true, true,
                perSampleFull, perSampleFull > 0 ? HessianAnalysis.HIGHEST_LOSS : 0, seed);
    }

    /** The paper's 500 orderings and α = 0.995, seed 0, all cores, the default curvature subset. */
    public static AnalysisOptions defaults() {
        return of(LossDifferenceOptions.DEFAULT_ORDERINGS, 0L, PAPER_ALPHA, Runtime.getRuntime().availableProcessors());
    }

    LossDifferenceOptions lossDifference() {
        return new LossDifferenceOptions(orderings, seed, threads, LossDifferenceOptions.DEFAULT_GRID_SIZE, new int[0]);
    }
}
