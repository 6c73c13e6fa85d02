package org.hessianscope.engine;

import org.hessianscope.arch.Stage;

import java.util.Arrays;

/**
 * Valid stride-1 convolution (cross-correlation, as PyTorch's Conv2d) with bias; weights
 * [Cout, Cin, k, k] row-major at {@code weightOffset}, then Cout biases.
 *
 * <p>Every kernel loops over (output channel, input channel, kernel row, kernel column, output
 * row) with the innermost loop running over contiguous output columns, so the JIT can
 * vectorise it and the rows in use stay in L1.
 */
final class ConvLayer extends Layer {
    private final int inChannels;
    private final int inHeight;
    private final int inWidth;
    private final int outChannels;
    private final int outHeight;
    private final int outWidth;
    private final int kernel;
    private final int weightOffset;
    private final int biasOffset;

    ConvLayer(Stage.Conv stage, int weightOffset) {
        super(stage.in().size(), stage.out().size());
        this.inChannels = stage.in().channels();
        this.inHeight = stage.in().height();
        this.inWidth = stage.in().width();
        this.outChannels = stage.out().channels();
        this.outHeight = stage.out().height();
        this.outWidth = stage.out().width();
        this.kernel = stage.kernel();
        this.weightOffset = weightOffset;
        this.biasOffset = weightOffset + stage.weightCount();
    }

    @Override
    boolean hasParameters() {
        return true;
    }

    @Override
    void forward(double[] theta, double[] in, double[] out, int[] route) {
        fillBias(theta, out);
        correlate(theta, in, null, null, out);
    }

    @Override
    void forwardTangent(double[] theta, double[] v, double[] in, double[] tin, boolean tinZero, double[] tout, int[] route) {
        fillBias(v, tout);
        if (tinZero) {
            correlate(v, in, null, null, tout);
        } else {
            correlate(v, in, theta, tin, tout);
        }
    }

    @Override
    void backward(double[] theta, double[] in, double[] gOut, double[] gIn, double[] grad, int[] route) {
        if (gIn != null) {
            Arrays.fill(gIn, 0, inSize, 0.0);
            correlateTransposed(theta, gOut, null, null, gIn);
        }
        if (grad != null) {
            accumulateWeightGradient(gOut, in, null, null, grad);
            accumulateBiasGradient(gOut, grad);
        }
    }

    @Override
    void backwardTangent(double[] theta, double[] v, double[] in, double[] tin, boolean tinZero,
                         double[] gOut, double[] tgOut, double[] tgIn, double[] tgrad, int[] route) {
        // g_in = W^T g_out and ∇W = g_out ⋆ in, so R(g_in) = W^T Rg_out + V^T g_out
        // and R(∇W) = Rg_out ⋆ in + g_out ⋆ R(in).
        if (tgIn != null) {
            Arrays.fill(tgIn, 0, inSize, 0.0);
            correlateTransposed(theta, tgOut, v, gOut, tgIn);
        }
        if (tinZero) {
            accumulateWeightGradient(tgOut, in, null, null, tgrad);
        } else {
            accumulateWeightGradient(tgOut, in, gOut, tin, tgrad);
        }
        accumulateBiasGradient(tgOut, tgrad);
    }

    private void fillBias(double[] params, double[] out) {
        int plane = outHeight * outWidth;
        for (int co = 0; co < outChannels; co++) {
            Arrays.fill(out, co * plane, (co + 1) * plane, params[biasOffset + co]);
        }
    }

