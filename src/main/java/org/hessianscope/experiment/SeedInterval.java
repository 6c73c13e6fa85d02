package org.hessianscope.experiment;

import org.apache.commons.math3.distribution.TDistribution;

/**
 * One number of one network over its seeds: the mean and the two-sided 95 % Student t
 * interval mean ± t(0.975, n−1)·s/√n, s the sample standard deviation (divides by n − 1).
 * The interval says where the mean over all seeds would lie if the seeds' values were normal;
 * with one seed it is undefined (NaN), as is everything when a seed's value is missing.
 *
 * @param seeds how many seeds the values come from
 * @param min   the smallest of the seeds' values (with {@code max}: the seed range the figures shade)
 */
public record SeedInterval(int seeds, double mean, double low, double high, double std, double min, double max) {
    public static final double LEVEL = 0.95;

    public static SeedInterval of(double[] values) {
        int n = values.length;
        double mean = 0;
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (double v : values) {
            if (!Double.isFinite(v)) {
                return new SeedInterval(n, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
            }
            mean += v;
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        if (n == 0) {
            return new SeedInterval(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
        }
        mean /= n;
        if (n == 1) {
            return new SeedInterval(1, mean, Double.NaN, Double.NaN, Double.NaN, min, max);
        }
        double ss = 0;
        for (double v : values) {
            ss += (v - mean) * (v - mean);
        }
        double std = Math.sqrt(ss / (n - 1));
        double half = quantile(n - 1) * std / Math.sqrt(n);
        return new SeedInterval(n, mean, mean - half, mean + half, std, min, max);
    }

    /** t(0.975, df): the quantile that leaves 2.5 % in each tail. */
    static double quantile(int df) {
        return new TDistribution(null, df).inverseCumulativeProbability(1 - (1 - LEVEL) / 2);
    }
}
