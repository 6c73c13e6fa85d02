package org.hessianscope.landscape;

import java.util.Arrays;

/**
 * One run's loss-difference curves, ready to draw or write. Curves are indexed by
 * k − 1 for k = 1..N−1 (the difference L_{k+1} − L_k); use the {@code (int k)}
 * accessors to avoid off-by-one slips.
 *
 * @param n                 number of per-sample losses N
 * @param orderings         number S of random orderings averaged over
 * @param seed              master seed of the orderings
 * @param losses            mean, population std and maxima of the losses
 * @param meanAbs           Monte Carlo mean over orderings of |ΔL_k|
 * @param stderrAbs         its standard error, sd over orderings / √S (NaN when S = 1)
 * @param meanSq            Monte Carlo mean over orderings of ΔL_k²
 * @param exactMeanSq       exact E[ΔL_k²] over all orderings, see {@link ExactLossDifference}
 * @param exactMeanAbsFirst exact E|ΔL_1| over all orderings
 * @param exactMeanAbsLast  exact E|ΔL_{N−1}| over all orderings
 * @param gridK             ascending k values that carry quantiles
 * @param quantiles         quantiles[level][g] of |ΔL_{gridK[g]}| over orderings, levels {@link #QUANTILE_LEVELS}
 */
public record LossDifferenceResult(int n, int orderings, long seed, LossSummary losses,
                                   double[] meanAbs, double[] stderrAbs, double[] meanSq, double[] exactMeanSq,
                                   double exactMeanAbsFirst, double exactMeanAbsLast,
                                   int[] gridK, double[][] quantiles) {

    /** Quantile levels of {@link #quantiles()}: 5, 25, 50, 75, 95 %. */
    public static final double[] QUANTILE_LEVELS = Quantiles.LEVELS.clone();

    public double meanAbs(int k) {
        return meanAbs[index(k)];
    }

    public double stderrAbs(int k) {
        return stderrAbs[index(k)];
    }

    public double meanSq(int k) {
        return meanSq[index(k)];
    }

    public double exactMeanSq(int k) {
        return exactMeanSq[index(k)];
    }

    /** Quantile number {@code level} (index into {@link #QUANTILE_LEVELS}) at k, NaN when k is off the grid. */
    public double quantile(int level, int k) {
        int g = KGrid.indexOf(gridK, k);
        return g < 0 ? Double.NaN : quantiles[level][g];
    }

    public boolean onGrid(int k) {
        index(k);
        return KGrid.indexOf(gridK, k) >= 0;
    }

    private int index(int k) {
        ExactLossDifference.requireK(k, n);
        return k - 1;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LossDifferenceResult r && n == r.n && orderings == r.orderings && seed == r.seed
                && losses.equals(r.losses)
                && Arrays.equals(meanAbs, r.meanAbs) && Arrays.equals(stderrAbs, r.stderrAbs)
                && Arrays.equals(meanSq, r.meanSq) && Arrays.equals(exactMeanSq, r.exactMeanSq)
                && Double.compare(exactMeanAbsFirst, r.exactMeanAbsFirst) == 0
                && Double.compare(exactMeanAbsLast, r.exactMeanAbsLast) == 0
                && Arrays.equals(gridK, r.gridK) && Arrays.deepEquals(quantiles, r.quantiles);
    }

    /**
     * From the sizes, the seed and the curve's ends only, in constant time: the GUI keys its per-run caches by this
     * result, and hashing the 60,000-value curve at every lookup showed in the JavaFX thread's busiest stretch when
     * runs were reopened (issue 17). Equal results still hash equally.
     */
    @Override
    public int hashCode() {
        int h = 31 * (31 * (31 * n + orderings) + Long.hashCode(seed)) + meanAbs.length;
        return meanAbs.length == 0 ? h
                : 31 * (31 * h + Double.hashCode(meanAbs[0])) + Double.hashCode(meanAbs[meanAbs.length - 1]);
    }

    @Override
    public String toString() {
        return "LossDifferenceResult[n=" + n + ", orderings=" + orderings + ", seed=" + seed
                + ", losses=" + losses + ", gridK=" + gridK.length + " values]";
    }
}
