package org.hessianscope.engine;

/** The float32 form of {@link ReluLayer}, with the same 0/1 mask applied as a multiply. */
final class ReluLayerF32 extends LayerF32 {
    private final float[] mask;

    ReluLayerF32(int size) {
        super(size, size);
        mask = new float[size];
    }

    @Override
    void forward(float[] in, float[] out, ScratchF32 scratch) {
        int from = 0;
        if (ProductsF32.VECTOR) {
            // A branch per value (the plain loop below) costs more than the convolution before it on random signs.
            from = VectorProductsF32.relu(in, out, mask, inSize);
        }
        for (int i = from; i < inSize; i++) {
            mask[i] = in[i] > 0 ? 1f : 0f;
            out[i] = Math.max(in[i], 0f);
        }
    }

    @Override
    void backward(float[] in, float[] gOut, float[] gIn, ScratchF32 scratch) {
        if (gIn != null) {
            for (int i = 0; i < inSize; i++) {
                gIn[i] = mask[i] * gOut[i];
            }
        }
    }
}
