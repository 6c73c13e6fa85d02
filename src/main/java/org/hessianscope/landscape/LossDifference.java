package org.hessianscope.landscape;

import org.hessianscope.task.ProgressMonitor;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Queue;
import java.util.SplittableRandom;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The paper's main experiment: for S random orderings σ of the N per-sample losses,
 * |ΔL_k| = |L_{k+1} − L_k| = |ℓ_σ(k+1) − L_k| / (k+1), averaged over orderings for
 * every k = 1..N−1.
 *
 * <p>Memory stays O(N + S·grid): an ordering is generated, streamed once through a
 * compensated running mean, and only per-k sums of |D| and D² (D = ℓ_new − L_k, the
 * difference before dividing by k+1) plus the S values at the quantile-grid k are kept.
 * Orderings are processed in fixed chunks, each with its own sums, and the chunks are
 * added in chunk order, so the result is bit-identical for a seed whatever the thread count.
 */
public final class LossDifference {
    /** Orderings per unit of parallel work; fixed so the summation order never depends on threads. */
    static final int CHUNK = 16;

    private LossDifference() {
    }

    public static LossDifferenceResult analyze(double[] losses, LossDifferenceOptions options) {
        return analyze(losses, options, ProgressMonitor.NONE);
    }

    public static LossDifferenceResult analyze(double[] losses, LossDifferenceOptions options,
                                               ProgressMonitor monitor) {
        LossVectors.requireValid(losses, "losses");
        return compare(List.of(losses), options, monitor).get(0);
    }

    /**
     * Several runs (e.g. an L sweep) of the same N samples evaluated on one set of
     * orderings, so that differences between their curves are not ordering noise.
     * Result r is identical to {@code analyze(runs.get(r), options)}.
     */
    public static List<LossDifferenceResult> compare(List<double[]> runs, LossDifferenceOptions options,
                                                     ProgressMonitor monitor) {
        int n = LossVectors.requireSameLength(runs);
        int s = options.orderings();
        int[] grid = KGrid.of(n, options.gridSize(), options.extraK());
        Orderings orderings = new Orderings(options.seed(), s);
        double[][] runLosses = runs.toArray(new double[0][]);
        // gridValues[r][g][o] = |ΔL_{grid[g]}| of run r in ordering o: S × grid, never S × N.
        double[][][] gridValues = new double[runLosses.length][grid.length][s];

        ChunkSums total = new ChunkSums(runLosses.length, n);
        // Buffers go back here once added to the total: a handful of N-sized arrays are
        // reused instead of allocating 30 MB of large (G1-humongous) arrays per analysis.
        Queue<ChunkSums> free = new ConcurrentLinkedQueue<>();
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(options.threads(), chunkCount(s)), r -> {
            Thread t = new Thread(r, "lossDifference");
            t.setDaemon(true);
            return t;
        });
        try {
            AtomicInteger done = new AtomicInteger();
            List<Future<ChunkSums>> futures = new ArrayList<>();
            for (int from = 0; from < s; from += CHUNK) {
                int start = from;
                int end = Math.min(s, from + CHUNK);
                futures.add(pool.submit(() -> {
                    ChunkSums sums = runChunk(start, end, orderings, runLosses, grid, gridValues, monitor, free);
                    monitor.progress(done.addAndGet(end - start), s, "loss-difference orderings");
                    return sums;
                }));
            }
            for (Future<ChunkSums> f : futures) {
                ChunkSums sums = await(f);
                total.add(sums);
                free.add(sums);
            }
        } finally {
            pool.shutdownNow();
        }

