package org.hessianscope.landscape;

import org.hessianscope.Tolerances;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SmoothingAndBoundTest {
    static final double TOL = Tolerances.ULPS_F64;

    @Test
    void authorsEmaByHand() {
        // α = 0.5, x = (4, 2, 1): s1 = 4, s2 = 0.5·4 + 0.5·2 = 3, s3 = 0.5·3 + 0.5·1 = 2.
        assertArrayEquals(new double[] {4, 3, 2}, Smoothing.ema(new double[] {4, 2, 1}, 0.5), TOL);
    }

    @Test
    void biasCorrectedEmaByHand() {
        // z1 = 0.5·4 = 2 → 2/(1−0.5) = 4; z2 = 0.5·2 + 0.5·2 = 2 → 2/0.75 = 8/3;
        // z3 = 0.5·2 + 0.5·1 = 1.5 → 1.5/0.875 = 12/7.
        assertArrayEquals(new double[] {4, 8.0 / 3, 12.0 / 7},
                Smoothing.emaBiasCorrected(new double[] {4, 2, 1}, 0.5), TOL);
    }

    @Test
    void biasCorrectedEmaKeepsAConstantCurve() {
        double[] x = {0.7, 0.7, 0.7, 0.7};
        double[] s = Smoothing.emaBiasCorrected(x, 0.995);
        for (double v : s) {
            assertEquals(0.7, v, 1e-12);
        }
    }

    @Test
    void alphaOutsideOpenIntervalIsRejected() {
        for (double a : new double[] {0, 1, -0.1, 1.5, Double.NaN}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> Smoothing.ema(new double[] {1}, a));
            assertTrue(e.getMessage().contains("(0, 1)"), e.getMessage());
        }
    }

    @Test
    void boundsByHand() {
        assertEquals(3.0, LossDifferenceBound.loss(1, 3.0), TOL);      // 2/2 · 3
        assertEquals(0.6, LossDifferenceBound.loss(9, 3.0), TOL);      // 2/10 · 3
        assertEquals(10.0, LossDifferenceBound.curvature(3, 2.0, 5.0), TOL); // 2/4 · 4 · 5
        assertArrayEquals(new double[] {2.0, 4.0 / 3, 1.0}, LossDifferenceBound.lossCurve(4, 2.0), TOL);
        // The paper's whole bound, k = 9, max|ℓ| = 2.5, ‖θ−θ*‖² = 0.1, max‖H‖ = 30:
        // 2/10·2.5 + 2/10·0.1·30 = 0.5 + 0.6 = 1.1
        assertEquals(1.1, LossDifferenceBound.loss(9, 2.5) + LossDifferenceBound.curvature(9, Math.sqrt(0.1), 30), 1e-14);
        assertThrows(IllegalArgumentException.class, () -> LossDifferenceBound.curvature(3, -1, 5));
        assertThrows(IllegalArgumentException.class, () -> LossDifferenceBound.loss(0, 1));
    }

    @Test
    void boundHoldsForEveryOrderingOfASmallSet() {
        double[] losses = {0.2, -1.5, 3.0, 0.9, 2.2};
        ExactLossDifferenceTest.forEachPermutation(losses.length, p -> {
            for (int k = 1; k < losses.length; k++) {
                double d = Math.abs(ExactLossDifferenceTest.bruteDifference(losses, p, k));
                assertTrue(d <= LossDifferenceBound.loss(k, 3.0) + 1e-15);
            }
        });
    }
}
