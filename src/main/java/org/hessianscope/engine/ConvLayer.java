package org.hessianscope.engine;

import org.hessianscope.arch.Stage;

import java.util.Arrays;

/**
 * Valid stride-1 convolution (cross-correlation, as PyTorch's Conv2d) with bias; weights
 * [Cout, Cin, k, k] row-major at {@code weightOffset}, then Cout biases.
 *
 * <p>Speed: maps are handled in the row stride W of the layer input. An output plane is then a
 * "wide" run of (Ho − 1)·W + Wo values (the last W − Wo columns of each row unused), and each
 * kernel tap (ci, ky, kx) is one long contiguous multiply-add of the input shifted by ky·W + kx:
 * the shifted input is copied once per tap and added into every output channel's plane. The
 * transposed convolution does the same on output cotangents zero-padded so that taps read
 * zeros outside the map, and weight gradients gather each output position's input window (one
 * im2col row) and add it, scaled, into every output channel's weight row. All these inner loops
 * run over contiguous memory and are vectorised by the JIT. Per sample, each weight's gradient is
 * summed in a scratch row and then added once to the accumulator.
 */
final class ConvLayer extends Layer {
    /** Whether the Vector API is in the boot layer (--add-modules jdk.incubator.vector): then {@link VectorConv} runs. */
    static final boolean VECTOR = ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent();
    private final int inChannels;
    private final int inHeight;
    private final int inWidth;
    private final int outChannels;
    private final int outHeight;
    private final int outWidth;
    private final int kernel;
    private final int weightOffset;
    private final int biasOffset;
    private final int inPlane;
    private final int outPlane;
    /** Length of a wide plane: (Ho − 1)·W + Wo. */
    private final int wide;
    /** Zeros in front of a padded cotangent plane, (k − 1)·W + (k − 1), so that every tap reads at index ≥ 0. */
    private final int pad;
    /** Weights per output channel, Cin·k·k. */
    private final int rowLength;
    private final Stage.Conv stage;
    /** Offset of weight q's input from its window's corner: taps[(ci·k + ky)·k + kx] = ci·H·W + ky·W + kx. */
    private final int[] taps;
    /** Index of each output position's window corner in the input plane: corners[oy·Wo + ox] = oy·W + ox. */
    private final int[] corners;
    /** Length of one zero-padded cotangent plane, {@link #pad} + H·W. */
    private final int paddedPlane;
    /** Taps per input channel of the transposed convolution, Cout·k·k. */
    private final int rowLengthTransposed;
    /**
     * The transposed convolution as a correlation over all Cout padded cotangent planes laid end to end: tap
     * (co, ky, kx) of an input position t reads index tapsTransposed[(co·k + ky)·k + kx] + t = co·paddedPlane + pad
     * − ky·W − kx + t, exactly where the plain loop's shifted copy of plane co reads it.
     */
    private final int[] tapsTransposed;
    /**
     * Whether the tangent passes leave out the multiply-adds of exact zeros (ReLU-masked inputs, cotangents a max
     * pool does not route to) in {@link VectorConv}; false keeps every one, for the tests that compare the two.
     */
    private final boolean skipZeros;
    /**
     * Whether the tangent correlations also leave out taps whose inputs are all zero. Measured on the GUI's
     * analysis (L = 4, C = 8, max pool, MNIST), they left out so few (their kernel's samples fell 5 %) that finding
     * them (a pass over the inputs per product, 9.5 % of the samples) cost more than it saved, so they do not; the
     * weight gradients' skip pays (its kernel's samples fell a third). The lists would pay if made once per sample
     * from its ReLU masks and max-pool routes and kept with its passes (docs/benchmarks.md).
     */
    static final boolean SKIP_TAPS = false;

    ConvLayer(Stage.Conv stage, int weightOffset) {
        this(stage, weightOffset, true);
    }

