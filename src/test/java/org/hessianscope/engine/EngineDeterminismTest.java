package org.hessianscope.engine;

import org.hessianscope.arch.ArchitectureSpec;
import org.hessianscope.data.InMemorySamples;
import org.hessianscope.task.ProgressMonitor;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Results depend on neither the thread count nor the run: same bits every time. */
class EngineDeterminismTest {

    @Test
    void oneAndTwoThreadsGiveIdenticalBits() {
        ArchitectureSpec spec = TinyNets.maxPool();
        Model model = TinyNets.randomModel(spec, 111);
        // Several blocks, the last one partial.
        InMemorySamples samples = TinyNets.randomSamples(spec, 5 * BlockRunner.BLOCK_SIZE + 3, 112);
        double[] v = TinyNets.randomVector(model.parameterCount(), 113);
        try (Engine one = new Engine(1); Engine two = new Engine(2); Engine three = new Engine(3)) {
            LossGradient a = one.lossAndGradient(model, samples);
            for (Engine other : new Engine[] {two, three, one}) {
                LossGradient b = other.lossAndGradient(model, samples);
                assertEquals(Double.doubleToRawLongBits(a.loss()), Double.doubleToRawLongBits(b.loss()));
                assertArrayEquals(bits(a.gradient()), bits(b.gradient()));
                assertArrayEquals(bits(one.hvp(model, samples, v)), bits(other.hvp(model, samples, v)));
                assertArrayEquals(bits(one.ggnProduct(model, samples, v)), bits(other.ggnProduct(model, samples, v)));
                assertArrayEquals(bits(one.perSampleLosses(model, samples, ProgressMonitor.NONE)),
                        bits(other.perSampleLosses(model, samples, ProgressMonitor.NONE)));
            }
        }
    }

    private static long[] bits(double[] a) {
        long[] out = new long[a.length];
        for (int j = 0; j < a.length; j++) {
            out[j] = Double.doubleToRawLongBits(a[j]);
        }
        return out;
    }
}
