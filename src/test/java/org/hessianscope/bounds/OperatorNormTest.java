package org.hessianscope.bounds;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.EigenDecomposition;
import org.apache.commons.math3.linear.SingularValueDecomposition;
import org.apache.commons.math3.optim.InitialGuess;
import org.apache.commons.math3.optim.MaxEval;
import org.apache.commons.math3.optim.PointValuePair;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;
import org.apache.commons.math3.optim.nonlinear.scalar.ObjectiveFunction;
import org.apache.commons.math3.optim.nonlinear.scalar.noderiv.NelderMeadSimplex;
import org.apache.commons.math3.optim.nonlinear.scalar.noderiv.SimplexOptimizer;
import org.hessianscope.arch.FeatureMap;
import org.hessianscope.linalg.Vectors;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Matrix-free norms against dense SVDs (commons-math) of the explicit matrices. */
class OperatorNormTest {

    /** The accuracy target for the power iteration against the SVD. */
    private static final double RELATIVE = 1e-8;

    @Test
    void toeplitzNormMatchesDenseSvd() {
        SplittableRandom rnd = new SplittableRandom(21);
        int[][] cases = {{1, 1, 3, 5, 5}, {2, 3, 3, 6, 5}, {4, 2, 2, 4, 7}, {3, 3, 1, 3, 3}, {2, 1, 4, 6, 6}};
        for (int[] c : cases) {
            double[] w = ToeplitzOperatorTest.random(rnd, c[0] * c[1] * c[2] * c[2]);
            ToeplitzOperator op = ToeplitzOperator.conv2d(c[0], c[2], w, new FeatureMap(c[1], c[3], c[4]));
            NormEstimate e = BlockPowerIteration.spectralNorm(op, BlockPowerIteration.DEFAULT_TOLERANCE,
                    BlockPowerIteration.DEFAULT_MAX_ITERATIONS, 1);
            double svd = svdNorm(op.matrix().toDense());
            assertTrue(e.converged(), "converged for " + Arrays.toString(c));
            assertEquals(svd, e.value(), RELATIVE * svd, "case " + Arrays.toString(c));
        }
    }

    @Test
    void nearlyEqualTopSingularValuesOfAnMnistLayerDoNotStallIt() {
        // conv1 of the paper's MNIST net (6 filters 3×3 on 28×28), PyTorch-initialised: its top singular values
        // come in a nearly equal pair, on which a single-vector power iteration crept at 1e-14 per step and
        // stopped 6.7e-8 below the norm after 20,000 steps. Reference: the top eigenvalue of the explicit
        // 784×784 TᵀT (assembled from the sparse rows) by a dense symmetric eigensolver.
        SplittableRandom rnd = new SplittableRandom(1);
        double[] w = new double[6 * 9];
        for (int i = 0; i < w.length; i++) {
            w[i] = rnd.nextDouble(-1.0 / 3, 1.0 / 3);
        }
        ToeplitzOperator op = ToeplitzOperator.conv2d(6, 3, w, new FeatureMap(1, 28, 28));
        ToeplitzMatrix t = op.matrix();
        double[][] gram = new double[t.cols()][t.cols()];
        for (int r = 0; r < t.rows(); r++) {
            for (int e = t.rowStart()[r]; e < t.rowStart()[r + 1]; e++) {
                for (int f = t.rowStart()[r]; f < t.rowStart()[r + 1]; f++) {
                    gram[t.column()[e]][t.column()[f]] += t.value()[e] * t.value()[f];
                }
            }
        }
        double dense = Math.sqrt(Arrays.stream(new EigenDecomposition(
                new Array2DRowRealMatrix(gram, false)).getRealEigenvalues()).max().orElseThrow());
        NormEstimate e = BlockPowerIteration.spectralNorm(op, BlockPowerIteration.DEFAULT_TOLERANCE,
                BlockPowerIteration.DEFAULT_MAX_ITERATIONS, 6);
        assertTrue(e.converged(), e.toString());
        assertEquals(dense, e.value(), RELATIVE * dense);
    }

    @Test
    void sharingTheBlocksProductsAmongThreadsKeepsEveryBit() {
        // The block's products may run on several threads; the estimate, its iteration count and its last change
        // must be those of the single-threaded run, for a count below, at and above the block size.
        SplittableRandom rnd = new SplittableRandom(24);
        double[] w = ToeplitzOperatorTest.random(rnd, 6 * 4 * 9);
        ToeplitzOperator op = ToeplitzOperator.conv2d(6, 3, w, new FeatureMap(4, 12, 11));
        NormEstimate one = BlockPowerIteration.spectralNorm(op, BlockPowerIteration.DEFAULT_TOLERANCE,
                BlockPowerIteration.DEFAULT_MAX_ITERATIONS, 3, 1);
        assertTrue(one.converged(), one.toString());
        assertEquals(svdNorm(op.matrix().toDense()), one.value(), RELATIVE * one.value());
        for (int threads : new int[]{2, 3, 4, 64}) {
            NormEstimate many = BlockPowerIteration.spectralNorm(op, BlockPowerIteration.DEFAULT_TOLERANCE,
                    BlockPowerIteration.DEFAULT_MAX_ITERATIONS, 3, threads);
            assertEquals(Double.doubleToRawLongBits(one.value()), Double.doubleToRawLongBits(many.value()),
                    threads + " threads");
            assertEquals(one.iterations(), many.iterations(), threads + " threads");
            assertEquals(Double.doubleToRawLongBits(one.lastRelativeChange()),
                    Double.doubleToRawLongBits(many.lastRelativeChange()), threads + " threads");
        }
    }

