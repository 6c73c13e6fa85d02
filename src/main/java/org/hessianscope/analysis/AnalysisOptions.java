package org.hessianscope.analysis;

import org.hessianscope.landscape.LossDifferenceOptions;
import org.hessianscope.landscape.Smoothing;

/**
 * How {@link RunAnalysis} samples the loss difference.
 *
 * @param orderings random orderings S of the loss-difference average
 * @param seed      seed of the orderings, recorded with the result
 * @param alpha     exponential smoothing factor of the smoothed curve (the paper's 0.995)
 * @param threads   worker threads; results do not depend on it
 */
public record AnalysisOptions(int orderings, long seed, double alpha, int threads) {
    public static final double PAPER_ALPHA = 0.995;

    public AnalysisOptions {
        if (orderings < 1) {
            throw new IllegalArgumentException("orderings = " + orderings + "; need at least 1");
        }
        if (threads < 1) {
            throw new IllegalArgumentException("threads = " + threads + "; need at least 1");
        }
        Smoothing.requireAlpha(alpha);
    }

    /** The paper's 500 orderings and α = 0.995, seed 0, all cores. */
    public static AnalysisOptions defaults() {
        return new AnalysisOptions(LossDifferenceOptions.DEFAULT_ORDERINGS, 0L, PAPER_ALPHA,
                Runtime.getRuntime().availableProcessors());
    }

    LossDifferenceOptions lossDifference() {
        return new LossDifferenceOptions(orderings, seed, threads, LossDifferenceOptions.DEFAULT_GRID_SIZE, new int[0]);
    }
}
