package org.hessianscope.bounds;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.EigenDecomposition;
import org.hessianscope.linalg.SymmetricOperator;
import org.hessianscope.linalg.Vectors;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The top eigenvalue of a positive semidefinite operator (here TᵀT) by block power
 * iteration: a few vectors are multiplied by the operator together, re-orthonormalised,
 * and the largest Ritz value of their span is the estimate. A single vector would stall
 * on the nearly equal pairs of top singular values that convolutions have (a real
 * kernel's frequency response is symmetric), creeping on at ~1e-14 per step while still
 * ~1e-7 below the true norm; a block of {@link #BLOCK} resolves such a cluster and
 * converges at the rate of the gap below it. The Ritz value rises to λ_max from below;
 * it stops once the relative rise stays below {@code tolerance} for {@link #STEADY_STEPS}
 * steps in a row.
 */
public final class BlockPowerIteration {

    /** Default relative tolerance on the Ritz value. */
    public static final double DEFAULT_TOLERANCE = 1e-14;
    public static final int DEFAULT_MAX_ITERATIONS = 20_000;
    /** Consecutive quiet steps required, so that one flat step in a slow start does not stop it. */
    static final int STEADY_STEPS = 5;
    /** Vectors iterated together: enough for the symmetric pairs (and pairs of pairs) of a convolution's spectrum. */
    static final int BLOCK = 4;

    private BlockPowerIteration() {
    }

    /** λ_max of a PSD operator from a seeded random start, on the calling thread. */
    public static NormEstimate topEigenvalue(SymmetricOperator a, double tolerance, int maxIterations, long seed) {
        return topEigenvalue(a, tolerance, maxIterations, seed, 1);
    }

    /**
     * As {@link #topEigenvalue(SymmetricOperator, double, int, long)}, the block's products shared among up to
     * {@code threads} threads ({@code a} must then be safe to apply concurrently). Each vector's product is the
     * same computation on whichever thread, and everything between products stays on the calling thread, so the
     * result has the same bits for any thread count.
     */
    public static NormEstimate topEigenvalue(SymmetricOperator a, double tolerance, int maxIterations, long seed,
                                             int threads) {
        int workers = Math.min(Math.max(threads, 1), Math.min(BLOCK, a.dimension())) - 1;
        if (workers <= 0) {
            return iterate(a, tolerance, maxIterations, seed, null, 0);
        }
        ExecutorService pool = Executors.newFixedThreadPool(workers, r -> {
            Thread t = new Thread(r, "power-iteration");
            t.setDaemon(true);
            return t;
        });
        try {
            return iterate(a, tolerance, maxIterations, seed, pool, workers);
        } finally {
            pool.shutdownNow();
        }
    }

    private static NormEstimate iterate(SymmetricOperator a, double tolerance, int maxIterations, long seed,
                                        ExecutorService pool, int workers) {
        int n = a.dimension();
        int b = Math.min(BLOCK, n);
        SplittableRandom rnd = new SplittableRandom(seed);
        double[][] v = new double[b][n];
        for (double[] col : v) {
            randomise(col, rnd);
        }
        orthonormalise(v, rnd);
        double[][] av = new double[b][n];
        double lambda = 0;
        double change = Double.POSITIVE_INFINITY;
        int steady = 0;
        for (int it = 1; it <= maxIterations; it++) {
            products(a, v, av, pool, workers);
            double next = topRitzValue(v, av);
            if (next <= 0) {
                return new NormEstimate(0, it, true, 0);
            }
            change = Math.abs(next - lambda) / next;
            lambda = next;
            steady = change <= tolerance ? steady + 1 : 0;
            if (steady >= STEADY_STEPS) {
                return new NormEstimate(lambda, it, true, change);
            }
            double[][] swap = v;
            v = av;
            av = swap;
            orthonormalise(v, rnd);
        }
        return new NormEstimate(lambda, maxIterations, false, change);
    }

    /** av[j] = A v[j] for every j: thread w of the pool's {@code workers} takes j ≡ w + 1, the caller j ≡ 0 (mod workers + 1). */
    private static void products(SymmetricOperator a, double[][] v, double[][] av, ExecutorService pool, int workers) {
        if (pool == null) {
            for (int j = 0; j < v.length; j++) {
                a.apply(v[j], av[j]);
            }
            return;
        }
        int stride = workers + 1;
        List<Future<?>> running = new ArrayList<>(workers);
        for (int w = 1; w <= workers; w++) {
            int first = w;
            running.add(pool.submit(() -> {
                for (int j = first; j < v.length; j += stride) {
                    a.apply(v[j], av[j]);
                }
            }));
        }
        for (int j = 0; j < v.length; j += stride) {
            a.apply(v[j], av[j]);
        }
        try {
            for (Future<?> f : running) {
                f.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.util.concurrent.CancellationException("interrupted");
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        }
    }

    /** The largest eigenvalue of Vᵀ A V for orthonormal V. */
    private static double topRitzValue(double[][] v, double[][] av) {
        int b = v.length;
        if (b == 1) {
            return Vectors.dot(v[0], av[0]);
        }
        double[][] h = new double[b][b];
        for (int i = 0; i < b; i++) {
            for (int j = i; j < b; j++) {
                h[i][j] = 0.5 * (Vectors.dot(v[i], av[j]) + Vectors.dot(v[j], av[i]));
                h[j][i] = h[i][j];
            }
        }
        return Arrays.stream(new EigenDecomposition(new Array2DRowRealMatrix(h, false)).getRealEigenvalues())
                .max().orElseThrow();
    }

    /** Modified Gram–Schmidt, twice for accuracy; a column that vanishes (A of low rank) is drawn afresh. */
    private static void orthonormalise(double[][] v, SplittableRandom rnd) {
        for (int j = 0; j < v.length; j++) {
            for (int attempt = 0; ; attempt++) {
                double before = Vectors.norm(v[j]);
                for (int pass = 0; pass < 2; pass++) {
                    for (int i = 0; i < j; i++) {
                        Vectors.axpy(-Vectors.dot(v[i], v[j]), v[i], v[j]);
                    }
                }
                double after = Vectors.norm(v[j]);
                if (after > 1e-10 * before && after > 0) {
                    Vectors.divide(v[j], after);
                    break;
                }
                if (attempt > 10) {
                    throw new IllegalStateException("cannot extend an orthonormal block of " + j + " in dimension "
                            + v[j].length);
                }
                randomise(v[j], rnd);
            }
        }
    }

    private static void randomise(double[] v, SplittableRandom rnd) {
        for (int i = 0; i < v.length; i++) {
            v[i] = rnd.nextDouble(-1, 1);
        }
    }

    /** ‖T‖₂ = √λ_max(TᵀT), matrix-free through the convolution and its transpose. */
    public static NormEstimate spectralNorm(ToeplitzOperator t, double tolerance, int maxIterations, long seed) {
        return spectralNorm(t, tolerance, maxIterations, seed, 1);
    }

    /** As above, the block's products on up to {@code threads} threads; the same bits for any count. */
    public static NormEstimate spectralNorm(ToeplitzOperator t, double tolerance, int maxIterations, long seed,
                                            int threads) {
        NormEstimate e = topEigenvalue(t.gram(), tolerance, maxIterations, seed, threads);
        return new NormEstimate(Math.sqrt(e.value()), e.iterations(), e.converged(), e.lastRelativeChange());
    }

    /** ‖W‖₂ of a dense row-major {@code rows}×{@code cols} matrix (a fully connected layer). */
    public static NormEstimate spectralNorm(double[] w, int offset, int rows, int cols, double tolerance,
                                            int maxIterations, long seed) {
        SymmetricOperator gram = new SymmetricOperator() {
            public int dimension() {
                return cols;
            }

            public void apply(double[] v, double[] out) {
                double[] t = new double[rows];
                for (int r = 0; r < rows; r++) {
                    double s = 0;
                    int base = offset + r * cols;
                    for (int c = 0; c < cols; c++) {
                        s += w[base + c] * v[c];
                    }
                    t[r] = s;
                }
                Arrays.fill(out, 0);
                for (int r = 0; r < rows; r++) {
                    int base = offset + r * cols;
                    for (int c = 0; c < cols; c++) {
                        out[c] += w[base + c] * t[r];
                    }
                }
            }
        };
        NormEstimate e = topEigenvalue(gram, tolerance, maxIterations, seed);
        return new NormEstimate(Math.sqrt(e.value()), e.iterations(), e.converged(), e.lastRelativeChange());
    }
}
