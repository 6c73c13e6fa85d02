package org.hessianscope.curvature;

import java.util.Random;

/** Known spectra for the tests: outliers at both ends around a bulk, and clusters. */
final class Spectra {
    private Spectra() {
    }

    /**
     * n eigenvalues: 100, 90, 81, 73, 66 at the top, −30, −25, −21 at the bottom and the rest
     * uniform in [−3, 10], so the extremes are separated as in a trained network's Hessian.
     */
    static double[] outliersAndBulk(int n, long seed) {
        double[] top = {100, 90, 81, 73, 66};
        double[] bottom = {-30, -25, -21};
        double[] ev = new double[n];
        System.arraycopy(top, 0, ev, 0, top.length);
        System.arraycopy(bottom, 0, ev, top.length, bottom.length);
        Random rng = new Random(seed);
        for (int i = top.length + bottom.length; i < n; i++) {
            ev[i] = -3 + 13 * rng.nextDouble();
        }
        return ev;
    }

    /** Clusters: fraction[c] of the n eigenvalues spread uniformly over [lo[c], hi[c]]. */
    static double[] clusters(int n, double[] fraction, double[] lo, double[] hi, long seed) {
        Random rng = new Random(seed);
        double[] ev = new double[n];
        int i = 0;
        for (int c = 0; c < fraction.length; c++) {
            int count = c == fraction.length - 1 ? n - i : (int) Math.round(fraction[c] * n);
            for (int k = 0; k < count; k++) {
                ev[i++] = lo[c] + (hi[c] - lo[c]) * rng.nextDouble();
            }
        }
        return ev;
    }

    /** Fraction of {@code ev} inside [a, b]: the exact histogram mass. */
    static double fractionIn(double[] ev, double a, double b) {
        int k = 0;
        for (double e : ev) {
            if (e >= a && e <= b) {
                k++;
            }
        }
        return (double) k / ev.length;
    }
}
