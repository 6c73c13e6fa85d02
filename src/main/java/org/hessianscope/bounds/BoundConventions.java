package org.hessianscope.bounds;

import org.hessianscope.arch.ArchitectureSpec;
import org.hessianscope.arch.FeatureMap;
import org.hessianscope.arch.ParameterLayout;
import org.hessianscope.arch.Stage;
import org.hessianscope.data.Samples;
import org.hessianscope.linalg.Vectors;

import java.util.function.ToDoubleFunction;

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
        // w and w̃: the largest |weight| of each layer's weight tensor, biases excluded.
        Reading r = Reading.of(spec, t -> maxAbs(theta, t.offset(), t.size()));
        return r.conventions(spec, maxInputNormSq(spec, samples), samples.size(), TRAINED);
    }

    /**
     * The conventions of a freshly initialised network, without θ: w and w̃ are the
     * largest PyTorch default initialisation ranges 1/√fan_in over the conv (resp.
     * fully connected) layers, and ‖x‖² is given (a dataset maximum, or
     * {@link #theoreticalInputNormSq}).
     */
    public static BoundConventions preview(ArchitectureSpec spec, double inputNormSq) {
        // PyTorch's default initialisation range 1/√fan_in, with fan_in = C_in·k² (conv) or the input width (fc):
        // a weight tensor's size over its first dimension, the number of outputs.
        Reading r = Reading.of(spec, t -> 1 / Math.sqrt((double) (t.size() / t.shape()[0])));
        return r.conventions(spec, inputNormSq, 0, INIT_RANGE);
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

    /**
     * One pass over the stages collecting the conventions' shape quantities and the weight scales
     * w (conv) and w̃ (fully connected), {@code weightScale} giving a layer's scale from its weight tensor.
     * A stage type the theorems do not cover must throw {@code new UncoveredStageException("Theorem 2", stage)}
     * here: the conventions are Theorem 2's quantities, which Lemmas 3 and 4 reuse.
     */
    private static final class Reading implements Stage.Visitor<Void> {
        private final ParameterLayout layout;
        private final ToDoubleFunction<ParameterLayout.Tensor> weightScale;
        private int channels;
        private int kernel;
        private int poolSize;
        private int poolAt;
        private double w;
        private double wTilde;

        private Reading(ParameterLayout layout, ToDoubleFunction<ParameterLayout.Tensor> weightScale) {
            this.layout = layout;
            this.weightScale = weightScale;
        }

        static Reading of(ArchitectureSpec spec, ToDoubleFunction<ParameterLayout.Tensor> weightScale) {
            Reading r = new Reading(spec.parameterLayout(), weightScale);
            for (Stage s : spec.stages()) {
                s.accept(r);
            }
            return r;
        }

        @Override
        public Void conv(Stage.Conv conv) {
            channels = Math.max(channels, Math.max(conv.in().channels(), conv.out().channels()));
            kernel = Math.max(kernel, conv.kernel());
            w = Math.max(w, scale(conv));
            return null;
        }

        /** Λ^(l): no quantity of the conventions. */
        @Override
        public Void relu(Stage.Relu relu) {
            return null;
        }

        @Override
        public Void pool(Stage.Pool pool) {
            poolSize = pool.size();
            poolAt = pool.at();
            return null;
        }

        /** Hidden and final fully connected layers alike give w̃; P and h are read off the spec's head. */
        @Override
        public Void dense(Stage.Dense dense) {
            wTilde = Math.max(wTilde, scale(dense));
            return null;
        }

        private double scale(Stage s) {
            return weightScale.applyAsDouble(layout.tensor(s.name() + ".weight").orElseThrow());
        }

        BoundConventions conventions(ArchitectureSpec spec, double inputNormSq, int samples, String source) {
            int h = spec.head().hidden().stream().mapToInt(Integer::intValue).max().orElse(0);
            FeatureMap in = spec.input().map();
            return new BoundConventions(spec.layers(), channels, kernel, in.height(), in.width(), w,
                    spec.head().hidden().size(), h, wTilde, poolSize, poolAt, inputNormSq, samples, source);
        }
    }

    private static double maxAbs(double[] v, int from, int n) {
        double m = 0;
        for (int i = from; i < from + n; i++) {
            m = Math.max(m, Math.abs(v[i]));
        }
        return m;
    }
}