    ConvLayer(Stage.Conv stage, int weightOffset, boolean skipZeros) {
        super(stage.in().size(), stage.out().size());
        this.skipZeros = skipZeros;
        this.stage = stage;
        this.inChannels = stage.in().channels();
        this.inHeight = stage.in().height();
        this.inWidth = stage.in().width();
        this.outChannels = stage.out().channels();
        this.outHeight = stage.out().height();
        this.outWidth = stage.out().width();
        this.kernel = stage.kernel();
        this.weightOffset = weightOffset;
        this.biasOffset = weightOffset + stage.weightCount();
        this.inPlane = inHeight * inWidth;
        this.outPlane = outHeight * outWidth;
        this.wide = (outHeight - 1) * inWidth + outWidth;
        this.pad = (kernel - 1) * inWidth + kernel - 1;
        this.rowLength = inChannels * kernel * kernel;
        this.corners = new int[outPlane];
        for (int oy = 0; oy < outHeight; oy++) {
            for (int ox = 0; ox < outWidth; ox++) {
                corners[oy * outWidth + ox] = oy * inWidth + ox;
            }
        }
        this.paddedPlane = pad + inPlane;
        this.rowLengthTransposed = outChannels * kernel * kernel;
        this.tapsTransposed = new int[rowLengthTransposed];
        for (int co = 0, q = 0; co < outChannels; co++) {
            for (int ky = 0; ky < kernel; ky++) {
                for (int kx = 0; kx < kernel; kx++) {
                    tapsTransposed[q++] = co * paddedPlane + pad - ky * inWidth - kx;
                }
            }
        }
        this.taps = new int[rowLength];
        for (int ci = 0, q = 0; ci < inChannels; ci++) {
            for (int ky = 0; ky < kernel; ky++) {
                for (int kx = 0; kx < kernel; kx++) {
                    taps[q++] = ci * inPlane + ky * inWidth + kx;
                }
            }
        }
    }

    @Override
    void reserve(Scratch.Sizes sizes) {
        sizes.outChannels = Math.max(sizes.outChannels, outChannels);
        sizes.wide = Math.max(sizes.wide, wide);
        sizes.inChannels = Math.max(sizes.inChannels, inChannels);
        sizes.inPlane = Math.max(sizes.inPlane, inPlane);
        sizes.padded = Math.max(sizes.padded, pad + inPlane);
        sizes.rowLength = Math.max(sizes.rowLength, rowLength);
        int cp = paddedChannels(outChannels);
        sizes.paddedChannels = Math.max(sizes.paddedChannels, cp);
        sizes.transposed = Math.max(sizes.transposed, cp * outPlane);
        sizes.gradientSums = Math.max(sizes.gradientSums, cp * rowLength);
        // The transposed convolution by VectorConv.correlate: Cin output planes of H·W, all padded cotangent planes,
        // and the weights transposed to [Cin][Cout·k·k] followed by Cin zero biases.
        sizes.outChannels = Math.max(sizes.outChannels, inChannels);
        sizes.wide = Math.max(sizes.wide, inPlane);
        sizes.paddedPlanes = Math.max(sizes.paddedPlanes, outChannels * paddedPlane);
        sizes.transposedWeights = Math.max(sizes.transposedWeights, inChannels * rowLengthTransposed + inChannels);
        // The live taps of the tangent correlations (forward over the input, transposed over the padded planes).
        sizes.liveExtent = Math.max(sizes.liveExtent, Math.max(inSize, outChannels * paddedPlane));
        sizes.liveBlocks = Math.max(sizes.liveBlocks, Math.max(wide, inPlane) / 8);
        sizes.liveTaps = Math.max(sizes.liveTaps, Math.max(wide / 8 * rowLength, inPlane / 8 * rowLengthTransposed));
        sizes.positions = Math.max(sizes.positions, outPlane);
        sizes.everyTap = Math.max(sizes.everyTap, Math.max(rowLength, rowLengthTransposed));
    }

    /** Output channels rounded up to whole vectors of {@link VectorConv}, the stride of its channel-last layout. */
    static int paddedChannels(int channels) {
        return (channels + 3) / 4 * 4;
    }

    @Override
    LayerF32 float32() {
        return new ConvLayerF32(stage, weightOffset);
    }

    @Override
    boolean hasParameters() {
        return true;
    }

    @Override
    void forward(double[] theta, double[] in, double[] out, StageState state, Scratch scratch) {
        correlate(theta, in, null, null, out, scratch);
    }

