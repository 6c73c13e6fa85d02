package org.hessianscope.bounds;

import org.hessianscope.arch.FeatureMap;
import org.hessianscope.linalg.SymmetricOperator;

import java.util.Arrays;

/**
 * A valid stride-1 convolution without bias as the linear map T: x ↦ T x of the
 * paper, applied matrix-free. Cross-correlation as in PyTorch and the engine:
 * {@code out[o,i,j] = Σ_{c,u,v} W[o,c,u,v] · x[c,i+u,j+v]}, maps flattened in
 * (channel, row, column) order. A 1D convolution is the case of height 1 and a
 * 1×k kernel, so one code path serves Theorem 1 and Theorem 2.
 */
public final class ToeplitzOperator {
    private final int outChannels;
    private final int inChannels;
    private final int kernelHeight;
    private final int kernelWidth;
    private final int inHeight;
    private final int inWidth;
    private final int outHeight;
    private final int outWidth;
    private final double[] weights;

    private ToeplitzOperator(int outChannels, int inChannels, int kernelHeight, int kernelWidth,
                             int inHeight, int inWidth, double[] weights) {
        if (outChannels < 1 || inChannels < 1 || kernelHeight < 1 || kernelWidth < 1) {
            throw new IllegalArgumentException("convolution " + outChannels + "×" + inChannels + "×" + kernelHeight + "×"
                    + kernelWidth + " has an empty dimension");
        }
        if (kernelHeight > inHeight || kernelWidth > inWidth) {
            throw new IllegalArgumentException("kernel " + kernelHeight + "×" + kernelWidth + " does not fit the "
                    + inHeight + "×" + inWidth + " input");
        }
        int expected = outChannels * inChannels * kernelHeight * kernelWidth;
        if (weights.length != expected) {
            throw new IllegalArgumentException("kernel has " + weights.length + " weights; [" + outChannels + ", "
                    + inChannels + ", " + kernelHeight + ", " + kernelWidth + "] needs " + expected);
        }
        this.outChannels = outChannels;
        this.inChannels = inChannels;
        this.kernelHeight = kernelHeight;
        this.kernelWidth = kernelWidth;
        this.inHeight = inHeight;
        this.inWidth = inWidth;
        this.outHeight = inHeight - kernelHeight + 1;
        this.outWidth = inWidth - kernelWidth + 1;
        this.weights = weights.clone();
    }

    /** The general case: a kh×kw kernel on C_in × h × w maps; weights [C_out, C_in, kh, kw], row-major. */
    static ToeplitzOperator of(int outChannels, int inChannels, int kernelHeight, int kernelWidth, int inHeight,
                               int inWidth, double[] weights) {
        return new ToeplitzOperator(outChannels, inChannels, kernelHeight, kernelWidth, inHeight, inWidth, weights);
    }

    /** A 2D layer: {@code weights} as PyTorch's [C_out, C_in, k, k], row-major; {@code in} the input map C_in×H×W. */
    public static ToeplitzOperator conv2d(int outChannels, int kernel, double[] weights, FeatureMap in) {
        return new ToeplitzOperator(outChannels, in.channels(), kernel, kernel, in.height(), in.width(), weights);
    }

    /** A 1D layer on C_in × d inputs: {@code weights} as [C_out, C_in, k], row-major. */
    public static ToeplitzOperator conv1d(int outChannels, int inChannels, int kernel, double[] weights, int length) {
        return new ToeplitzOperator(outChannels, inChannels, 1, kernel, 1, length, weights);
    }

    public int rows() {
        return outChannels * outHeight * outWidth;
    }

    public int cols() {
        return inChannels * inHeight * inWidth;
    }

    public FeatureMap inputMap() {
        return new FeatureMap(inChannels, inHeight, inWidth);
    }

    public FeatureMap outputMap() {
        return new FeatureMap(outChannels, outHeight, outWidth);
    }

    /** The largest |weight| of the kernel, the paper's w for this layer. */
    public double maxAbsWeight() {
        double m = 0;
        for (double w : weights) {
            m = Math.max(m, Math.abs(w));
        }
        return m;
    }

    /** out = T x (the convolution). */
    public void apply(double[] x, double[] out) {
        check(x.length, cols(), out.length, rows());
        accumulate(x, out, false);
    }

    /** out = Tᵀ y (the transposed convolution, i.e. the input gradient of the convolution). */
    public void applyTranspose(double[] y, double[] out) {
        check(y.length, rows(), out.length, cols());
        accumulate(y, out, true);
    }

    /** Walks every (weight, output row) pair once; T reads input rows into output rows, Tᵀ the reverse. */
    private void accumulate(double[] from, double[] to, boolean transpose) {
        int outPlane = outHeight * outWidth;
        int inPlane = inHeight * inWidth;
        Arrays.fill(to, 0);
        for (int o = 0; o < outChannels; o++) {
            for (int c = 0; c < inChannels; c++) {
                for (int u = 0; u < kernelHeight; u++) {
                    for (int v = 0; v < kernelWidth; v++) {
                        double w = weights[((o * inChannels + c) * kernelHeight + u) * kernelWidth + v];
                        for (int i = 0; i < outHeight; i++) {
                            int outRow = o * outPlane + i * outWidth;
                            int inRow = c * inPlane + (i + u) * inWidth + v;
                            if (transpose) {
                                for (int j = 0; j < outWidth; j++) {
                                    to[inRow + j] += w * from[outRow + j];
                                }
                            } else {
                                for (int j = 0; j < outWidth; j++) {
                                    to[outRow + j] += w * from[inRow + j];
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    /** TᵀT, whose top eigenvalue is ‖T‖₂². */
    public SymmetricOperator gram() {
        return new SymmetricOperator() {
            public int dimension() {
                return cols();
            }

            public void apply(double[] v, double[] out) {
                double[] t = new double[rows()];
                ToeplitzOperator.this.apply(v, t);
                applyTranspose(t, out);
            }
        };
    }

    /** The explicit sparse matrix: row (o,i,j), column (c,i+u,j+v), value W[o,c,u,v]. */
    public ToeplitzMatrix matrix() {
        int perRow = inChannels * kernelHeight * kernelWidth;
        int rows = rows();
        int[] rowStart = new int[rows + 1];
        int[] column = new int[rows * perRow];
        double[] value = new double[rows * perRow];
        int e = 0;
        for (int o = 0; o < outChannels; o++) {
            for (int i = 0; i < outHeight; i++) {
                for (int j = 0; j < outWidth; j++) {
                    int r = (o * outHeight + i) * outWidth + j;
                    rowStart[r] = e;
                    for (int c = 0; c < inChannels; c++) {
                        for (int u = 0; u < kernelHeight; u++) {
                            for (int v = 0; v < kernelWidth; v++) {
                                column[e] = (c * inHeight + i + u) * inWidth + j + v;
                                value[e] = weights[((o * inChannels + c) * kernelHeight + u) * kernelWidth + v];
                                e++;
                            }
                        }
                    }
                }
            }
        }
        rowStart[rows] = e;
        return new ToeplitzMatrix(rows, cols(), rowStart, column, value);
    }

    private static void check(int in, int inExpected, int out, int outExpected) {
        if (in != inExpected || out != outExpected) {
            throw new IllegalArgumentException("vectors of length " + in + " → " + out + " for a map " + inExpected
                    + " → " + outExpected);
        }
    }
}
