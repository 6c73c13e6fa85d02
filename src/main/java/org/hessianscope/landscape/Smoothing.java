package org.hessianscope.landscape;

/**
 * Exponential moving averages of a curve over k, as the paper draws it (α = 0.995).
 *
 * <p>{@link #ema} follows the authors' plotting code (kisnikser/landscape-hessian,
 * code/plot_differences.py, {@code calculate_ema}): s_1 = x_1, s_k = α s_{k−1} + (1−α) x_k.
 * Seeding with x_1 gives x_1 the weight α^{k−1} instead of (1−α)α^{k−1}; since x_1 = |ΔL_1|
 * is the largest value of a curve that falls like 1/k, the start of the plain curve is
 * inflated (for α = 0.995 on a 1/k curve: 6.2× at k = 1,000, 20 % at k = 2,000), which is why
 * only k ≫ 1/(1−α) is trustworthy. {@link #emaBiasCorrected} starts at 0 and divides by
 * 1 − α^k, a properly normalised weighted mean of x_1..x_k with no such artefact.
 * Both lag a falling curve: at k the weights reach back about 1/(1−α) = 200 steps
 * (bias-corrected on a 1/k curve: 52 % high at k = 1,000, 2 % at k = 10,000).
 */
public final class Smoothing {
    private Smoothing() {
    }

    /** The authors' EMA, seeded with the first value. */
    public static double[] ema(double[] x, double alpha) {
        requireAlpha(alpha);
        double[] s = new double[x.length];
        if (x.length == 0) {
            return s;
        }
        s[0] = x[0];
        for (int i = 1; i < x.length; i++) {
            s[i] = alpha * s[i - 1] + (1 - alpha) * x[i];
        }
        return s;
    }

    /** Zero-started EMA divided by 1 − α^k: every output is a weighted mean with weights summing to 1. */
    public static double[] emaBiasCorrected(double[] x, double alpha) {
        requireAlpha(alpha);
        double[] s = new double[x.length];
        double z = 0;
        double alphaPowK = 1;
        for (int i = 0; i < x.length; i++) {
            z = alpha * z + (1 - alpha) * x[i];
            alphaPowK *= alpha;
            s[i] = z / (1 - alphaPowK);
        }
        return s;
    }

    public static void requireAlpha(double alpha) {
        if (!(alpha > 0 && alpha < 1)) {
            throw new IllegalArgumentException("alpha = " + alpha
                    + " is outside the open interval (0, 1); the paper uses 0.995");
        }
    }
}
