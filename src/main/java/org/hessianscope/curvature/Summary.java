package org.hessianscope.curvature;

import java.util.Arrays;

/**
 * The summary statistics reported for a per-sample quantity: the maximum and where it
 * occurs (first index on ties), the median and the 95th percentile (linear interpolation
 * between order statistics, as numpy's default).
 */
public record Summary(double max, int argmax, double median, double p95) {

    public static Summary of(double[] values) {
        if (values.length == 0) {
            throw new IllegalArgumentException("cannot summarise zero values");
        }
        int argmax = 0;
        for (int i = 1; i < values.length; i++) {
            if (values[i] > values[argmax]) {
                argmax = i;
            }
        }
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return new Summary(values[argmax], argmax, quantile(sorted, 0.5), quantile(sorted, 0.95));
    }

    /** The q-quantile of ascending {@code sorted}, interpolating linearly at position q (n − 1). */
    static double quantile(double[] sorted, double q) {
        double pos = q * (sorted.length - 1);
        int lo = (int) Math.floor(pos);
        int hi = Math.min(lo + 1, sorted.length - 1);
        return sorted[lo] + (pos - lo) * (sorted[hi] - sorted[lo]);
    }
}
