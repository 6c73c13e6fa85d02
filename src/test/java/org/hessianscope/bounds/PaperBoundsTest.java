package org.hessianscope.bounds;

import org.hessianscope.arch.ArchitectureSpec;
import org.hessianscope.arch.ConvLayerSpec;
import org.hessianscope.arch.HeadSpec;
import org.hessianscope.arch.InputShape;
import org.hessianscope.arch.PoolSpec;
import org.hessianscope.arch.PoolType;
import org.hessianscope.data.InMemorySamples;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Each formula against its value worked out by hand for C = 2, k = 3, m = n = 5, L = 1, w = 0.5, ‖x‖² = 4. */
class PaperBoundsTest {

    /** The log-space evaluation differs from the hand arithmetic only by rounding. */
    private static final double LOG_TOLERANCE = 1e-12;
    private static final double SQRT2 = Math.sqrt(2);

    private static BoundConventions small(int hiddenLayers, int hiddenWidth, double wTilde, int poolSize, int poolAt) {
        return new BoundConventions(1, 2, 3, 5, 5, 0.5, hiddenLayers, hiddenWidth, wTilde, poolSize, poolAt, 4, 1,
                BoundConventions.TRAINED);
    }

    @Test
    void theorem2ByHand() {
        // C²k²mn = 4·9·25 = 900; C²k²w²mn = 900·0.25 = 225; √2 · 4 · 900 · (L+1 = 2) · 225¹ = √2 · 1,620,000
        Bound b = PaperBounds.theorem2(small(0, 0, 0, 0, 0));
        assertEquals(Math.log10(SQRT2 * 1_620_000), b.log10(), LOG_TOLERANCE);
        assertEquals(SQRT2 * 1_620_000, b.value(), 1e-6);
    }

    @Test
    void theorem1ByHand() {
        // C = 2, k = 3, d = 5, L = 1, w = 0.5, ‖x‖² = 4: C²w²kd = 4·0.25·3·5 = 15; √2 · 4 · 25 · 2 · 15 = √2 · 3000
        assertEquals(Math.log10(SQRT2 * 3000), PaperBounds.theorem1(2, 3, 5, 1, 0.5, 4).log10(), LOG_TOLERANCE);
        // L = 3: (15)³ = 3375, (L+1) = 4: √2 · 4 · 25 · 4 · 3375 = √2 · 1,350,000
        assertEquals(Math.log10(SQRT2 * 1_350_000), PaperBounds.theorem1(2, 3, 5, 3, 0.5, 4).log10(), LOG_TOLERANCE);
    }

    @Test
    void lemma2ByHand() {
        // q = 1.5, w_T = 2, L = 2, ‖x‖² = 4: √2 · 2.25 · 4 · 3 · 2⁴ = √2 · 432
        assertEquals(Math.log10(SQRT2 * 432), PaperBounds.lemma2(1.5, 2, 2, 4).log10(), LOG_TOLERANCE);
        // w_T < 1 lowers it: w_T = 0.5, L = 1: √2 · 2.25 · 4 · 2 · 0.25 = √2 · 4.5
        assertEquals(Math.log10(SQRT2 * 4.5), PaperBounds.lemma2(1.5, 0.5, 1, 4).log10(), LOG_TOLERANCE);
    }

    @Test
    void lemma3ByHand() {
        // pool 2 at l = 1, L = 1: k_pool^{−2(L−l+2)} = 2^{−4} = 1/16; q² = C²k²mn = 900:
        // √2 · 4 · 900 · (1/16) · 2 · 225 = √2 · 101,250
        assertEquals(Math.log10(SQRT2 * 101_250), PaperBounds.lemma3(small(0, 0, 0, 2, 1)).log10(), LOG_TOLERANCE);
        // with q = 1.5 instead: √2 · 4 · 2.25 · (1/16) · 2 · 225 = √2 · 253.125
        assertEquals(Math.log10(SQRT2 * 253.125), PaperBounds.lemma3(small(0, 0, 0, 2, 1), Math.log10(1.5)).log10(),
                LOG_TOLERANCE);
    }

    @Test
    void lemma4ByHand() {
        // P = 1, h = 4, w̃ = 0.25: h²w̃² = 16·0.0625 = 1; k²C²w²mn = 225:
        // √2 · 4 · 900 · 1¹ · 225¹ · (1 + 1 + 1·1/225) = √2 · 4 · 900 · (450 + 1) = √2 · 1,623,600
        assertEquals(Math.log10(SQRT2 * 1_623_600), PaperBounds.lemma4(small(1, 4, 0.25, 0, 0)).log10(), LOG_TOLERANCE);
        // P = 2, h = 8, w̃ = 0.25: h²w̃² = 4: √2 · 4 · 900 · 4² · 225 · (2 + 2·4/225) = √2 · 57,600 · 458 = √2 · 26,380,800
        assertEquals(Math.log10(SQRT2 * 26_380_800), PaperBounds.lemma4(small(2, 8, 0.25, 0, 0)).log10(), LOG_TOLERANCE);
    }

