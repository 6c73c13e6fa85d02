package org.hessianscope.landscape;

import java.util.Arrays;
import java.util.TreeSet;

/**
 * The values of k at which quantiles over orderings are kept: every k for small N,
 * otherwise about {@code size} values spaced evenly in log k (the curve is drawn on
 * log axes), always including 1, N−1 and any k the user asked for.
 */
public final class KGrid {
    /** Up to this N every k is on the grid. */
    public static final int EVERY_K_UP_TO_N = 2000;

    private KGrid() {
    }

    public static int[] of(int n, int size, int[] extraK) {
        int last = n - 1;
        TreeSet<Integer> ks = new TreeSet<>();
        if (n <= EVERY_K_UP_TO_N || size >= last) {
            for (int k = 1; k <= last; k++) {
                ks.add(k);
            }
        } else {
            // Strictly increasing: where log spacing is finer than 1 (small k) take consecutive k,
            // so the grid has exactly `size` distinct values ending at N−1.
            int prev = 0;
            double logLast = Math.log(last);
            for (int i = 0; i < size; i++) {
                int target = (int) Math.round(Math.exp(logLast * i / (size - 1.0)));
                prev = Math.max(prev + 1, target);
                ks.add(prev);
            }
        }
        for (int k : extraK) {
            ExactLossDifference.requireK(k, n);
            ks.add(k);
        }
        return ks.stream().mapToInt(Integer::intValue).toArray();
    }

    /** Index of k in the sorted grid, or −1 when k is not on it. */
    static int indexOf(int[] grid, int k) {
        int i = Arrays.binarySearch(grid, k);
        return i >= 0 ? i : -1;
    }
}
