package org.hessianscope.figure;

import org.hessianscope.landscape.Smoothing;

/**
 * Which curves the loss-difference figure draws for each run.
 *
 * @param mean     Monte Carlo mean of |ΔL_k| over orderings (thin)
 * @param band     shaded quantile band(s) over orderings, on the quantile grid of k
 * @param exact    the exact root mean square sqrt(E[ΔL_k²]) (dashed), which needs no sampling
 * @param smoothed exponential smoothing of the mean (thick): the authors' or the bias-corrected one
 * @param alpha    smoothing factor in (0, 1); the paper uses 0.995
 * @param bound    the paper's bound 2/(k+1)·max|ℓ| (dotted)
 * @param kMin     first k drawn (the authors start at 10,000 where the plain smoothing has settled)
 * @param normalise the view every curve is drawn in: as measured, times (k+1), or over √E[ΔL_k²]
 */
public record LossDifferenceLayers(boolean mean, Band band, boolean exact, SmoothedCurve smoothed, double alpha,
                                   boolean bound, int kMin, LossDifferenceNormalise normalise) {

    public enum Band { NONE, Q25_Q75, Q05_Q95, BOTH }

    public enum SmoothedCurve { NONE, AUTHORS, BIAS_CORRECTED }

    public LossDifferenceLayers {
        Smoothing.requireAlpha(alpha);
        if (kMin < 1) {
            throw new IllegalArgumentException("kMin = " + kMin + "; k starts at 1");
        }
        if (band == null || smoothed == null || normalise == null) {
            throw new IllegalArgumentException("band, smoothed and normalise must be given (use NONE for none)");
        }
    }

    /** The curves as measured, not normalised. */
    public LossDifferenceLayers(boolean mean, Band band, boolean exact, SmoothedCurve smoothed, double alpha,
                                boolean bound, int kMin) {
        this(mean, band, exact, smoothed, alpha, bound, kMin, LossDifferenceNormalise.NONE);
    }

    /** Everything for exploring: mean, interquartile band, exact curve, authors' smoothing, bound; from k = 1. */
    public static LossDifferenceLayers all() {
        return new LossDifferenceLayers(true, Band.Q25_Q75, true, SmoothedCurve.AUTHORS, 0.995, true, 1);
    }

    /** The authors' plot: only the smoothed mean (α = 0.995) from k = 10,000. */
    public static LossDifferenceLayers authors() {
        return new LossDifferenceLayers(false, Band.NONE, false, SmoothedCurve.AUTHORS, 0.995, false, 10_000);
    }

    public LossDifferenceLayers withKMin(int k) {
        return new LossDifferenceLayers(mean, band, exact, smoothed, alpha, bound, k, normalise);
    }

    public LossDifferenceLayers withNormalise(LossDifferenceNormalise n) {
        return new LossDifferenceLayers(mean, band, exact, smoothed, alpha, bound, kMin, n);
    }

    public LossDifferenceLayers withSmoothed(SmoothedCurve s, double a) {
        return new LossDifferenceLayers(mean, band, exact, s, a, bound, kMin, normalise);
    }
}
