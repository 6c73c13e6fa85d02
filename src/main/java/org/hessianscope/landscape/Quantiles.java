package org.hessianscope.landscape;

/**
 * Sample quantiles by linear interpolation between order statistics (Hyndman–Fan
 * type 7, the default of R and NumPy), so the values match what a user computes
 * from the same samples in either.
 */
final class Quantiles {
    /** The quantile levels reported over orderings: 5, 25, 50, 75 and 95 %. */
    static final double[] LEVELS = {0.05, 0.25, 0.50, 0.75, 0.95};

    private Quantiles() {
    }

    /** Quantile p of an ascending array. */
    static double ofSorted(double[] sorted, double p) {
        double h = (sorted.length - 1) * p;
        int lo = (int) Math.floor(h);
        int hi = Math.min(lo + 1, sorted.length - 1);
        return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
    }
}
