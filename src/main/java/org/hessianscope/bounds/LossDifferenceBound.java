package org.hessianscope.bounds;

/**
 * The paper's bound on the loss difference,
 * |L_{k+1} − L_k| ≤ 2/(k+1) max_i |ℓ_i| + 2/(k+1) ‖θ − θ*‖² max_i ‖H_i‖, in log10.
 */
public final class LossDifferenceBound {

    private LossDifferenceBound() {
    }

    /**
     * @param k                    the number of samples L_k averages over
     * @param maxAbsLoss           max_i |ℓ_i|
     * @param thetaDistanceSq      ‖θ − θ*‖²
     * @param log10MaxHessianNorm  log10 max_i ‖H_i‖ (measured, or a bound such as Theorem 2)
     */
    public static Bound log10(int k, double maxAbsLoss, double thetaDistanceSq, double log10MaxHessianNorm) {
        if (k < 1) {
            throw new IllegalArgumentException("k = " + k + " must be at least 1");
        }
        double scale = Log10.of(2.0 / (k + 1));
        double loss = scale + Log10.of(maxAbsLoss);
        double curvature = scale + Log10.of(thetaDistanceSq) + log10MaxHessianNorm;
        return new Bound("lossDifference", Log10.sum(loss, curvature));
    }
}
