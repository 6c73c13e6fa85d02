package org.hessianscope.landscape;

/**
 * Plain statistics of the per-sample losses that the loss-difference analysis
 * and its exact values are built from.
 *
 * @param n        number of losses
 * @param mean     their mean μ
 * @param std      population standard deviation s (divides by n, not n−1), the s of the closed form
 * @param max      largest loss
 * @param maxAbs   largest |ℓ_i|, the constant of the paper's bound
 */
public record LossSummary(int n, double mean, double std, double max, double maxAbs) {

    /** Two-pass mean and variance: the variance is summed around the mean, so no cancellation. */
    public static LossSummary of(double[] losses) {
        LossVectors.requireValid(losses, "losses");
        int n = losses.length;
        double mean = CompensatedSum.of(losses) / n;
        CompensatedSum squares = new CompensatedSum();
        double max = Double.NEGATIVE_INFINITY;
        double maxAbs = 0;
        for (double l : losses) {
            double d = l - mean;
            squares.add(d * d);
            max = Math.max(max, l);
            maxAbs = Math.max(maxAbs, Math.abs(l));
        }
        return new LossSummary(n, mean, Math.sqrt(squares.value() / n), max, maxAbs);
    }

    /** Population variance s² = (1/n) Σ (ℓ_i − μ)². */
    public double variance() {
        return std * std;
    }
}
