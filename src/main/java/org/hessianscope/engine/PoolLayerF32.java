package org.hessianscope.engine;

import java.util.Arrays;

/**
 * The float32 forms of {@link MaxPoolLayer} (routing to the first maximum of each window in
 * row-major scan order) and {@link AvgPoolLayer}, on the windows of a {@link PoolLayer}.
 */
final class PoolLayerF32 extends LayerF32 {
    private final int inWidth;
    private final int size;
    private final int[] corners;
    private final boolean max;
    private final float area;
    private final int[] route;

    PoolLayerF32(PoolLayer pool, boolean max) {
        super(pool.inSize, pool.outSize);
        this.inWidth = pool.inWidth;
        this.size = pool.size;
        this.corners = pool.corners;
        this.max = max;
        this.area = size * size;
        this.route = new int[max ? outSize : 0];
    }

    @Override
    void forward(float[] in, float[] out, ScratchF32 scratch) {
        for (int o = 0; o < outSize; o++) {
            int corner = corners[o];
            if (max) {
                int best = corner;
                float m = in[corner];
                for (int dy = 0; dy < size; dy++) {
                    int row = corner + dy * inWidth;
                    for (int dx = 0; dx < size; dx++) {
                        if (in[row + dx] > m) {
                            m = in[row + dx];
                            best = row + dx;
                        }
                    }
                }
                route[o] = best;
                out[o] = m;
            } else {
                float sum = 0;
                for (int dy = 0; dy < size; dy++) {
                    int row = corner + dy * inWidth;
                    for (int dx = 0; dx < size; dx++) {
                        sum += in[row + dx];
                    }
                }
                out[o] = sum / area;
            }
        }
    }

    @Override
    void backward(float[] in, float[] gOut, float[] gIn, ScratchF32 scratch) {
        if (gIn == null) {
            return;
        }
        Arrays.fill(gIn, 0, inSize, 0f);
        for (int o = 0; o < outSize; o++) {
            if (max) {
                gIn[route[o]] = gOut[o];
            } else {
                float share = gOut[o] / area;
                for (int dy = 0; dy < size; dy++) {
                    int row = corners[o] + dy * inWidth;
                    for (int dx = 0; dx < size; dx++) {
                        gIn[row + dx] = share;
                    }
                }
            }
        }
    }
}
