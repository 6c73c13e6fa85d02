package org.hessianscope.landscape;

import org.hessianscope.Tolerances;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The closed forms against an independent computation: the average over every one
 * of the N! orderings, with L_k computed from scratch as a plain prefix mean.
 */
class ExactLossDifferenceTest {
    /** Enumeration sums at most 7! terms of order 1. */
    static final double EXACT_TOL = Tolerances.SUM_ORDER_F64;

    static List<double[]> lossVectors() {
        List<double[]> vs = new ArrayList<>();
        vs.add(new double[] {0.3, 2.1});
        vs.add(new double[] {1.0, 1.0, 4.0});
        vs.add(new double[] {0.1, 0.5, 0.2, 3.0});
        vs.add(new double[] {2.3, -0.7, 0.0, 1.1, 5.5});
        vs.add(new double[] {0.01, 0.02, 0.015, 2.5, 0.3, 0.3});
        vs.add(new double[] {7.0, 0.2, 0.4, 0.4, 1.9, 0.05, 3.3});
        SplittableRandom rnd = new SplittableRandom(42);
        double[] random7 = new double[7];
        for (int i = 0; i < 7; i++) {
            random7[i] = -Math.log(1 - rnd.nextDouble());
        }
        vs.add(random7);
        return vs;
    }

    /** Calls {@code visit} with every permutation of 0..n−1 (Heap's algorithm). */
    static void forEachPermutation(int n, Consumer<int[]> visit) {
        int[] a = new int[n];
        for (int i = 0; i < n; i++) {
            a[i] = i;
        }
        int[] c = new int[n];
        visit.accept(a);
        int i = 0;
        while (i < n) {
            if (c[i] < i) {
                int j = (i % 2 == 0) ? 0 : c[i];
                int t = a[j];
                a[j] = a[i];
                a[i] = t;
                visit.accept(a);
                c[i]++;
                i = 0;
            } else {
                c[i] = 0;
                i++;
            }
        }
    }

    /** L_{k+1} − L_k from two independently summed prefix means. */
    static double bruteDifference(double[] losses, int[] perm, int k) {
        double a = 0;
        for (int i = 0; i < k; i++) {
            a += losses[perm[i]];
        }
        double b = a + losses[perm[k]];
        return b / (k + 1) - a / k;
    }

    static long factorial(int n) {
        long f = 1;
        for (int i = 2; i <= n; i++) {
            f *= i;
        }
        return f;
    }

    @Test
    void enumerationVisitsEveryOrderingOnce() {
        java.util.Set<String> seen = new java.util.HashSet<>();
        forEachPermutation(5, p -> seen.add(java.util.Arrays.toString(p)));
        assertEquals(120, seen.size());
    }

    @Test
    void closedFormMeanSquareMatchesEveryOrdering() {
        for (double[] losses : lossVectors()) {
            int n = losses.length;
            double[] sumSq = new double[n];
            double[] sumAbs = new double[n];
            forEachPermutation(n, p -> {
                for (int k = 1; k < n; k++) {
                    double d = bruteDifference(losses, p, k);
                    sumSq[k] += d * d;
                    sumAbs[k] += Math.abs(d);
                }
            });
            double count = factorial(n);
            LossSummary summary = LossSummary.of(losses);
            for (int k = 1; k < n; k++) {
                assertEquals(sumSq[k] / count, ExactLossDifference.meanSquare(k, n, summary.variance()), EXACT_TOL,
                        "E[ΔL_k²], N = " + n + ", k = " + k);
            }
            assertEquals(sumAbs[1] / count, ExactLossDifference.meanAbsFirst(losses), EXACT_TOL, "E|ΔL_1|, N = " + n);
            assertEquals(sumAbs[n - 1] / count, ExactLossDifference.meanAbsLast(losses), EXACT_TOL,
                    "E|ΔL_{N−1}|, N = " + n);
        }
    }

    @Test
    void closedFormByHandForTwoLosses() {
        // N = 2, losses 0 and 2: both orderings give |ΔL_1| = 1, so E[ΔL²] = 1 and s² = 1:
        // s² N / ((N−1) k (k+1)) = 1·2/(1·1·2) = 1.
        assertEquals(1.0, ExactLossDifference.meanSquare(1, 2, 1.0), 0);
        assertEquals(1.0, ExactLossDifference.meanAbsFirst(new double[] {0, 2}), 0);
        assertEquals(1.0, ExactLossDifference.meanAbsLast(new double[] {0, 2}), 0);
    }

    @Test
    void endValuesMatchPairAndLeaveOneOutBruteForce() {
        SplittableRandom rnd = new SplittableRandom(7);
        double[] losses = new double[300];
        for (int i = 0; i < losses.length; i++) {
            losses[i] = 1e3 + rnd.nextDouble() * (i % 3 == 0 ? 10 : 0.1); // offset stresses cancellation
        }
        int n = losses.length;
        double pairs = 0;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                if (i != j) {
                    pairs += Math.abs(losses[j] - losses[i]) / 2;
                }
            }
        }
        assertEquals(pairs / ((double) n * (n - 1)), ExactLossDifference.meanAbsFirst(losses), 1e-12);

        double loo = 0;
        for (int i = 0; i < n; i++) {
            java.math.BigDecimal others = java.math.BigDecimal.ZERO;
            for (int j = 0; j < n; j++) {
                if (j != i) {
                    others = others.add(new java.math.BigDecimal(losses[j]));
                }
            }
            double meanOthers = others.divide(java.math.BigDecimal.valueOf(n - 1), java.math.MathContext.DECIMAL128)
                    .doubleValue();
            loo += Math.abs(losses[i] - meanOthers) / n;
        }
        assertEquals(loo / n, ExactLossDifference.meanAbsLast(losses), 1e-12);
    }

    @Test
    void closedFormEndpointsAgree() {
        // At k = N−1 the closed form must equal the mean square of (ℓ_i − μ)/(N−1).
        double[] losses = {0.4, 1.7, 0.9, 3.2, 0.05};
        LossSummary s = LossSummary.of(losses);
        double ms = 0;
        for (double l : losses) {
            ms += Math.pow((l - s.mean()) / 4, 2) / 5;
        }
        assertEquals(ms, ExactLossDifference.meanSquare(4, 5, s.variance()), EXACT_TOL);
    }

    @Test
    void kOutsideRangeIsRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ExactLossDifference.meanSquare(5, 5, 1.0));
        assertTrue(e.getMessage().contains("1..4"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> ExactLossDifference.meanSquare(0, 5, 1.0));
    }

    @Test
    void nonFiniteLossIsRejectedWithItsIndex() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ExactLossDifference.meanAbsFirst(new double[] {1, Double.NaN, 2}));
        assertTrue(e.getMessage().contains("index 1"), e.getMessage());
    }
}
