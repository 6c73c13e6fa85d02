package org.hessianscope.engine;

import org.hessianscope.arch.ArchitectureSpec;
import org.hessianscope.data.InMemorySamples;
import org.hessianscope.data.Samples;
import org.hessianscope.task.ProgressMonitor;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.Set;

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

    /** The first 8k + 1 samples: sums of one to several blocks. */
    private static Samples prefix(InMemorySamples samples, int k) {
        return samples.first(Math.min(samples.size(), 1 + 8 * k));
    }
}
