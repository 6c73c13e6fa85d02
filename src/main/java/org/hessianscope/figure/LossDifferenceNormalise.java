package org.hessianscope.figure;

import java.util.Arrays;
import java.util.Locale;
import org.hessianscope.landscape.LossDifferenceResult;

/**
 * How chart 1 scales each run's curves at k (issue 17, defect 20). Every curve falls like
 * 1/k, so on a log axis the architectures sit in a sliver; multiplying by (k+1) takes that
 * trend out, and dividing by the exact root mean square √E[ΔL_k²] shows |ΔL_k| relative to
 * its own typical size (the exact curve becomes 1). The {@link #key() key} is the value of
 * {@code figure loss-difference --normalise} and of the window's "normalise" choice.
 */
public enum LossDifferenceNormalise {
    NONE("none", "|L_{k+1} − L_k|"),
    K("k", "(k+1)·|L_{k+1} − L_k|"),
    RMS("rms", "|L_{k+1} − L_k| / √E[ΔL_k²]");

    private final String key;
    private final String axis;

    LossDifferenceNormalise(String key, String axis) {
        this.key = key;
        this.axis = axis;
    }

    /** The name used by the CLI option, the window and docs/lossdiff.md. */
    public String key() {
        return key;
    }

    /** The y-axis label (and chart title) of the normalised view. */
    public String axis() {
        return axis;
    }

    /**
     * The factor that multiplies every curve of {@code r} at {@code k}: 1, k + 1, or 1/√E[ΔL_k²];
     * NaN where E[ΔL_k²] = 0 (all orderings agree exactly), which the chart leaves out.
     */
    public double factor(LossDifferenceResult r, int k) {
        switch (this) {
            case K:
                return k + 1.0;
            case RMS:
                double ms = r.exactMeanSq(k);
                return ms > 0 ? 1.0 / Math.sqrt(ms) : Double.NaN;
            default:
                return 1.0;
        }
    }

    /** {@code curve} (value at k in {@code curve[k − 1]}) multiplied by {@link #factor} at each k; a new array. */
    public double[] apply(LossDifferenceResult r, double[] curve) {
        double[] out = curve.clone();
        if (this != NONE) {
            for (int i = 0; i < out.length; i++) {
                out[i] *= factor(r, i + 1);
            }
        }
        return out;
    }

    /** The view named {@code key}; one clear line listing the valid keys otherwise. */
    public static LossDifferenceNormalise of(String key) {
        for (LossDifferenceNormalise n : values()) {
            if (n.key.equals(key == null ? null : key.toLowerCase(Locale.ROOT))) {
                return n;
            }
        }
        throw new IllegalArgumentException("normalise = '" + key + "'; valid: "
                + String.join(", ", Arrays.stream(values()).map(LossDifferenceNormalise::key).toList()));
    }

    @Override
    public String toString() {
        return key;
    }
}
