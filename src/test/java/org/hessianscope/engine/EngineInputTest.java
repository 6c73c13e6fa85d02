package org.hessianscope.engine;

import org.hessianscope.arch.ArchitectureSpec;
import org.hessianscope.arch.InputShape;
import org.hessianscope.data.InMemorySamples;
import org.hessianscope.task.ProgressMonitor;
import org.junit.jupiter.api.Test;

import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Bad input gets an IllegalArgumentException naming what is wrong; cancellation stops work between blocks. */
class EngineInputTest extends EngineTestBase {
    private static final ArchitectureSpec SPEC = TinyNets.convOnly();

    @Test
    void weightsOfAnotherSpecAreRejected() {
        Network network = Network.of(SPEC);
        double[] otherSpecWeights = TinyNets.randomModel(TinyNets.maxPool(), 1).theta();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new Model(network, otherSpecWeights));
        assertEquals("weights have 80 values but the network needs 95", e.getMessage());
    }

    @Test
    void nanWeightIsRejectedByName() {
        double[] theta = TinyNets.randomModel(SPEC, 1).theta().clone();
        theta[22] = Double.NaN;
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new Model(Network.of(SPEC), theta));
        // 20 conv1 values, then conv2.weight [2, 2, 2, 2]: offset 2 is [0, 0, 1, 0].
        assertEquals("weight 22 (conv2.weight[0, 0, 1, 0]) is NaN; weights must be finite", e.getMessage());
    }

    @Test
    void tensorsAreReadAndWrittenByName() {
        Model model = TinyNets.randomModel(SPEC, 1);
        // conv1.weight [2, 1, 3, 3] = 18 values, then conv1.bias [2] at offsets 18 and 19.
        assertEquals(model.theta()[19], model.tensor("conv1.bias")[1]);
        Model changed = model.withTensor("conv1.bias", new double[] {7, 8});
        assertEquals(8.0, changed.theta()[19]);
        assertEquals(model.theta()[20], changed.theta()[20]);
        assertEquals("conv1.bias has shape [2] = 2 values, not 3",
                assertThrows(IllegalArgumentException.class, () -> model.withTensor("conv1.bias", new double[3])).getMessage());
        assertEquals("no parameter tensor named \"conv3.weight\"; valid: [conv1.weight, conv1.bias, conv2.weight, "
                        + "conv2.bias, fc1.weight, fc1.bias]",
                assertThrows(IllegalArgumentException.class, () -> model.tensor("conv3.weight")).getMessage());
    }

    @Test
    void emptySamplesAreRejected() {
        Model model = TinyNets.randomModel(SPEC, 1);
        InMemorySamples empty = TinyNets.randomSamples(SPEC, 0, 2);
        double[] v = new double[model.parameterCount()];
        for (Runnable call : new Runnable[] {
                () -> engine.lossAndGradient(model, empty),
                () -> engine.hvp(model, empty, v),
                () -> engine.ggnProduct(model, empty, v),
                () -> engine.hessianOperator(model, empty)}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call::run);
            assertTrue(e.getMessage().startsWith("samples are empty"), e.getMessage());
        }
        assertEquals(0, engine.perSampleLosses(model, empty, ProgressMonitor.NONE).length);
    }

    @Test
    void mismatchedShapesAreNamed() {
        Model model = TinyNets.randomModel(SPEC, 1);
        InMemorySamples samples = TinyNets.randomSamples(SPEC, 2, 2);
        InMemorySamples wrongShape = new InMemorySamples(new InputShape(1, 5, 5), 3, new double[][] {new double[25]}, new int[] {0});
        assertEquals("samples have input shape InputShape[channels=1, height=5, width=5] but the network expects "
                        + "InputShape[channels=1, height=6, width=6]",
                assertThrows(IllegalArgumentException.class, () -> engine.lossAndGradient(model, wrongShape)).getMessage());
        assertEquals("direction v has 3 values but the network has 95 parameters",
                assertThrows(IllegalArgumentException.class, () -> engine.hvp(model, samples, new double[3])).getMessage());
        assertEquals("logit cotangent u has 2 values but the network has 3 logits",
                assertThrows(IllegalArgumentException.class, () -> engine.vjp(model, samples.input(0), new double[2])).getMessage());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> engine.logits(model, new double[7])).getMessage()
                .startsWith("input has 7 values"));
        assertEquals("threads = 0; the engine needs at least 1 thread",
                assertThrows(IllegalArgumentException.class, () -> new Engine(0)).getMessage());
    }

    @Test
    void cancellationStopsPerSampleLossesBetweenBlocks() {
        Model model = TinyNets.randomModel(SPEC, 1);
        InMemorySamples samples = TinyNets.randomSamples(SPEC, 50 * BlockRunner.BLOCK_SIZE, 2);
        AtomicBoolean cancelled = new AtomicBoolean();
        int[] reports = {0};
        ProgressMonitor cancelAfterFirstBlock = new ProgressMonitor() {
            public void progress(long done, long total, String message) {
                reports[0]++;
                cancelled.set(true);
            }

            public boolean isCancelled() {
                return cancelled.get();
            }
        };
        assertThrows(CancellationException.class, () -> engine.perSampleLosses(model, samples, cancelAfterFirstBlock));
        assertEquals(1, reports[0], "no block is reported after cancellation");
    }
}