    @Override
    void forwardTangent(double[] theta, double[] v, double[] in, double[] tin, boolean tinZero, double[] tout,
                        StageState state, Scratch scratch) {
        // R(W a + b) = V a + v_b + W R(a).
        correlate(v, in, tinZero ? null : theta, tin, tout, scratch, VECTOR, skipZeros && SKIP_TAPS);
    }

    @Override
    void backward(double[] theta, double[] in, double[] gOut, double[] gIn, double[] grad, StageState state, Scratch scratch) {
        if (gIn != null) {
            correlateTransposed(theta, gOut, null, null, gIn, scratch);
        }
        if (grad != null) {
            accumulateGradient(gOut, in, null, null, grad, scratch);
        }
    }

    @Override
    void backwardTangent(double[] theta, double[] v, double[] in, double[] tin, boolean tinZero,
                         double[] gOut, double[] tgOut, double[] tgIn, double[] tgrad, StageState state, Scratch scratch) {
        // g_in = W^T g_out and ∇W = g_out ⋆ in, so R(g_in) = W^T Rg_out + V^T g_out
        // and R(∇W) = Rg_out ⋆ in + g_out ⋆ R(in).
        if (tgIn != null) {
            correlateTransposed(theta, tgOut, v, gOut, tgIn, scratch, VECTOR, skipZeros && SKIP_TAPS);
        }
        accumulateTangentGradient(in, tin, tinZero, gOut, tgOut, tgrad, scratch);
    }

    @Override
    void backwardWithTangent(double[] theta, double[] v, double[] in, double[] tin, boolean tinZero, double[] gOut,
                             double[] tgOut, double[] gIn, double[] tgIn, double[] tgrad, StageState state, Scratch scratch) {
        if (gIn != null) {
            correlateTransposedPair(theta, v, gOut, tgOut, gIn, tgIn, scratch, VECTOR, skipZeros && SKIP_TAPS);
        }
        accumulateTangentGradient(in, tin, tinZero, gOut, tgOut, tgrad, scratch);
    }

    private void accumulateTangentGradient(double[] in, double[] tin, boolean tinZero, double[] gOut, double[] tgOut,
                                           double[] tgrad, Scratch scratch) {
        if (tinZero) {
            accumulateGradient(tgOut, in, null, null, tgrad, scratch, VECTOR, skipZeros);
        } else {
            accumulateGradient(tgOut, in, gOut, tin, tgrad, scratch, VECTOR, skipZeros);
        }
    }

    /** out = A's biases + A ⋆ a (+ B ⋆ b when B is not null), A and B being weight sets laid out like θ. */
    private void correlate(double[] wa, double[] a, double[] wb, double[] b, double[] out, Scratch scratch) {
        correlate(wa, a, wb, b, out, scratch, VECTOR, false);
    }

    /** {@link #correlate}, by {@link VectorConv} or by the plain loops: the same bits (tests compare the two). */
    void correlate(double[] wa, double[] a, double[] wb, double[] b, double[] out, Scratch scratch, boolean vector) {
        correlate(wa, a, wb, b, out, scratch, vector, false);
    }

    /**
     * {@link #correlate}; with {@code vector} and {@code skip}, a block of eight positions leaves out the taps whose
     * inputs (a and b) are all exact zeros: each output then has the same value, up to the sign of a zero (its sum
     * starts at the bias, which may be −0.0), which no later pass of an H v product can tell apart (docs/engine.md, Speed).
     */
    void correlate(double[] wa, double[] a, double[] wb, double[] b, double[] out, Scratch scratch, boolean vector,
                   boolean skip) {
        int n = wide;
        double[][] planes = scratch.planes;
        if (vector) {
            int[] counts = null;
            int[] live = scratch.everyTap;
            if (skip) {
                VectorConv.liveTaps(a, wb == null ? null : b, inSize, taps, rowLength, kernel, n, scratch.nonzeroPrefix,
                        scratch.liveTaps, scratch.liveCounts);
                live = scratch.liveTaps;
                counts = scratch.liveCounts;
            }
            VectorConv.correlate(wa, a, wb, b, weightOffset, biasOffset, rowLength, taps, outChannels, n, planes, live,
                    counts);
        } else {
            correlatePlain(wa, a, wb, b, scratch);
        }
        for (int co = 0; co < outChannels; co++) {
            for (int oy = 0; oy < outHeight; oy++) {
                System.arraycopy(planes[co], oy * inWidth, out, co * outPlane + oy * outWidth, outWidth);
            }
        }
    }

