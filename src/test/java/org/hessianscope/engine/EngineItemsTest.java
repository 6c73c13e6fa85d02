package org.hessianscope.engine;

import org.hessianscope.arch.ArchitectureSpec;
import org.hessianscope.data.InMemorySamples;
import org.hessianscope.data.Samples;
import org.hessianscope.task.ProgressMonitor;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Per-item work on the engine's own pool (issue 14, item 6): items that call the engine again run those
 * calls on their own worker, so there are never more than {@code threads} engine threads, nothing deadlocks
 * waiting for a worker that is itself waiting, and results equal those of a single-threaded engine.
 */
class EngineItemsTest {

    @Test
    void itemsCallingTheEngineRunOnItsWorkersAndGiveTheSingleThreadedBits() {
        ArchitectureSpec spec = TinyNets.maxPool();
        Model model = TinyNets.randomModel(spec, 211);
        InMemorySamples samples = TinyNets.randomSamples(spec, 3 * BlockRunner.BLOCK_SIZE + 1, 212);
        double[] v = TinyNets.randomVector(model.parameterCount(), 213);
        int items = 7;
        double[][] expected = new double[items][];
        try (Engine one = new Engine(1)) {
            for (int k = 0; k < items; k++) {
                expected[k] = one.hvp(model, prefix(samples, k), v);
            }
        }
        double[][] got = new double[items][];
        Set<String> threads = ConcurrentHashMap.newKeySet();
        try (Engine two = new Engine(2)) {
            assertTimeoutPreemptively(Duration.ofSeconds(60), () -> two.forEachItem(items, 1, ProgressMonitor.NONE, k -> {
                threads.add(Thread.currentThread().getName());
                got[k] = two.hvp(model, prefix(samples, k), v);
                return "item " + k;
            }));
        }
        for (int k = 0; k < items; k++) {
            assertArrayEquals(expected[k], got[k], 0.0, "item " + k);
        }
        assertTrue(threads.size() <= 2 && threads.stream().allMatch(n -> n.startsWith("hessianscope-engine-")),
                threads.toString());
    }

    @Test
    void progressCountsEveryItem() {
        long[] last = new long[1];
        try (Engine two = new Engine(2)) {
            two.forEachItem(5, 2, new ProgressMonitor() {
                public synchronized void progress(long done, long total, String message) {
                    last[0] = Math.max(last[0], done);
                    assertEquals(5, total);
                }

                public boolean isCancelled() {
                    return false;
                }
            }, k -> "item " + k);
        }
        assertEquals(5, last[0]);
    }

    /**
     * Issue 17: Play in lesson mode while an analysis ran did nothing, because the analysis's per-sample items
     * held both of the pool's threads until their last item and the lesson's training waited behind them. A sum
     * asked for by another job (here an HVP, as a training batch's gradient is) must run while items are still
     * coming, and give the single-threaded bits.
     */
    @Test
    void anotherJobsSumRunsBetweenItemsThatKeepComing() throws Exception {
        ArchitectureSpec spec = TinyNets.maxPool();
        Model model = TinyNets.randomModel(spec, 221);
        InMemorySamples samples = TinyNets.randomSamples(spec, 5 * BlockRunner.BLOCK_SIZE, 222);
        double[] v = TinyNets.randomVector(model.parameterCount(), 223);
        double[] expected;
        try (Engine one = new Engine(1)) {
            expected = one.hvp(model, samples, v);
        }
        int n = 1_000_000; // a millisecond each: over eight minutes on two threads if nothing else got a turn
        AtomicBoolean summed = new AtomicBoolean();
        AtomicLong done = new AtomicLong();
        CountDownLatch started = new CountDownLatch(1);
        ExecutorService jobs = Executors.newFixedThreadPool(2);
        try (Engine two = new Engine(2)) {
            Future<?> analysis = jobs.submit(() -> two.forEachItem(n, 1000, ProgressMonitor.NONE, k -> {
                started.countDown();
                if (!summed.get()) {
                    LockSupport.parkNanos(1_000_000);
                }
                done.incrementAndGet();
                return "item " + k;
            }));
            assertTrue(started.await(60, TimeUnit.SECONDS), "no item started");
            Future<double[]> training = jobs.submit(() -> two.hvp(model, samples, v));
            double[] got;
            try {
                got = training.get(60, TimeUnit.SECONDS);
            } catch (TimeoutException e) {
                summed.set(true); // let the items run out, so the test ends
                analysis.get();
                throw new AssertionError("the sum waited for all " + n + " items", e);
            }
            long itemsDone = done.get();
            summed.set(true);
            analysis.get(60, TimeUnit.SECONDS);
            assertTrue(itemsDone < n, itemsDone + " of " + n + " items were done before the sum ended");
            assertEquals(n, done.get());
            assertArrayEquals(expected, got, 0.0);
        } finally {
            jobs.shutdownNow();
        }
    }

    /** The first 8k + 1 samples: sums of one to several blocks. */
    private static Samples prefix(InMemorySamples samples, int k) {
        return samples.first(Math.min(samples.size(), 1 + 8 * k));
    }
}
