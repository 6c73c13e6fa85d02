package org.hessianscope.analysis;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.hessianscope.surface.DeltaOptions;
import org.hessianscope.surface.SurfaceOptions;

import org.hessianscope.curvature.Curvature;
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
 * @param surface          the landscape slice to compute, or null when not asked for (the default analysis leaves
 *                         it out); absent from analysis.json when null, so older files read and write unchanged
 * @param delta            Δ_{k+1}(σ) to estimate (docs/delta.md), or null when not asked for; absent when null, likewise
 */
public record AnalysisOptions(int orderings, long seed, double alpha, int threads, int curvatureSamples,
                              int lanczosSteps, int perSampleFull,
                              @JsonInclude(JsonInclude.Include.NON_NULL) SurfaceOptions surface,
                              @JsonInclude(JsonInclude.Include.NON_NULL) DeltaOptions delta) {
    /** Eigenvalues reported at each end of each operator. */
    public static final int TOP = Curvature.DEFAULT_TOP;
    /** Random samples whose ‖H_i‖ and ‖H_F,i‖ are found by Lanczos. */
    public static final int DEFAULT_PER_SAMPLE_FULL = 50;
    public static final double PAPER_ALPHA = 0.995;
    /** Upper limits: every size read from an option or a file is bounded before anything is allocated for it. */
    public static final int MAX_CURVATURE_SAMPLES = 1_000_000;
    /** Lanczos keeps every step's vector for reorthogonalisation: steps × parameters doubles. */
    public static final int MAX_LANCZOS_STEPS = 1_000;
    public static final int MAX_PER_SAMPLE_FULL = 100_000;

    public AnalysisOptions {
        LossDifferenceOptions.requireOrderings("orderings", orderings);
        if (threads < 1 || threads > LossDifferenceOptions.MAX_THREADS) {
            throw new InvalidSettingException("{threads} = " + threads + "; need 1 to " + LossDifferenceOptions.MAX_THREADS);
        }
        Smoothing.requireAlpha(alpha);
        if (curvatureSamples < 1 || curvatureSamples > MAX_CURVATURE_SAMPLES) {
            throw new InvalidSettingException("{curvatureSamples} = " + curvatureSamples + "; need 1 to "
                    + MAX_CURVATURE_SAMPLES);
        }
        if (lanczosSteps < TOP || lanczosSteps > MAX_LANCZOS_STEPS) {
            throw new InvalidSettingException("{lanczosSteps} = " + lanczosSteps + "; need " + TOP + " to "
                    + MAX_LANCZOS_STEPS);
        }
        if (perSampleFull < 0 || perSampleFull > MAX_PER_SAMPLE_FULL) {
            throw new InvalidSettingException("{perSampleFull} = " + perSampleFull + "; need 0 to " + MAX_PER_SAMPLE_FULL);
        }
    }

    /** The settings without a surface. */
    public AnalysisOptions(int orderings, long seed, double alpha, int threads, int curvatureSamples, int lanczosSteps,
                           int perSampleFull) {
        this(orderings, seed, alpha, threads, curvatureSamples, lanczosSteps, perSampleFull, null, null);
    }

    /** The settings with a surface and without Δ. */
    public AnalysisOptions(int orderings, long seed, double alpha, int threads, int curvatureSamples, int lanczosSteps,
                           int perSampleFull, SurfaceOptions surface) {
        this(orderings, seed, alpha, threads, curvatureSamples, lanczosSteps, perSampleFull, surface, null);
    }

    /** These settings asking for Δ_{k+1}(σ) too (null: not). */
    public AnalysisOptions withDelta(DeltaOptions delta) {
        return new AnalysisOptions(orderings, seed, alpha, threads, curvatureSamples, lanczosSteps, perSampleFull, surface,
                delta);
    }

    /** These settings asking for {@code surface} too (null: not). */
    public AnalysisOptions withSurface(SurfaceOptions surface) {
        return new AnalysisOptions(orderings, seed, alpha, threads, curvatureSamples, lanczosSteps, perSampleFull, surface,
                delta);
    }

    /** Loss-difference settings with the default curvature subset (1,000 samples, 40 steps, 50 full per-sample). */
    public static AnalysisOptions of(int orderings, long seed, double alpha, int threads) {
        return new AnalysisOptions(orderings, seed, alpha, threads, Curvature.DEFAULT_SAMPLES,
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
        return new AnalysisOptions(orderings, seed, alpha, threads, samples, steps, full, surface, delta);
    }

    Curvature.Options curvature() {
        return new Curvature.Options(TOP, lanczosSteps, Curvature.DEFAULT_TRACE_PROBES, true, true,
                perSampleFull, perSampleFull > 0 ? Curvature.HIGHEST_LOSS : 0, seed);
    }

    /** The paper's 500 orderings and α = 0.995, seed 0, all cores, the default curvature subset. */
    public static AnalysisOptions defaults() {
        return of(LossDifferenceOptions.DEFAULT_ORDERINGS, 0L, PAPER_ALPHA, Runtime.getRuntime().availableProcessors());
    }

    LossDifferenceOptions lossDifference() {
        return new LossDifferenceOptions(orderings, seed, threads, LossDifferenceOptions.DEFAULT_GRID_SIZE, new int[0]);
    }
}
