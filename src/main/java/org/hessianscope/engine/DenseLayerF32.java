package org.hessianscope.engine;

import org.hessianscope.arch.Stage;

import java.util.Arrays;

/**
 * The float32 form of {@link DenseLayer}: out = W in + b, W [out, in] row-major as in θ, every product one
 * of {@link ProductsF32}'s: the forward pass a dot product per output, the input cotangent Wᵀ g and the
 * weight gradient's rank-one update g inᵀ FMA chains.
 */
final class DenseLayerF32 extends LayerF32 {
    private final int weightOffset;
    private final int biasOffset;
    private final float[] weights;
    private final float[] bias;
    private final float[] weightGradient;
    private final float[] biasGradient;
    /** Offsets of the rows of W: o → o·in. */
    private final int[] rows;
    /** The one row offset of a vector. */
    private static final int[] FIRST = {0};
    /** Offsets of the values of the output cotangent as rows of length one: o → o. */
    private final int[] units;

    DenseLayerF32(Stage.Dense stage, int weightOffset) {
        super(stage.inFeatures(), stage.outFeatures());
        this.weightOffset = weightOffset;
        this.biasOffset = weightOffset + stage.weightCount();
        weights = new float[outSize * inSize];
        bias = new float[outSize];
        weightGradient = new float[outSize * inSize];
        biasGradient = new float[outSize];
        rows = ProductsF32.rowOffsets(outSize, inSize);
        units = ProductsF32.rowOffsets(outSize, 1);
    }

    @Override
    void require(ScratchF32.Sizes s) {
        s.rows = Math.max(s.rows, outSize);
    }

    @Override
    void load(double[] theta) {
        for (int j = 0; j < weights.length; j++) {
            weights[j] = (float) theta[weightOffset + j];
        }
        for (int o = 0; o < outSize; o++) {
            bias[o] = (float) theta[biasOffset + o];
        }
    }

    @Override
    void forward(float[] in, float[] out, ScratchF32 scratch) {
        System.arraycopy(bias, 0, out, 0, outSize);
        ProductsF32.multiplyTransposedAdd(in, inSize, 1, weights, rows, outSize, inSize, out, outSize, scratch.lanes);
    }

    @Override
    void backward(float[] in, float[] gOut, float[] gIn, ScratchF32 scratch) {
        if (gIn != null) {
            Arrays.fill(gIn, 0, inSize, 0f);
            ProductsF32.multiplyAdd(gOut, FIRST, 1, outSize, weights, rows, gIn, inSize, inSize, scratch.edge);
        }
        ProductsF32.multiplyAdd(gOut, units, outSize, 1, in, FIRST, weightGradient, inSize, inSize, scratch.edge);
        for (int o = 0; o < outSize; o++) {
            biasGradient[o] += gOut[o];
        }
    }

    @Override
    void flush(double[] partial) {
        for (int j = 0; j < weightGradient.length; j++) {
            partial[weightOffset + j] += weightGradient[j];
        }
        Arrays.fill(weightGradient, 0f);
        for (int o = 0; o < outSize; o++) {
            partial[biasOffset + o] += biasGradient[o];
        }
        Arrays.fill(biasGradient, 0f);
    }
}
