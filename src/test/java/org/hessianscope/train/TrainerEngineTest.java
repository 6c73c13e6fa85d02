package org.hessianscope.train;

import org.hessianscope.arch.ArchitectureSpec;
import org.hessianscope.arch.ConvLayerSpec;
import org.hessianscope.arch.HeadSpec;
import org.hessianscope.arch.InputShape;
import org.hessianscope.data.InMemorySamples;
import org.hessianscope.data.Samples;
import org.hessianscope.engine.Engine;
import org.hessianscope.engine.Model;
import org.hessianscope.engine.Network;
import org.hessianscope.engine.Precision;
import org.hessianscope.task.ProgressMonitor;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The trainer driving the real engine on a small task that a conv net must solve: which half of the image is bright. */
class TrainerEngineTest {

    static final ArchitectureSpec SPEC = new ArchitectureSpec(new InputShape(1, 6, 6), List.of(new ConvLayerSpec(2, 3)),
            true, null, HeadSpec.LINEAR, 2);

    static Samples halves(int n, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        double[][] x = new double[n][36];
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            y[i] = i % 2;
            for (int p = 0; p < 36; p++) {
                boolean top = p < 18;
                x[i][p] = (top == (y[i] == 0) ? 1 : -1) * 0.5 + rnd.nextGaussian() * 0.5;
            }
        }
        return new InMemorySamples(SPEC.input(), 2, x, y);
    }

    @Test
    void learnsTheTaskAndTheSameSeedGivesTheSameWeightsOnAnyThreadCount() {
        Samples train = halves(64, 3);
        Network net = Network.of(SPEC);
        double[] init = PyTorchInit.initialise(SPEC, 8);
        TrainingOptions options = new TrainingOptions(15, 8, 1e-2, 0.9, 0.999, 1e-8, 8);
        TrainingResult one;
        TrainingResult two;
        try (Engine e1 = new Engine(1); Engine e2 = new Engine(2)) {
            one = new Trainer(BatchObjective.of(e1, net)).train(init, train, options, TrainingListener.NONE, ProgressMonitor.NONE);
            two = new Trainer(BatchObjective.of(e2, net)).train(init, train, options, TrainingListener.NONE, ProgressMonitor.NONE);
            assertEquals(TrainingResult.Status.COMPLETED, one.status());
            assertArrayEquals(one.weights(), two.weights());
            double before = e1.lossAndAccuracy(new Model(net, init), train, ProgressMonitor.NONE).loss();
            var after = e1.lossAndAccuracy(new Model(net, one.weights()), train, ProgressMonitor.NONE);
            var unseen = e1.lossAndAccuracy(new Model(net, one.weights()), halves(200, 99), ProgressMonitor.NONE);
            assertTrue(after.loss() < before / 4, before + " → " + after.loss());
            assertTrue(after.accuracy() >= 0.95, "train accuracy " + after.accuracy());
            assertTrue(unseen.accuracy() >= 0.9, "accuracy on fresh samples " + unseen.accuracy());
        }
        assertEquals(15 * 8, one.steps());
    }

    @Test
    void float32TrainingFollowsFloat64AndIsTheSameOnAnyThreadCount() {
        Samples train = halves(64, 3);
        Network net = Network.of(SPEC);
        double[] init = PyTorchInit.initialise(SPEC, 8);
        Precision.FLOAT32.round(init);
        TrainingOptions f64 = new TrainingOptions(15, 8, 1e-2, 0.9, 0.999, 1e-8, 8);
        TrainingOptions f32 = f64.withPrecision(Precision.FLOAT32);
        try (Engine e1 = new Engine(1); Engine e2 = new Engine(2)) {
            TrainingResult d = new Trainer(BatchObjective.of(e1, net)).train(init, train, f64, TrainingListener.NONE,
                    ProgressMonitor.NONE);
            TrainingResult one = new Trainer(BatchObjective.of(e1, net, Precision.FLOAT32)).train(init, train, f32,
                    TrainingListener.NONE, ProgressMonitor.NONE);
            TrainingResult two = new Trainer(BatchObjective.of(e2, net, Precision.FLOAT32)).train(init, train, f32,
                    TrainingListener.NONE, ProgressMonitor.NONE);
            assertArrayEquals(one.weights(), two.weights());
            for (double w : one.weights()) {
                assertEquals((float) w, w, 0.0, "float32 training keeps float32 weights");
            }
            // 120 Adam steps: float rounding of each gradient (about 1e-7 relative) moves the weights by far less
            // than the steps themselves, so the two trainings end at nearly the same loss, step by step.
            for (int s = 0; s < d.history().size(); s++) {
                double a = d.history().get(s).batchLoss();
                double b = one.history().get(s).batchLoss();
                assertEquals(a, b, 1e-4 * a, "step " + (s + 1));
            }
            double lossF64 = e1.lossAndAccuracy(new Model(net, d.weights()), train, ProgressMonitor.NONE).loss();
            double lossF32 = e1.lossAndAccuracy(new Model(net, one.weights()), train, ProgressMonitor.NONE).loss();
            assertEquals(lossF64, lossF32, 1e-4 * lossF64);
            assertTrue(!java.util.Arrays.equals(d.weights(), one.weights()), "the float32 run is not the float64 run");
        }
    }
}
