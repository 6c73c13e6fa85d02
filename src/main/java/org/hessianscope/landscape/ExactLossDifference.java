package org.hessianscope.landscape;

import java.util.Arrays;

/**
 * Loss-difference values that need no sampling: exact expectations over all N!
 * orderings of the N per-sample losses.
 *
 * <h2>E[(L_{k+1} − L_k)²] in closed form</h2>
 * Write ΔL_k = L_{k+1} − L_k = D/(k+1) with D = ℓ_new − L_k, where under a uniformly
 * random ordering the first k losses are a uniformly random k-subset (sampling
 * without replacement) and ℓ_new = ℓ_{σ(k+1)} is a uniformly random other one.
 * Let μ = (1/N) Σ ℓ_i and s² = (1/N) Σ (ℓ_i − μ)² (population variance).
 * <ul>
 * <li>Every position of a random ordering is marginally uniform, so E[ℓ_new] = E[L_k] = μ and E[D] = 0.</li>
 * <li>Var(ℓ_new) = s².</li>
 * <li>Two distinct positions a ≠ b: Cov(ℓ_σ(a), ℓ_σ(b)) = −s²/(N−1), because Σ_i (ℓ_i − μ) = 0 gives
 *     Σ_{i≠j} (ℓ_i − μ)(ℓ_j − μ) = −N s², averaged over the N(N−1) ordered pairs.</li>
 * <li>Hence Var(L_k) = (1/k²)[k s² − k(k−1) s²/(N−1)] = (s²/k)(N−k)/(N−1) (the finite-population
 *     correction) and Cov(ℓ_new, L_k) = −s²/(N−1).</li>
 * <li>Var(D) = s² + (s²/k)(N−k)/(N−1) + 2 s²/(N−1) = s² [k(N−1) + N − k + 2k] / (k(N−1))
 *     = s² N (k+1) / (k (N−1)).</li>
 * </ul>
 * So E[ΔL_k²] = Var(D)/(k+1)² = s² N / ((N−1) k (k+1)) = σ²/(k(k+1)), with σ² = s² N/(N−1) the
 * unbiased sample variance. Checks: at k = N−1 it is s²/(N−1)², the mean square of the
 * leave-one-out difference (ℓ_i − μ)/(N−1); at k = 1 it is the mean over ordered pairs of
 * (ℓ_j − ℓ_i)²/4, which is 2σ²/4 = σ²/2 since Σ_{i≠j} (ℓ_j − ℓ_i)² = 2N² s².
 *
 * <h2>Exact mean |ΔL| at the two ends</h2>
 * k = 1: ΔL_1 = (ℓ_j − ℓ_i)/2 for a uniformly random ordered pair i ≠ j, so E|ΔL_1| =
 * Σ_{i<j} |ℓ_j − ℓ_i| / (N(N−1)). After sorting, the gap x_(m) − x_(m−1) lies between
 * (m−1)(N−m+1) pairs, which gives the sum in O(N log N) from non-negative terms only.
 * <br>k = N−1: the last loss ℓ_i is uniform and L_{N−1} is the mean of the others, so
 * ΔL_{N−1} = (ℓ_i − μ)/(N−1) and E|ΔL_{N−1}| = mean_i |ℓ_i − μ| / (N−1).
 */
public final class ExactLossDifference {
    private ExactLossDifference() {
    }

    /** E[ΔL_k²] = s² N / ((N−1) k (k+1)) for population variance s² of N losses; k in 1..N−1. */
    public static double meanSquare(int k, int n, double populationVariance) {
        requireK(k, n);
        return populationVariance * n / ((n - 1.0) * k * (k + 1.0));
    }

    /** {@link #meanSquare} for k = 1..N−1, at index k−1. */
    public static double[] meanSquareCurve(LossSummary summary) {
        int n = summary.n();
        double[] out = new double[n - 1];
        for (int k = 1; k < n; k++) {
            out[k - 1] = meanSquare(k, n, summary.variance());
        }
        return out;
    }

    /** E|L_2 − L_1| over all orderings: the mean over ordered pairs i ≠ j of |ℓ_j − ℓ_i|/2. */
    public static double meanAbsFirst(double[] losses) {
        LossVectors.requireValid(losses, "losses");
        double[] x = losses.clone();
        Arrays.sort(x);
        int n = x.length;
        CompensatedSum pairSum = new CompensatedSum();
        for (int m = 1; m < n; m++) {
            // 0-based: the gap between x[m-1] and x[m] separates m values below from n-m above.
            pairSum.add((x[m] - x[m - 1]) * ((double) m * (n - m)));
        }
        return pairSum.value() / ((double) n * (n - 1));
    }

    /** E|L_N − L_{N−1}| over all orderings: mean_i |ℓ_i − μ| / (N−1). */
    public static double meanAbsLast(double[] losses) {
        LossSummary s = LossSummary.of(losses);
        CompensatedSum dev = new CompensatedSum();
        for (double l : losses) {
            dev.add(Math.abs(l - s.mean()));
        }
        return dev.value() / s.n() / (s.n() - 1.0);
    }

    static void requireK(int k, int n) {
        if (k < 1 || k > n - 1) {
            throw new IllegalArgumentException("k = " + k + " is outside 1.." + (n - 1)
                    + " (the loss difference L_{k+1} − L_k needs k+1 ≤ N = " + n + ")");
        }
    }
}