        List<LossDifferenceResult> results = new ArrayList<>(runLosses.length);
        for (int r = 0; r < runLosses.length; r++) {
            results.add(finish(runLosses[r], options.seed(), s, total, r, grid, gridValues[r]));
        }
        return results;
    }

    private static int chunkCount(int s) {
        return (s + CHUNK - 1) / CHUNK;
    }

    private static ChunkSums runChunk(int start, int end, Orderings orderings, double[][] runs, int[] grid,
                                      double[][][] gridValues, ProgressMonitor monitor, Queue<ChunkSums> free) {
        ChunkSums sums = free.poll();
        if (sums == null) {
            sums = new ChunkSums(runs.length, runs[0].length);
        } else {
            sums.clear();
        }
        for (int o = start; o < end; o += 2) {
            monitor.checkCancelled();
            for (int r = 0; r < runs.length; r++) {
                // Fresh generators per run: every run sees exactly the same orderings.
                if (o + 1 < end) {
                    shuffleAndAccumulatePair(orderings.generator(o), orderings.generator(o + 1), runs[r], sums.values,
                            sums.otherValues, sums.abs[r], sums.sq[r], grid, gridValues[r], o);
                } else {
                    shuffleAndAccumulate(orderings.generator(o), runs[r], sums.values, sums.abs[r], sums.sq[r], grid,
                            gridValues[r], o);
                }
            }
        }
        return sums;
    }

    /**
     * One ordering of one run: the ordering is drawn as {@link Orderings#fill} does, but applied to a
     * copy of the losses themselves ({@code values}) while they are consumed, since the forward shuffle
     * fixes position k at step k. Each step then makes one random access instead of one into a
     * permutation and one into the losses, and the random draws overlap the running-sum chain.
     * The running sum is compensated (Neumaier) because D is a difference against the mean, and the
     * mean of 60,000 losses summed naively is off in the fifth digit — comparable to D/ℓ at large k.
     */
    static void shuffleAndAccumulate(SplittableRandom rng, double[] losses, double[] values, double[] sumAbs,
                                     double[] sumSq, int[] grid, double[][] gridValues, int ordering) {
        int n = values.length;
        System.arraycopy(losses, 0, values, 0, n);
        double sum = Orderings.placeValue(values, 0, rng);
        double comp = 0;
        int g = 0;
        int nextGridK = grid[0];
        for (int k = 1; k < n; k++) {
            double x = k < n - 1 ? Orderings.placeValue(values, k, rng) : values[k];
            double d = Math.abs(x - (sum + comp) / k);
            sumAbs[k - 1] += d;
            sumSq[k - 1] += d * d;
            if (k == nextGridK) {
                gridValues[g][ordering] = d / (k + 1);
                g++;
                nextGridK = g < grid.length ? grid[g] : Integer.MAX_VALUE;
            }
            double t = sum + x;
            comp += CompensatedSum.roundingError(sum, x, t);
            sum = t;
        }
    }

    /**
     * {@link #shuffleAndAccumulate} for orderings o and o + 1 side by side: the same additions in the
     * same order (ordering o's term, then o + 1's, into each per-k sum), hence the same values, with one
     * pass over the per-k sums instead of two and two independent running-sum chains to overlap.
     */
    static void shuffleAndAccumulatePair(SplittableRandom rngA, SplittableRandom rngB, double[] losses, double[] va,
                                         double[] vb, double[] sumAbs, double[] sumSq, int[] grid,
                                         double[][] gridValues, int ordering) {
        int n = va.length;
        System.arraycopy(losses, 0, va, 0, n);
        System.arraycopy(losses, 0, vb, 0, n);
        double sa = Orderings.placeValue(va, 0, rngA);
        double sb = Orderings.placeValue(vb, 0, rngB);
        double ca = 0;
        double cb = 0;
        int g = 0;
        int nextGridK = grid[0];
        for (int k = 1; k < n; k++) {
            double xa;
            double xb;
            if (k < n - 1) {
                xa = Orderings.placeValue(va, k, rngA);
                xb = Orderings.placeValue(vb, k, rngB);
            } else {
                xa = va[k];
                xb = vb[k];
            }
            double da = Math.abs(xa - (sa + ca) / k);
            double db = Math.abs(xb - (sb + cb) / k);
            sumAbs[k - 1] = sumAbs[k - 1] + da + db;
            sumSq[k - 1] = sumSq[k - 1] + da * da + db * db;
            if (k == nextGridK) {
                gridValues[g][ordering] = da / (k + 1);
                gridValues[g][ordering + 1] = db / (k + 1);
                g++;
                nextGridK = g < grid.length ? grid[g] : Integer.MAX_VALUE;
            }
            double ta = sa + xa;
            ca += CompensatedSum.roundingError(sa, xa, ta);
            sa = ta;
            double tb = sb + xb;
            cb += CompensatedSum.roundingError(sb, xb, tb);
            sb = tb;
        }
    }

    private static LossDifferenceResult finish(double[] losses, long seed, int s, ChunkSums total, int r,
                                               int[] grid, double[][] gridValues) {
        int n = losses.length;
        double[] meanAbs = new double[n - 1];
        double[] stderrAbs = new double[n - 1];
        double[] meanSq = new double[n - 1];
        for (int i = 0; i < n - 1; i++) {
            double scale = 1.0 / (i + 2); // 1/(k+1) with k = i+1
            double a = total.abs[r][i] / s;
            double q = total.sq[r][i] / s;
            meanAbs[i] = a * scale;
            meanSq[i] = q * scale * scale;
            // Var = (Σd² − S·mean²)/(S−1); |D| has a coefficient of variation of order 1, so
            // this one-pass form loses at most a digit or two here.
            double var = s > 1 ? Math.max(0, (total.sq[r][i] - s * a * a) / (s - 1)) : Double.NaN;
            stderrAbs[i] = Math.sqrt(var / s) * scale;
        }
        double[][] quantiles = new double[Quantiles.LEVELS.length][grid.length];
        for (int g = 0; g < grid.length; g++) {
            double[] v = gridValues[g];
            Arrays.sort(v);
            for (int l = 0; l < Quantiles.LEVELS.length; l++) {
                quantiles[l][g] = Quantiles.ofSorted(v, Quantiles.LEVELS[l]);
            }
        }
        LossSummary summary = LossSummary.of(losses);
        return new LossDifferenceResult(n, s, seed, summary, meanAbs, stderrAbs, meanSq,
                ExactLossDifference.meanSquareCurve(summary),
                ExactLossDifference.meanAbsFirst(losses), ExactLossDifference.meanAbsLast(losses),
                grid, quantiles);
    }

    private static ChunkSums await(Future<ChunkSums> f) {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("interrupted");
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            if (c instanceof RuntimeException re) {
                throw re;
            }
            if (c instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(c);
        }
    }

    /** Per-k sums of |D| and D² for every run, over one chunk of orderings or over all, and shuffle buffers. */
    private static final class ChunkSums {
        final double[][] abs;
        final double[][] sq;
        /** The losses being shuffled in place, for two orderings at a time. */
        final double[] values;
        final double[] otherValues;

        ChunkSums(int runs, int n) {
            abs = new double[runs][n - 1];
            sq = new double[runs][n - 1];
            values = new double[n];
            otherValues = new double[n];
        }

        void clear() {
            for (int r = 0; r < abs.length; r++) {
                Arrays.fill(abs[r], 0);
                Arrays.fill(sq[r], 0);
            }
        }

        void add(ChunkSums other) {
            for (int r = 0; r < abs.length; r++) {
                for (int i = 0; i < abs[r].length; i++) {
                    abs[r][i] += other.abs[r][i];
                    sq[r][i] += other.sq[r][i];
                }
            }
        }
    }
}
