package org.hessianscope.bounds;

import org.hessianscope.Tolerances;
import org.hessianscope.arch.FeatureMap;
import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ToeplitzOperatorTest {

    /** Sums of a few dozen products of O(1) numbers. */
    private static final double ROUNDING = Tolerances.SUM_ORDER_F64;

    @Test
    void paperExampleThreeTapKernelOnFiveVectorIsTheBandedMatrix() {
        double w1 = 2;
        double w2 = 3;
        double w3 = 5;
        ToeplitzMatrix t = ToeplitzOperator.conv1d(1, 1, 3, new double[] {w1, w2, w3}, 5).matrix();
        double[][] expected = {
                {w1, w2, w3, 0, 0},
                {0, w1, w2, w3, 0},
                {0, 0, w1, w2, w3},
        };
        double[][] dense = t.toDense();
        assertEquals(3, t.rows());
        assertEquals(5, t.cols());
        assertEquals(9, t.nonZeros());
        for (int r = 0; r < 3; r++) {
            assertArrayEquals(expected[r], dense[r], 0.0);
        }
    }

    @Test
    void twoByTwoKernelOnThreeByThreeMapIsDoublyBlockToeplitz() {
        // out[i,j] = a x[i,j] + b x[i,j+1] + c x[i+1,j] + d x[i+1,j+1]; x flattened row-major over 3×3.
        double a = 1, b = 2, c = 3, d = 4;
        double[][] dense = ToeplitzOperator.conv2d(1, 2, new double[] {a, b, c, d}, new FeatureMap(1, 3, 3))
                .matrix().toDense();
        double[][] expected = {
                {a, b, 0, c, d, 0, 0, 0, 0},
                {0, a, b, 0, c, d, 0, 0, 0},
                {0, 0, 0, a, b, 0, c, d, 0},
                {0, 0, 0, 0, a, b, 0, c, d},
        };
        for (int r = 0; r < 4; r++) {
            assertArrayEquals(expected[r], dense[r], 0.0);
        }
    }

    @Test
    void matrixAndOperatorEqualDirectConvolution2d() {
        SplittableRandom rnd = new SplittableRandom(11);
        int cout = 3, cin = 2, k = 3, h = 5, w = 6;
        double[] weights = random(rnd, cout * cin * k * k);
        ToeplitzOperator op = ToeplitzOperator.conv2d(cout, k, weights, new FeatureMap(cin, h, w));
        assertEquals(new FeatureMap(cout, 3, 4), op.outputMap());
        for (int trial = 0; trial < 5; trial++) {
            double[] x = random(rnd, cin * h * w);
            double[] direct = directConv2d(weights, cout, cin, k, x, h, w);
            double[] viaOp = new double[op.rows()];
            op.apply(x, viaOp);
            assertArrayEquals(direct, viaOp, ROUNDING);
            assertArrayEquals(direct, op.matrix().times(x), ROUNDING);
        }
    }

    @Test
    void matrixAndOperatorEqualDirectConvolution1d() {
        SplittableRandom rnd = new SplittableRandom(12);
        int cout = 2, cin = 3, k = 4, d = 9;
        double[] weights = random(rnd, cout * cin * k);
        ToeplitzOperator op = ToeplitzOperator.conv1d(cout, cin, k, weights, d);
        double[] x = random(rnd, cin * d);
        double[] direct = new double[cout * (d - k + 1)];
        for (int o = 0; o < cout; o++) {
            for (int i = 0; i < d - k + 1; i++) {
                for (int c = 0; c < cin; c++) {
                    for (int u = 0; u < k; u++) {
                        direct[o * (d - k + 1) + i] += weights[(o * cin + c) * k + u] * x[c * d + i + u];
                    }
                }
            }
        }
        double[] viaOp = new double[op.rows()];
        op.apply(x, viaOp);
        assertArrayEquals(direct, viaOp, ROUNDING);
        assertArrayEquals(direct, op.matrix().times(x), ROUNDING);
    }

    @Test
    void transposeIsTheMatrixTranspose() {
        SplittableRandom rnd = new SplittableRandom(13);
        ToeplitzOperator op = ToeplitzOperator.conv2d(2, 2, random(rnd, 2 * 3 * 4), new FeatureMap(3, 4, 5));
        double[][] dense = op.matrix().toDense();
        double[] y = random(rnd, op.rows());
        double[] expected = new double[op.cols()];
        for (int r = 0; r < op.rows(); r++) {
            for (int c = 0; c < op.cols(); c++) {
                expected[c] += dense[r][c] * y[r];
            }
        }
        double[] got = new double[op.cols()];
        op.applyTranspose(y, got);
        assertArrayEquals(expected, got, ROUNDING);
    }

    @Test
    void wrongWeightCountIsAClearError() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ToeplitzOperator.conv2d(2, 3, new double[5], new FeatureMap(1, 4, 4)));
        assertEquals("kernel has 5 weights; [2, 1, 3, 3] needs 18", e.getMessage());
    }

    /** The definition written out: out[o,i,j] = Σ_{c,u,v} W[o,c,u,v] · x[c,i+u,j+v]. */
    static double[] directConv2d(double[] wt, int cout, int cin, int k, double[] x, int h, int w) {
        int oh = h - k + 1, ow = w - k + 1;
        double[] out = new double[cout * oh * ow];
        for (int o = 0; o < cout; o++) {
            for (int i = 0; i < oh; i++) {
                for (int j = 0; j < ow; j++) {
                    double s = 0;
                    for (int c = 0; c < cin; c++) {
                        for (int u = 0; u < k; u++) {
                            for (int v = 0; v < k; v++) {
                                s += wt[((o * cin + c) * k + u) * k + v] * x[(c * h + i + u) * w + j + v];
                            }
                        }
                    }
                    out[(o * oh + i) * ow + j] = s;
                }
            }
        }
        return out;
    }

    static double[] random(SplittableRandom rnd, int n) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = rnd.nextDouble(-1, 1);
        }
        return v;
    }
}
