package org.hessianscope.landscape;

import java.util.SplittableRandom;

/**
 * The S random orderings of a loss-difference analysis, each a deterministic
 * function of (master seed, ordering index) alone. That is what makes the result
 * independent of how orderings are split over threads, and lets several runs be
 * compared on exactly the same orderings.
 */
public final class Orderings {
    private final long[] seeds;

    public Orderings(long masterSeed, int count) {
        if (count < 1) {
            throw new IllegalArgumentException("orderings = " + count + "; need at least 1");
        }
        // SplittableRandom.nextLong is a strong 64-bit mixer, so consecutive outputs are
        // unrelated seeds even for master seeds 0, 1, 2, ...
        SplittableRandom master = new SplittableRandom(masterSeed);
        seeds = new long[count];
        for (int o = 0; o < count; o++) {
            seeds[o] = master.nextLong();
        }
    }

    public int count() {
        return seeds.length;
    }

    /** Overwrites {@code perm} (its length is N) with ordering {@code o}: perm[i] = σ(i+1). */
    public void fill(int o, int[] perm) {
        SplittableRandom rng = new SplittableRandom(seeds[o]);
        int n = perm.length;
        for (int i = 0; i < n; i++) {
            perm[i] = i;
        }
        // Forward Fisher–Yates: position i receives a uniform pick of the not yet placed samples.
        for (int i = 0; i < n - 1; i++) {
            int j = i + below(rng, n - i);
            int t = perm[i];
            perm[i] = perm[j];
            perm[j] = t;
        }
    }

    /** Ordering {@code o} of N samples as a fresh array (for tests and inspection). */
    public int[] permutation(int o, int n) {
        int[] perm = new int[n];
        fill(o, perm);
        return perm;
    }

    /**
     * Uniform integer in [0, bound) by Lemire's multiply-and-reject: unbiased like
     * SplittableRandom.nextInt(bound) but without its integer division per draw,
     * which dominated the shuffle of 60,000 × 500 positions.
     */
    static int below(SplittableRandom rng, int bound) {
        long m = (rng.nextInt() & 0xFFFF_FFFFL) * bound;
        long low = m & 0xFFFF_FFFFL;
        if (low < bound) {
            long threshold = (0x1_0000_0000L - bound) % bound;
            while (low < threshold) {
                m = (rng.nextInt() & 0xFFFF_FFFFL) * bound;
                low = m & 0xFFFF_FFFFL;
            }
        }
        return (int) (m >>> 32);
    }
}
