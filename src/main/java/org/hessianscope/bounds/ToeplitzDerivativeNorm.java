package org.hessianscope.bounds;

import org.hessianscope.linalg.Vectors;

import java.util.SplittableRandom;

/**
 * ‖Q^(p)‖ for Q^(p) = ∂T^(p)/∂W^(p), the paper's q.
 *
 * <p>T is linear in its weights, so Q is the bilinear map (W, z) ↦ T(W) z. The
 * interpretation implemented is the one that makes Lemma 2 a valid bound: the
 * Jacobian of the logits with respect to W^(p) is (later layers) · Z(z), where
 * Z(z) vec(W) = T(W) z and z is the layer's input, and the proof needs
 * ‖Z(z)‖₂ ≤ q ‖z‖ for every z. The smallest such q is
 * <pre>  q = sup_{‖z‖=1} ‖Z(z)‖₂ = sup_{‖W‖_F=1} ‖T(W)‖₂ = sup_{‖W‖_F=1, ‖z‖=1} ‖T(W) z‖,</pre>
 * the spectral (injective) norm of the three-way tensor Q. Unfolding Q into the
 * matrix vec(W) ↦ vec(T(W)) would give sup ‖T(W)‖_F = √(output map size) instead,
 * a valid but looser constant.
 *
 * <p>For a convolution this q does not depend on the channel counts: the output
 * channels decouple (put all weight into one of them), and for one output channel
 * ‖[T_1 … T_C]‖² ≤ Σ_c ‖T_c‖² ≤ q₁² Σ_c ‖w_c‖², with equality for a filter on one
 * input channel. So q is that of a single k×k filter on a single H×W map. Since
 * |w ⋆ z| ≤ |w| ⋆ |z| entrywise, the supremum is reached at non-negative w and z;
 * we find it by alternating maximisation (the higher-order power method) from
 * positive starts, a uniform one and a few seeded random ones, keeping the best.
 * It lies between 1 (for H = k) and min(k, √(output size)).
 */
public final class ToeplitzDerivativeNorm {

    static final double TOLERANCE = 1e-15;
    static final int MAX_ITERATIONS = 100_000;
    static final int RANDOM_STARTS = 2;

    private ToeplitzDerivativeNorm() {
    }

    /** q of a fully connected layer: sup_{‖W‖_F=1} ‖W‖₂ = 1. */
    public static NormEstimate dense() {
        return NormEstimate.exact(1);
    }

    /** q of a 2D convolution with a k×k kernel on an H×W input (any channel counts). */
    public static NormEstimate conv2d(int kernel, int inHeight, int inWidth) {
        return of(kernel, kernel, inHeight, inWidth);
    }

    /** q of a 1D convolution with a k-tap kernel on inputs of length d (any channel counts). */
    public static NormEstimate conv1d(int kernel, int length) {
        return of(1, kernel, 1, length);
    }

    static NormEstimate of(int kh, int kw, int h, int w) {
        if (kh > h || kw > w) {
            throw new IllegalArgumentException("kernel " + kh + "×" + kw + " does not fit the " + h + "×" + w + " input");
        }
        NormEstimate best = alternate(kh, kw, h, w, null);
        SplittableRandom rnd = new SplittableRandom(20240601L);
        for (int s = 0; s < RANDOM_STARTS; s++) {
            NormEstimate e = alternate(kh, kw, h, w, rnd.split());
            if (e.value() > best.value()) {
                best = e;
            }
        }
        return best;
    }

    private static NormEstimate alternate(int kh, int kw, int h, int w, SplittableRandom rnd) {
        int oh = h - kh + 1;
        int ow = w - kw + 1;
        double[] filter = positiveStart(kh * kw, rnd);
        double[] z = positiveStart(h * w, rnd);
        double[] y = new double[oh * ow];
        double value = 0;
        double change = Double.POSITIVE_INFINITY;
        int steady = 0;
        for (int it = 1; it <= MAX_ITERATIONS; it++) {
            ToeplitzOperator t = ToeplitzOperator.of(1, 1, kh, kw, h, w, filter);
            t.apply(z, y);
            Vectors.divideByNorm(y);
            t.applyTranspose(y, z);
            Vectors.divideByNorm(z);
            // the weight direction that maximises yᵀ T(W) z: G[u,v] = Σ_ij y[i,j] z[i+u, j+v]
            for (int u = 0; u < kh; u++) {
                for (int v = 0; v < kw; v++) {
                    double s = 0;
                    for (int i = 0; i < oh; i++) {
                        for (int j = 0; j < ow; j++) {
                            s += y[i * ow + j] * z[(i + u) * w + j + v];
                        }
                    }
                    filter[u * kw + v] = s;
                }
            }
            double next = Vectors.norm(filter);
            Vectors.divide(filter, next);
            change = Math.abs(next - value) / next;
            value = next;
            steady = change <= TOLERANCE ? steady + 1 : 0;
            if (steady >= BlockPowerIteration.STEADY_STEPS) {
                return new NormEstimate(value, it, true, change);
            }
        }
        return new NormEstimate(value, MAX_ITERATIONS, false, change);
    }

    private static double[] positiveStart(int n, SplittableRandom rnd) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = rnd == null ? 1 : rnd.nextDouble(0.1, 1);
        }
        Vectors.divideByNorm(v);
        return v;
    }
}
