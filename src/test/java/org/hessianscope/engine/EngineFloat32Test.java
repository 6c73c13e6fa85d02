package org.hessianscope.engine;

import org.hessianscope.arch.ArchitectureSpec;
import org.hessianscope.arch.ConvLayerSpec;
import org.hessianscope.arch.HeadSpec;
import org.hessianscope.arch.InputShape;
import org.hessianscope.arch.PoolSpec;
import org.hessianscope.arch.PoolType;
import org.hessianscope.data.InMemorySamples;
import org.hessianscope.data.Samples;
import org.hessianscope.train.PyTorchInit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The float32 training pass against the float64 engine at the same (float-representable) weights and inputs.
 * Float's unit roundoff is 2^−24 ≈ 6e−8; sums of a few hundred products of order-one values lose at most a few
 * hundred of those relative, well inside {@value #AGREEMENT} of the gradient's norm.
 */
class EngineFloat32Test extends EngineTestBase {
    static final double AGREEMENT = 1e-5;

    static List<ArchitectureSpec> float32Specs() {
        List<ArchitectureSpec> out = new ArrayList<>(TinyNets.all());
        // Full-size MNIST maps: wide planes longer than one product tile, channel counts not a multiple of four.
        out.add(ArchitectureSpec.paper(InputShape.MNIST, 4, 6, 3, new PoolSpec(PoolType.MAX, 2, 2), 10));
        out.add(ArchitectureSpec.paper(InputShape.MNIST, 2, 5, 5, new PoolSpec(PoolType.AVG, 2, 1), 10));
        // At least 16 output channels: the weight gradient as a product with Cout contiguous (17: an edge tile).
        out.add(ArchitectureSpec.paper(InputShape.MNIST, 2, 17, 3, null, 10));
        return out;
    }

    @ParameterizedTest
    @MethodSource("float32Specs")
    void gradientAgreesWithFloat64(ArchitectureSpec spec) {
        Model model = floatModel(spec, 5);
        Samples samples = floatSamples(spec, BlockRunner.BLOCK_SIZE + 5, 6);
        LossGradient f64 = engine.lossAndGradient(model, samples);
        LossGradient f32 = engine.lossAndGradient(model, samples, Precision.FLOAT32);
        double err = relativeError(f32.gradient(), f64.gradient());
        assertTrue(err < AGREEMENT, "gradient relative error " + err);
        // Not the float64 path under another name: float rounding leaves its trace.
        assertTrue(err > 1e-12, "gradient relative error " + err + " is float64's, not float32's");
        assertEquals(f64.loss(), f32.loss(), AGREEMENT * f64.loss());
        assertEquals(f64.accuracy(), f32.accuracy());
    }

    @Test
    void oneTwoAndThreeThreadsGiveIdenticalBits() {
        ArchitectureSpec spec = ArchitectureSpec.paper(InputShape.MNIST, 3, 6, 3, new PoolSpec(PoolType.MAX, 2, 2), 10);
        Model model = floatModel(spec, 7);
        Samples samples = floatSamples(spec, 4 * BlockRunner.BLOCK_SIZE + 3, 8);
        try (Engine one = new Engine(1); Engine two = new Engine(2); Engine three = new Engine(3)) {
            LossGradient a = one.lossAndGradient(model, samples, Precision.FLOAT32);
            for (Engine other : new Engine[] {two, three, one}) {
                LossGradient b = other.lossAndGradient(model, samples, Precision.FLOAT32);
                assertEquals(Double.doubleToRawLongBits(a.loss()), Double.doubleToRawLongBits(b.loss()));
                assertArrayEquals(a.gradient(), b.gradient(), 0.0);
            }
        }
    }

    @Test
    void aNewEvaluationReadsTheNewWeights() {
        // θ is updated in place by training: a workspace must not keep the floats of the previous step.
        ArchitectureSpec spec = TinyNets.maxPool();
        Model model = floatModel(spec, 9);
        Samples samples = floatSamples(spec, 3, 10);
        double[] before = engine.lossAndGradient(model, samples, Precision.FLOAT32).gradient();
        model.theta()[0] += 0.25;
        double[] after = engine.lossAndGradient(model, samples, Precision.FLOAT32).gradient();
        assertNotEquals(before[0], after[0]);
        assertTrue(relativeError(after, engine.lossAndGradient(model, samples).gradient()) < AGREEMENT);
    }

    /** PyTorch's initialisation rounded to float, so both precisions evaluate the same function. */
    static Model floatModel(ArchitectureSpec spec, long seed) {
        double[] theta = PyTorchInit.initialise(spec, seed);
        Precision.FLOAT32.round(theta);
        return new Model(Network.of(spec), theta);
    }

    static Samples floatSamples(ArchitectureSpec spec, int n, long seed) {
        InMemorySamples s = TinyNets.randomSamples(spec, n, seed);
        double[][] x = new double[n][];
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            x[i] = s.input(i);
            Precision.FLOAT32.round(x[i]);
            y[i] = s.label(i);
        }
        return new InMemorySamples(s.inputShape(), s.classes(), x, y);
    }

    static double relativeError(double[] a, double[] b) {
        double diff = 0;
        double norm = 0;
        for (int j = 0; j < a.length; j++) {
            diff += (a[j] - b[j]) * (a[j] - b[j]);
            norm += b[j] * b[j];
        }
        return Math.sqrt(diff / norm);
    }
}
