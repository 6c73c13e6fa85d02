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
        if (Math.abs(sum) >= Math.abs(x)) {
            compensation += (sum - t) + x;
        } else {
            compensation += (x - t) + sum;
        }
        sum = t;
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