    /** out += A ⋆ a (+ B ⋆ b when B is not null), A and B being weight sets laid out like θ. */
    private void correlate(double[] wa, double[] a, double[] wb, double[] b, double[] out) {
        int inPlane = inHeight * inWidth;
        int outPlane = outHeight * outWidth;
        int kk = kernel * kernel;
        int ow = outWidth;
        for (int co = 0; co < outChannels; co++) {
            int outBase = co * outPlane;
            for (int ci = 0; ci < inChannels; ci++) {
                int inBase = ci * inPlane;
                int wBase = weightOffset + (co * inChannels + ci) * kk;
                for (int ky = 0; ky < kernel; ky++) {
                    for (int kx = 0; kx < kernel; kx++) {
                        double x = wa[wBase + ky * kernel + kx];
                        int shift = inBase + ky * inWidth + kx;
                        if (wb == null) {
                            for (int oy = 0; oy < outHeight; oy++) {
                                int o = outBase + oy * ow;
                                int i = shift + oy * inWidth;
                                for (int ox = 0; ox < ow; ox++) {
                                    out[o + ox] += x * a[i + ox];
                                }
                            }
                        } else {
                            double y = wb[wBase + ky * kernel + kx];
                            for (int oy = 0; oy < outHeight; oy++) {
                                int o = outBase + oy * ow;
                                int i = shift + oy * inWidth;
                                for (int ox = 0; ox < ow; ox++) {
                                    out[o + ox] += x * a[i + ox] + y * b[i + ox];
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    /** in += A^T ga (+ B^T gb when B is not null): the adjoint of {@link #correlate}. */
    private void correlateTransposed(double[] wa, double[] ga, double[] wb, double[] gb, double[] in) {
        int inPlane = inHeight * inWidth;
        int outPlane = outHeight * outWidth;
        int kk = kernel * kernel;
        int ow = outWidth;
        for (int co = 0; co < outChannels; co++) {
            int outBase = co * outPlane;
            for (int ci = 0; ci < inChannels; ci++) {
                int inBase = ci * inPlane;
                int wBase = weightOffset + (co * inChannels + ci) * kk;
                for (int ky = 0; ky < kernel; ky++) {
                    for (int kx = 0; kx < kernel; kx++) {
                        double x = wa[wBase + ky * kernel + kx];
                        int shift = inBase + ky * inWidth + kx;
                        if (wb == null) {
                            for (int oy = 0; oy < outHeight; oy++) {
                                int o = outBase + oy * ow;
                                int i = shift + oy * inWidth;
                                for (int ox = 0; ox < ow; ox++) {
                                    in[i + ox] += x * ga[o + ox];
                                }
                            }
                        } else {
                            double y = wb[wBase + ky * kernel + kx];
                            for (int oy = 0; oy < outHeight; oy++) {
                                int o = outBase + oy * ow;
                                int i = shift + oy * inWidth;
                                for (int ox = 0; ox < ow; ox++) {
                                    in[i + ox] += x * ga[o + ox] + y * gb[o + ox];
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    /** grad[W] += ga ⋆ a (+ gb ⋆ b when gb is not null): the weight gradient of a correlation. */
    private void accumulateWeightGradient(double[] ga, double[] a, double[] gb, double[] b, double[] grad) {
        int inPlane = inHeight * inWidth;
        int outPlane = outHeight * outWidth;
        int kk = kernel * kernel;
        int ow = outWidth;
        for (int co = 0; co < outChannels; co++) {
            int outBase = co * outPlane;
            for (int ci = 0; ci < inChannels; ci++) {
                int inBase = ci * inPlane;
                int wBase = weightOffset + (co * inChannels + ci) * kk;
                for (int ky = 0; ky < kernel; ky++) {
                    for (int kx = 0; kx < kernel; kx++) {
                        int shift = inBase + ky * inWidth + kx;
                        double sum = 0;
                        if (gb == null) {
                            for (int oy = 0; oy < outHeight; oy++) {
                                int o = outBase + oy * ow;
                                int i = shift + oy * inWidth;
                                for (int ox = 0; ox < ow; ox++) {
                                    sum += ga[o + ox] * a[i + ox];
                                }
                            }
                        } else {
                            for (int oy = 0; oy < outHeight; oy++) {
                                int o = outBase + oy * ow;
                                int i = shift + oy * inWidth;
                                for (int ox = 0; ox < ow; ox++) {
                                    sum += ga[o + ox] * a[i + ox] + gb[o + ox] * b[i + ox];
                                }
                            }
                        }
                        grad[wBase + ky * kernel + kx] += sum;
                    }
                }
            }
        }
    }

    private void accumulateBiasGradient(double[] g, double[] grad) {
        int plane = outHeight * outWidth;
        for (int co = 0; co < outChannels; co++) {
            double sum = 0;
            int base = co * plane;
            for (int j = 0; j < plane; j++) {
                sum += g[base + j];
            }
            grad[biasOffset + co] += sum;
        }
    }
}
