package org.hessianscope.engine;

import org.hessianscope.arch.ArchitectureSpec;
import org.hessianscope.arch.ConvLayerSpec;
import org.hessianscope.arch.HeadSpec;
import org.hessianscope.arch.InputShape;
import org.hessianscope.arch.PoolSpec;
import org.hessianscope.arch.PoolType;
import org.hessianscope.data.InMemorySamples;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Cases small enough to work out on paper; the derivations are in the comments. */
class EngineHandComputedTest extends EngineTestBase {
    private static final double TOLERANCE = 1e-14;
    private static final InputShape THREE_BY_THREE = new InputShape(1, 3, 3);
    /** Rows of the 3×3 input [1 2 0; 0 1 3; 2 1 1], row-major. */
    private static final double[] X = {1, 2, 0, 0, 1, 3, 2, 1, 1};

    /**
     * conv1: 1 channel, 2×2 kernel W = [1 0; −1 2], bias 0.5, no ReLU after the last conv; fc1: 4 → 2
     * with rows [0.1 0 0 −0.2] and [0 −0.1 0.2 0], biases [0.3, −0.1]. Label 0.
     * <pre>
     * conv out h(0,0) = 1·1 + 0·2 − 1·0 + 2·1 + 0.5 = 3.5    h(0,1) = 1·2 + 0·0 − 1·1 + 2·3 + 0.5 = 7.5
     *          h(1,0) = 1·0 + 0·1 − 1·2 + 2·1 + 0.5 = 0.5    h(1,1) = 1·1 + 0·3 − 1·1 + 2·1 + 0.5 = 2.5
     * z0 = 0.1·3.5 − 0.2·2.5 + 0.3 = 0.15,  z1 = −0.1·7.5 + 0.2·0.5 − 0.1 = −0.75
     * ℓ = log(e^0.15 + e^−0.75) − 0.15 = log(1 + e^−0.9);  with s = σ(−0.9) = p1:  ∂ℓ/∂z = (−s, s)
     * ∂ℓ/∂fc1.bias = (−s, s); ∂ℓ/∂fc1.weight = (−s h, s h)
     * ∂ℓ/∂h = W_fc^T (−s, s) = s (−0.1, −0.1, 0.2, 0.2);  ∂ℓ/∂conv1.bias = s (−0.1 − 0.1 + 0.2 + 0.2) = 0.2 s
     * ∂ℓ/∂conv1.weight[a,b] = Σ_{y,x} ∂ℓ/∂h(y,x) · X(y+a, x+b)
     *   [0,0]: s(−0.1·1 − 0.1·2 + 0.2·0 + 0.2·1) = −0.1 s     [0,1]: s(−0.1·2 − 0.1·0 + 0.2·1 + 0.2·3) = 0.6 s
     *   [1,0]: s(−0.1·0 − 0.1·1 + 0.2·2 + 0.2·1) =  0.5 s     [1,1]: s(−0.1·1 − 0.1·3 + 0.2·1 + 0.2·1) = 0
     * The logits are linear in fc1.bias with identity Jacobian, so the fc1.bias block of H is
     * A = diag(p) − p p^T = s(1 − s) [1 −1; −1 1].
     * </pre>
     */
    @Test
    void oneConvLinearHeadMatchesHandDerivation() {
        ArchitectureSpec spec = new ArchitectureSpec(THREE_BY_THREE, List.of(new ConvLayerSpec(1, 2)), false, null,
                HeadSpec.LINEAR, 2);
        double[] theta = {1, 0, -1, 2, 0.5, 0.1, 0, 0, -0.2, 0, -0.1, 0.2, 0, 0.3, -0.1};
        Model model = new Model(Network.of(spec), theta);
        assertArrayEquals(new double[] {0.15, -0.75}, engine.logits(model, X), TOLERANCE);

        InMemorySamples one = new InMemorySamples(THREE_BY_THREE, 2, new double[][] {X}, new int[] {0});
        double s = 1 / (1 + Math.exp(0.9));
        LossGradient lg = engine.lossAndGradient(model, one);
        assertEquals(Math.log1p(Math.exp(-0.9)), lg.loss(), TOLERANCE);
        assertEquals(1.0, lg.accuracy());
        double[] h = {3.5, 7.5, 0.5, 2.5};
        double[] expected = {-0.1 * s, 0.6 * s, 0.5 * s, 0, 0.2 * s,
                -s * h[0], -s * h[1], -s * h[2], -s * h[3], s * h[0], s * h[1], s * h[2], s * h[3], -s, s};
        assertArrayEquals(expected, lg.gradient(), TOLERANCE);
        assertArrayEquals(new double[] {Math.log1p(Math.exp(-0.9))}, engine.perSampleLosses(model, one,
                org.hessianscope.task.ProgressMonitor.NONE), TOLERANCE);

        double[] hv = engine.hvp(model, one, Vectors.unit(theta.length, 13));
        double a = s * (1 - s);
        assertEquals(a, hv[13], TOLERANCE);
        assertEquals(-a, hv[14], TOLERANCE);
    }

    /**
     * conv1 with kernel [1 0; 0 0] and bias 0 copies the top-left 2×2 of
     * X' = [1 5 7; 5 2 9; 4 6 8], i.e. [1 5; 5 2]: the max pool window holds 5 twice, at (0,1) and
     * (1,0). Routing to the first maximum in row-major order picks (0,1), whose input patch is
     * [5 7; 2 9]; the other would be [5 2; 4 6]. With g = ∂ℓ/∂(pool output) = ∂ℓ/∂conv1.bias, the
     * conv weight gradient is g × patch, and J v along conv1.weight[0,0,0,1] is fc1.weight × 7.
     */
    @Test
    void maxPoolTieRoutesToFirstMaximumInScanOrder() {
        ArchitectureSpec spec = new ArchitectureSpec(THREE_BY_THREE, List.of(new ConvLayerSpec(1, 2)), false,
                new PoolSpec(PoolType.MAX, 2, 1), HeadSpec.LINEAR, 2);
        double[] theta = {1, 0, 0, 0, 0, 0.3, -0.2, 0, 0};
        Model model = new Model(Network.of(spec), theta);
        double[] x = {1, 5, 7, 5, 2, 9, 4, 6, 8};
        assertArrayEquals(new double[] {1.5, -1.0}, engine.logits(model, x), TOLERANCE);

        InMemorySamples one = new InMemorySamples(THREE_BY_THREE, 2, new double[][] {x}, new int[] {0});
        double[] grad = engine.lossAndGradient(model, one).gradient();
        double g = grad[4];
        assertEquals(0.3 * grad[7] - 0.2 * grad[8], g, TOLERANCE, "bias gradient is the pooled cotangent");
        assertArrayEquals(new double[] {5 * g, 7 * g, 2 * g, 9 * g}, java.util.Arrays.copyOf(grad, 4), TOLERANCE);

        double[] jv = engine.jvp(model, x, Vectors.unit(theta.length, 1));
        assertArrayEquals(new double[] {0.3 * 7, -0.2 * 7}, jv, TOLERANCE);
    }
}
