package org.hessianscope.engine;

import org.hessianscope.arch.FeatureMap;
import org.hessianscope.arch.Stage;
import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@link VectorConv}'s register-blocked float64 kernels give the plain loops' bits: each value is the same
 * sequence of multiplies and adds, only spread over lanes. Shapes cover channel counts that fill whole vectors
 * (8), leave padding lanes (3, 6, 5 input channels of the transposed form) and row lengths with a remainder after the groups of four taps (Cin·k·k = 9, 25).
 */
class VectorConvTest {

    @Test
    void kernelsHaveThePlainLoopsBits() {
        assertTrue(ConvLayer.VECTOR, "the tests run with --add-modules jdk.incubator.vector (pom surefire.argLine)");
        int[][] shapes = {{1, 8, 3, 12, 12}, {3, 6, 3, 9, 11}, {2, 3, 5, 10, 8}, {8, 8, 3, 26, 26}, {5, 9, 2, 7, 7}};
        SplittableRandom rng = new SplittableRandom(15);
        for (int[] s : shapes) {
            FeatureMap in = new FeatureMap(s[0], s[3], s[4]);
            int k = s[2];
            FeatureMap out = new FeatureMap(s[1], s[3] - k + 1, s[4] - k + 1);
            Stage.Conv stage = new Stage.Conv(0, in, out, k);
            int offset = 7;
            ConvLayer layer = new ConvLayer(stage, offset);
            Scratch scratch = new Scratch(new Layer[]{layer});
            double[] a = random(rng, in.channels() * in.height() * in.width());
            double[] b = random(rng, a.length);
            double[] ga = random(rng, out.channels() * out.height() * out.width());
            double[] gb = random(rng, ga.length);
            int p = offset + stage.weightCount() + out.channels() + 3;
            for (boolean pair : new boolean[]{false, true}) {
                double[] start = random(rng, p);
                double[] plain = start.clone();
                double[] vector = start.clone();
                layer.accumulateGradient(ga, a, pair ? gb : null, pair ? b : null, plain, scratch, false);
                layer.accumulateGradient(ga, a, pair ? gb : null, pair ? b : null, vector, scratch, true);
                assertArrayEquals(plain, vector, 0.0, "shape " + java.util.Arrays.toString(s) + (pair ? " pair" : ""));
                // And the gradient is the convolution's: one weight and one bias against their definition.
                int co = out.channels() - 1;
                int ci = in.channels() - 1;
                double w = 0;
                double bias = 0;
                for (int y = 0; y < out.height(); y++) {
                    for (int x = 0; x < out.width(); x++) {
                        int o = (co * out.height() + y) * out.width() + x;
                        int i = (ci * in.height() + y + k - 1) * in.width() + x;
                        w += ga[o] * a[i] + (pair ? gb[o] * b[i] : 0);
                        bias += ga[o];
                    }
                }
                int weight = offset + ((co * in.channels() + ci) * k + k - 1) * k;
                assertEquals(start[weight] + w, vector[weight], 1e-12 * (1 + Math.abs(w)));
                assertEquals(start[offset + stage.weightCount() + co] + bias, vector[offset + stage.weightCount() + co],
                        1e-12 * (1 + Math.abs(bias)));
                assertEquals(start[p - 1], vector[p - 1], 0.0, "nothing outside the layer is written");

                // The forward correlation (and its tangent form A ⋆ a + B ⋆ b), into the output map.
                double[] wa = random(rng, p);
                double[] wb = random(rng, p);
                double[] outPlain = new double[ga.length];
                double[] outVector = new double[ga.length];
                layer.correlate(wa, a, pair ? wb : null, pair ? b : null, outPlain, scratch, false);
                layer.correlate(wa, a, pair ? wb : null, pair ? b : null, outVector, scratch, true);
                assertArrayEquals(outPlain, outVector, 0.0, "correlate " + java.util.Arrays.toString(s) + (pair ? " pair" : ""));
                int y0 = out.height() - 1;
                double z = wa[offset + stage.weightCount() + co];
                for (int c = 0; c < in.channels(); c++) {
                    for (int ky = 0; ky < k; ky++) {
                        for (int kx = 0; kx < k; kx++) {
                            int wi = offset + ((co * in.channels() + c) * k + ky) * k + kx;
                            int i = (c * in.height() + y0 + ky) * in.width() + kx;
                            z += wa[wi] * a[i] + (pair ? wb[wi] * b[i] : 0);
                        }
                    }
                }
                assertEquals(z, outVector[(co * out.height() + y0) * out.width()], 1e-12 * (1 + Math.abs(z)));

                // The transposed convolution A^T ga (+ B^T gb), and the pair W^T g, W^T tg + V^T g of an H v pass.
                double[] inPlain = new double[a.length];
                double[] inVector = new double[a.length];
                layer.correlateTransposed(wa, ga, pair ? wb : null, pair ? gb : null, inPlain, scratch, false);
                layer.correlateTransposed(wa, ga, pair ? wb : null, pair ? gb : null, inVector, scratch, true);
                assertArrayEquals(inPlain, inVector, 0.0, "transposed " + java.util.Arrays.toString(s) + (pair ? " pair" : ""));
                // It is the adjoint of the correlation without biases: <A ⋆ a, ga> = <a, A^T ga> (+ the B terms).
                double[] noBias = wa.clone();
                double[] noBiasB = wb.clone();
                for (int c = 0; c < out.channels(); c++) {
                    noBias[offset + stage.weightCount() + c] = 0;
                    noBiasB[offset + stage.weightCount() + c] = 0;
                }
                double[] forwardA = new double[ga.length];
                double[] forwardB = new double[ga.length];
                layer.correlate(noBias, a, null, null, forwardA, scratch, false);
                layer.correlate(noBiasB, a, null, null, forwardB, scratch, false);
                double lhs = 0;
                for (int i = 0; i < ga.length; i++) {
                    lhs += forwardA[i] * ga[i] + (pair ? forwardB[i] * gb[i] : 0);
                }
                double rhs = 0;
                for (int i = 0; i < a.length; i++) {
                    rhs += a[i] * inVector[i];
                }
                assertEquals(lhs, rhs, 1e-10 * (1 + Math.abs(lhs)), "adjoint identity");
                if (pair) {
                    double[] gPlain = new double[a.length];
                    double[] tgPlain = new double[a.length];
                    double[] gVector = new double[a.length];
                    double[] tgVector = new double[a.length];
                    layer.correlateTransposedPair(wa, wb, ga, gb, gPlain, tgPlain, scratch, false);
                    layer.correlateTransposedPair(wa, wb, ga, gb, gVector, tgVector, scratch, true);
                    assertArrayEquals(gPlain, gVector, 0.0, "transposed pair, g " + java.util.Arrays.toString(s));
                    assertArrayEquals(tgPlain, tgVector, 0.0, "transposed pair, tg " + java.util.Arrays.toString(s));
                }
            }
        }
    }