    private void correlatePlain(double[] wa, double[] a, double[] wb, double[] b, Scratch scratch) {
        int n = wide;
        double[][] planes = scratch.planes;
        double[] sa = scratch.segmentA;
        double[] sb = scratch.segmentB;
        for (int co = 0; co < outChannels; co++) {
            Arrays.fill(planes[co], 0, n, wa[biasOffset + co]);
        }
        for (int ci = 0; ci < inChannels; ci++) {
            for (int ky = 0; ky < kernel; ky++) {
                for (int kx = 0; kx < kernel; kx++) {
                    int shift = ci * inPlane + ky * inWidth + kx;
                    System.arraycopy(a, shift, sa, 0, n);
                    if (wb != null) {
                        System.arraycopy(b, shift, sb, 0, n);
                    }
                    int tap = weightOffset + (ci * kernel + ky) * kernel + kx;
                    for (int co = 0; co < outChannels; co++) {
                        double[] plane = planes[co];
                        double x = wa[tap + co * rowLength];
                        if (wb == null) {
                            for (int t = 0; t < n; t++) {
                                plane[t] += x * sa[t];
                            }
                        } else {
                            double y = wb[tap + co * rowLength];
                            for (int t = 0; t < n; t++) {
                                plane[t] += x * sa[t] + y * sb[t];
                            }
                        }
                    }
                }
            }
        }
    }

    /**
     * gIn = A^T ga (+ B^T gb when B is not null): the adjoint of {@link #correlate} without biases,
     * gIn[ci, y, x] = Σ A[co, ci, ky, kx] ga[co, y − ky, x − kx] over taps that land inside the output map.
     */
    private void correlateTransposed(double[] wa, double[] ga, double[] wb, double[] gb, double[] gIn, Scratch scratch) {
        correlateTransposed(wa, ga, wb, gb, gIn, scratch, VECTOR, false);
    }

    /** {@link #correlateTransposed}, by {@link VectorConv} or by the plain loops: the same bits (tests compare the two). */
    void correlateTransposed(double[] wa, double[] ga, double[] wb, double[] gb, double[] gIn, Scratch scratch,
                             boolean vector) {
        correlateTransposed(wa, ga, wb, gb, gIn, scratch, vector, false);
    }

    /**
     * {@link #correlateTransposed}; with {@code vector} and {@code skip}, taps whose cotangents are all exact zeros
     * are left out: the same bits, since every sum starts at +0.0 (a zero bias) and so is never −0.0.
     */
    void correlateTransposed(double[] wa, double[] ga, double[] wb, double[] gb, double[] gIn, Scratch scratch,
                             boolean vector, boolean skip) {
        if (vector) {
            correlateTransposedVector(wa, ga, wb, gb, gIn, scratch, skip);
        } else {
            correlateTransposedPlain(wa, ga, wb, gb, gIn, scratch);
        }
    }

    /**
     * The transposed convolution as {@link VectorConv#correlate} over the padded cotangent planes with the weights
     * transposed: each input value sums the same products, from 0.0, in the plain loop's order (co, ky, kx), hence
     * the same bits, with four channels by eight positions in registers instead of a load and store per add.
     */
    private void correlateTransposedVector(double[] wa, double[] ga, double[] wb, double[] gb, double[] gIn,
                                           Scratch scratch, boolean skip) {
        padAllCotangents(ga, scratch.paddedPlanesA);
        transposeWeights(wa, scratch.transposedWeightsA);
        if (wb != null) {
            padAllCotangents(gb, scratch.paddedPlanesB);
            transposeWeights(wb, scratch.transposedWeightsB);
        }
        transposedCorrelation(scratch.transposedWeightsA, scratch.paddedPlanesA,
                wb == null ? null : scratch.transposedWeightsB, wb == null ? null : scratch.paddedPlanesB, gIn, scratch,
                skip);
    }

