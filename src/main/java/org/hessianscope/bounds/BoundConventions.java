package org.hessianscope.bounds;

import org.hessianscope.arch.ArchitectureSpec;
import org.hessianscope.arch.FeatureMap;
import org.hessianscope.arch.ParameterLayout;
import org.hessianscope.arch.Stage;
import org.hessianscope.data.Samples;
import org.hessianscope.linalg.Vectors;

/**
 * The quantities the paper's bounds are stated in, read off a network as the issue fixes them:
 * <ul>
 * <li>{@code layers} L: the number of conv layers (the linear head is layer L+1);</li>
 * <li>{@code channels} C: the largest channel count of any conv layer's input or output;</li>
 * <li>{@code kernel} k: the largest kernel;</li>
 * <li>{@code height}×{@code width} m×n: the largest feature map, the input's;</li>
 * <li>{@code maxAbsConvWeight} w: the largest |weight| over conv weights, biases excluded;</li>
 * <li>{@code hiddenLayers} P and {@code hiddenWidth} h: the number of hidden fully connected layers
 *     (each followed by ReLU, before the final linear layer) and their largest width (0 without any);</li>
 * <li>{@code maxAbsDenseWeight} w̃: the largest |weight| over all fully connected weights
 *     (hidden and final), biases excluded;</li>
 * <li>{@code poolSize} k_pool and {@code poolAt} l of the pool (0 and 0 without one);</li>
 * <li>{@code inputNormSq} ‖x‖²: the largest squared norm of a normalised input among
 *     {@code samples} samples (or a stated maximum in a preview, {@code samples} = 0).</li>
 * </ul>
 *
 * @param weightSource where w and w̃ come from: {@link #TRAINED} weights or the {@link #INIT_RANGE}
 */
public record BoundConventions(int layers, int channels, int kernel, int height, int width,
                               double maxAbsConvWeight, int hiddenLayers, int hiddenWidth, double maxAbsDenseWeight,
                               int poolSize, int poolAt, double inputNormSq, int samples, String weightSource) {

    public static final String TRAINED = "weights";
    public static final String INIT_RANGE = "initialisation range 1/sqrt(fan_in)";

    public boolean hasPool() {
        return poolSize > 0;
    }

    public boolean hasHiddenHead() {
        return hiddenLayers > 0;
    }

    /** The conventions of a network with parameters θ (PyTorch layout) on the given samples. */
    public static BoundConventions of(ArchitectureSpec spec, double[] theta, Samples samples) {
        ParameterLayout layout = spec.parameterLayout();
        if (theta.length != layout.size()) {
            throw new IllegalArgumentException("weights have " + theta.length + " values but the network needs "
                    + layout.size());
        }
        double w = 0;
        double wTilde = 0;
        for (ParameterLayout.Tensor t : layout.tensors()) {
            if (t.bias()) {
                continue;
            }
            double m = maxAbs(theta, t.offset(), t.size());
            if (t.layer().startsWith("conv")) {
                w = Math.max(w, m);
            } else {
                wTilde = Math.max(wTilde, m);
            }
        }
        return shape(spec, w, wTilde, maxInputNormSq(spec, samples), samples.size(), TRAINED);
    }

    /**
     * The conventions of a freshly initialised network, without θ: w and w̃ are the
     * largest PyTorch default initialisation ranges 1/√fan_in over the conv (resp.
     * fully connected) layers, and ‖x‖² is given (a dataset maximum, or
     * {@link #theoreticalInputNormSq}).
     */
    public static BoundConventions preview(ArchitectureSpec spec, double inputNormSq) {
        double w = 0;
        double wTilde = 0;
        for (Stage s : spec.stages()) {
            if (s instanceof Stage.Conv c) {
                w = Math.max(w, 1 / Math.sqrt((double) c.in().channels() * c.kernel() * c.kernel()));
            } else if (s instanceof Stage.Dense d) {
                wTilde = Math.max(wTilde, 1 / Math.sqrt(d.inFeatures()));
            }
        }
        return shape(spec, w, wTilde, inputNormSq, 0, INIT_RANGE);
    }

    /** The largest ‖x‖² possible when every normalised input value lies in [−maxAbsInput, maxAbsInput]. */
    public static double theoreticalInputNormSq(ArchitectureSpec spec, double maxAbsInput) {
        return spec.input().map().size() * maxAbsInput * maxAbsInput;
    }

    /** max_i ‖x_i‖² over the samples. */
    public static double maxInputNormSq(ArchitectureSpec spec, Samples samples) {
        if (!samples.inputShape().equals(spec.input())) {
            throw new IllegalArgumentException("samples have input shape " + samples.inputShape()
                    + " but the network expects " + spec.input());
        }
        if (samples.size() == 0) {
            throw new IllegalArgumentException("no samples: ‖x‖² needs at least one input");
        }
        double[] x = new double[samples.inputSize()];
        double max = 0;
        for (int i = 0; i < samples.size(); i++) {
            samples.copyInput(i, x, 0);
            max = Math.max(max, Vectors.dot(x, x));
        }
        return max;
    }

    private static BoundConventions shape(ArchitectureSpec spec, double w, double wTilde, double inputNormSq,
                                          int samples, String source) {
        int c = 0;
        int k = 0;
        int poolSize = 0;
        int poolAt = 0;
        for (Stage s : spec.stages()) {
            if (s instanceof Stage.Conv conv) {
                c = Math.max(c, Math.max(conv.in().channels(), conv.out().channels()));
                k = Math.max(k, conv.kernel());
            } else if (s instanceof Stage.Pool p) {
                poolSize = p.size();
                poolAt = p.at();
            }
        }
        int h = spec.head().hidden().stream().mapToInt(Integer::intValue).max().orElse(0);
        FeatureMap in = spec.input().map();
        return new BoundConventions(spec.layers(), c, k, in.height(), in.width(), w, spec.head().hidden().size(), h,
                wTilde, poolSize, poolAt, inputNormSq, samples, source);
    }

    private static double maxAbs(double[] v, int from, int n) {
        double m = 0;
        for (int i = from; i < from + n; i++) {
            m = Math.max(m, Math.abs(v[i]));
        }
        return m;
    }
}
