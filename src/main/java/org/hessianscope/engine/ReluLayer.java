package org.hessianscope.engine;

/**
 * ReLU. Piecewise linear, so every pass applies the same 0/1 mask recorded by the forward pass
 * (derivative 1 where the input is strictly positive, 0 elsewhere, as PyTorch), and its second
 * derivative contributes nothing to the R-operator. The mask is applied as a multiply, which
 * the JIT vectorises; inputs and cotangents are finite, so 0 × value is a zero.
 */
final class ReluLayer extends Layer {

    ReluLayer(int size) {
        super(size, size);
    }

    /** Elementwise on its own arrays: no scratch. */
    @Override
    void reserve(Scratch.Sizes sizes) {
    }

    @Override
    LayerF32 float32() {
        return new ReluLayerF32(inSize);
    }

    @Override
    int maskSize() {
        return inSize;
    }

    @Override
    void forward(double[] theta, double[] in, double[] out, StageState state, Scratch scratch) {
        forward(in, out, state.mask, ConvLayer.VECTOR);
    }

    /** {@link #forward}, by {@link VectorConv#relu} or by the plain loops: the same bits (VectorConvTest). */
    void forward(double[] in, double[] out, double[] mask, boolean vector) {
        if (vector) {
            VectorConv.relu(in, out, mask, inSize);
            return;
        }
        for (int i = 0; i < inSize; i++) {
            mask[i] = in[i] > 0 ? 1.0 : 0.0;
        }
        for (int i = 0; i < inSize; i++) {
            out[i] = Math.max(in[i], 0.0);
        }
    }

    @Override
    void forwardTangent(double[] theta, double[] v, double[] in, double[] tin, boolean tinZero, double[] tout, StageState state, Scratch scratch) {
        mask(state.mask, tin, tout);
    }

    @Override
    void backward(double[] theta, double[] in, double[] gOut, double[] gIn, double[] grad, StageState state, Scratch scratch) {
        if (gIn != null) {
            mask(state.mask, gOut, gIn);
        }
    }

    @Override
    void backwardTangent(double[] theta, double[] v, double[] in, double[] tin, boolean tinZero,
                         double[] gOut, double[] tgOut, double[] tgIn, double[] tgrad, StageState state, Scratch scratch) {
        if (tgIn != null) {
            mask(state.mask, tgOut, tgIn);
        }
    }

    private void mask(double[] mask, double[] src, double[] dst) {
        for (int i = 0; i < inSize; i++) {
            dst[i] = mask[i] * src[i];
        }
    }
}
