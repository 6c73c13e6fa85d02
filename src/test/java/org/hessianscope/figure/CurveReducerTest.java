package org.hessianscope.figure;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CurveReducerTest {
    static final int N = 60_000;

    /** A noisy falling curve like |ΔL_k| at k = 1..N: 1/k times a seeded log-normal factor. */
    static double[][] noisyCurve(long seed) {
        Random rnd = new Random(seed);
        double[] x = new double[N];
        double[] y = new double[N];
        for (int i = 0; i < N; i++) {
            x[i] = i + 1;
            y[i] = Math.exp(rnd.nextGaussian()) / x[i];
        }
        return new double[][] {x, y};
    }

    @Test
    void envelopeKeepsTheTrueMinAndMaxOfEveryColumnOnLinearX() {
        checkEnvelope(false, 500);
    }

    @Test
    void envelopeKeepsTheTrueMinAndMaxOfEveryColumnOnLogX() {
        checkEnvelope(true, 700);
    }

    private static void checkEnvelope(boolean logX, int columns) {
        double[][] c = noisyCurve(7);
        double[] x = c[0];
        double[] y = c[1];
        Curve r = CurveReducer.envelope(x, y, columns, logX);
        assertTrue(r.size() <= 2 * columns + 2, "at most min and max per column plus the endpoints: " + r.size());
        // Brute force, independently of the reducer's single pass: extremes of each column.
        double u0 = logX ? Math.log(x[0]) : x[0];
        double width = (logX ? Math.log(x[N - 1]) : x[N - 1]) - u0;
        double[] min = new double[columns];
        double[] max = new double[columns];
        java.util.Arrays.fill(min, Double.POSITIVE_INFINITY);
        java.util.Arrays.fill(max, Double.NEGATIVE_INFINITY);
        double[] rMin = min.clone();
        double[] rMax = max.clone();
        for (int i = 0; i < N; i++) {
            int col = column(x[i], u0, width, columns, logX);
            min[col] = Math.min(min[col], y[i]);
            max[col] = Math.max(max[col], y[i]);
        }
        for (int j = 0; j < r.size(); j++) {
            int col = column(r.x()[j], u0, width, columns, logX);
            rMin[col] = Math.min(rMin[col], r.y()[j]);
            rMax[col] = Math.max(rMax[col], r.y()[j]);
            assertEquals(y[(int) r.x()[j] - 1], r.y()[j], 0.0, "kept points are original points");
        }
        assertArrayEquals(min, rMin, 0.0);
        assertArrayEquals(max, rMax, 0.0);
        assertEquals(x[0], r.x()[0]);
        assertEquals(x[N - 1], r.x()[r.size() - 1]);
        for (int j = 1; j < r.size(); j++) {
            assertTrue(r.x()[j] > r.x()[j - 1], "x stays strictly ascending");
        }
    }

    private static int column(double x, double u0, double width, int columns, boolean log) {
        double u = log ? Math.log(x) : x;
        return (int) Math.min(columns - 1, Math.floor((u - u0) / width * columns));
    }

    @Test
    void logGridKeepsEndpointsAndSpacesPointsEvenlyInLogX() {
        double[][] c = noisyCurve(3);
        Curve r = CurveReducer.logGrid(c[0], c[1], 400);
        assertEquals(1.0, r.x()[0]);
        assertEquals(N, r.x()[r.size() - 1]);
        assertEquals(c[1][0], r.y()[0]);
        assertEquals(c[1][N - 1], r.y()[r.size() - 1]);
        assertTrue(r.size() <= 400 && r.size() > 300, "about the requested count: " + r.size());
        // Where integer k is finer than the grid (k > 1/(ratio−1) ≈ 40), the step ratio is the
        // grid's, (N)^(1/399) = 1.0280, up to rounding to the next integer k.
        double ratio = Math.pow(N, 1 / 399.0);
        for (int j = 1; j < r.size(); j++) {
            if (r.x()[j - 1] > 200) {
                assertEquals(ratio, r.x()[j] / r.x()[j - 1], 0.01, "step at x = " + r.x()[j]);
            }
        }
    }

    @Test
    void shortCurvesAreUnchangedExceptNonFiniteValues() {
        double[] x = {1, 2, 3, 4};
        double[] y = {5, Double.NaN, 7, 8};
        Curve e = CurveReducer.envelope(x, y, 10, true);
        assertArrayEquals(new double[] {1, 3, 4}, e.x());
        assertArrayEquals(new double[] {5, 7, 8}, e.y());
        assertEquals(e, CurveReducer.logGrid(x, y, 10));
    }

    @Test
    void drawableDropsWhatALogAxisCannotShow() {
        Curve c = CurveReducer.drawable(new Curve(new double[] {0, 1, 2, 3}, new double[] {1, 0, -1, 2}), true, true);
        assertArrayEquals(new double[] {3}, c.x());
        Curve lin = CurveReducer.drawable(new Curve(new double[] {0, 1, 2, 3}, new double[] {1, 0, -1, 2}), false, false);
        assertEquals(4, lin.size());
    }

    @Test
    void badCurvesAreClearErrors() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> CurveReducer.envelope(new double[] {1, 3, 2}, new double[] {1, 1, 1}, 4, false));
        assertTrue(e.getMessage().contains("ascending"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> CurveReducer.logGrid(new double[] {0, 1}, new double[] {1, 1}, 4));
        assertTrue(e.getMessage().contains("positive on a log axis"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> CurveReducer.envelope(new double[] {1}, new double[] {1, 2}, 4, false));
    }
}
