package org.hessianscope.engine;

import org.hessianscope.arch.Stage;
import org.hessianscope.linalg.Vectors;

import java.util.Arrays;

/**
 * Fully connected layer out = W in + b on the flattened (channel, row, column) input; W [out, in]
 * row-major. Speed: dot products keep four partial sums (a fixed order, so still deterministic),
 * and multiply-adds between θ-sized arrays and input-sized arrays first copy one side so both sit
 * at the same index, which the JIT (JDK 17) needs to vectorise.
 */
final class DenseLayer extends Layer {
    private final int weightOffset;
    private final int biasOffset;
    private final Stage.Dense stage;

    DenseLayer(Stage.Dense stage, int weightOffset) {
        super(stage.inFeatures(), stage.outFeatures());
        this.stage = stage;
        this.weightOffset = weightOffset;
        this.biasOffset = weightOffset + stage.weightCount();
    }

    /** The input-sized segments, and θ-indexed copies that reach past this layer's weights (to biasOffset). */
    @Override
    void reserve(Scratch.Sizes sizes) {
        sizes.denseIn = Math.max(sizes.denseIn, inSize);
        sizes.weightEnd = Math.max(sizes.weightEnd, biasOffset);
    }

    @Override
    LayerF32 float32() {
        return new DenseLayerF32(stage, weightOffset);
    }

    @Override
    boolean hasParameters() {
        return true;
    }

    @Override
    void forward(double[] theta, double[] in, double[] out, StageState state, Scratch scratch) {
        forward(theta, in, out, ConvLayer.VECTOR);
    }

    /** {@link #forward}, by {@link VectorConv#dense} or by {@link Vectors#unrolledDot}: the same bits (VectorConvTest). */
    void forward(double[] theta, double[] in, double[] out, boolean vector) {
        if (vector) {
            VectorConv.dense(theta, weightOffset, biasOffset, in, inSize, out, outSize);
            return;
        }
        for (int o = 0; o < outSize; o++) {
            out[o] = theta[biasOffset + o] + Vectors.unrolledDot(theta, weightOffset + o * inSize, in, inSize);
        }
    }

    @Override
    void forwardTangent(double[] theta, double[] v, double[] in, double[] tin, boolean tinZero, double[] tout,
                        StageState state, Scratch scratch) {
        // R(W a + b) = V a + v_b + W R(a).
        for (int o = 0; o < outSize; o++) {
            int row = weightOffset + o * inSize;
            double sum = v[biasOffset + o] + Vectors.unrolledDot(v, row, in, inSize);
            tout[o] = tinZero ? sum : sum + Vectors.unrolledDot(theta, row, tin, inSize);
        }
    }

    @Override
    void backward(double[] theta, double[] in, double[] gOut, double[] gIn, double[] grad, StageState state, Scratch scratch) {
        if (gIn != null) {
            transposedProduct(theta, gOut, null, null, gIn, scratch);
        }
        if (grad != null) {
            accumulateOuter(gOut, in, null, null, grad, scratch);
        }
    }

    @Override
    void backwardTangent(double[] theta, double[] v, double[] in, double[] tin, boolean tinZero,
                         double[] gOut, double[] tgOut, double[] tgIn, double[] tgrad, StageState state, Scratch scratch) {
        // g_in = W^T g_out, ∇W = g_out in^T: R(g_in) = W^T Rg_out + V^T g_out, R(∇W) = Rg_out in^T + g_out R(in)^T.
        if (tgIn != null) {
            transposedProduct(theta, tgOut, v, gOut, tgIn, scratch);
        }
        accumulateOuter(tgOut, in, tinZero ? null : gOut, tin, tgrad, scratch);
    }

    /** gIn = A^T ga (+ B^T gb when B is not null), A and B laid out like θ. */
    private void transposedProduct(double[] wa, double[] ga, double[] wb, double[] gb, double[] gIn, Scratch scratch) {
        double[] ra = scratch.segmentA;
        double[] rb = scratch.segmentB;
        Arrays.fill(gIn, 0, inSize, 0.0);
        for (int o = 0; o < outSize; o++) {
            int row = weightOffset + o * inSize;
            double x = ga[o];
            System.arraycopy(wa, row, ra, 0, inSize);
            if (wb == null) {
                for (int i = 0; i < inSize; i++) {
                    gIn[i] += ra[i] * x;
                }
            } else {
                double y = gb[o];
                System.arraycopy(wb, row, rb, 0, inSize);
                for (int i = 0; i < inSize; i++) {
                    gIn[i] += ra[i] * x + rb[i] * y;
                }
            }
        }
    }

    /** grad[W] += ga a^T (+ gb b^T when gb is not null), grad[b] += ga. */
    private void accumulateOuter(double[] ga, double[] a, double[] gb, double[] b, double[] grad, Scratch scratch) {
        double[] aa = scratch.alignedA;
        double[] ab = scratch.alignedB;
        for (int o = 0; o < outSize; o++) {
            int row = weightOffset + o * inSize;
            int end = row + inSize;
            double x = ga[o];
            System.arraycopy(a, 0, aa, row, inSize);
            if (gb == null) {
                for (int j = row; j < end; j++) {
                    grad[j] += x * aa[j];
                }
            } else {
                double y = gb[o];
                System.arraycopy(b, 0, ab, row, inSize);
                for (int j = row; j < end; j++) {
                    grad[j] += x * aa[j] + y * ab[j];
                }
            }
            grad[biasOffset + o] += x;
        }
    }
}
