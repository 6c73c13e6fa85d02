package org.hessianscope.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.commons.math3.stat.descriptive.SummaryStatistics;
import org.apache.commons.math3.stat.inference.TTest;
import org.junit.jupiter.api.Test;

/** The seed statistics against independent values: t tables, Commons Math, and brute-force enumeration. */
class SeedStatisticsTest {
    static final double EPS = 1e-12;

    @Test
    void theTQuantileIsTheTablesAndTheIntervalAgreesWithCommonsMathsTTest() {
        // Student's t table, two-sided 95 %: df 1, 2, 4, 9.
        assertEquals(12.706204736174698, SeedInterval.quantile(1), 1e-9);
        assertEquals(4.302652729911275, SeedInterval.quantile(2), 1e-9);
        assertEquals(2.7764451051977987, SeedInterval.quantile(4), 1e-9);
        assertEquals(2.2621571627409915, SeedInterval.quantile(9), 1e-9);
        // By hand: {1, 2, 3} has mean 2, s = 1, half-width 4.302652729911275/sqrt(3).
        SeedInterval i = SeedInterval.of(new double[] {1, 2, 3});
        assertEquals(2, i.mean(), EPS);
        assertEquals(1, i.std(), EPS);
        assertEquals(2 - 4.302652729911275 / Math.sqrt(3), i.low(), 1e-9);
        assertEquals(1, i.min(), 0);
        assertEquals(3, i.max(), 0);
        // The interval's ends are where Commons Math's one-sample t-test (its t CDF, not our quantile) gives p = 0.05.
        double[] x = {0.277, 0.223, 0.179, 0.241};
        SeedInterval j = SeedInterval.of(x);
        SummaryStatistics s = new SummaryStatistics();
        for (double v : x) {
            s.addValue(v);
        }
        assertEquals(s.getMean(), j.mean(), EPS);
        assertEquals(s.getStandardDeviation(), j.std(), EPS);
        assertEquals(0.05, new TTest().tTest(j.low(), x), 1e-9);
        assertEquals(0.05, new TTest().tTest(j.high(), x), 1e-9);
    }

    @Test
    void oneSeedHasNoIntervalAndAMissingValueNothing() {
        SeedInterval one = SeedInterval.of(new double[] {0.5});
        assertEquals(0.5, one.mean(), 0);
        assertTrue(Double.isNaN(one.low()) && Double.isNaN(one.high()));
        assertTrue(Double.isNaN(SeedInterval.of(new double[] {0.5, Double.NaN}).mean()));
    }

    @Test
    void aPerfectTrendInTwoSeedsOfThreeNetworksHasPOneEighteenth() {
        // By hand: mean ρ = 1 needs ρ = 1 in both seeds (1/6 each), and −1 likewise: p = 2/36.
        double[] x = {1, 2, 3};
        PermutationTest t = PermutationTest.of(new double[][] {x, x}, new double[][] {{1, 5, 9}, {2, 3, 4}});
        assertEquals(1, t.statistic(), EPS);
        assertEquals(1.0 / 18, t.pValue(), EPS);
        assertTrue(t.exact());
        assertEquals(36, t.permutations(), 0);
    }

    @Test
    void theExactPValueIsBruteForceEnumerationOfEveryRelabelling() {
        double[] x = {2, 3, 4, 5};
        double[][] y = {{0.30, 0.10, 0.25, 0.40}, {0.2, 0.2, 0.5, 0.1}, {0.9, 0.7, 0.8, 0.95}};
        double[][] xs = {x, x, x};
        PermutationTest t = PermutationTest.of(xs, y);
        double[] brute = bruteForce(x, y);
        assertEquals(brute[0], t.statistic(), EPS);
        assertEquals(brute[1], t.pValue(), EPS);
        assertEquals(24 * 24 * 24, t.permutations(), 0);
        assertTrue(t.exact());
    }

    @Test
    void theMonteCarloPValueIsNearTheExactOneAndRepeatsForItsSeed() {
        // Nine networks, one seed: past EXACT_MAX, so Monte Carlo; 9! = 362,880 relabellings to enumerate here.
        double[] x = {1, 2, 3, 4, 5, 6, 7, 8, 9};
        double[][] y = {{0.3, 0.1, 0.35, 0.2, 0.5, 0.45, 0.31, 0.6, 0.4}};
        double exact = bruteForce(x, y)[1];
        PermutationTest mc = PermutationTest.of(new double[][] {x}, y, 20_000, 7);
        assertFalse(mc.exact());
        double se = Math.sqrt(exact * (1 - exact) / 20_000);
        assertTrue(Math.abs(mc.pValue() - exact) < 4 * se, mc.pValue() + " vs exact " + exact);
        assertEquals(mc, PermutationTest.of(new double[][] {x}, y, 20_000, 7));
    }

    @Test
    void theOrderKeptCountsSeedPairsAndNetworkPairsThatAgree() {
        // Seeds 0 and 1 agree on (a,b), (a,c), disagree on (b,c): 2 of 3; seed 2 reverses seed 0 throughout.
        double[][] y = {{1, 2, 3}, {1, 3, 2}, {3, 2, 1}};
        // Pairs (0,1): 2/3, (0,2): 0/3, (1,2): agreements on (b,c) only: 1/3. In all 3 of 9.
        assertEquals(3.0 / 9, SeedStatistics.orderKept(y), EPS);
        assertTrue(Double.isNaN(SeedStatistics.orderKept(new double[][] {{1, 2}})));
    }

