package org.hessianscope.engine;

import org.hessianscope.task.ProgressMonitor;

import java.util.Arrays;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;

/**
 * Runs work over samples in fixed blocks of {@link #BLOCK_SIZE} on a fixed pool and adds the
 * block results in block order. Each block sums its samples sequentially into its own partial,
 * and the partials are added to the total strictly in block order, so the sequence of floating
 * point additions, hence the result, is the same for every thread count and every run.
 *
 * <p>Only a sliding window of a few partials is alive at once: block b's slot is reused for
 * block b + window once b has been added, so memory does not grow with the number of samples.
 *
 * <p>One pool serves all the engine's work: independent per-sample items ({@link #each}) run on it too,
 * and a sum asked for from one of its own workers (an item that calls the engine) runs its blocks on
 * that worker, in the same order, so the threads stay {@code threads} in all and nothing waits for a
 * worker that is itself waiting. The result is the same either way.
 */
final class BlockRunner implements AutoCloseable {
    /** Samples per block. A constant so that results do not depend on the thread count. */
    static final int BLOCK_SIZE = 16;

    /** Work on samples [from, to) adding into {@code partial} (zeroed beforehand). */
    interface BlockTask {
        void run(int from, int to, double[] partial);
    }

    private static final AtomicInteger POOLS = new AtomicInteger();
    /** The runner whose pool the current thread belongs to, if any. */
    private static final ThreadLocal<BlockRunner> OWNER = new ThreadLocal<>();

    private final int threads;
    private final ExecutorService pool;

