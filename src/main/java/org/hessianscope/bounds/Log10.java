package org.hessianscope.bounds;

/** Arithmetic on base-10 logarithms, so that products like (C²k²w²mn)^L are never formed. */
final class Log10 {
    /** log10(√2). */
    static final double SQRT2 = 0.5 * Math.log10(2);

    private Log10() {
    }

    static double of(double x) {
        return Math.log10(x);
    }

    /** log10(base^exponent) given log10(base); base^0 = 1 even when base = 0. */
    static double power(double log10Base, double exponent) {
        return exponent == 0 ? 0 : exponent * log10Base;
    }

    /** log10(10^a + 10^b) without overflow. */
    static double sum(double a, double b) {
        if (a == Double.NEGATIVE_INFINITY) {
            return b;
        }
        if (b == Double.NEGATIVE_INFINITY) {
            return a;
        }
        double hi = Math.max(a, b);
        double lo = Math.min(a, b);
        return hi + Math.log10(1 + Math.pow(10, lo - hi));
    }
}
