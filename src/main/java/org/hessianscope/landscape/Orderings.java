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
        SplittableRandom rng = generator(o);
        int n = perm.length;
        identity(perm);
        for (int i = 0; i < n - 1; i++) {
            place(perm, i, rng);
        }
    }

    /** The random stream of ordering {@code o}: {@link #identity} then {@link #place} for i = 0..N−2 gives the ordering. */
    SplittableRandom generator(int o) {
        return new SplittableRandom(seeds[o]);
    }

    static void identity(int[] perm) {
        for (int i = 0; i < perm.length; i++) {
            perm[i] = i;
        }
    }

    /**
     * One step of the forward Fisher–Yates shuffle: position i receives a uniform pick of the
     * not yet placed samples, and is final from then on (so a caller can consume perm[i] at once).
     */
    static void place(int[] perm, int i, SplittableRandom rng) {
        int j = i + below(rng, perm.length - i);
        int t = perm[i];
        perm[i] = perm[j];
        perm[j] = t;
    }

    /**
     * {@link #place} applied to the values being ordered rather than to their indices: returns the value
     * that lands at position i and moves the one it displaces to the drawn position. Position i itself is
     * not written, since a forward pass never reads it again.
     */
    static double placeValue(double[] values, int i, SplittableRandom rng) {
        int j = i + below(rng, values.length - i);
        double landing = values[j];
        values[j] = values[i];
        return landing;
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
