package org.hessianscope.curvature;

import org.apache.commons.math3.linear.MatrixUtils;
import org.apache.commons.math3.linear.RealMatrix;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Regression: a sample classified with logits ±200 has softmax covariance entries near 1e-174,
 * and the K×K eigen-decomposition used to throw MaxCountExceededException on it, crashing
 * `hessian` and `bounds` on confident models.
 */
class PerSampleGgnSaturationTest {

    private static final double TOL = 1e-10;

    @Test
    void saturatedSoftmaxGivesTheHandDerivedNorm() {
        // K = 2, p = (1 − ε, ε): A = ε(1 − ε)·[[1, −1], [−1, 1]], eigenvalues 0 and 2ε(1 − ε).
        // With J Jᵀ = I, ‖H_O‖ = λ_max(A^{1/2} A^{1/2}) = λ_max(A) = 2ε(1 − ε) ≈ 2ε.
        double eps = Math.exp(-400);
        double[] p = {1 - eps, eps};
        RealMatrix sqrtA = PerSampleGgn.sqrtOfSoftmaxCovariance(p);
        double top = PerSampleGgn.topEigenvalue(sqrtA, MatrixUtils.createRealIdentityMatrix(2));
        assertEquals(2 * eps, top, 2 * eps * TOL);
    }

    @Test
    void saturatedTenClassSoftmaxMatchesTheLargestCovarianceEigenvalue() {
        // p = (1 − 9ε, ε, …, ε), J Jᵀ = I: the norm is λ_max(A). To first order A/ε = [[9, −1ᵀ], [−1, I]]:
        // eigenvalue 1 on vectors ⟂ (0, 1, …, 1), and on span{e₀, (0, 1, …, 1)/3} the block
        // [[9, −3], [−3, 1]] with eigenvalues 10 and 0. So λ_max(A) = 10ε; also checked against A/ε
        // (entries of order one) decomposed directly.
        double eps = 1e-170;
        double[] p = new double[10];
        p[0] = 1 - 9 * eps;
        for (int i = 1; i < 10; i++) {
            p[i] = eps;
        }
        double[][] scaled = new double[10][10];
        for (int i = 0; i < 10; i++) {
            for (int j = 0; j < 10; j++) {
                scaled[i][j] = ((i == j ? p[i] : 0) - p[i] * p[j]) / eps;
            }
        }
        scaled[0][0] = p[0] * 9; // p_0(1 − p_0)/ε with 1 − p_0 = 9ε, free of cancellation
        double expected = 0;
        for (double e : new org.apache.commons.math3.linear.EigenDecomposition(MatrixUtils.createRealMatrix(scaled))
                .getRealEigenvalues()) {
            expected = Math.max(expected, e);
        }
        RealMatrix sqrtA = PerSampleGgn.sqrtOfSoftmaxCovariance(p);
        double top = PerSampleGgn.topEigenvalue(sqrtA, MatrixUtils.createRealIdentityMatrix(10));
        assertEquals(expected * eps, top, expected * eps * TOL);
        assertEquals(10, expected, 1e-9);
    }
}
