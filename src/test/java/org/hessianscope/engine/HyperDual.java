package org.hessianscope.engine;

/**
 * A hyper-dual number a + b ε₁ + c ε₂ + d ε₁ε₂ with ε₁² = ε₂² = 0. Seeding θ_i with b = 1 and
 * θ_j with c = 1 makes d of any smooth expression its exact mixed derivative ∂²/∂θ_i∂θ_j,
 * with no step size and no truncation error (forward mode over forward mode).
 */
record HyperDual(double a, double b, double c, double d) {
    static final HyperDual ZERO = new HyperDual(0, 0, 0, 0);

    static HyperDual constant(double a) {
        return new HyperDual(a, 0, 0, 0);
    }

    HyperDual plus(HyperDual o) {
        return new HyperDual(a + o.a, b + o.b, c + o.c, d + o.d);
    }

    HyperDual minus(HyperDual o) {
        return new HyperDual(a - o.a, b - o.b, c - o.c, d - o.d);
    }

    HyperDual times(HyperDual o) {
        return new HyperDual(a * o.a, a * o.b + b * o.a, a * o.c + c * o.a, a * o.d + b * o.c + c * o.b + d * o.a);
    }

    HyperDual scale(double s) {
        return new HyperDual(a * s, b * s, c * s, d * s);
    }

    /** f(x) for f with value f0, slope f1 and curvature f2 at a. */
    private HyperDual apply(double f0, double f1, double f2) {
        return new HyperDual(f0, f1 * b, f1 * c, f1 * d + f2 * b * c);
    }

    HyperDual exp() {
        double e = Math.exp(a);
        return apply(e, e, e);
    }

    HyperDual log() {
        return apply(Math.log(a), 1 / a, -1 / (a * a));
    }
}
