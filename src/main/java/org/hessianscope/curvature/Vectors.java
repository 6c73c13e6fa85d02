package org.hessianscope.curvature;

import java.util.SplittableRandom;

/** Dense vector arithmetic and seeded random vectors shared by the iterative methods of this package. */
final class Vectors {
    private Vectors() {
    }

    static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    static double norm(double[] a) {
        return Math.sqrt(dot(a, a));
    }

    /** y += c x. */
    static void axpy(double c, double[] x, double[] y) {
        for (int i = 0; i < x.length; i++) {
            y[i] += c * x[i];
        }
    }

    static void scale(double c, double[] x) {
        for (int i = 0; i < x.length; i++) {
            x[i] *= c;
        }
    }

    /** Entries ±1 with equal probability. */
    static double[] rademacher(int n, SplittableRandom rng) {
        double[] z = new double[n];
        for (int i = 0; i < n; i++) {
            z[i] = rng.nextBoolean() ? 1.0 : -1.0;
        }
        return z;
    }

    /** Independent standard normal entries (Box–Muller, so that the stream depends only on the seed). */
    static double[] gaussian(int n, SplittableRandom rng) {
        double[] z = new double[n];
        for (int i = 0; i < n; i += 2) {
            double u1 = 1.0 - rng.nextDouble();
            double u2 = rng.nextDouble();
            double r = Math.sqrt(-2.0 * Math.log(u1));
            z[i] = r * Math.cos(2 * Math.PI * u2);
            if (i + 1 < n) {
                z[i + 1] = r * Math.sin(2 * Math.PI * u2);
            }
        }
        return z;
    }

    /** Scales {@code x} to unit length in place and returns it. */
    static double[] normalise(double[] x) {
        double n = norm(x);
        if (n == 0) {
            throw new IllegalStateException("cannot normalise a zero vector");
        }
        scale(1.0 / n, x);
        return x;
    }
}
