package org.hessianscope.engine;

/**
 * One compiled stage of the forward pass with its four passes: forward, tangent forward
 * (the R-operator applied to the forward pass), backward, and tangent backward (the
 * R-operator applied to the backward pass). Dispatch is per layer, never per element.
 *
 * <p>Parameter gradients are added into arrays laid out like θ, at this layer's offsets,
 * so one accumulator of length P serves every layer.
 *
 * <p>Sealed, so that {@code LayerContractTest} knows every implementation: a new layer joins the
 * permits list and must pass that test (central differences, adjoint identity, hyper-dual reference).
 */
abstract sealed class Layer permits ConvLayer, DenseLayer, ReluLayer, PoolLayer {
    final int inSize;
    final int outSize;

    Layer(int inSize, int outSize) {
        this.inSize = inSize;
        this.outSize = outSize;
    }

    /** Length of the routing record (argmax of a max pool) that forward writes and the other passes read. */
    int routeSize() {
        return 0;
    }

    /** Length of the 0/1 mask (of a ReLU) that forward writes and the other passes read. */
    int maskSize() {
        return 0;
    }

    /** Raises the {@link Scratch} lengths this layer's kernels use; abstract so that no layer forgets its buffers. */
    abstract void reserve(Scratch.Sizes sizes);

    /** out = f(θ, in). */
    abstract void forward(double[] theta, double[] in, double[] out, StageState state, Scratch scratch);

    /**
     * tout = ∂f/∂in · tin + ∂f/∂θ · v, the directional derivative of the output along (tin, v).
     * {@code tinZero} says tin is known to be zero (before the first parameterised layer).
     */
    abstract void forwardTangent(double[] theta, double[] v, double[] in, double[] tin, boolean tinZero,
                                 double[] tout, StageState state, Scratch scratch);

    /** gIn = (∂f/∂in)^T gOut unless gIn is null; grad += (∂f/∂θ)^T gOut unless grad is null. */
    abstract void backward(double[] theta, double[] in, double[] gOut, double[] gIn, double[] grad, StageState state, Scratch scratch);

    /**
     * The R-operator of {@link #backward}: tgIn = R(gIn) unless tgIn is null, tgrad += R(∂f/∂θ^T gOut),
     * given the tangents tin of the input and tgOut of the output cotangent.
     */
    abstract void backwardTangent(double[] theta, double[] v, double[] in, double[] tin, boolean tinZero,
                                  double[] gOut, double[] tgOut, double[] tgIn, double[] tgrad, StageState state, Scratch scratch);

    /**
     * {@link #backward} without parameter gradient followed by {@link #backwardTangent}: the step of an
     * H v pass. Layers may fuse the two.
     */
    void backwardWithTangent(double[] theta, double[] v, double[] in, double[] tin, boolean tinZero, double[] gOut,
                             double[] tgOut, double[] gIn, double[] tgIn, double[] tgrad, StageState state, Scratch scratch) {
        backward(theta, in, gOut, gIn, null, state, scratch);
        backwardTangent(theta, v, in, tin, tinZero, gOut, tgOut, tgIn, tgrad, state, scratch);
    }

    /** True if the layer has parameters (its output tangent is nonzero even when its input tangent is zero). */
    boolean hasParameters() {
        return false;
    }
}
