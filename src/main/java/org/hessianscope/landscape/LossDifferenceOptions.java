package org.hessianscope.landscape;

/**
 * How a loss-difference analysis samples orderings.
 *
 * @param orderings number S of random orderings (the authors used 500)
 * @param seed      master seed; each ordering's seed is derived from it, see {@link Orderings}
 * @param threads   worker threads; the result does not depend on it
 * @param gridSize  about how many log-spaced k keep quantiles (every k when N ≤ 2,000)
 * @param extraK    k values that must be on the quantile grid (e.g. those a user asked for)
 */
public record LossDifferenceOptions(int orderings, long seed, int threads, int gridSize, int[] extraK) {
    public static final int DEFAULT_ORDERINGS = 500;
    public static final int DEFAULT_GRID_SIZE = 512;
    /**
     * Most orderings accepted: 40 times the authors' 500. The analysis keeps S values per grid
     * point (S × 512 doubles, 82 MB at this limit), so S is bounded like any other size.
     */
    public static final int MAX_ORDERINGS = 20_000;
    /** Most worker threads accepted, far above any machine this runs on. */
    public static final int MAX_THREADS = 1_024;

    public LossDifferenceOptions {
        requireOrderings("orderings", orderings);
        if (threads < 1 || threads > MAX_THREADS) {
            throw new IllegalArgumentException("threads = " + threads + "; need 1 to " + MAX_THREADS);
        }
        if (gridSize < 2) {
            throw new IllegalArgumentException("gridSize = " + gridSize + "; need at least 2");
        }
        extraK = extraK == null ? new int[0] : extraK.clone();
    }

    /** Throws unless {@code s} orderings are between 1 and {@link #MAX_ORDERINGS}; {@code field} names it. */
    public static int requireOrderings(String field, int s) {
        if (s < 1 || s > MAX_ORDERINGS) {
            throw new IllegalArgumentException(field + " = " + s + ": must be at least 1 and at most " + MAX_ORDERINGS
                    + " (the paper used " + DEFAULT_ORDERINGS + ")");
        }
        return s;
    }

    /** 500 orderings, seed 0, all cores, 512 grid values. */
    public static LossDifferenceOptions defaults() {
        return new LossDifferenceOptions(DEFAULT_ORDERINGS, 0L, Runtime.getRuntime().availableProcessors(),
                DEFAULT_GRID_SIZE, new int[0]);
    }

    public LossDifferenceOptions withOrderings(int s) {
        return new LossDifferenceOptions(s, seed, threads, gridSize, extraK);
    }

    public LossDifferenceOptions withSeed(long s) {
        return new LossDifferenceOptions(orderings, s, threads, gridSize, extraK);
    }

    public LossDifferenceOptions withThreads(int t) {
        return new LossDifferenceOptions(orderings, seed, t, gridSize, extraK);
    }

    public LossDifferenceOptions withExtraK(int... ks) {
        return new LossDifferenceOptions(orderings, seed, threads, gridSize, ks);
    }

    @Override
    public int[] extraK() {
        return extraK.clone();
    }
}
