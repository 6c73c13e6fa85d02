package org.hessianscope.engine;

/**
 * One stage of the float32 training pass: forward and backward only (training needs no curvature).
 * Unlike {@link Layer}, an instance belongs to one {@link WorkspaceF32}, hence to one thread: it holds
 * its own float copy of its parameters (made once per evaluation by {@link #load}) and the sums of its
 * parameter gradients over the samples of the current block.
 */
abstract class LayerF32 {
    final int inSize;
    final int outSize;

    LayerF32(int inSize, int outSize) {
        this.inSize = inSize;
        this.outSize = outSize;
    }

    /** Copies this layer's parameters from θ, rounded to float. */
    void load(double[] theta) {
    }

    abstract void forward(float[] in, float[] out, ScratchF32 scratch);

    /** gIn = (∂f/∂in)^T gOut unless gIn is null; this layer's gradient sums += (∂f/∂θ)^T gOut. */
    abstract void backward(float[] in, float[] gOut, float[] gIn, ScratchF32 scratch);

    /** Adds the gradient sums into {@code partial} (laid out like θ) and zeroes them. */
    void flush(double[] partial) {
    }

    /** Sizes {@code sizes} so that the shared scratch fits this layer. */
    void require(ScratchF32.Sizes sizes) {
    }
}
