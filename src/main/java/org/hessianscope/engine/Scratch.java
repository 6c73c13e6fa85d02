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
    /** Unfolded inputs (im2col): one row of Cin·k·k values per output position. */
    final double[][] columnsA;
    final double[][] columnsB;
    /** θ-indexed copies of a dense layer's input, placed at a weight row's offset. */
    final double[] alignedA;
    final double[] alignedB;
    /** One weight row being summed for the current sample. */
    final double[] row;

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
        int positions;
        int rowLength;
        int denseIn;
        int weightEnd;
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
        columnsA = new double[n.positions][n.rowLength];
        columnsB = new double[n.positions][n.rowLength];
        row = new double[n.rowLength];
    }
}
