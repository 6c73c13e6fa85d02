package org.hessianscope.engine;

/**
 * Per-thread buffers the float32 layers share, sized once for the largest layer so that the
 * per-sample passes never allocate.
 */
final class ScratchF32 {
    /** Largest sizes over the layers of a network. */
    static final class Sizes {
        int planes;
        int padded;
        /** Most rows of a {@link ProductsF32#multiplyAdd}. */
        int rows;
        int gradient;
    }

    /** Output planes in the input row stride (forward) or the output cotangent spread to it (weight gradient). */
    final float[] planes;
    /** The zero-padded output cotangent planes (input cotangent). */
    final float[] padded;
    /** The lanes of 12 vector partial sums, combined in a fixed order (see {@link ProductsF32#dot}). */
    final float[] lanes = new float[12 * ProductsF32.LANES];

    /** One sample's weight gradient, transposed (see {@link ConvLayerF32}). */
    final float[] gradient;
    /** {@link ProductsF32#multiplyAdd}'s scratch. */
    final float[] edge;

    ScratchF32(Sizes s) {
        edge = new float[ProductsF32.edgeLength(Math.max(1, s.rows))];
        planes = new float[s.planes];
        gradient = new float[s.gradient];
        padded = new float[s.padded];
    }
}
