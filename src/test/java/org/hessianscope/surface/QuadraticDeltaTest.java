package org.hessianscope.surface;

import java.util.SplittableRandom;
import org.hessianscope.linalg.Vectors;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class QuadraticDeltaTest {
    // A 2-D toy: q(δ) = c + bᵀδ + ½δᵀAδ, δ ∼ N(0, τ²I₂).
    static final double C = 0.3;
    static final double[] B = {0.5, -1.2};
    static final double[][] A = {{2.0, 0.7}, {0.7, -1.0}};
    static final double TAU = 0.4;

    static double q(double d1, double d2) {
        return C + B[0] * d1 + B[1] * d2
                + 0.5 * (A[0][0] * d1 * d1 + 2 * A[0][1] * d1 * d2 + A[1][1] * d2 * d2);
    }

    static double closedForm() {
        double trace = A[0][0] + A[1][1];
        double frob = A[0][0] * A[0][0] + 2 * A[0][1] * A[0][1] + A[1][1] * A[1][1];
        return QuadraticDelta.expectedSquare(C, B[0] * B[0] + B[1] * B[1], trace, frob, TAU);
    }

    @Test
    void closedFormEqualsGaussHermiteQuadratureWhichIsExactForThisQuartic() {
        // Three-point Gauss–Hermite for N(0, 1): nodes 0, ±√3, weights 2/3, 1/6, 1/6; exact up to degree 5 in each
        // variable, and q² has degree 4.
        double[] nodes = {-Math.sqrt(3), 0, Math.sqrt(3)};
        double[] weights = {1.0 / 6, 2.0 / 3, 1.0 / 6};
        double sum = 0;
        for (int a = 0; a < 3; a++) {
            for (int b = 0; b < 3; b++) {
                double v = q(TAU * nodes[a], TAU * nodes[b]);
                sum += weights[a] * weights[b] * v * v;
            }
        }
        assertEquals(sum, closedForm(), 1e-14);
        // By hand: (0.3 + 0.08·1)² + 0.16·1.69 + 0.0128·(4 + 0.98 + 1) = 0.1444 + 0.2704 + 0.076544.
        assertEquals(0.1444 + 0.2704 + 0.076544, closedForm(), 1e-14);
    }

    @Test
    void closedFormAgreesWithBruteForceSamplingWithinItsStandardError() {
        SplittableRandom rng = new SplittableRandom(11);
        int n = 400_000;
        double sum = 0;
        double sumSq = 0;
        for (int i = 0; i < n; i++) {
            double[] z = Vectors.gaussian(2, rng);
            double v = q(TAU * z[0], TAU * z[1]);
            sum += v * v;
            sumSq += v * v * v * v;
        }
        double mean = sum / n;
        double se = Math.sqrt((sumSq / n - mean * mean) / n);
        assertTrue(Math.abs(mean - closedForm()) < 4 * se, mean + " vs " + closedForm() + " ± " + se);
    }

    @Test
    void theMatrixFreeAssemblyEqualsTheExplicitDifferenceMatrices() {
        // Linear net, squared loss: c, b and A of L_{k+1} − L_k written down explicitly, projected on a basis V.
        LinearSquaredObjective f = new LinearSquaredObjective(12, 5, 3);
        double[] theta = Vectors.gaussian(5, new SplittableRandom(4));
        double[][] basis = {Vectors.gaussian(5, new SplittableRandom(5)), Vectors.gaussian(5, new SplittableRandom(6))};
        int[] ks = {1, 4, 11};
        double[] tau = {0.1, 0.7};
        double[][] got = QuadraticDelta.inBasis(f, theta, basis, ks, tau, org.hessianscope.task.ProgressMonitor.NONE,
                0, 12);
        for (int j = 0; j < ks.length; j++) {
            int k = ks[j];
            double[] l = f.losses(theta, org.hessianscope.task.ProgressMonitor.NONE);
            double meanL = 0;
            for (int i = 0; i < k; i++) {
                meanL += l[i] / k;
            }
            double c = (l[k] - meanL) / (k + 1);
            double[] b = new double[2];
            double[][] av = new double[2][2];
            for (int a = 0; a < 2; a++) {
                // Vᵀ∇ℓ_i = r_i (x_i·v_a); VᵀH_iV = (x_i·v_a)(x_i·v_e).
                double gk1 = f.residual(k, theta) * Vectors.dot(f.x[k], basis[a]);
                double gMean = 0;
                for (int i = 0; i < k; i++) {
                    gMean += f.residual(i, theta) * Vectors.dot(f.x[i], basis[a]) / k;
                }
                b[a] = (gk1 - gMean) / (k + 1);
                for (int e = 0; e < 2; e++) {
                    double hk1 = Vectors.dot(f.x[k], basis[a]) * Vectors.dot(f.x[k], basis[e]);
                    double hMean = 0;
                    for (int i = 0; i < k; i++) {
                        hMean += Vectors.dot(f.x[i], basis[a]) * Vectors.dot(f.x[i], basis[e]) / k;
                    }
                    av[a][e] = (hk1 - hMean) / (k + 1);
                }
            }
            double trace = av[0][0] + av[1][1];
            double frob = av[0][0] * av[0][0] + av[0][1] * av[0][1] + av[1][0] * av[1][0] + av[1][1] * av[1][1];
            for (int s = 0; s < tau.length; s++) {
                double expected = QuadraticDelta.expectedSquare(c, b[0] * b[0] + b[1] * b[1], trace, frob, tau[s]);
                assertEquals(expected, got[s][j], 1e-12 * expected, "k = " + k + ", τ = " + tau[s]);
            }
        }
    }
}
