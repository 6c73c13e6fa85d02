package org.hessianscope.engine;

import org.hessianscope.arch.Stage;

import java.util.Arrays;

/** The float32 form of {@link DenseLayer}: out = W in + b, W [out, in] held as rows. */
final class DenseLayerF32 extends LayerF32 {
    private final int weightOffset;
    private final int biasOffset;
    private final float[][] weights;
    private final float[] bias;
    private final float[][] weightGradient;
    private final float[] biasGradient;

    DenseLayerF32(Stage.Dense stage, int weightOffset) {
        super(stage.inFeatures(), stage.outFeatures());
        this.weightOffset = weightOffset;
        this.biasOffset = weightOffset + stage.weightCount();
        weights = new float[outSize][inSize];
        bias = new float[outSize];
        weightGradient = new float[outSize][inSize];
        biasGradient = new float[outSize];
    }

    @Override
    void load(double[] theta) {
        for (int o = 0; o < outSize; o++) {
            float[] row = weights[o];
            int at = weightOffset + o * inSize;
            for (int i = 0; i < inSize; i++) {
                row[i] = (float) theta[at + i];
            }
            bias[o] = (float) theta[biasOffset + o];
        }
    }

    @Override
    void forward(float[] in, float[] out, ScratchF32 scratch) {
        for (int o = 0; o < outSize; o++) {
            out[o] = bias[o] + dot(weights[o], in, inSize);
        }
    }

    @Override
    void backward(float[] in, float[] gOut, float[] gIn, ScratchF32 scratch) {
        if (gIn != null) {
            Arrays.fill(gIn, 0, inSize, 0f);
            for (int o = 0; o < outSize; o++) {
                float x = gOut[o];
                float[] row = weights[o];
                for (int i = 0; i < inSize; i++) {
                    gIn[i] += x * row[i];
                }
            }
        }
        for (int o = 0; o < outSize; o++) {
            float x = gOut[o];
            float[] row = weightGradient[o];
            for (int i = 0; i < inSize; i++) {
                row[i] += x * in[i];
            }
            biasGradient[o] += x;
        }
    }

    @Override
    void flush(double[] partial) {
        for (int o = 0; o < outSize; o++) {
            float[] row = weightGradient[o];
            int at = weightOffset + o * inSize;
            for (int i = 0; i < inSize; i++) {
                partial[at + i] += row[i];
            }
            Arrays.fill(row, 0f);
            partial[biasOffset + o] += biasGradient[o];
        }
        Arrays.fill(biasGradient, 0f);
    }

    /** Σ a[i]·b[i] with eight partial sums combined in a fixed order (a reduction C2 does not vectorise). */
    private static float dot(float[] a, float[] b, int n) {
        float s0 = 0;
        float s1 = 0;
        float s2 = 0;
        float s3 = 0;
        float s4 = 0;
        float s5 = 0;
        float s6 = 0;
        float s7 = 0;
        int i = 0;
        for (; i + 7 < n; i += 8) {
            s0 += a[i] * b[i];
            s1 += a[i + 1] * b[i + 1];
            s2 += a[i + 2] * b[i + 2];
            s3 += a[i + 3] * b[i + 3];
            s4 += a[i + 4] * b[i + 4];
            s5 += a[i + 5] * b[i + 5];
            s6 += a[i + 6] * b[i + 6];
            s7 += a[i + 7] * b[i + 7];
        }
        for (; i < n; i++) {
            s0 += a[i] * b[i];
        }
        return ((s0 + s1) + (s2 + s3)) + ((s4 + s5) + (s6 + s7));
    }
}
