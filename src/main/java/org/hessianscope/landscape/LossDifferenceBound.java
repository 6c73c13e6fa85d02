package org.hessianscope.landscape;

/**
 * The paper's upper bounds on |L_{k+1} − L_k|, drawn as overlays on the curve.
 * |ℓ_new − L_k| ≤ 2 max_i |ℓ_i| gives the loss bound; the curvature bound replaces
 * the loss scale by R² max_i ‖H_i‖ for parameters within radius R of θ̂.
 */
public final class LossDifferenceBound {
    private LossDifferenceBound() {
    }

    /** 2/(k+1) · max_i |ℓ_i|. */
    public static double loss(int k, double maxAbsLoss) {
        requirePositiveK(k);
        return 2.0 / (k + 1) * maxAbsLoss;
    }

    /** 2/(k+1) · R² · max_i ‖H_i‖ for a user-chosen radius R and the largest per-sample Hessian norm. */
    public static double curvature(int k, double radius, double maxHessianNorm) {
        requirePositiveK(k);
        if (!(radius >= 0) || !(maxHessianNorm >= 0) || Double.isInfinite(radius) || Double.isInfinite(maxHessianNorm)) {
            throw new IllegalArgumentException("radius = " + radius + ", maxHessianNorm = " + maxHessianNorm
                    + "; both must be finite and ≥ 0");
        }
        return 2.0 / (k + 1) * radius * radius * maxHessianNorm;
    }

    /** {@link #loss} for k = 1..n−1, at index k−1. */
    public static double[] lossCurve(int n, double maxAbsLoss) {
        double[] out = new double[n - 1];
        for (int k = 1; k < n; k++) {
            out[k - 1] = loss(k, maxAbsLoss);
        }
        return out;
    }

    private static void requirePositiveK(int k) {
        if (k < 1) {
            throw new IllegalArgumentException("k = " + k + "; the bound is defined for k ≥ 1");
        }
    }
}
