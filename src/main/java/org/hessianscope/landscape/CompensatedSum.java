package org.hessianscope.landscape;

/**
 * Kahan–Babuška (Neumaier) summation: a running mean over 60,000 losses would
 * otherwise lose about log10(60,000) ≈ 5 digits to rounding, and the loss
 * difference is a small number computed against that mean.
 */
final class CompensatedSum {
    private double sum;
    private double compensation;

    void add(double x) {
        double t = sum + x;
        compensation += roundingError(sum, x, t);
        sum = t;
    }

    /** The part of a + b lost when it was rounded to t = a + b (exact, Neumaier's ordering). */
    static double roundingError(double a, double b, double t) {
        return Math.abs(a) >= Math.abs(b) ? (a - t) + b : (b - t) + a;
    }

    double value() {
        return sum + compensation;
    }

    static double of(double[] values) {
        CompensatedSum s = new CompensatedSum();
        for (double v : values) {
            s.add(v);
        }
        return s.value();
    }
}