    @Test
    void rowsAreGroupedByNetworkAndSeed() {
        List<SweepRow> rows = new ArrayList<>();
        double[][] tail = {{1e-5, 2e-5, 3e-5}, {1.5e-5, 2.5e-5, 2.0e-5}};
        for (int s = 0; s < 2; s++) {
            for (int i = 0; i < 3; i++) {
                rows.add(row(s * 3 + i, String.valueOf(i + 2), s, tail[s][i], 0.1 + i * 0.01 + s * 0.001));
            }
        }
        List<NetworkStatistics> n = SeedStatistics.networks(rows);
        assertEquals(List.of("2", "3", "4"), n.stream().map(NetworkStatistics::value).toList());
        assertEquals(List.of(2.0, 3.0, 4.0), n.stream().map(NetworkStatistics::x).toList());
        assertEquals(2, n.get(2).seeds());
        assertEquals(2.5e-5, n.get(2).metric("lossDifferenceTail").mean(), 1e-18);
        assertEquals(SeedInterval.of(new double[] {3e-5, 2e-5}), n.get(2).metric("lossDifferenceTail"));
        SeedTrend tailTrend = SeedStatistics.trends(rows).stream().filter(t -> t.metric().equals("lossDifferenceTail"))
                .findFirst().orElseThrow();
        assertEquals((1 + 0.5) / 2, tailTrend.spearman(), EPS);
        assertEquals(bruteForce(new double[] {2, 3, 4}, tail)[1], tailTrend.pValue(), EPS);
        assertEquals(2.0 / 3, tailTrend.orderKept(), EPS);
        assertEquals(2, tailTrend.seeds());
        RankCorrelation c = SeedStatistics.correlations(rows).get(0);
        assertEquals("lossDifferenceTail", c.x());
        assertEquals("lossStd", c.y());
        assertEquals(6, c.runs());
        double[] xs = rows.stream().mapToDouble(SweepRow::lossDifferenceTail).toArray();
        double[] ys = rows.stream().mapToDouble(SweepRow::lossStd).toArray();
        assertEquals(pearson(ranks(xs), ranks(ys)), c.spearman(), EPS);
        assertEquals(bruteForce(xs, new double[][] {ys})[1], c.pValue(), EPS);
    }

    static SweepRow row(int index, String value, long seed, double tail, double std) {
        double nan = Double.NaN;
        return new SweepRow(index, "layers", value, seed, "run" + index, true, "completed", 10, 1, 600, std * 2, 0.9,
                nan, 0.9, 0.1, std, 1, tail, tail * 3, 5, -1, 5, 0.1, 0.05, 0.5, 100, 12, 10, 2);
    }

    /** {mean ρ observed, share of all relabellings with |mean ρ| ≥ it}, by enumerating the product of permutations. */
    static double[] bruteForce(double[] x, double[][] y) {
        List<List<double[]>> perGroup = new ArrayList<>();
        for (double[] g : y) {
            List<double[]> perms = new ArrayList<>();
            permute(g.clone(), 0, perms);
            perGroup.add(perms);
        }
        double observed = 0;
        for (double[] g : y) {
            observed += pearson(ranks(x), ranks(g));
        }
        observed /= y.length;
        double[] counts = new double[2];
        walk(perGroup, 0, 0, x, Math.abs(observed), counts);
        return new double[] {observed, counts[0] / counts[1]};
    }

    private static void walk(List<List<double[]>> groups, int g, double sum, double[] x, double observed,
                             double[] counts) {
        if (g == groups.size()) {
            counts[1]++;
            if (Math.abs(sum / groups.size()) >= observed - 1e-12) {
                counts[0]++;
            }
            return;
        }
        for (double[] p : groups.get(g)) {
            walk(groups, g + 1, sum + pearson(ranks(x), ranks(p)), x, observed, counts);
        }
    }

    private static void permute(double[] a, int from, List<double[]> out) {
        if (from == a.length) {
            out.add(a.clone());
            return;
        }
        for (int i = from; i < a.length; i++) {
            double t = a[from]; a[from] = a[i]; a[i] = t;
            permute(a, from + 1, out);
            t = a[from]; a[from] = a[i]; a[i] = t;
        }
    }

    /** Average ranks (1-based) by counting, not sorting: rank = 1 + #smaller + (#equal − 1)/2. */
    static double[] ranks(double[] v) {
        double[] r = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            int smaller = 0;
            int equal = 0;
            for (double w : v) {
                smaller += w < v[i] ? 1 : 0;
                equal += w == v[i] ? 1 : 0;
            }
            r[i] = 1 + smaller + (equal - 1) / 2.0;
        }
        return r;
    }

    static double pearson(double[] a, double[] b) {
        return new org.apache.commons.math3.stat.correlation.PearsonsCorrelation().correlation(a, b);
    }
}