    private void transposedCorrelation(double[] wa, double[] pa, double[] wb, double[] pb, double[] gIn, Scratch scratch,
                                       boolean skip) {
        int n = inPlane;
        double[][] planes = scratch.planes;
        int[] counts = null;
        int[] live = scratch.everyTap;
        if (skip) {
            VectorConv.liveTaps(pa, pb, outChannels * paddedPlane, tapsTransposed, rowLengthTransposed, kernel, n,
                    scratch.nonzeroPrefix, scratch.liveTaps, scratch.liveCounts);
            live = scratch.liveTaps;
            counts = scratch.liveCounts;
        }
        VectorConv.correlate(wa, pa, wb, pb, 0, inChannels * rowLengthTransposed, rowLengthTransposed, tapsTransposed,
                inChannels, n, planes, live, counts);
        for (int ci = 0; ci < inChannels; ci++) {
            System.arraycopy(planes[ci], 0, gIn, ci * n, n);
        }
    }

    /** out[ci·Cout·k·k + (co·k + ky)·k + kx] = w[co, ci, ky, kx], then Cin zeros (the correlation's biases). */
    private void transposeWeights(double[] w, double[] out) {
        int kk = kernel * kernel;
        for (int ci = 0; ci < inChannels; ci++) {
            int to = ci * rowLengthTransposed;
            for (int co = 0; co < outChannels; co++) {
                System.arraycopy(w, weightOffset + co * rowLength + ci * kk, out, to + co * kk, kk);
            }
        }
        Arrays.fill(out, inChannels * rowLengthTransposed, inChannels * rowLengthTransposed + inChannels, 0.0);
    }

    /** Every output plane of g padded as {@link #padCotangent} pads one, plane co at co·paddedPlane. */
    private void padAllCotangents(double[] g, double[] out) {
        Arrays.fill(out, 0, outChannels * paddedPlane, 0.0);
        for (int co = 0; co < outChannels; co++) {
            int base = co * paddedPlane + pad;
            for (int oy = 0; oy < outHeight; oy++) {
                System.arraycopy(g, co * outPlane + oy * outWidth, out, base + oy * inWidth, outWidth);
            }
        }
    }

    private void correlateTransposedPlain(double[] wa, double[] ga, double[] wb, double[] gb, double[] gIn, Scratch scratch) {
        double[][] acc = scratch.channels;
        double[] sa = scratch.segmentA;
        double[] sb = scratch.segmentB;
        int n = inPlane;
        for (int ci = 0; ci < inChannels; ci++) {
            Arrays.fill(acc[ci], 0, n, 0.0);
        }
        for (int co = 0; co < outChannels; co++) {
            padCotangent(ga, co, scratch.paddedA);
            if (wb != null) {
                padCotangent(gb, co, scratch.paddedB);
            }
            for (int ky = 0; ky < kernel; ky++) {
                for (int kx = 0; kx < kernel; kx++) {
                    int from = pad - ky * inWidth - kx;
                    System.arraycopy(scratch.paddedA, from, sa, 0, n);
                    if (wb != null) {
                        System.arraycopy(scratch.paddedB, from, sb, 0, n);
                    }
                    int tap = weightOffset + co * rowLength + ky * kernel + kx;
                    for (int ci = 0; ci < inChannels; ci++) {
                        double[] plane = acc[ci];
                        double x = wa[tap + ci * kernel * kernel];
                        if (wb == null) {
                            for (int t = 0; t < n; t++) {
                                plane[t] += x * sa[t];
                            }
                        } else {
                            double y = wb[tap + ci * kernel * kernel];
                            for (int t = 0; t < n; t++) {
                                plane[t] += x * sa[t] + y * sb[t];
                            }
                        }
                    }
                }
            }
        }
        for (int ci = 0; ci < inChannels; ci++) {
            System.arraycopy(acc[ci], 0, gIn, ci * n, n);
        }
    }

    /**
     * gIn = W^T g and tgIn = W^T tg + V^T g in one sweep: the same additions, in the same order, as
     * {@link #correlateTransposed} called for each, sharing the padded planes and shifted copies; by
     * {@link VectorConv} or by the plain loops, the same bits (tests compare).
     */
    void correlateTransposedPair(double[] w, double[] v, double[] g, double[] tg, double[] gIn, double[] tgIn,
                                 Scratch scratch, boolean vector) {
        correlateTransposedPair(w, v, g, tg, gIn, tgIn, scratch, vector, false);
    }

