package org.hessianscope.engine;

/**
 * Per-thread buffers the float32 layers share, sized once for the largest layer so that the
 * per-sample passes never allocate. Rows are separate arrays indexed from 0 (see {@link Scratch}).
 */
final class ScratchF32 {
    /** Largest sizes over the layers of a network. */
    static final class Sizes {
        int columns;
        int columnLength;
        int planes;
        int planeLength;
        int positions;
        int rowLength;
        int padded;
    }

    /** Shifted copies of an input (forward) or of padded cotangents (transposed convolution). */
    final float[][] columns;
    /** Output planes (forward) or input-channel accumulators (transposed convolution). */
    final float[][] planes;
    /** Unfolded input (im2col): one row of Cin·k·k values per output position. */
    final float[][] unfolded;
    /** One zero-padded cotangent plane. */
    final float[] padded;

    ScratchF32(Sizes s) {
        columns = new float[s.columns][s.columnLength];
        planes = new float[s.planes][s.planeLength];
        unfolded = new float[s.positions][s.rowLength];
        padded = new float[s.padded];
    }
}