    BlockRunner(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads = " + threads + "; the engine needs at least 1 thread");
        }
        this.threads = threads;
        this.pool = threads == 1 ? null : Executors.newFixedThreadPool(threads, daemonThreads());
    }

    int threads() {
        return threads;
    }

    /**
     * The sum over all blocks of the block partials (each of length {@code width}), added in block order.
     * {@code monitor} is asked to stop between blocks and told how many samples are done.
     */
    double[] sum(int samples, int width, BlockTask task, ProgressMonitor monitor) {
        int blocks = (samples + BLOCK_SIZE - 1) / BLOCK_SIZE;
        double[] total = new double[width];
        if (pool == null || OWNER.get() == this) {
            double[] partial = new double[width];
            for (int b = 0; b < blocks; b++) {
                monitor.checkCancelled();
                Arrays.fill(partial, 0.0);
                runBlock(task, b, samples, partial);
                add(total, partial);
                report(monitor, b, samples);
            }
            return total;
        }
        int window = Math.min(blocks, 2 * threads + 2);
        double[][] slots = new double[window][width];
        Future<?>[] pending = new Future<?>[window];
        try {
            for (int b = 0; b < window; b++) {
                pending[b] = submit(task, b, samples, slots[b], monitor);
            }
            for (int b = 0; b < blocks; b++) {
                int slot = b % window;
                monitor.checkCancelled();
                pending[slot].get();
                add(total, slots[slot]);
                report(monitor, b, samples);
                if (b + window < blocks) {
                    pending[slot] = submit(task, b + window, samples, slots[slot], monitor);
                }
            }
            return total;
        } catch (CancellationException e) {
            cancelAll(pending);
            throw e;
        } catch (ExecutionException e) {
            cancelAll(pending);
            throw workerFailure(e, "engine block failed");
        } catch (InterruptedException e) {
            throw interrupted(pending);
        }
    }

    /**
     * Runs {@code work} for items 0..n−1 on the pool; each item must write only its own results, so they do
     * not depend on the thread count or the order the items run in. {@code work} returns the progress message
     * of its item, reported every {@code reportEvery} items and at the end; cancellation is checked between
     * items.
     *
     * <p>The workers take items from a shared counter and give their thread back to the pool's queue every
     * {@link #SLICE_NANOS}: the pool serves every job of the application (a lesson's training next to a
     * running analysis in the window), and a worker that kept its thread for the whole loop would hold up the
     * other job's blocks until the last item, seconds to minutes of a training that does not move.
     */
    void each(int n, int reportEvery, ProgressMonitor monitor, IntFunction<String> work) {
        if (pool == null || OWNER.get() == this) {
            for (int i = 0; i < n && !monitor.isCancelled(); i++) {
                String message = work.apply(i);
                if ((i + 1) % reportEvery == 0 || i + 1 == n) {
                    monitor.progress(i + 1, n, message);
                }
            }
            monitor.checkCancelled();
            return;
        }
        Items items = new Items(n, reportEvery, monitor, work, Math.max(1, Math.min(threads, n)));
        for (int w = 0; w < items.workers; w++) {
            pool.execute(items::slice);
        }
        try {
            items.finished.get();
        } catch (ExecutionException e) {
            throw workerFailure(e, "engine item failed");
        } catch (InterruptedException e) {
            items.stop = true;
            Thread.currentThread().interrupt();
            throw new CancellationException("interrupted");
        }
        monitor.checkCancelled();
    }

    /** How long a worker of {@link #each} runs items before it queues itself behind the pool's other work. */
    static final long SLICE_NANOS = 20_000_000L;

    /** The shared state of one {@link #each}: the next item, the items done and the workers still taking items. */
    private final class Items {
        final int n;
        final int reportEvery;
        final ProgressMonitor monitor;
        final IntFunction<String> work;
        final int workers;
        final AtomicInteger next = new AtomicInteger();
        final AtomicLong done = new AtomicLong();
        final AtomicInteger live;
        final CompletableFuture<Void> finished = new CompletableFuture<>();
        /** Set when an item failed or the caller was interrupted: the other workers take no more items. */
        volatile boolean stop;

        Items(int n, int reportEvery, ProgressMonitor monitor, IntFunction<String> work, int workers) {
            this.n = n;
            this.reportEvery = reportEvery;
            this.monitor = monitor;
            this.work = work;
            this.workers = workers;
            this.live = new AtomicInteger(workers);
        }

        /** On a worker: items until there are none, the job stops, or the slice is over (then queued again). */
        void slice() {
            try {
                long end = System.nanoTime() + SLICE_NANOS;
                while (!stop && !monitor.isCancelled()) {
                    int i = next.getAndIncrement();
                    if (i >= n) {
                        break;
                    }
                    String message = work.apply(i);
                    long d = done.incrementAndGet();
                    if (d % reportEvery == 0 || d == n) {
                        monitor.progress(d, n, message);
                    }
                    if (System.nanoTime() - end >= 0 && next.get() < n) {
                        pool.execute(this::slice);
                        return;
                    }
                }
                if (live.decrementAndGet() == 0) {
                    finished.complete(null);
                }
            } catch (Throwable t) {
                stop = true;
                finished.completeExceptionally(t);
            }
        }
    }

    private Future<?> submit(BlockTask task, int block, int samples, double[] slot, ProgressMonitor monitor) {
        return pool.submit(() -> {
            monitor.checkCancelled();
            Arrays.fill(slot, 0.0);
            runBlock(task, block, samples, slot);
        });
    }

    private static void runBlock(BlockTask task, int block, int samples, double[] partial) {
        int from = block * BLOCK_SIZE;
        task.run(from, Math.min(samples, from + BLOCK_SIZE), partial);
    }

    private static void add(double[] total, double[] partial) {
        for (int j = 0; j < total.length; j++) {
            total[j] += partial[j];
        }
    }

    private static void report(ProgressMonitor monitor, int block, int samples) {
        monitor.progress(Math.min(samples, (long) (block + 1) * BLOCK_SIZE), samples, "samples");
    }

    private static void cancelAll(Future<?>[] pending) {
        for (Future<?> f : pending) {
            if (f != null) {
                f.cancel(true);
            }
        }
    }

    private ThreadFactory daemonThreads() {
        int id = POOLS.incrementAndGet();
        AtomicInteger count = new AtomicInteger();
        return r -> {
            Thread t = new Thread(() -> {
                OWNER.set(this);
                r.run();
            }, "hessianscope-engine-" + id + "-" + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    @Override
    public void close() {
        if (pool != null) {
            pool.shutdownNow();
        }
    }

    /** What a worker threw, as it threw it when unchecked; anything else wrapped with {@code what}. */
    private static RuntimeException workerFailure(ExecutionException e, String what) {
        Throwable cause = e.getCause();
        if (cause instanceof RuntimeException r) {
            return r;
        }
        if (cause instanceof Error err) {
            throw err;
        }
        return new IllegalStateException(what, cause);
    }

    /** An interrupted wait cancels the workers and keeps the interrupt for the caller. */
    private static CancellationException interrupted(Future<?>[] pending) {
        cancelAll(pending);
        Thread.currentThread().interrupt();
        return new CancellationException("interrupted");
    }
}
