package org.hessianscope.train;

import org.hessianscope.arch.InputShape;
import org.hessianscope.data.InMemorySamples;
import org.hessianscope.data.Samples;
import org.hessianscope.engine.LossGradient;
import org.hessianscope.task.ProgressMonitor;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The trainer on a hand-made objective: sample i has the single input value i,
 * the batch loss is mean ½(θ − x)², its gradient θ − mean x, and the "accuracy"
 * is the fraction of the batch with x &lt; 5. Everything the trainer does with
 * batches, Adam, events, cancellation and divergence is then checkable by hand.
 */
class TrainerTest {

    static final Samples TEN = samples(10);

    static Samples samples(int n) {
        double[][] x = new double[n][];
        for (int i = 0; i < n; i++) {
            x[i] = new double[] {i};
        }
        return new InMemorySamples(new InputShape(1, 1, 1), 2, x, new int[n]);
    }

    static int[] values(Samples batch) {
        int[] v = new int[batch.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = (int) batch.input(i)[0];
        }
        return v;
    }

    static LossGradient quadratic(double[] theta, Samples batch) {
        int[] x = values(batch);
        double loss = 0;
        double mean = 0;
        int small = 0;
        for (int xi : x) {
            loss += 0.5 * (theta[0] - xi) * (theta[0] - xi) / x.length;
            mean += (double) xi / x.length;
            small += xi < 5 ? 1 : 0;
        }
        return new LossGradient(loss, new double[] {theta[0] - mean}, (double) small / x.length);
    }

    static TrainingOptions options(int epochs, int batch, long seed) {
        return new TrainingOptions(epochs, batch, 0.1, 0.9, 0.999, 1e-8, seed);
    }

    @Test
    void eachEpochIsAFreshPermutationInBatchesWithASmallerLastOne() {
        List<int[]> batches = new ArrayList<>();
        new Trainer((t, b) -> {
            batches.add(values(b));
            return quadratic(t, b);
        }).train(new double[] {0}, TEN, options(3, 4, 11), TrainingListener.NONE, ProgressMonitor.NONE);
        assertEquals(9, batches.size());
        var shuffles = Seeds.shuffles(11);
        List<int[]> epochs = new ArrayList<>();
        for (int e = 0; e < 3; e++) {
            assertEquals(List.of(4, 4, 2), batches.subList(3 * e, 3 * e + 3).stream().map(a -> a.length).toList());
            int[] order = new int[10];
            System.arraycopy(batches.get(3 * e), 0, order, 0, 4);
            System.arraycopy(batches.get(3 * e + 1), 0, order, 4, 4);
            System.arraycopy(batches.get(3 * e + 2), 0, order, 8, 2);
            assertArrayEquals(Seeds.permutation(10, shuffles), order, "epoch " + (e + 1) + " follows the seed's shuffle stream");
            int[] sorted = order.clone();
            Arrays.sort(sorted);
            assertArrayEquals(new int[] {0, 1, 2, 3, 4, 5, 6, 7, 8, 9}, sorted, "every sample once per epoch");
            epochs.add(order);
        }
        assertTrue(!Arrays.equals(epochs.get(0), epochs.get(1)) || !Arrays.equals(epochs.get(1), epochs.get(2)),
                "epochs are shuffled afresh");
    }

    @Test
    void weightsAreAdamStepsOnTheBatchGradients() {
        List<int[]> batches = new ArrayList<>();
        TrainingResult r = new Trainer((t, b) -> {
            batches.add(values(b));
            return quadratic(t, b);
        }).train(new double[] {-3}, TEN, options(2, 3, 5), TrainingListener.NONE, ProgressMonitor.NONE);
        // The same updates replayed by hand: gradient θ − mean(batch).
        Adam adam = new Adam(1, 0.1, 0.9, 0.999, 1e-8);
        double[] theta = {-3};
        for (int[] b : batches) {
            adam.step(theta, new double[] {theta[0] - Arrays.stream(b).average().orElseThrow()});
        }
        assertArrayEquals(theta, r.weights());
        assertEquals(TrainingResult.Status.COMPLETED, r.status());
        assertEquals(8, r.steps(), "2 epochs of ⌈10/3⌉ = 4 batches");
    }

    @Test
    void sameSeedGivesIdenticalWeightsAndHistory() {
        Trainer trainer = new Trainer(TrainerTest::quadratic);
        TrainingResult a = trainer.train(new double[] {1}, TEN, options(4, 3, 99), TrainingListener.NONE, ProgressMonitor.NONE);
        TrainingResult b = trainer.train(new double[] {1}, TEN, options(4, 3, 99), TrainingListener.NONE, ProgressMonitor.NONE);
        TrainingResult c = trainer.train(new double[] {1}, TEN, options(4, 3, 100), TrainingListener.NONE, ProgressMonitor.NONE);
        assertArrayEquals(a.weights(), b.weights());
        assertEquals(a.history().stream().map(TrainingProgress::batchLoss).toList(),
                b.history().stream().map(TrainingProgress::batchLoss).toList());
        assertNotEquals(a.weights()[0], c.weights()[0], "another seed shuffles differently");
    }

