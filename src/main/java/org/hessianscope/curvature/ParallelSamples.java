package org.hessianscope.curvature;

import org.hessianscope.task.ProgressMonitor;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;

/**
 * Independent per-sample work spread over threads. Each item writes only its own result
 * slot, so the results are the same for any thread count; cancellation is checked between items.
 */
final class ParallelSamples {
    private ParallelSamples() {
    }

    /**
     * Runs {@code work} for 0..n−1 on {@code threads} threads; {@code work} returns the progress
     * message for its item, reported every {@code reportEvery} items and at the end.
     */
    static void forEach(int n, int threads, int reportEvery, ProgressMonitor monitor, IntFunction<String> work) {
        int workers = Math.max(1, Math.min(threads, n));
        AtomicLong done = new AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(workers, r -> {
            Thread t = new Thread(r, "curvature-per-sample");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int w = 0; w < workers; w++) {
                int first = w;
                futures.add(pool.submit(() -> {
                    for (int i = first; i < n; i += workers) {
                        if (monitor.isCancelled()) {
                            return;
                        }
                        String message = work.apply(i);
                        long d = done.incrementAndGet();
                        if (d % reportEvery == 0 || d == n) {
                            monitor.progress(d, n, message);
                        }
                    }
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("interrupted");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            throw new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
        monitor.checkCancelled();
    }
}
