package org.hessianscope.experiment;

import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * A permutation test of a rank trend measured within groups (seeds): the statistic is the
 * mean over groups of Spearman's ρ between a group's x and y, and under the null hypothesis
 * (y does not depend on x) the y values of each group are exchangeable among its own x
 * values, independently of the other groups. The two-sided p-value is the share of such
 * relabellings whose |statistic| is at least the observed one.
 *
 * <p>It is exact, by enumerating every permutation of each group and convolving the groups'
 * distributions of ρ, when every group has at most {@link #EXACT_MAX} members; otherwise it
 * draws {@code draws} relabellings with a seeded generator and gives (1 + hits)/(1 + draws),
 * which never reports 0.
 *
 * @param statistic    the observed mean ρ over groups; NaN when a group's x or y is constant
 * @param pValue       two-sided p-value
 * @param exact        whether the p-value was found by enumeration (else by Monte Carlo)
 * @param permutations relabellings counted: all of them when exact, else the draws
 */
public record PermutationTest(double statistic, double pValue, boolean exact, double permutations) {
    /** Largest group enumerated: 8! = 40,320 permutations each. */
    public static final int EXACT_MAX = 8;
    public static final int DEFAULT_DRAWS = 9_999;
    /** Sums of ρ closer than this are one value (ρ with ties is a ratio of sums of rank products). */
    private static final double RESOLUTION = 1e-9;

    /** @param x x[g] the swept values of group g; @param y y[g] the measured values, same order */
    public static PermutationTest of(double[][] x, double[][] y, int draws, long seed) {
        if (x.length != y.length || x.length == 0) {
            throw new IllegalArgumentException(x.length + " groups of x but " + y.length + " of y; need as many, ≥ 1");
        }
        double observed = 0;
        boolean small = true;
        for (int g = 0; g < x.length; g++) {
            if (x[g].length != y[g].length || x[g].length < 2) {
                throw new IllegalArgumentException("group " + g + " has " + x[g].length + " x and " + y[g].length
                        + " y values; need as many, at least 2");
            }
            observed += Trend.spearman(x[g], y[g]);
            small &= x[g].length <= EXACT_MAX;
        }
        observed /= x.length;
        if (Double.isNaN(observed)) {
            return new PermutationTest(Double.NaN, Double.NaN, small, 0);
        }
        return small ? exact(x, y, observed) : monteCarlo(x, y, observed, draws, seed);
    }

    public static PermutationTest of(double[][] x, double[][] y) {
        return of(x, y, DEFAULT_DRAWS, 0);
    }

    private static PermutationTest exact(double[][] x, double[][] y, double observed) {
        // The distribution of the sum of the groups' ρ, as counts per value: convolve group by group.
        Map<Long, Double> sums = new HashMap<>();
        sums.put(0L, 1.0);
        double total = 1;
        for (int g = 0; g < x.length; g++) {
            Map<Long, Double> group = groupDistribution(x[g], y[g]);
            Map<Long, Double> next = new HashMap<>();
            for (Map.Entry<Long, Double> a : sums.entrySet()) {
                for (Map.Entry<Long, Double> b : group.entrySet()) {
                    next.merge(a.getKey() + b.getKey(), a.getValue() * b.getValue(), Double::sum);
                }
            }
            sums = next;
            total *= factorial(x[g].length);
        }
        long threshold = threshold(observed, x.length);
        double hits = 0;
        for (Map.Entry<Long, Double> e : sums.entrySet()) {
            if (Math.abs(e.getKey()) >= threshold) {
                hits += e.getValue();
            }
        }
        return new PermutationTest(observed, hits / total, true, total);
    }

    /** ρ of x against every permutation of y, counted per value (Heap's algorithm). */
    private static Map<Long, Double> groupDistribution(double[] x, double[] y) {
        int n = y.length;
        double[] p = y.clone();
        int[] c = new int[n];
        Map<Long, Double> counts = new HashMap<>();
        counts.merge(key(Trend.spearman(x, p)), 1.0, Double::sum);
        int i = 0;
        while (i < n) {
            if (c[i] < i) {
                int j = i % 2 == 0 ? 0 : c[i];
                double t = p[j];
                p[j] = p[i];
                p[i] = t;
                counts.merge(key(Trend.spearman(x, p)), 1.0, Double::sum);
                c[i]++;
                i = 0;
            } else {
                c[i] = 0;
                i++;
            }
        }
        return counts;
    }

    private static PermutationTest monteCarlo(double[][] x, double[][] y, double observed, int draws, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        long threshold = threshold(observed, x.length);
        int hits = 0;
        for (int d = 0; d < draws; d++) {
            long sum = 0;
            for (int g = 0; g < x.length; g++) {
                double[] p = y[g].clone();
                for (int i = p.length - 1; i > 0; i--) {
                    int j = random.nextInt(i + 1);
                    double t = p[j];
                    p[j] = p[i];
                    p[i] = t;
                }
                sum += key(Trend.spearman(x[g], p));
            }
            if (Math.abs(sum) >= threshold) {
                hits++;
            }
        }
        return new PermutationTest(observed, (1.0 + hits) / (1.0 + draws), false, draws);
    }

    /**
     * The |sum of keys| at which a relabelling counts as at least as extreme as the observed one; each
     * group's key is rounded, so the observed labelling's own sum may lie up to one unit per group below.
     */
    private static long threshold(double observed, int groups) {
        return Math.round(Math.abs(observed) * groups / RESOLUTION) - groups;
    }

    private static long key(double rho) {
        return Math.round(rho / RESOLUTION);
    }

    private static double factorial(int n) {
        double f = 1;
        for (int i = 2; i <= n; i++) {
            f *= i;
        }
        return f;
    }
}