    /**
     * {@link #correlateTransposedPair}; {@code skip} leaves the exact zeros out of tgIn's sums as
     * {@link #correlateTransposed} does (gIn, the kept backward pass's cotangent, is summed in full either way).
     */
    void correlateTransposedPair(double[] w, double[] v, double[] g, double[] tg, double[] gIn, double[] tgIn,
                                 Scratch scratch, boolean vector, boolean skip) {
        if (vector) {
            // The same two sums as the plain sweep, each by the transposed correlation, sharing the padded planes.
            padAllCotangents(g, scratch.paddedPlanesA);
            padAllCotangents(tg, scratch.paddedPlanesB);
            transposeWeights(w, scratch.transposedWeightsA);
            transposeWeights(v, scratch.transposedWeightsB);
            transposedCorrelation(scratch.transposedWeightsA, scratch.paddedPlanesA, null, null, gIn, scratch, false);
            transposedCorrelation(scratch.transposedWeightsA, scratch.paddedPlanesB, scratch.transposedWeightsB,
                    scratch.paddedPlanesA, tgIn, scratch, skip);
        } else {
            correlateTransposedPairPlain(w, v, g, tg, gIn, tgIn, scratch);
        }
    }

    private void correlateTransposedPairPlain(double[] w, double[] v, double[] g, double[] tg, double[] gIn, double[] tgIn,
                                              Scratch scratch) {
        double[][] acc = scratch.channels;
        double[][] tacc = scratch.tangentChannels;
        double[] sg = scratch.segmentA;
        double[] stg = scratch.segmentB;
        int n = inPlane;
        for (int ci = 0; ci < inChannels; ci++) {
            Arrays.fill(acc[ci], 0, n, 0.0);
            Arrays.fill(tacc[ci], 0, n, 0.0);
        }
        for (int co = 0; co < outChannels; co++) {
            padCotangent(g, co, scratch.paddedA);
            padCotangent(tg, co, scratch.paddedB);
            for (int ky = 0; ky < kernel; ky++) {
                for (int kx = 0; kx < kernel; kx++) {
                    int from = pad - ky * inWidth - kx;
                    System.arraycopy(scratch.paddedA, from, sg, 0, n);
                    System.arraycopy(scratch.paddedB, from, stg, 0, n);
                    int tap = weightOffset + co * rowLength + ky * kernel + kx;
                    for (int ci = 0; ci < inChannels; ci++) {
                        double[] plane = acc[ci];
                        double[] tplane = tacc[ci];
                        double x = w[tap + ci * kernel * kernel];
                        double y = v[tap + ci * kernel * kernel];
                        for (int t = 0; t < n; t++) {
                            plane[t] += x * sg[t];
                            tplane[t] += x * stg[t] + y * sg[t];
                        }
                    }
                }
            }
        }
        for (int ci = 0; ci < inChannels; ci++) {
            System.arraycopy(acc[ci], 0, gIn, ci * n, n);
            System.arraycopy(tacc[ci], 0, tgIn, ci * n, n);
        }
    }

    /**
     * Output plane {@code co} of g in the input row stride W, after {@link #pad} zeros, with zeros in
     * the unused columns and rows: a tap reading position (y − ky)·W + (x − kx) of the map then reads
     * zero whenever that position is outside it (a negative column wraps into an unused column).
     */
    private void padCotangent(double[] g, int co, double[] padded) {
        Arrays.fill(padded, 0, pad + inPlane, 0.0);
        for (int oy = 0; oy < outHeight; oy++) {
            System.arraycopy(g, co * outPlane + oy * outWidth, padded, pad + oy * inWidth, outWidth);
        }
    }

