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

    Scratch(Layer[] layers) {
        int outChannels = 0;
        int wide = 0;
        int inChannels = 0;
        int inPlane = 0;
        int padded = 0;
        int positions = 0;
        int rowLength = 0;
        int denseIn = 0;
        int weightEnd = 0;
        for (Layer layer : layers) {
            if (layer instanceof DenseLayer d) {
                denseIn = Math.max(denseIn, d.inSize);
                weightEnd = Math.max(weightEnd, d.weightEnd());
            }
            if (layer instanceof ConvLayer c) {
                outChannels = Math.max(outChannels, c.outChannels());
                wide = Math.max(wide, c.widePlane());
                inChannels = Math.max(inChannels, c.inChannels());
                inPlane = Math.max(inPlane, c.inPlane());
                padded = Math.max(padded, c.paddedPlane());
                positions = Math.max(positions, c.outPlane());
                rowLength = Math.max(rowLength, c.rowLength());
            }
        }
        planes = new double[outChannels][wide];
        channels = new double[inChannels][inPlane];
        tangentChannels = new double[inChannels][inPlane];
        int segment = Math.max(Math.max(wide, inPlane), denseIn);
        segmentA = new double[segment];
        segmentB = new double[segment];
        alignedA = new double[weightEnd];
        alignedB = new double[weightEnd];
        paddedA = new double[padded];
        paddedB = new double[padded];
        columnsA = new double[positions][rowLength];
        columnsB = new double[positions][rowLength];
        row = new double[rowLength];
    }
}
