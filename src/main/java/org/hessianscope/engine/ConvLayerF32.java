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
    /** Row offsets of {@link #weights} and of {@link #transposed}. */
    private final int[] weightRows;
    private final int[] transposedRows;
    /** Offsets of the positions t in the transposed cotangent [wide][Cout]: t·Cout. */
    private final int[] cotangentColumns;
    /** [Cout][Cin·k·k], as in θ. */
    private final float[] weights;
    /** [Cin][Cout·k·k]: weights[co][ci·k² + j] at [ci][co·k² + j]. */
    private final float[] transposed;
    /** {@link #weights} and {@link #transposed} in {@link ProductsF32#pack}'s layout, made by {@link #load}. */
    private final float[] weightsPacked;
    private final float[] transposedPacked;
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
        weightRows = ProductsF32.rowOffsets(outChannels, rowLength);
        transposedRows = ProductsF32.rowOffsets(inChannels, outChannels * taps);
        cotangentColumns = wideGradient() ? ProductsF32.rowOffsets(wide, outChannels) : new int[0];
        weights = new float[outChannels * rowLength];
        transposed = new float[inChannels * outChannels * taps];
        weightsPacked = new float[ProductsF32.packedLength(outChannels, rowLength)];
        transposedPacked = new float[ProductsF32.packedLength(inChannels, outChannels * taps)];
        bias = new float[outChannels];
        weightGradient = new float[outChannels * rowLength];
        biasGradient = new float[outChannels];
    }

    @Override
    void require(ScratchF32.Sizes s) {
        s.planes = Math.max(s.planes, outChannels * wide);
        s.padded = Math.max(s.padded, outChannels * paddedPlane);
        s.rows = Math.max(s.rows, Math.max(outChannels, inChannels));
        if (wideGradient()) {
            s.rows = Math.max(s.rows, rowLength);
            s.gradient = Math.max(s.gradient, rowLength * outChannels);
        }
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
        ProductsF32.pack(weights, weightRows, outChannels, rowLength, weightsPacked);
        ProductsF32.pack(transposed, transposedRows, inChannels, outChannels * taps, transposedPacked);
    }

    @Override
    void forward(float[] in, float[] out, ScratchF32 scratch) {
        float[] planes = scratch.planes;
        for (int co = 0; co < outChannels; co++) {
            Arrays.fill(planes, co * wide, (co + 1) * wide, bias[co]);
        }
        ProductsF32.multiplyAdd(weights, weightRows, weightsPacked, outChannels, rowLength, in, inputRows, planes, wide,
                wide, scratch.edge);
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
        biasGradient(gOut);
        if (wideGradient()) {
            weightGradientByColumns(in, gOut, scratch);
        } else {
            weightGradientByDots(in, gOut, scratch);
        }
    }

    /**
     * biasGradient[co] += the sum of the cotangent plane co, added in position order. Four planes at a time: four
     * independent chains of adds keep the adder busy (one chain waits on each add's latency), the same bits.
     */
    private void biasGradient(float[] gOut) {
        int co = 0;
        for (; co + 4 <= outChannels; co += 4) {
            float s0 = 0;
            float s1 = 0;
            float s2 = 0;
            float s3 = 0;
            int at = co * outPlane;
            for (int t = at; t < at + outPlane; t++) {
                s0 += gOut[t];
                s1 += gOut[t + outPlane];
                s2 += gOut[t + 2 * outPlane];
                s3 += gOut[t + 3 * outPlane];
            }
            biasGradient[co] += s0;
            biasGradient[co + 1] += s1;
            biasGradient[co + 2] += s2;
            biasGradient[co + 3] += s3;
        }
        for (; co < outChannels; co++) {
            float sum = 0;
            for (int t = co * outPlane; t < (co + 1) * outPlane; t++) {
                sum += gOut[t];
            }
            biasGradient[co] += sum;
        }
    }

    /**
     * With at least 16 output channels the weight gradient is the product (shifted input rows) · (cotangent
     * transposed to [position][Cout]), Cout contiguous: {@link ProductsF32#multiplyAdd}'s register tiles, one FMA
     * chain over the positions per weight and sample, added to the sums.
     */
    private boolean wideGradient() {
        return outChannels >= 2 * ProductsF32.LANES;
    }

    private void weightGradientByColumns(float[] in, float[] gOut, ScratchF32 scratch) {
        float[] columns = scratch.planes;
        Arrays.fill(columns, 0, wide * outChannels, 0f);
        for (int co = 0; co < outChannels; co++) {
            for (int oy = 0; oy < outHeight; oy++) {
                int from = co * outPlane + oy * outWidth;
                int to = oy * inWidth * outChannels + co;
                for (int ox = 0; ox < outWidth; ox++) {
                    columns[to + ox * outChannels] = gOut[from + ox];
                }
            }
        }
        float[] sample = scratch.gradient;
        Arrays.fill(sample, 0, rowLength * outChannels, 0f);
        ProductsF32.multiplyAdd(in, inputRows, rowLength, wide, columns, cotangentColumns, sample, outChannels,
                outChannels, scratch.edge);
        for (int co = 0; co < outChannels; co++) {
            int at = co * rowLength;
            for (int r = 0; r < rowLength; r++) {
                weightGradient[at + r] += sample[r * outChannels + co];
            }
        }
    }

    private void weightGradientByDots(float[] in, float[] gOut, ScratchF32 scratch) {
        // The output cotangent in the input row stride, zero between rows, so that its dot product with a
        // shifted input row sums over the output positions only.
        float[] spread = scratch.planes;
        Arrays.fill(spread, 0, outChannels * wide, 0f);
        for (int co = 0; co < outChannels; co++) {
            for (int oy = 0; oy < outHeight; oy++) {
                System.arraycopy(gOut, co * outPlane + oy * outWidth, spread, co * wide + oy * inWidth, outWidth);
            }
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
        ProductsF32.multiplyAdd(transposed, transposedRows, transposedPacked, inChannels, outChannels * taps, padded,
                cotangentRows, gIn, inPlane, inPlane, scratch.edge);
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
