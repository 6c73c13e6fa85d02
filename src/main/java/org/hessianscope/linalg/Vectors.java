package org.hessianscope.linalg;

import java.util.SplittableRandom;

/**
 * Dense vector arithmetic and seeded random vectors, the one home of the helpers that the
 * iterative methods (curvature), the norm estimates (bounds) and the engine's dense layer share.
 * Each method fixes its order of operations: callers' numbers are pinned bit for bit by tests,
 * so a method is never rewritten into an "equivalent" one (x·(1/c) is not x/c).
 */
public final class Vectors {
    private Vectors() {
    }

    public static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    /**
     * Σ_i a[offset + i]·b[i] for i &lt; n with four partial sums combined in a fixed order: faster than
     * {@link #dot(double[], double[])} (the additions overlap) and still deterministic, but rounded
     * differently from it.
     */
    public static double unrolledDot(double[] a, int offset, double[] b, int n) {
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        int i = 0;
        for (; i + 3 < n; i += 4) {
            s0 += a[offset + i] * b[i];
            s1 += a[offset + i + 1] * b[i + 1];
            s2 += a[offset + i + 2] * b[i + 2];
            s3 += a[offset + i + 3] * b[i + 3];
        }
        for (; i < n; i++) {
            s0 += a[offset + i] * b[i];
        }
        return (s0 + s1) + (s2 + s3);
    }

    public static double norm(double[] a) {
        return Math.sqrt(dot(a, a));
    }

    /** y += c x. */
    public static void axpy(double c, double[] x, double[] y) {
        for (int i = 0; i < x.length; i++) {
            y[i] += c * x[i];
        }
    }

    public static void scale(double c, double[] x) {
        for (int i = 0; i < x.length; i++) {
            x[i] *= c;
        }
    }

    /** x /= c entry by entry: exact division, which {@link #scale} by 1/c is not. */
    public static void divide(double[] x, double c) {
        for (int i = 0; i < x.length; i++) {
            x[i] /= c;
        }
    }

    /** x / ‖x‖ in place by {@link #divide} (a zero vector becomes NaN); {@link #normalise} instead scales by 1/‖x‖ and refuses zero. */
    public static void divideByNorm(double[] x) {
        divide(x, norm(x));
    }

    /** Entries ±1 with equal probability. */
    public static double[] rademacher(int n, SplittableRandom rng) {
        double[] z = new double[n];
        for (int i = 0; i < n; i++) {
            z[i] = rng.nextBoolean() ? 1.0 : -1.0;
        }
        return z;
    }

    /** Independent standard normal entries (Box–Muller, so that the stream depends only on the seed). */
    public static double[] gaussian(int n, SplittableRandom rng) {
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
    public static double[] normalise(double[] x) {
        double n = norm(x);
        if (n == 0) {
            throw new IllegalStateException("cannot normalise a zero vector");
        }
        scale(1.0 / n, x);
        return x;
    }
}
