package org.hessianscope.engine;

import org.hessianscope.arch.Stage;

import java.util.Arrays;

/**
 * The float32 form of {@link ConvLayer}: the same convolution as three products of {@link ProductsF32}, whose
 * right-hand rows are read in place at offsets. Forward: the k² shifts of each input channel in the input row
 * stride W (see {@link ConvLayer}) are the rows, the weights [Cout, Cin·k·k] the matrix. Input cotangent: the
 * shifts of the zero-padded output cotangents are the rows, the weights regrouped as [Cin, Cout·k·k] the
 * matrix. Weight gradient: the output cotangent in the input row stride (zeros between rows) times the same
 * shifted input rows as the forward pass, transposed (a dot product per weight).
 */
final class ConvLayerF32 extends LayerF32 {
    private final int inChannels;
    private final int inWidth;
    private final int outChannels;
    private final int outHeight;
    private final int outWidth;
    private final int kernel;
    private final int taps;
    private final int weightOffset;
    private final int biasOffset;
    private final int inPlane;
    private final int outPlane;
    private final int wide;
    private final int pad;
    /** Length of one zero-padded cotangent plane in {@link ScratchF32#padded}. */
    private final int paddedPlane;
    private final int rowLength;
    /** Offsets in the input of the Cin·k·k shifted rows: (ci·k + ky)·k + kx → ci·H·W + ky·W + kx. */
    private final int[] inputRows;
    /** Offsets in the padded cotangents of the Cout·k·k shifted rows: co·k² + ky·k + kx → co·plane + pad − ky·W − kx. */
    private final int[] cotangentRows;
    /** [Cout][Cin·k·k], as in θ. */
    private final float[] weights;
    /** [Cin][Cout·k·k]: weights[co][ci·k² + j] at [ci][co·k² + j]. */
    private final float[] transposed;
    private final float[] bias;
    /** [Cout][Cin·k·k], as in θ. */
    private final float[] weightGradient;
    private final float[] biasGradient;

    ConvLayerF32(Stage.Conv stage, int weightOffset) {
        super(stage.in().size(), stage.out().size());
        inChannels = stage.in().channels();
        inWidth = stage.in().width();
        outChannels = stage.out().channels();
        outHeight = stage.out().height();
        outWidth = stage.out().width();
        kernel = stage.kernel();
        taps = kernel * kernel;
        this.weightOffset = weightOffset;
        biasOffset = weightOffset + stage.weightCount();
        inPlane = stage.in().height() * inWidth;
        outPlane = outHeight * outWidth;
        wide = (outHeight - 1) * inWidth + outWidth;
        pad = (kernel - 1) * inWidth + kernel - 1;
        paddedPlane = pad + inPlane;
        rowLength = inChannels * taps;
        inputRows = new int[rowLength];
        for (int ci = 0; ci < inChannels; ci++) {
            for (int ky = 0; ky < kernel; ky++) {
                for (int kx = 0; kx < kernel; kx++) {
                    inputRows[(ci * kernel + ky) * kernel + kx] = ci * inPlane + ky * inWidth + kx;
                }
            }
        }
        cotangentRows = new int[outChannels * taps];
        for (int co = 0; co < outChannels; co++) {
            for (int ky = 0; ky < kernel; ky++) {
                for (int kx = 0; kx < kernel; kx++) {
                    cotangentRows[co * taps + ky * kernel + kx] = co * paddedPlane + pad - ky * inWidth - kx;
                }
            }
        }
        weights = new float[outChannels * rowLength];
        transposed = new float[inChannels * outChannels * taps];
        bias = new float[outChannels];
        weightGradient = new float[outChannels * rowLength];
        biasGradient = new float[outChannels];
    }

    @Override
    void require(ScratchF32.Sizes s) {
        s.planes = Math.max(s.planes, outChannels * wide);
        s.padded = Math.max(s.padded, outChannels * paddedPlane);
        s.rows = Math.max(s.rows, Math.max(outChannels, inChannels));
    }

    @Override
    void load(double[] theta) {
        for (int j = 0; j < weights.length; j++) {
            weights[j] = (float) theta[weightOffset + j];
        }
        for (int co = 0; co < outChannels; co++) {
            bias[co] = (float) theta[biasOffset + co];
            for (int ci = 0; ci < inChannels; ci++) {
                System.arraycopy(weights, co * rowLength + ci * taps, transposed, (ci * outChannels + co) * taps, taps);
            }
        }
    }

    @Override
    void forward(float[] in, float[] out, ScratchF32 scratch) {
        float[] planes = scratch.planes;
        for (int co = 0; co < outChannels; co++) {
            Arrays.fill(planes, co * wide, (co + 1) * wide, bias[co]);
        }
        ProductsF32.multiplyAdd(weights, rowLength, outChannels, rowLength, in, inputRows, planes, wide, wide,
                scratch.edge);
        for (int co = 0; co < outChannels; co++) {
            for (int oy = 0; oy < outHeight; oy++) {
                System.arraycopy(planes, co * wide + oy * inWidth, out, co * outPlane + oy * outWidth, outWidth);
            }
        }
    }

    @Override
    void backward(float[] in, float[] gOut, float[] gIn, ScratchF32 scratch) {
        if (gIn != null) {
            inputCotangent(gOut, gIn, scratch);
        }
        // The output cotangent in the input row stride, zero between rows, so that its dot product with a
        // shifted input row sums over the output positions only.
        float[] spread = scratch.planes;
        Arrays.fill(spread, 0, outChannels * wide, 0f);
        for (int co = 0; co < outChannels; co++) {
            float sum = 0;
            for (int oy = 0; oy < outHeight; oy++) {
                int from = co * outPlane + oy * outWidth;
                System.arraycopy(gOut, from, spread, co * wide + oy * inWidth, outWidth);
                for (int ox = 0; ox < outWidth; ox++) {
                    sum += gOut[from + ox];
                }
            }
            biasGradient[co] += sum;
        }
        ProductsF32.multiplyTransposedAdd(spread, wide, outChannels, in, inputRows, rowLength, wide, weightGradient,
                rowLength, scratch.lanes);
    }

    /** gIn[ci, y, x] = Σ W[co, ci, ky, kx] g[co, y − ky, x − kx] over taps inside the output map. */
    private void inputCotangent(float[] g, float[] gIn, ScratchF32 scratch) {
        float[] padded = scratch.padded;
        // Each output plane in the input row stride after pad zeros: a tap reading outside the map reads zero.
        Arrays.fill(padded, 0, outChannels * paddedPlane, 0f);
        for (int co = 0; co < outChannels; co++) {
            for (int oy = 0; oy < outHeight; oy++) {
                System.arraycopy(g, co * outPlane + oy * outWidth, padded, co * paddedPlane + pad + oy * inWidth, outWidth);
            }
        }
        Arrays.fill(gIn, 0, inChannels * inPlane, 0f);
        ProductsF32.multiplyAdd(transposed, outChannels * taps, inChannels, outChannels * taps, padded, cotangentRows,
                gIn, inPlane, inPlane, scratch.edge);
    }

    @Override
    void flush(double[] partial) {
        for (int j = 0; j < weightGradient.length; j++) {
            partial[weightOffset + j] += weightGradient[j];
        }
        Arrays.fill(weightGradient, 0f);
        for (int co = 0; co < outChannels; co++) {
            partial[biasOffset + co] += biasGradient[co];
        }
        Arrays.fill(biasGradient, 0f);
    }
}
