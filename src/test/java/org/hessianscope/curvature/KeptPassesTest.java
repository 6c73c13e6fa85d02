package org.hessianscope.curvature;

import org.hessianscope.arch.ArchitectureSpec;
import org.hessianscope.arch.InputShape;
import org.hessianscope.arch.PoolSpec;
import org.hessianscope.arch.PoolType;
import org.hessianscope.data.Samples;
import org.hessianscope.engine.Engine;
import org.hessianscope.engine.EngineBenchmark;
import org.hessianscope.engine.KeptPasses;
import org.hessianscope.engine.Model;
import org.hessianscope.engine.Network;
import org.hessianscope.linalg.Vectors;
import org.hessianscope.train.PyTorchInit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * Products from the kept forward and loss-cotangent passes have the bits of the products that recompute them:
 * H v, H_O v, H_F v and the block product with its ggn forms, on the call that makes the kept state and on the
 * calls that reuse it, on nets with ReLU masks and max-pool routes or an average pool, for 1 and 2 threads.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class KeptPassesTest {
    private final Engine one = new Engine(1);
    private final Engine two = new Engine(2);

    @AfterAll
    void close() {
        one.close();
        two.close();
    }

    @ParameterizedTest
    @EnumSource(PoolType.class)
    void keptProductsHaveTheBitsOfRecomputedOnes(PoolType pool) {
        ArchitectureSpec spec = ArchitectureSpec.paper(new InputShape(2, 10, 10), 3, 3, 3, new PoolSpec(pool, 2, 2), 5);
        Model model = new Model(Network.of(spec), PyTorchInit.initialise(spec, 3));
        Samples samples = EngineBenchmark.randomSamples(spec, 37, 4);
        int p = model.parameterCount();
        SplittableRandom rng = new SplittableRandom(5);
        for (Engine engine : new Engine[] {one, two}) {
            KeptPasses kept = engine.keep(model, samples, Long.MAX_VALUE);
            assertNotNull(kept);
            for (int round = 0; round < 2; round++) {
                double[] v = Vectors.gaussian(p, rng);
                // The first product of round 0 makes the kept state; every later one restores it.
                sameBits(engine.hvp(model, samples, v), engine.hvp(model, samples, v, kept), "H v");
                sameBits(engine.ggnProduct(model, samples, v), engine.ggnProduct(model, samples, v, kept), "H_O v");
                sameBits(engine.residualProduct(model, samples, v), engine.residualProduct(model, samples, v, kept), "H_F v");
                double[][] vs = {v, Vectors.gaussian(p, rng), Vectors.gaussian(p, rng)};
                double[] forms = new double[3];
                double[] keptForms = new double[3];
                double[][] plain = engine.hvpAll(model, samples, vs, forms);
                double[][] fromKept = engine.hvpAll(model, samples, vs, keptForms, kept);
                for (int j = 0; j < vs.length; j++) {
                    sameBits(plain[j], fromKept[j], "block vector " + j);
                }
                sameBits(forms, keptForms, "ggn forms");
            }
        }
        // A fresh kept state made by the block product serves the single products too.
        KeptPasses byBlock = two.keep(model, samples, Long.MAX_VALUE);
        double[] v = Vectors.gaussian(p, rng);
        two.hvpAll(model, samples, new double[][] {v}, null, byBlock);
        sameBits(one.hvp(model, samples, v), two.hvp(model, samples, v, byBlock), "H v after the block product");
    }

    @org.junit.jupiter.api.Test
    void keepDeclinesOverItsBudgetAndRefusesOtherSamples() {
        ArchitectureSpec spec = ArchitectureSpec.paper(new InputShape(1, 10, 10), 2, 3, 3, null, 4);
        Model model = new Model(Network.of(spec), PyTorchInit.initialise(spec, 3));
        Samples samples = EngineBenchmark.randomSamples(spec, 10, 4);
        KeptPasses kept = one.keep(model, samples, Long.MAX_VALUE);
        // 10 samples, each: image 100 and softmax 4; activation and cotangent of conv1 (8·8·3), the ReLU after it
        // (and its mask), conv2 (6·6·3) and the 4 logits; array overheads for 4 stages + the image.
        assertEquals(10 * (8L * (100 + 4 + 2 * 192 + 3 * 192 + 2 * 108 + 2 * 4) + 6L * 32 * 5), kept.bytes());
        assertNull(one.keep(model, samples, kept.bytes() - 1));
        assertNotNull(one.keep(model, samples, kept.bytes()));
        Samples others = EngineBenchmark.randomSamples(spec, 10, 5);
        double[] v = new double[model.parameterCount()];
        assertThrows(IllegalArgumentException.class, () -> one.hvp(model, others, v, kept));
    }

    private static void sameBits(double[] expected, double[] actual, String what) {
        assertEquals(expected.length, actual.length, what);
        for (int k = 0; k < expected.length; k++) {
            assertEquals(Double.doubleToLongBits(expected[k]), Double.doubleToLongBits(actual[k]), what + " at " + k);
        }
    }
}
