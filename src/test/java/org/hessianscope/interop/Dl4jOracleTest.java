package org.hessianscope.interop;

import org.hessianscope.arch.ArchitectureSpec;
import org.hessianscope.arch.ConvLayerSpec;
import org.hessianscope.arch.HeadSpec;
import org.hessianscope.arch.InputShape;
import org.hessianscope.data.InMemorySamples;
import org.hessianscope.data.Samples;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** DL4J's network, built from a spec, against hand-derived numbers and a plain reference forward pass. */
class Dl4jOracleTest {

    /** Double-precision agreement of two correct evaluations that sum in different orders. */
    private static final double EXACT = 1e-12;
    /** Central differences with step 1e-5 have truncation error of order 1e-10 relative to second derivatives. */
    private static final double FINITE_DIFFERENCE = 1e-6;
    private static final double FD_STEP = 1e-5;

    /** 1×3×3 input 1..9, one 2×2 conv [[1,2],[3,4]] with bias 1, no ReLU, a linear head to 2 classes. */
    private static final ArchitectureSpec TINY = new ArchitectureSpec(new InputShape(1, 3, 3),
            List.of(new ConvLayerSpec(1, 2)), false, null, HeadSpec.LINEAR, 2);
    private static final double[] TINY_THETA = {
            1, 2, 3, 4,          // conv1.weight [1,1,2,2]
            1,                   // conv1.bias
            1, -1, 0, 0,         // fc1.weight row 0
            0, 0, 1, 0.5,        // fc1.weight row 1
            0.5, -1};            // fc1.bias
    private static final double[] TINY_X = {1, 2, 3, 4, 5, 6, 7, 8, 9};

    @Test
    void tinyNetworkGivesHandComputedLogits() {
        // conv: 1·1+2·2+3·4+4·5+1 = 38, then 48, 68, 78 (windows at (0,0), (0,1), (1,0), (1,1)).
        // fc: 38 − 48 + 0.5 = −9.5; 68 + 0.5·78 − 1 = 106.
        double[][] z = Dl4jOracle.of(TINY, TINY_THETA).logits(new double[][] {TINY_X});
        assertArrayEquals(new double[] {-9.5, 106}, z[0], 0);
    }

    @Test
    void tinyNetworkLossIsNotClipped() {
        // ℓ = logsumexp(−9.5, 106) + 9.5 = 115.5 + log(1 + e^−115.5); DL4J's MCXENT would clip to −log 1e-10 ≈ 23.03.
        Samples one = new InMemorySamples(TINY.input(), 2, new double[][] {TINY_X}, new int[] {0});
        assertEquals(115.5, Dl4jOracle.of(TINY, TINY_THETA).perSampleLosses(one)[0], 1e-12);
    }

    @Test
    void tinyNetworkGivesHandComputedGradient() {
        // Label 0: ∂ℓ/∂z = p − y = (−1, 1) up to e^−115.5. Features f = (38, 48, 68, 78).
        // fc1.weight: row 0 = −f, row 1 = f; fc1.bias = (−1, 1).
        // ∂ℓ/∂(conv output) = W^T (p − y) = (−1, 1, 1, 0.5) over windows (0,0), (0,1), (1,0), (1,1);
        // conv1.weight[u][v] = Σ g·x[r+u][c+v]: −1+2+4+2.5 = 7.5, −2+3+5+3 = 9, −4+5+7+4 = 12, −5+6+8+4.5 = 13.5;
        // conv1.bias = Σ g = 1.5. The mean over two copies of the sample is the same gradient.
        Samples two = new InMemorySamples(TINY.input(), 2, new double[][] {TINY_X, TINY_X}, new int[] {0, 0});
        double[] g = Dl4jOracle.of(TINY, TINY_THETA).meanLossGradient(two);
        assertArrayEquals(new double[] {7.5, 9, 12, 13.5, 1.5, -38, -48, -68, -78, 38, 48, 68, 78, -1, 1}, g, 1e-12);
    }

