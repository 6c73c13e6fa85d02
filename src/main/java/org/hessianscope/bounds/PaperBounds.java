package org.hessianscope.bounds;

/**
 * The paper's bounds on the Gauss–Newton part ‖H_O‖ of a per-sample Hessian, each
 * evaluated in log10 exactly as stated (see docs/bounds.md):
 * <ul>
 * <li>Lemma 2: ‖H_O‖ ≤ √2 q² ‖x‖² (L+1) w_T^{2L} when ‖Q^(p)‖₂ ≤ q and ‖T^(p)‖ ≤ w_T for all p;</li>
 * <li>Theorem 1 (1D): ‖H_O‖ ≤ √2 ‖x‖² d² (L+1) (C² w² k d)^L;</li>
 * <li>Theorem 2 (2D): ‖H_O‖ ≤ √2 ‖x‖² C² k² m n (L+1) (C² k² w² m n)^L;</li>
 * <li>Lemma 3 (pool k_pool at nonlinearity l): ‖H_O‖ ≤ √2 ‖x‖² q² k_pool^{−2(L−l+2)} (L+1) (C² k² w² m n)^L;</li>
 * <li>Lemma 4 (P hidden fully connected layers):
 *     ‖H_O‖ ≤ √2 ‖x‖² C² k² m n (h² w̃²)^P (k² C² w² m n)^L (L + 1 + P h² w̃² / (k² C² w² m n)).</li>
 * </ul>
 */
public final class PaperBounds {

    private PaperBounds() {
    }

    /**
     * Lemma 2. {@code layers} is the number of linear maps before the last one: L for the
     * paper's conv-then-linear network; with P hidden fully connected layers the same proof
     * gives L+P (there are then L+P+1 maps T^(p), each Jacobian block a product of L+P of them).
     */
    public static Bound lemma2(double q, double wT, int layers, double inputNormSq) {
        double log = Log10.SQRT2 + 2 * Log10.of(q) + Log10.of(inputNormSq) + Log10.of(layers + 1)
                + Log10.power(Log10.of(wT), 2.0 * layers);
        return new Bound("lemma2", log);
    }

    /** Theorem 1, for 1D convolutions with C_l ≤ C, k_l ≤ k, d_l ≤ d, |W| ≤ w. */
    public static Bound theorem1(int channels, int kernel, int length, int layers, double w, double inputNormSq) {
        double perLayer = 2 * Log10.of(channels) + 2 * Log10.of(w) + Log10.of(kernel) + Log10.of(length);
        double log = Log10.SQRT2 + Log10.of(inputNormSq) + 2 * Log10.of(length) + Log10.of(layers + 1)
                + Log10.power(perLayer, layers);
        return new Bound("theorem1", log);
    }

    /** Theorem 2, for 2D convolutions. */
    public static Bound theorem2(BoundConventions c) {
        double log = Log10.SQRT2 + Log10.of(c.inputNormSq()) + log10QSquared(c) + Log10.of(c.layers() + 1)
                + Log10.power(log10WTSquared(c), c.layers());
        return new Bound("theorem2", log);
    }

    /** Lemma 3 with Theorem 2's q² = C² k² m n. */
    public static Bound lemma3(BoundConventions c) {
        return lemma3(c, 0.5 * log10QSquared(c));
    }

    /** Lemma 3 with a given log10 q. */
    public static Bound lemma3(BoundConventions c, double log10Q) {
        if (!c.hasPool()) {
            throw new IllegalArgumentException("Lemma 3 needs a pool; this network has none");
        }
        double poolExponent = -2.0 * (c.layers() - c.poolAt() + 2);
        double log = Log10.SQRT2 + Log10.of(c.inputNormSq()) + 2 * log10Q
                + Log10.power(Log10.of(c.poolSize()), poolExponent) + Log10.of(c.layers() + 1)
                + Log10.power(log10WTSquared(c), c.layers());
        return new Bound("lemma3", log);
    }

    /** Lemma 4, for a head of P hidden fully connected layers. */
    public static Bound lemma4(BoundConventions c) {
        if (!c.hasHiddenHead()) {
            throw new IllegalArgumentException("Lemma 4 needs hidden fully connected layers; this network has a linear head");
        }
        int l = c.layers();
        int p = c.hiddenLayers();
        double a = log10WTSquared(c);
        double head = 2 * Log10.of(c.hiddenWidth()) + 2 * Log10.of(c.maxAbsDenseWeight());
        // (A)^L (L + 1 + P h²w̃²/A) = (L+1) A^L + P h²w̃² A^{L−1}, summed in log space (A may be 0).
        double last = Log10.sum(Log10.of(l + 1) + Log10.power(a, l), Log10.of(p) + head + Log10.power(a, l - 1));
        double log = Log10.SQRT2 + Log10.of(c.inputNormSq()) + log10QSquared(c) + Log10.power(head, p) + last;
        return new Bound("lemma4", log);
    }

    /**
     * The paper's statement that covers the network: Lemma 4 with a hidden head (a pool,
     * if also present, only lowers the true value and is not credited), Lemma 3 with a
     * pool, otherwise Theorem 2.
     */
    public static Bound applicable(BoundConventions c) {
        if (c.hasHiddenHead()) {
            return lemma4(c);
        }
        return c.hasPool() ? lemma3(c) : theorem2(c);
    }

    /** log10 of Theorem 2's q² = C² k² m n. */
    static double log10QSquared(BoundConventions c) {
        return 2 * Log10.of(c.channels()) + 2 * Log10.of(c.kernel()) + Log10.of(c.height()) + Log10.of(c.width());
    }

    /** log10 of Theorem 2's w_T² = C² k² w² m n. */
    static double log10WTSquared(BoundConventions c) {
        return log10QSquared(c) + 2 * Log10.of(c.maxAbsConvWeight());
    }
}
