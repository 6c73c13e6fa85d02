package org.hessianscope.train;

import java.util.SplittableRandom;

/**
 * Where every random choice of a training run comes from: one seed feeds a
 * {@link SplittableRandom}, whose first split draws the initial weights and
 * whose second split draws the epoch shuffles. Keeping the streams apart means
 * the initial weights of a seed do not change with the data or the epochs.
 */
public final class Seeds {
    private Seeds() {
    }

    public static SplittableRandom initialisation(long seed) {
        return new SplittableRandom(seed).split();
    }

    public static SplittableRandom shuffles(long seed) {
        SplittableRandom root = new SplittableRandom(seed);
        root.split();
        return root.split();
    }

    /** A fresh uniformly random permutation of 0..n-1 (Fisher-Yates). */
    public static int[] permutation(int n, SplittableRandom rnd) {
        int[] p = new int[n];
        for (int i = 0; i < n; i++) {
            p[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = rnd.nextInt(i + 1);
            int tmp = p[i];
            p[i] = p[j];
            p[j] = tmp;
        }
        return p;
    }
}
