package org.hessianscope.train;

import org.hessianscope.arch.ArchitectureSpec;
import org.hessianscope.arch.ParameterLayout;

import java.util.SplittableRandom;

/**
 * PyTorch's default initialisation of {@code Conv2d} and {@code Linear}: every
 * weight and bias uniform in ±1/√fan_in, with fan_in = C_in·k·k for a conv layer
 * and in-features for a linear one. For weights PyTorch calls
 * {@code kaiming_uniform_(a=√5)}, whose bound √3·gain/√fan_in with
 * gain = √(2/(1+a²)) = √(1/3) is exactly 1/√fan_in; biases use 1/√fan_in directly.
 * The random numbers are ours ({@link Seeds#initialisation}), so the values are
 * not PyTorch's, but their distribution is.
 */
public final class PyTorchInit {
    private PyTorchInit() {
    }

    public static double[] initialise(ArchitectureSpec spec, long seed) {
        return initialise(spec.parameterLayout(), Seeds.initialisation(seed));
    }

    /** Draws the tensors in layout order (weight, then bias, layer by layer, as PyTorch's modules reset). */
    public static double[] initialise(ParameterLayout layout, SplittableRandom rnd) {
        double[] theta = new double[layout.size()];
        for (ParameterLayout.Tensor t : layout.tensors()) {
            double bound = bound(layout, t);
            for (int i = t.offset(); i < t.offset() + t.size(); i++) {
                theta[i] = bound * (2 * rnd.nextDouble() - 1);
            }
        }
        return theta;
    }

    /** 1/√fan_in of the layer the tensor belongs to. */
    public static double bound(ParameterLayout layout, ParameterLayout.Tensor t) {
        ParameterLayout.Tensor weight = layout.tensor(t.layer() + ".weight")
                .orElseThrow(() -> new IllegalStateException("layer " + t.layer() + " has no weight tensor"));
        int[] shape = weight.shape();
        int fanIn = 1;
        for (int d = 1; d < shape.length; d++) {
            fanIn *= shape[d];
        }
        return 1 / Math.sqrt(fanIn);
    }
}
