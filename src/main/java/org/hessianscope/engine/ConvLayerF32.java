package org.hessianscope.engine;

import org.hessianscope.arch.Stage;

import java.util.Arrays;

/**
 * The float32 form of {@link ConvLayer}: the same convolution as three im2col products of
 * {@link ProductsF32}. Forward: the k² shifted copies of each input channel in the input row
 * stride W (see {@link ConvLayer}) are the columns, the weights [Cout, Cin·k·k] the matrix.
 * Input cotangent: the shifted copies of the zero-padded output cotangents are the columns,
 * the weights regrouped as [Cin, Cout·k·k] the matrix. Weight gradient: the unfolded input
 * [positions, Cin·k·k] is the columns, the output cotangent [Cout, positions] the matrix.
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
    private final int rowLength;
    /** [Cout][Cin·k·k], as in θ. */
    private final float[] weights;
    /** [Cin][Cout·k·k]: weights[co][ci·k² + j] at [ci][co·k² + j]. */
    private final float[] transposed;
    private final float[] bias;
    private final float[][] weightGradient;
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
        rowLength = inChannels * taps;
        weights = new float[outChannels * rowLength];
        transposed = new float[inChannels * outChannels * taps];
        bias = new float[outChannels];
        weightGradient = new float[outChannels][rowLength];
        biasGradient = new float[outChannels];
    }

    @Override
    void require(ScratchF32.Sizes s) {
        s.columns = Math.max(s.columns, Math.max(rowLength, outChannels * taps));
        s.columnLength = Math.max(s.columnLength, Math.max(wide, inPlane));
        s.planes = Math.max(s.planes, Math.max(outChannels, inChannels));
        s.planeLength = Math.max(s.planeLength, Math.max(wide, inPlane));
        s.positions = Math.max(s.positions, outPlane);
        s.rowLength = Math.max(s.rowLength, rowLength);
        s.padded = Math.max(s.padded, pad + inPlane);
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
        float[][] cols = scratch.columns;
        for (int ci = 0; ci < inChannels; ci++) {
            for (int ky = 0; ky < kernel; ky++) {
                for (int kx = 0; kx < kernel; kx++) {
                    System.arraycopy(in, ci * inPlane + ky * inWidth + kx, cols[(ci * kernel + ky) * kernel + kx], 0, wide);
                }
            }
        }
        float[][] planes = scratch.planes;
        for (int co = 0; co < outChannels; co++) {
            Arrays.fill(planes[co], 0, wide, bias[co]);
        }
        ProductsF32.multiplyAdd(weights, outChannels, rowLength, cols, planes, wide);
        for (int co = 0; co < outChannels; co++) {
            for (int oy = 0; oy < outHeight; oy++) {
                System.arraycopy(planes[co], oy * inWidth, out, co * outPlane + oy * outWidth, outWidth);
            }
        }
    }

    @Override
    void backward(float[] in, float[] gOut, float[] gIn, ScratchF32 scratch) {
        if (gIn != null) {
            inputCotangent(gOut, gIn, scratch);
        }
        unfold(in, scratch.unfolded);
        ProductsF32.multiplyAdd(gOut, outChannels, outPlane, scratch.unfolded, weightGradient, rowLength);
        for (int co = 0; co < outChannels; co++) {
            float sum = 0;
            int base = co * outPlane;
            for (int t = 0; t < outPlane; t++) {
                sum += gOut[base + t];
            }
            biasGradient[co] += sum;
        }
    }

    /** gIn[ci, y, x] = Σ W[co, ci, ky, kx] g[co, y − ky, x − kx] over taps inside the output map. */
    private void inputCotangent(float[] g, float[] gIn, ScratchF32 scratch) {
        float[][] cols = scratch.columns;
        float[] padded = scratch.padded;
        for (int co = 0; co < outChannels; co++) {
            // Output plane co in the input row stride after pad zeros: a tap reading outside the map reads zero.
            Arrays.fill(padded, 0, pad + inPlane, 0f);
            for (int oy = 0; oy < outHeight; oy++) {
                System.arraycopy(g, co * outPlane + oy * outWidth, padded, pad + oy * inWidth, outWidth);
            }
            for (int ky = 0; ky < kernel; ky++) {
                for (int kx = 0; kx < kernel; kx++) {
                    System.arraycopy(padded, pad - ky * inWidth - kx, cols[co * taps + ky * kernel + kx], 0, inPlane);
                }
            }
        }
        float[][] acc = scratch.planes;
        for (int ci = 0; ci < inChannels; ci++) {
            Arrays.fill(acc[ci], 0, inPlane, 0f);
        }
        ProductsF32.multiplyAdd(transposed, inChannels, outChannels * taps, cols, acc, inPlane);
        for (int ci = 0; ci < inChannels; ci++) {
            System.arraycopy(acc[ci], 0, gIn, ci * inPlane, inPlane);
        }
    }

    /** unfolded[oy·Wo + ox][(ci·k + ky)·k + kx] = a[ci, oy + ky, ox + kx]. */
    private void unfold(float[] a, float[][] unfolded) {
        for (int oy = 0; oy < outHeight; oy++) {
            for (int ox = 0; ox < outWidth; ox++) {
                float[] row = unfolded[oy * outWidth + ox];
                int q = 0;
                for (int ci = 0; ci < inChannels; ci++) {
                    for (int ky = 0; ky < kernel; ky++) {
                        // A loop, not System.arraycopy: k values are too few to pay for the call.
                        int src = ci * inPlane + (oy + ky) * inWidth + ox;
                        for (int kx = 0; kx < kernel; kx++) {
                            row[q++] = a[src + kx];
                        }
                    }
                }
            }
        }
    }

    @Override
    void flush(double[] partial) {
        for (int co = 0; co < outChannels; co++) {
            float[] row = weightGradient[co];
            int at = weightOffset + co * rowLength;
            for (int q = 0; q < rowLength; q++) {
                partial[at + q] += row[q];
            }
            Arrays.fill(row, 0f);
            partial[biasOffset + co] += biasGradient[co];
        }
        Arrays.fill(biasGradient, 0f);
    }
}
