package org.hessianscope.engine;

/**
 * ReLU. Piecewise linear, so every pass applies the same 0/1 mask taken from the forward
 * input (derivative 1 where the input is strictly positive, 0 elsewhere, as PyTorch), and
 * its second derivative contributes nothing to the R-operator.
 */
final class ReluLayer extends Layer {

    ReluLayer(int size) {
        super(size, size);
    }

    @Override
    void forward(double[] theta, double[] in, double[] out, int[] route, Scratch scratch) {
        for (int i = 0; i < inSize; i++) {
            double x = in[i];
            out[i] = x > 0 ? x : 0.0;
        }
    }

    @Override
    void forwardTangent(double[] theta, double[] v, double[] in, double[] tin, boolean tinZero, double[] tout, int[] route, Scratch scratch) {
        mask(in, tin, tout);
    }

    @Override
    void backward(double[] theta, double[] in, double[] gOut, double[] gIn, double[] grad, int[] route, Scratch scratch) {
        if (gIn != null) {
            mask(in, gOut, gIn);
        }
    }

    @Override
    void backwardTangent(double[] theta, double[] v, double[] in, double[] tin, boolean tinZero,
                         double[] gOut, double[] tgOut, double[] tgIn, double[] tgrad, int[] route, Scratch scratch) {
        if (tgIn != null) {
            mask(in, tgOut, tgIn);
        }
    }

    private void mask(double[] in, double[] src, double[] dst) {
        for (int i = 0; i < inSize; i++) {
            dst[i] = in[i] > 0 ? src[i] : 0.0;
        }
    }
}
