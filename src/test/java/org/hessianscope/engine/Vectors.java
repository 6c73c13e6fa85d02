package org.hessianscope.engine;

/** Small vector helpers for the engine tests. */
final class Vectors {
    private Vectors() {
    }

    static double dot(double[] a, double[] b) {
        double s = 0;
        for (int j = 0; j < a.length; j++) {
            s += a[j] * b[j];
        }
        return s;
    }

    static double norm(double[] a) {
        return Math.sqrt(dot(a, a));
    }

    /** ‖a − b‖ / ‖b‖. */
    static double relativeError(double[] a, double[] b) {
        double s = 0;
        for (int j = 0; j < a.length; j++) {
            double d = a[j] - b[j];
            s += d * d;
        }
        return Math.sqrt(s) / norm(b);
    }

    /** θ + t v as a new array. */
    static double[] step(double[] theta, double t, double[] v) {
        double[] out = theta.clone();
        for (int j = 0; j < out.length; j++) {
            out[j] += t * v[j];
        }
        return out;
    }

    static double[] unit(int n, int j) {
        double[] e = new double[n];
        e[j] = 1.0;
        return e;
    }
}