    /**
     * grad[W] += ga ⋆ a (+ gb ⋆ b) and grad[b] += Σ ga. Each output position's input windows (its im2col rows)
     * are gathered once and added into all Cout weight rows, which stay in L1; every weight still sums its
     * positions in order, as one row at a time over the unfolded input would. The plain loops do not skip
     * positions with a zero cotangent (on ReLU patterns the branch mispredicts and costs more than the row); the
     * vector kernels of the tangent passes do, from a list of live positions made before their loops.
     */
    private void accumulateGradient(double[] ga, double[] a, double[] gb, double[] b, double[] grad, Scratch scratch) {
        accumulateGradient(ga, a, gb, b, grad, scratch, VECTOR, false);
    }

    /** {@link #accumulateGradient}, by {@link VectorConv} or by the plain loops: the same bits (tests compare the two). */
    void accumulateGradient(double[] ga, double[] a, double[] gb, double[] b, double[] grad, Scratch scratch,
                            boolean vector) {
        accumulateGradient(ga, a, gb, b, grad, scratch, vector, false);
    }

    /**
     * {@link #accumulateGradient}; with {@code vector} and {@code skip}, positions whose cotangents are all exact
     * zeros for a group of four output channels are left out of its sums: the same bits (sums start at +0.0).
     */
    void accumulateGradient(double[] ga, double[] a, double[] gb, double[] b, double[] grad, Scratch scratch,
                            boolean vector, boolean skip) {
        if (vector) {
            accumulateGradientVector(ga, a, gb, b, grad, scratch, skip);
        } else {
            accumulateGradientPlain(ga, a, gb, b, grad, scratch);
        }
    }

    /**
     * The plain loops' sums with lanes over output channels: the cotangents go channel-last (one position's Cout
     * values side by side), and each weight's sum over the positions stays in a register for the whole sweep.
     */
    private void accumulateGradientVector(double[] ga, double[] a, double[] gb, double[] b, double[] grad,
                                          Scratch scratch, boolean skip) {
        int r = rowLength;
        int cp = paddedChannels(outChannels);
        double[] sums = scratch.gradientSums;
        double[] biases = scratch.biasSums;
        VectorConv.transpose(ga, outChannels, outPlane, scratch.transposedA);
        if (gb != null) {
            VectorConv.transpose(gb, outChannels, outPlane, scratch.transposedB);
        }
        VectorConv.weightGradient(scratch.transposedA, a, gb == null ? null : scratch.transposedB, b, taps, r,
                outChannels, corners, sums, biases, skip, scratch.livePositions);
        for (int co = 0; co < outChannels; co++) {
            int w = weightOffset + co * r;
            for (int q = 0; q < r; q++) {
                grad[w + q] += sums[q * cp + co];
            }
            grad[biasOffset + co] += biases[co];
        }
    }

    private void accumulateGradientPlain(double[] ga, double[] a, double[] gb, double[] b, double[] grad, Scratch scratch) {
        int r = rowLength;
        double[][] rows = scratch.weightRows;
        double[] biases = scratch.biasSums;
        double[] wa = scratch.windowA;
        double[] wb = scratch.windowB;
        for (int co = 0; co < outChannels; co++) {
            Arrays.fill(rows[co], 0, r, 0.0);
            biases[co] = 0;
        }
        for (int oy = 0; oy < outHeight; oy++) {
            for (int ox = 0; ox < outWidth; ox++) {
                int t = oy * outWidth + ox;
                int corner = oy * inWidth + ox;
                for (int q = 0; q < r; q++) {
                    wa[q] = a[corner + taps[q]];
                }
                if (gb != null) {
                    for (int q = 0; q < r; q++) {
                        wb[q] = b[corner + taps[q]];
                    }
                }
                for (int co = 0; co < outChannels; co++) {
                    double[] row = rows[co];
                    double x = ga[co * outPlane + t];
                    biases[co] += x;
                    if (gb == null) {
                        for (int q = 0; q < r; q++) {
                            row[q] += x * wa[q];
                        }
                    } else {
                        double y = gb[co * outPlane + t];
                        for (int q = 0; q < r; q++) {
                            row[q] += x * wa[q] + y * wb[q];
                        }
                    }
                }
            }
        }
        for (int co = 0; co < outChannels; co++) {
            double[] row = rows[co];
            int w = weightOffset + co * r;
            for (int q = 0; q < r; q++) {
                grad[w + q] += row[q];
            }
            grad[biasOffset + co] += biases[co];
        }
    }
}
