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

    public LossDifferenceOptions {
        if (orderings < 1) {
            throw new IllegalArgumentException("orderings = " + orderings + "; need at least 1");
        }
        if (threads < 1) {
            throw new IllegalArgumentException("threads = " + threads + "; need at least 1");
        }
        if (gridSize < 2) {
            throw new IllegalArgumentException("gridSize = " + gridSize + "; need at least 2");
        }
        extraK = extraK == null ? new int[0] : extraK.clone();
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
