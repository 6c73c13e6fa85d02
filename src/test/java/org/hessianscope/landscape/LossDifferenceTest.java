package org.hessianscope.landscape;

import org.apache.commons.math3.stat.descriptive.rank.Percentile;
import org.apache.commons.math3.stat.descriptive.rank.Percentile.EstimationType;
import org.hessianscope.task.ProgressMonitor;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CancellationException;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LossDifferenceTest {
    /** Monte Carlo means may differ from their expectation by this many standard errors (p ≈ 6e-5 each). */
    static final double SIGMAS = 4.0;
    /** Streamed sums vs from-scratch prefix means of ≤ 200 values: rounding only. */
    static final double REL_TOL = 1e-10;

    static double[] exponentialLosses(int n, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        double[] l = new double[n];
        for (int i = 0; i < n; i++) {
            l[i] = -Math.log(1 - rnd.nextDouble());
        }
        return l;
    }

    static LossDifferenceOptions options(int orderings, long seed, int threads) {
        return new LossDifferenceOptions(orderings, seed, threads, 512, new int[0]);
    }

    /** d[i][o] = L_{k+1} − L_k at k = ks[i] in ordering o of the seed, from from-scratch prefix means. */
    static double[][] bruteDifferences(double[] losses, long seed, int s, int[] ks) {
        Orderings orderings = new Orderings(seed, s);
        double[][] d = new double[ks.length][s];
        for (int o = 0; o < s; o++) {
            int[] p = orderings.permutation(o, losses.length);
            for (int i = 0; i < ks.length; i++) {
                d[i][o] = ExactLossDifferenceTest.bruteDifference(losses, p, ks[i]);
            }
        }
        return d;
    }

    @Test
    void meansAndQuantilesMatchBruteForceOverTheSameOrderings() {
        double[] losses = exponentialLosses(40, 3);
        int s = 101;
        LossDifferenceResult r = LossDifference.analyze(losses, options(s, 11, 2));
        int n = losses.length;
        double[][] abs = bruteDifferences(losses, 11, s, java.util.stream.IntStream.range(1, n).toArray());
        for (double[] row : abs) {
            for (int o = 0; o < s; o++) {
                row[o] = Math.abs(row[o]);
            }
        }
        assertEquals(n - 1, r.gridK().length, "N ≤ 2,000 keeps every k");
        Percentile type7 = new Percentile().withEstimationType(EstimationType.R_7);
        for (int k = 1; k < n; k++) {
            double mean = 0;
            double sq = 0;
            for (double v : abs[k - 1]) {
                mean += v / s;
                sq += v * v / s;
            }
            double sd = Math.sqrt((sq - mean * mean) * s / (s - 1));
            assertEquals(mean, r.meanAbs(k), REL_TOL * mean, "meanAbs at k = " + k);
            assertEquals(sq, r.meanSq(k), REL_TOL * sq, "meanSq at k = " + k);
            assertEquals(sd / Math.sqrt(s), r.stderrAbs(k), 1e-8 * mean, "stderrAbs at k = " + k);
            for (int l = 0; l < LossDifferenceResult.QUANTILE_LEVELS.length; l++) {
                double expected = type7.evaluate(abs[k - 1], 100 * LossDifferenceResult.QUANTILE_LEVELS[l]);
                assertEquals(expected, r.quantile(l, k), REL_TOL * expected, "quantile " + l + " at k = " + k);
            }
        }
    }

    @Test
    void monteCarloMeansAgreeWithExactValues() {
        double[] losses = exponentialLosses(200, 5);
        int s = 4000;
        LossDifferenceResult r = LossDifference.analyze(losses, options(s, 1, 2));
        int n = losses.length;
        // The exact values by their definitions, enumerated: ΔL_1 = (ℓ_j − ℓ_i)/2 for the first two
        // samples, an ordered pair i ≠ j; ΔL_{N−1} = (ℓ_i − μ)/(N−1) for the sample i drawn last.
        double pairs = 0;
        double mean = 0;
        for (int i = 0; i < n; i++) {
            mean += losses[i] / n;
            for (int j = 0; j < n; j++) {
                pairs += i == j ? 0 : Math.abs(losses[j] - losses[i]) / 2;
            }
        }
        double last = 0;
        for (double l : losses) {
            last += Math.abs(l - mean) / (n - 1);
        }
        assertEquals(pairs / ((double) n * (n - 1)), r.exactMeanAbsFirst(), REL_TOL * r.exactMeanAbsFirst());
        assertEquals(last / n, r.exactMeanAbsLast(), REL_TOL * r.exactMeanAbsLast());
        assertEquals(r.exactMeanAbsFirst(), r.meanAbs(1), SIGMAS * r.stderrAbs(1));
        assertEquals(r.exactMeanAbsLast(), r.meanAbs(n - 1), SIGMAS * r.stderrAbs(n - 1));

        // Standard error of ΔL² recomputed from the same orderings, to test the closed form at inner k.
        int[] ks = {1, 2, 10, 57, 150, 199};
        double[][] d = bruteDifferences(losses, 1, s, ks);
        double[] sum4 = new double[ks.length];
        for (int i = 0; i < ks.length; i++) {
            for (double v : d[i]) {
                sum4[i] += Math.pow(v, 4) / s;
            }
        }
        for (int i = 0; i < ks.length; i++) {
            double m2 = r.meanSq(ks[i]);
            double se = Math.sqrt((sum4[i] - m2 * m2) / (s - 1));
            assertEquals(r.exactMeanSq(ks[i]), m2, SIGMAS * se, "E[ΔL²] at k = " + ks[i]);
        }
    }

    @Test
    void runningMeanSurvivesALargeOffset() {
        // ΔL is invariant under ℓ → ℓ + c. With c = 1e6 a naively summed running mean breaks the
        // 1e-9 relative tolerance (tried: 1.6e-9 off at k = 405); the compensated one stays at the
        // rounding of the shifted losses themselves (ulp(1e6) ≈ 1e-10).
        double[] losses = exponentialLosses(20_000, 12);
        double[] shifted = new double[losses.length];
        for (int i = 0; i < losses.length; i++) {
            shifted[i] = losses[i] + 1e6;
        }
        List<LossDifferenceResult> rs = LossDifference.compare(List.of(losses, shifted), options(4, 3, 2),
                ProgressMonitor.NONE);
        for (int k = 1; k < losses.length; k++) {
            double a = rs.get(0).meanAbs(k);
            assertEquals(a, rs.get(1).meanAbs(k), 1e-9 * a + 1e-10 / (k + 1), "k = " + k);
        }
    }

    @Test
    void resultDoesNotDependOnThreadCount() {
        double[] losses = exponentialLosses(3000, 9);
        LossDifferenceResult one = LossDifference.analyze(losses, options(70, 4, 1));
        LossDifferenceResult two = LossDifference.analyze(losses, options(70, 4, 2));
        LossDifferenceResult five = LossDifference.analyze(losses, options(70, 4, 5));
        assertArrayEquals(one.meanAbs(), two.meanAbs(), 0);
        assertArrayEquals(one.stderrAbs(), five.stderrAbs(), 0);
        assertEquals(one, two);
        assertEquals(one, five);
        assertNotEquals(one, LossDifference.analyze(losses, options(70, 5, 2)), "another seed, other orderings");
    }

    @Test
    void identicalRunsGiveIdenticalCurvesAndMatchSingleRuns() {
        double[] a = exponentialLosses(500, 1);
        double[] b = exponentialLosses(500, 2);
        LossDifferenceOptions opt = options(50, 8, 2);
        List<LossDifferenceResult> rs = LossDifference.compare(List.of(a, b, a.clone()), opt, ProgressMonitor.NONE);
        assertEquals(rs.get(0), rs.get(2));
        assertArrayEquals(rs.get(0).meanAbs(), rs.get(2).meanAbs(), 0);
        assertEquals(LossDifference.analyze(a, opt), rs.get(0));
        assertEquals(LossDifference.analyze(b, opt), rs.get(1));
    }

    @Test
    void comparedRunsShareOrderings() {
        // b = 2a + 1 on the same orderings has exactly twice a's differences at every k and ordering.
        double[] a = exponentialLosses(300, 4);
        double[] b = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            b[i] = 2 * a[i] + 1;
        }
        List<LossDifferenceResult> rs = LossDifference.compare(List.of(a, b), options(30, 2, 2), ProgressMonitor.NONE);
        for (int k = 1; k < a.length; k++) {
            assertEquals(2 * rs.get(0).meanAbs(k), rs.get(1).meanAbs(k), 1e-9 * rs.get(0).meanAbs(k));
            assertEquals(2 * rs.get(0).quantile(2, k), rs.get(1).quantile(2, k), 1e-9 * rs.get(0).meanAbs(k));
        }
    }

    @Test
    void largeNUsesALogGridWithRequestedK() {
        double[] losses = exponentialLosses(10_000, 6);
        LossDifferenceResult r = LossDifference.analyze(losses,
                new LossDifferenceOptions(5, 0, 2, 512, new int[] {4321}));
        int[] g = r.gridK();
        assertEquals(513, g.length, "512 log-spaced values plus one requested k");
        assertEquals(1, g[0]);
        assertEquals(9999, g[g.length - 1]);
        assertTrue(r.onGrid(4321));
        for (int i = 1; i < g.length; i++) {
            assertTrue(g[i] > g[i - 1]);
        }
        assertTrue(Double.isNaN(r.quantile(2, 4322)) || r.onGrid(4322));
        assertTrue(r.quantile(0, 4321) <= r.quantile(2, 4321) && r.quantile(2, 4321) <= r.quantile(4, 4321));
    }

    @Test
    void orderingsArePermutationsAndSeeded() {
        Orderings o = new Orderings(0, 3);
        int[] p = o.permutation(2, 1000);
        boolean[] seen = new boolean[1000];
        for (int i : p) {
            seen[i] = true;
        }
        for (boolean b : seen) {
            assertTrue(b);
        }
        assertArrayEquals(p, new Orderings(0, 3).permutation(2, 1000));
        assertNotEquals(java.util.Arrays.toString(p), java.util.Arrays.toString(o.permutation(1, 1000)));
    }

    @Test
    void firstPositionIsUniform() {
        // Each of 5 samples should come first in 1/5 of 20,000 orderings: binomial sd = √(20000·0.2·0.8) ≈ 57.
        Orderings o = new Orderings(3, 20_000);
        int[] counts = new int[5];
        int[] p = new int[5];
        for (int i = 0; i < 20_000; i++) {
            o.fill(i, p);
            counts[p[0]]++;
        }
        for (int c : counts) {
            assertEquals(4000, c, SIGMAS * 57);
        }
    }

    @Test
    void boundedDrawIsUniform() {
        SplittableRandom rng = new SplittableRandom(12);
        int[] counts = new int[3];
        for (int i = 0; i < 30_000; i++) {
            counts[Orderings.below(rng, 3)]++;
        }
        for (int c : counts) {
            assertEquals(10_000, c, SIGMAS * Math.sqrt(30_000 * (1.0 / 3) * (2.0 / 3)));
        }
    }

    @Test
    void badInputsAreRejectedClearly() {
        double[] l = {1, 2, 3};
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> LossDifference.analyze(l, new LossDifferenceOptions(5, 0, 1, 512, new int[] {3})));
        assertTrue(e.getMessage().contains("1..2"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> options(0, 0, 1));
        assertTrue(e.getMessage().contains("orderings"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> LossDifference.analyze(new double[] {1}, options(5, 0, 1)));
        assertTrue(e.getMessage().contains("at least 2"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> LossDifference.compare(
                List.of(new double[] {1, 2}, new double[] {1, 2, 3}), options(5, 0, 1), ProgressMonitor.NONE));
        assertTrue(e.getMessage().contains("run 1"), e.getMessage());
    }

    @Test
    void cancellationStopsTheRun() {
        ProgressMonitor cancelled = new ProgressMonitor() {
            public void progress(long done, long total, String message) {
            }

            public boolean isCancelled() {
                return true;
            }
        };
        assertThrows(CancellationException.class,
                () -> LossDifference.analyze(exponentialLosses(100, 1), options(50, 0, 2), cancelled));
    }
}
