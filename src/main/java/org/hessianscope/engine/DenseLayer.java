package org.hessianscope.engine;

import org.hessianscope.arch.Stage;

import java.util.Arrays;

/** Fully connected layer out = W in + b on the flattened (channel, row, column) input; W [out, in] row-major. */
final class DenseLayer extends Layer {
    private final int weightOffset;
    private final int biasOffset;

    DenseLayer(Stage.Dense stage, int weightOffset) {
        super(stage.inFeatures(), stage.outFeatures());
        this.weightOffset = weightOffset;
        this.biasOffset = weightOffset + stage.weightCount();
    }

    @Override
    boolean hasParameters() {
        return true;
    }

    @Override
    void forward(double[] theta, double[] in, double[] out, StageState state, Scratch scratch) {
        for (int o = 0; o < outSize; o++) {
            int row = weightOffset + o * inSize;
            double sum = theta[biasOffset + o];
            for (int i = 0; i < inSize; i++) {
                sum += theta[row + i] * in[i];
            }
            out[o] = sum;
        }
    }

    @Override
    void forwardTangent(double[] theta, double[] v, double[] in, double[] tin, boolean tinZero, double[] tout, StageState state, Scratch scratch) {
        for (int o = 0; o < outSize; o++) {
            int row = weightOffset + o * inSize;
            double sum = v[biasOffset + o];
            if (tinZero) {
                for (int i = 0; i < inSize; i++) {
                    sum += v[row + i] * in[i];
                }
            } else {
                for (int i = 0; i < inSize; i++) {
                    sum += v[row + i] * in[i] + theta[row + i] * tin[i];
                }
            }
            tout[o] = sum;
        }
    }

    @Override
    void backward(double[] theta, double[] in, double[] gOut, double[] gIn, double[] grad, StageState state, Scratch scratch) {
        if (gIn != null) {
            Arrays.fill(gIn, 0, inSize, 0.0);
            for (int o = 0; o < outSize; o++) {
                int row = weightOffset + o * inSize;
                double g = gOut[o];
                for (int i = 0; i < inSize; i++) {
                    gIn[i] += theta[row + i] * g;
                }
            }
        }
        if (grad != null) {
            for (int o = 0; o < outSize; o++) {
                int row = weightOffset + o * inSize;
                double g = gOut[o];
                for (int i = 0; i < inSize; i++) {
                    grad[row + i] += g * in[i];
                }
                grad[biasOffset + o] += g;
            }
        }
    }

    @Override
    void backwardTangent(double[] theta, double[] v, double[] in, double[] tin, boolean tinZero,
                         double[] gOut, double[] tgOut, double[] tgIn, double[] tgrad, StageState state, Scratch scratch) {
        // g_in = W^T g_out, ∇W = g_out in^T: R(g_in) = W^T Rg_out + V^T g_out, R(∇W) = Rg_out in^T + g_out R(in)^T.
        if (tgIn != null) {
            Arrays.fill(tgIn, 0, inSize, 0.0);
            for (int o = 0; o < outSize; o++) {
                int row = weightOffset + o * inSize;
                double tg = tgOut[o];
                double g = gOut[o];
                for (int i = 0; i < inSize; i++) {
                    tgIn[i] += theta[row + i] * tg + v[row + i] * g;
                }
            }
        }
        for (int o = 0; o < outSize; o++) {
            int row = weightOffset + o * inSize;
            double tg = tgOut[o];
            double g = gOut[o];
            if (tinZero) {
                for (int i = 0; i < inSize; i++) {
                    tgrad[row + i] += tg * in[i];
                }
            } else {
                for (int i = 0; i < inSize; i++) {
                    tgrad[row + i] += tg * in[i] + g * tin[i];
                }
            }
            tgrad[biasOffset + o] += tg;
        }
    }
}