    @Test
    void flattenBeforeTheHeadIsChannelRowColumn() {
        // Two conv channels on 1..9: channel 0 as in TINY (38, 48, 68, 78), channel 1 picks x[r+1][c+1] = (5, 6, 8, 9).
        // In (channel, row, column) order feature 5 is channel 1, row 0, column 1 = 6; in (row, column, channel)
        // order it would be row 1, column 0, channel 1 = 8.
        ArchitectureSpec spec = new ArchitectureSpec(new InputShape(1, 3, 3), List.of(new ConvLayerSpec(2, 2)), false,
                null, HeadSpec.LINEAR, 2);
        double[] theta = new double[spec.parameterCount()];
        double[] w = {1, 2, 3, 4, 0, 0, 0, 1};
        System.arraycopy(w, 0, theta, 0, 8);
        theta[8] = 1; // conv1.bias[0]; bias[1] = 0
        int fc = 10;  // fc1.weight [2, 8]
        theta[fc + 5] = 1;          // logit 0 = feature 5
        theta[fc + 8] = 1;          // logit 1 = feature 0
        double[][] z = Dl4jOracle.of(spec, theta).logits(new double[][] {TINY_X});
        assertArrayEquals(new double[] {6, 38}, z[0], 0);
    }

    static List<String> specs() {
        return TestNets.names();
    }

    @ParameterizedTest
    @MethodSource("specs")
    void logitsAgreeWithPlainForwardPass(String name) {
        ArchitectureSpec spec = TestNets.SPECS.get(name);
        double[] theta = TestNets.theta(spec, 11);
        Samples samples = TestNets.samples(spec, 5, 12);
        double[][] z = Dl4jOracle.of(spec, theta).logits(samples);
        for (int i = 0; i < samples.size(); i++) {
            double[] expected = NaiveCnn.logits(spec, theta, samples.input(i));
            assertTrue(TestNets.relativeError(z[i], expected) < EXACT,
                    name + " sample " + i + ": " + java.util.Arrays.toString(z[i]) + " vs " + java.util.Arrays.toString(expected));
        }
    }

    @ParameterizedTest
    @MethodSource("specs")
    void gradientAgreesWithFiniteDifferences(String name) {
        ArchitectureSpec spec = TestNets.SPECS.get(name);
        double[] theta = TestNets.theta(spec, 21);
        Samples samples = TestNets.samples(spec, 4, 22);
        double[][] xs = TestNets.inputs(samples);
        int[] y = TestNets.labels(samples);
        double[] g = Dl4jOracle.of(spec, theta).meanLossGradient(samples);
        double[] fd = new double[theta.length];
        for (int p = 0; p < theta.length; p++) {
            double[] plus = theta.clone();
            double[] minus = theta.clone();
            plus[p] += FD_STEP;
            minus[p] -= FD_STEP;
            fd[p] = (NaiveCnn.meanLoss(spec, plus, xs, y) - NaiveCnn.meanLoss(spec, minus, xs, y)) / (2 * FD_STEP);
        }
        double err = TestNets.relativeError(g, fd);
        assertTrue(err < FINITE_DIFFERENCE, name + ": relative error " + err);
    }

    @Test
    void gradientIsOfTheMeanNotTheSum() {
        // Repeating the samples changes DL4J's batch sum but must not change the mean-loss gradient.
        ArchitectureSpec spec = TestNets.SPECS.get("maxPool");
        double[] theta = TestNets.theta(spec, 31);
        Samples s = TestNets.samples(spec, 3, 32);
        Dl4jOracle oracle = Dl4jOracle.of(spec, theta);
        double[] once = oracle.meanLossGradient(s);
        double[] thrice = oracle.meanLossGradient(s.select(new int[] {0, 1, 2, 0, 1, 2, 0, 1, 2}));
        assertTrue(TestNets.relativeError(thrice, once) < EXACT);
    }
}