    @Test
    void eventsCarryRunningMeansWeightedByBatchSize() {
        List<TrainingProgress> events = new ArrayList<>();
        TrainingResult r = new Trainer(TrainerTest::quadratic)
                .train(new double[] {0}, TEN, options(1, 4, 3), events::add, ProgressMonitor.NONE);
        assertEquals(r.history(), events);
        TrainingProgress last = events.get(2);
        assertEquals(1, last.epoch());
        assertEquals(3, last.batch());
        assertEquals(3, last.batches());
        double weighted = (4 * events.get(0).batchLoss() + 4 * events.get(1).batchLoss() + 2 * last.batchLoss()) / 10;
        assertEquals(weighted, last.runningLoss(), 1e-15);
        // Samples 0..4 are "correct": over the whole epoch that is exactly half.
        assertEquals(0.5, last.runningAccuracy(), 1e-15);
        assertEquals(0, last.secondsLeft(), "nothing is left after the last step");
        assertTrue(last.samplesPerSecond() > 0);
    }

    @Test
    void aNanLossStopsTrainingAndKeepsTheLastFiniteWeights() {
        AtomicInteger calls = new AtomicInteger();
        AtomicReference<double[]> seen = new AtomicReference<>();
        TrainingResult r = new Trainer((t, b) -> {
            if (calls.incrementAndGet() == 3) {
                seen.set(t.clone());
                return new LossGradient(Double.NaN, new double[] {1}, 0);
            }
            return quadratic(t, b);
        }).train(new double[] {0}, TEN, options(2, 4, 1), TrainingListener.NONE, ProgressMonitor.NONE);
        assertEquals(TrainingResult.Status.DIVERGED, r.status());
        assertEquals("the loss became NaN at epoch 1, batch 3 (step 3); training stopped and kept the weights after step 2"
                + " (try a smaller learning rate, or check the data and initial weights)", r.message());
        assertArrayEquals(seen.get(), r.weights());
        assertEquals(2, r.steps());
    }

    @Test
    void anInfiniteGradientOrUpdateAlsoStops() {
        TrainingResult g = new Trainer((t, b) -> new LossGradient(1, new double[] {Double.POSITIVE_INFINITY}, 0))
                .train(new double[] {0.25}, TEN, options(1, 4, 1), TrainingListener.NONE, ProgressMonitor.NONE);
        assertEquals(TrainingResult.Status.DIVERGED, g.status());
        assertTrue(g.message().startsWith("the gradient became non-finite at epoch 1, batch 1 (step 1)"), g.message());
        assertArrayEquals(new double[] {0.25}, g.weights());
        // A finite gradient whose update overflows: a huge learning rate pushes θ = MAX_VALUE to infinity.
        TrainingResult u = new Trainer((t, b) -> new LossGradient(1, new double[] {-1}, 0))
                .train(new double[] {Double.MAX_VALUE}, TEN,
                        new TrainingOptions(1, 4, Double.MAX_VALUE, 0.9, 0.999, 1e-8, 1), TrainingListener.NONE,
                        ProgressMonitor.NONE);
        assertEquals(TrainingResult.Status.DIVERGED, u.status());
        assertTrue(u.message().startsWith("the weights became non-finite after the update at epoch 1, batch 1"), u.message());
        assertArrayEquals(new double[] {Double.MAX_VALUE}, u.weights());
    }

    @Test
    void cancellingBetweenBatchesKeepsTheStepsTaken() {
        AtomicBoolean cancel = new AtomicBoolean();
        ProgressMonitor monitor = new ProgressMonitor() {
            public void progress(long done, long total, String message) {
                if (done == 2) {
                    cancel.set(true);
                }
            }

            public boolean isCancelled() {
                return cancel.get();
            }
        };
        TrainingResult r = new Trainer(TrainerTest::quadratic).train(new double[] {0}, TEN, options(5, 4, 1),
                TrainingListener.NONE, monitor);
        assertEquals(TrainingResult.Status.CANCELLED, r.status());
        assertEquals("cancelled at epoch 1, batch 3 after 2 steps", r.message());
        assertEquals(2, r.history().size());
    }

    @Test
    void runsOffTheCallingThread() throws Exception {
        AtomicReference<Thread> worker = new AtomicReference<>();
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            TrainingResult r = new Trainer((t, b) -> {
                worker.set(Thread.currentThread());
                return quadratic(t, b);
            }).start(new double[] {0}, TEN, options(1, 5, 1), TrainingListener.NONE, ProgressMonitor.NONE, pool)
                    .get(30, TimeUnit.SECONDS);
            assertEquals(2, r.steps());
            assertNotSame(Thread.currentThread(), worker.get());
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void anEmptyTrainingSetIsAnError() {
        assertEquals("the training set is empty; give at least one sample (--train-size)",
                assertThrows(IllegalArgumentException.class, () -> new Trainer(TrainerTest::quadratic)
                        .train(new double[] {0}, samples(0), options(1, 4, 1), TrainingListener.NONE, ProgressMonitor.NONE))
                        .getMessage());
    }
}