    @Test
    void toeplitzNorm1dMatchesDenseSvd() {
        SplittableRandom rnd = new SplittableRandom(22);
        ToeplitzOperator op = ToeplitzOperator.conv1d(3, 2, 3, ToeplitzOperatorTest.random(rnd, 18), 11);
        NormEstimate e = BlockPowerIteration.spectralNorm(op, BlockPowerIteration.DEFAULT_TOLERANCE,
                BlockPowerIteration.DEFAULT_MAX_ITERATIONS, 1);
        double svd = svdNorm(op.matrix().toDense());
        assertEquals(svd, e.value(), RELATIVE * svd);
    }

    @Test
    void denseLayerNormMatchesSvd() {
        SplittableRandom rnd = new SplittableRandom(23);
        int rows = 4, cols = 7, offset = 3;
        double[] flat = ToeplitzOperatorTest.random(rnd, offset + rows * cols);
        double[][] m = new double[rows][cols];
        for (int r = 0; r < rows; r++) {
            System.arraycopy(flat, offset + r * cols, m[r], 0, cols);
        }
        NormEstimate e = BlockPowerIteration.spectralNorm(flat, offset, rows, cols, BlockPowerIteration.DEFAULT_TOLERANCE,
                BlockPowerIteration.DEFAULT_MAX_ITERATIONS, 1);
        double svd = svdNorm(m);
        assertEquals(svd, e.value(), RELATIVE * svd);
    }

    @Test
    void qOfKernelAsLargeAsItsInputIsOne() {
        // d = k: T(w) is the single row wᵀ, so ‖T(w)‖₂ = ‖w‖ and q = 1. k = 1: T(w) = w·I, q = 1.
        assertEquals(1, ToeplitzDerivativeNorm.conv1d(4, 4).value(), RELATIVE);
        assertEquals(1, ToeplitzDerivativeNorm.conv2d(3, 3, 3).value(), RELATIVE);
        assertEquals(1, ToeplitzDerivativeNorm.conv2d(1, 5, 4).value(), RELATIVE);
        assertEquals(1, ToeplitzDerivativeNorm.dense().value(), 0.0);
    }

    @Test
    void qOfTwoOutputsIsHandDerived() {
        // d = k + 1: T(w) = [[w, 0], [0, w]] shifted, T Tᵀ = [[1, s], [s, 1]] with s = Σ w_i w_{i+1};
        // max over unit w of s is the top eigenvalue of the path graph's adjacency / 2 = cos(π/(k+1)),
        // so q² = 1 + cos(π/(k+1)).
        for (int k = 2; k <= 5; k++) {
            double expected = Math.sqrt(1 + Math.cos(Math.PI / (k + 1)));
            assertEquals(expected, ToeplitzDerivativeNorm.conv1d(k, k + 1).value(), RELATIVE, "k = " + k);
        }
    }

    @Test
    void qMatchesDenseMaximisationOverFilters() {
        // Independent route: maximise ‖T(w)‖₂ / ‖w‖ over all (signed) filters with Nelder–Mead, each
        // evaluation a dense SVD of the explicit matrix, from several seeded starts.
        int[][] cases = {{1, 2, 1, 6}, {1, 3, 1, 7}, {2, 2, 3, 3}, {2, 2, 4, 3}};
        for (int[] c : cases) {
            int kh = c[0], kw = c[1], h = c[2], w = c[3];
            double dense = denseQ(kh, kw, h, w);
            double q = ToeplitzDerivativeNorm.of(kh, kw, h, w).value();
            assertEquals(dense, q, 1e-7 * dense, "case " + Arrays.toString(c));
        }
    }

    @Test
    void qBoundsEveryMultiChannelLayer() {
        // The interpretation: q ≥ ‖T(W)‖₂ / ‖W‖_F for every weight tensor, whatever the channel counts.
        SplittableRandom rnd = new SplittableRandom(24);
        double q = ToeplitzDerivativeNorm.conv2d(2, 4, 5).value();
        double largest = 0;
        for (int trial = 0; trial < 30; trial++) {
            double[] w = ToeplitzOperatorTest.random(rnd, 2 * 3 * 4);
            if (trial % 2 == 0) {
                for (int i = 0; i < w.length; i++) {
                    w[i] = Math.abs(w[i]);
                }
            }
            ToeplitzOperator op = ToeplitzOperator.conv2d(2, 2, w, new FeatureMap(3, 4, 5));
            double ratio = svdNorm(op.matrix().toDense()) / Math.sqrt(Vectors.dot(w, w));
            largest = Math.max(largest, ratio);
        }
        assertTrue(largest <= q * (1 + RELATIVE), largest + " > q = " + q);
        assertTrue(q <= Math.min(2, Math.sqrt(3 * 4)), "q within min(k, √(out size))");
    }

    private static double denseQ(int kh, int kw, int h, int w) {
        SimplexOptimizer opt = new SimplexOptimizer(1e-15, 1e-15);
        SplittableRandom rnd = new SplittableRandom(25);
        double best = 0;
        for (int start = 0; start < 6; start++) {
            double[] guess = ToeplitzOperatorTest.random(rnd, kh * kw);
            PointValuePair p = opt.optimize(new MaxEval(20_000), GoalType.MAXIMIZE, new InitialGuess(guess),
                    new NelderMeadSimplex(kh * kw, 0.2), new ObjectiveFunction(f -> {
                        ToeplitzOperator op = ToeplitzOperator.of(1, 1, kh, kw, h, w, f);
                        return svdNorm(op.matrix().toDense()) / Math.sqrt(Vectors.dot(f, f));
                    }));
            best = Math.max(best, p.getValue());
        }
        return best;
    }

    static double svdNorm(double[][] m) {
        return new SingularValueDecomposition(new Array2DRowRealMatrix(m)).getNorm();
    }
}