    private static double[] random(SplittableRandom rng, int n) {
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = rng.nextDouble(-1, 1);
        }
        return x;
    }

    @Test
    void theDenseForwardHasUnrolledDotsBitsForEveryRowAndTailCount() {
        assertTrue(ConvLayer.VECTOR, "the tests run with --add-modules jdk.incubator.vector (pom surefire.argLine)");
        SplittableRandom rng = new SplittableRandom(16);
        // Rows 1, 3 (no group of four), 4, 6 and 10 (a group and a remainder); inputs with tails 0 to 3, and the
        // paper's 6·24·24.
        int[][] shapes = {{3, 1}, {8, 3}, {13, 4}, {6, 6}, {3456, 10}, {2, 5}};
        for (int[] s : shapes) {
            int inSize = s[0];
            int outSize = s[1];
            Stage.Dense stage = new Stage.Dense(0, new FeatureMap(inSize, 1, 1), new FeatureMap(outSize, 1, 1));
            int offset = 5;
            DenseLayer layer = new DenseLayer(stage, offset);
            double[] theta = random(rng, offset + stage.weightCount() + outSize + 2);
            double[] in = random(rng, inSize);
            double[] plain = new double[outSize];
            double[] vector = new double[outSize];
            layer.forward(theta, in, plain, false);
            layer.forward(theta, in, vector, true);
            assertArrayEquals(plain, vector, 0.0, "dense " + inSize + " → " + outSize);
            // And the product is W in + b: the last row against its definition.
            int o = outSize - 1;
            double z = theta[offset + stage.weightCount() + o];
            for (int j = 0; j < inSize; j++) {
                z += theta[offset + o * inSize + j] * in[j];
            }
            assertEquals(z, vector[o], 1e-12 * (1 + Math.abs(z)));
        }
    }

    @Test
    void theReluForwardHasThePlainLoopsBitsWithSignedZerosAndNaN() {
        double[] in = random(new SplittableRandom(17), 23);
        in[0] = -0.0;
        in[1] = 0.0;
        in[2] = Double.NaN;
        in[5] = -Double.MIN_VALUE;
        in[22] = -0.0; // in the scalar tail
        ReluLayer layer = new ReluLayer(23);
        double[] out = new double[23];
        double[] mask = new double[23];
        double[] outPlain = new double[23];
        double[] maskPlain = new double[23];
        layer.forward(in, out, mask, true);
        layer.forward(in, outPlain, maskPlain, false);
        for (int i = 0; i < 23; i++) {
            assertEquals(Double.doubleToRawLongBits(outPlain[i]), Double.doubleToRawLongBits(out[i]), "out " + i);
            assertEquals(maskPlain[i], mask[i], 0.0, "mask " + i);
        }
        assertEquals(Double.doubleToRawLongBits(0.0), Double.doubleToRawLongBits(out[0]), "max(−0.0, 0.0) = 0.0");
        assertTrue(Double.isNaN(out[2]));
        assertEquals(0.0, mask[2], 0.0);
    }
}