    @Test
    void lemma4WithoutConvWeightsKeepsTheHeadTerm() {
        // w = 0: (L+1)·0^L vanishes, P h²w̃² (k²C²w²mn)^{L−1} = 1·1·1 for L = 1: √2 · 4 · 900 · 1 · 1
        BoundConventions c = new BoundConventions(1, 2, 3, 5, 5, 0, 1, 4, 0.25, 0, 0, 4, 1, BoundConventions.TRAINED);
        assertEquals(Math.log10(SQRT2 * 3600), PaperBounds.lemma4(c).log10(), LOG_TOLERANCE);
    }

    @Test
    void boundsBeyondDoubleRangeStayFinite() {
        // L = 60 layers of C = 64, k = 5, 224×224 maps, w = 1: the number itself overflows, its log10 does not.
        BoundConventions c = new BoundConventions(60, 64, 5, 224, 224, 1, 0, 0, 0, 0, 0, 50_000, 1, BoundConventions.TRAINED);
        double perLayer = Math.log10(64.0 * 64 * 25 * 224 * 224);
        double expected = Math.log10(SQRT2 * 50_000) + perLayer + Math.log10(61) + 60 * perLayer;
        Bound b = PaperBounds.theorem2(c);
        assertEquals(expected, b.log10(), 1e-9);
        assertEquals(Double.POSITIVE_INFINITY, b.value());
    }

    @Test
    void conventionsFromWeightsAndSamples() {
        // input 1×5×5, conv1 2 channels k=3 → 2×3×3, conv2 3 channels k=2 → 3×2×2, fc1 12→4 (hidden), fc2 4→2.
        ArchitectureSpec spec = new ArchitectureSpec(new InputShape(1, 5, 5),
                List.of(new ConvLayerSpec(2, 3), new ConvLayerSpec(3, 2)), false, null, new HeadSpec(List.of(4)), 2);
        double[] theta = new double[spec.parameterCount()];
        var layout = spec.parameterLayout();
        theta[layout.tensor("conv2.weight").orElseThrow().offset() + 5] = -0.7;
        theta[layout.tensor("conv1.bias").orElseThrow().offset()] = 9; // biases are excluded
        theta[layout.tensor("fc2.weight").orElseThrow().offset() + 1] = 0.3;
        theta[layout.tensor("fc1.weight").orElseThrow().offset()] = -0.2;
        double[] a = new double[25];
        double[] b = new double[25];
        a[0] = 3; // ‖a‖² = 9
        b[1] = 2;
        b[2] = -2; // ‖b‖² = 8
        var samples = new InMemorySamples(new InputShape(1, 5, 5), 2, new double[][] {a, b}, new int[] {0, 1});
        BoundConventions c = BoundConventions.of(spec, theta, samples);
        assertEquals(new BoundConventions(2, 3, 3, 5, 5, 0.7, 1, 4, 0.3, 0, 0, 9, 2, BoundConventions.TRAINED), c);
    }

    @Test
    void previewUsesTheInitialisationRange() {
        // MNIST, L = 2, C = 4, k = 3, pool 2 at 1: fan_in of conv1 = 1·9 → w = 1/3 (conv2's 4·9 gives 1/6);
        // fc1 fan_in = 4·(26/2 − 2)² = 484 → w̃ = 1/22. ‖x‖² = 784 for inputs in [−1, 1].
        ArchitectureSpec spec = ArchitectureSpec.paper(InputShape.MNIST, 2, 4, 3, new PoolSpec(PoolType.MAX, 2, 1), 10);
        double xx = BoundConventions.theoreticalInputNormSq(spec, 1);
        assertEquals(784, xx);
        BoundPreview p = BoundPreview.of(spec, xx);
        assertEquals(new BoundConventions(2, 4, 3, 28, 28, 1.0 / 3, 0, 0, 1.0 / 22, 2, 1, 784, 0,
                BoundConventions.INIT_RANGE), p.conventions());
        // Lemma 3: √2 · 784 · (16·9·784) · 2^{−2(2−1+2)} · 3 · (16·9·(1/9)·784)²
        double expected = Math.log10(SQRT2 * 784 * (16.0 * 9 * 784) / 64 * 3) + 2 * Math.log10(16.0 * 784);
        assertEquals(expected, p.lemma3().log10(), LOG_TOLERANCE);
        assertEquals(p.lemma3(), p.applicable());
        assertNull(p.lemma4());
    }
}
