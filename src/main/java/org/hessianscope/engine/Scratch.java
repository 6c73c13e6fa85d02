package org.hessianscope.engine;

/**
 * Per-thread temporary buffers the convolution and dense kernels share, sized once for the largest layer
 * so the per-sample passes never allocate. Planes that a vectorised loop reads and writes are
 * separate arrays indexed from 0, because HotSpot's C2 (JDK 17) only vectorises a loop whose
 * loads and stores use the same index expression.
 */
final class Scratch {
    /** One wide output plane per output channel. */
    final double[][] planes;
    /** One input-sized plane per input channel (transposed convolution accumulators). */
    final double[][] channels;
    final double[][] tangentChannels;
    /** Shifted copies of an input or padded plane, or a dense weight row. */
    final double[] segmentA;
    final double[] segmentB;
    /** Zero-padded output cotangent planes. */
    final double[] paddedA;
    final double[] paddedB;
    /** One output position's input windows (an im2col row of Cin·k·k values), of an input and of its tangent. */
    final double[] windowA;
    final double[] windowB;
    /** The weight rows (Cin·k·k each) of every output channel and their bias sums, summed for one sample. */
    final double[][] weightRows;
    final double[] biasSums;
    /** Channel-last copies of two output cotangents and the weight sums [q][co] of {@link VectorConv}. */
    final double[] transposedA;
    final double[] transposedB;
    final double[] gradientSums;
    /** Every padded output cotangent plane end to end, and weights transposed to [Cin][Cout·k·k] (ConvLayer's transposed convolution by VectorConv). */
    final double[] paddedPlanesA;
    final double[] paddedPlanesB;
    final double[] transposedWeightsA;
    final double[] transposedWeightsB;
    /**
     * The skipping of exact zeros in ConvLayer's tangent passes: running counts of nonzero inputs, the live taps of
     * each block of eight positions and their counts, the live positions of a weight gradient, and 0, 1, 2, … (every
     * tap, when nothing is skipped).
     */
    final int[] nonzeroPrefix;
    final int[] liveTaps;
    final int[] liveCounts;
    final int[] livePositions;
    final int[] everyTap;
    /** θ-indexed copies of a dense layer's input, placed at a weight row's offset. */
    final double[] alignedA;
    final double[] alignedB;

    /**
     * The buffer lengths the layers need: each layer raises, in {@link Layer#reserve}, the ones its
     * kernels use, so the buffers fit the largest layer of every kind.
     */
    static final class Sizes {
        int outChannels;
        int wide;
        int inChannels;
        int inPlane;
        int padded;
        int rowLength;
        int denseIn;
        int weightEnd;
        int paddedChannels;
        int transposed;
        int gradientSums;
        int paddedPlanes;
        int transposedWeights;
        int liveExtent;
        int liveTaps;
        int liveBlocks;
        int positions;
        int everyTap;
    }

    Scratch(Layer[] layers) {
        Sizes n = new Sizes();
        for (Layer layer : layers) {
            layer.reserve(n);
        }
        planes = new double[n.outChannels][n.wide];
        channels = new double[n.inChannels][n.inPlane];
        tangentChannels = new double[n.inChannels][n.inPlane];
        int segment = Math.max(Math.max(n.wide, n.inPlane), n.denseIn);
        segmentA = new double[segment];
        segmentB = new double[segment];
        alignedA = new double[n.weightEnd];
        alignedB = new double[n.weightEnd];
        paddedA = new double[n.padded];
        paddedB = new double[n.padded];
        windowA = new double[n.rowLength];
        windowB = new double[n.rowLength];
        weightRows = new double[n.outChannels][n.rowLength];
        biasSums = new double[Math.max(n.outChannels, n.paddedChannels)];
        transposedA = new double[n.transposed];
        transposedB = new double[n.transposed];
        gradientSums = new double[n.gradientSums];
        paddedPlanesA = new double[n.paddedPlanes];
        paddedPlanesB = new double[n.paddedPlanes];
        transposedWeightsA = new double[n.transposedWeights];
        transposedWeightsB = new double[n.transposedWeights];
        nonzeroPrefix = new int[n.liveExtent + 1];
        liveTaps = new int[n.liveTaps];
        liveCounts = new int[n.liveBlocks];
        livePositions = new int[n.positions];
        everyTap = new int[n.everyTap];
        for (int q = 0; q < everyTap.length; q++) {
            everyTap[q] = q;
        }
    }
}
