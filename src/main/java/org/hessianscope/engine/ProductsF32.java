package org.hessianscope.engine;

/**
 * The one matrix product the float32 convolution and its transposes are made of:
 * out[o][t] += Σ_r m[o·depth + r] · cols[r][t]. Eight terms of r are added per pass over t, so each
 * output value is loaded and stored once per eight multiply-adds, and t runs in tiles of {@link #TILE}
 * so that the tile of every output row stays in the L1 cache while r runs. The inner loop reads and
 * writes arrays at the same index t and stores into one array only, which HotSpot's C2 vectorises
 * (8 floats per AVX2 instruction; a loop storing into several rows is not vectorised, measured).
 * The order of the additions is fixed by the arguments alone, never by the thread or the hardware.
 */
final class ProductsF32 {
    /** Output values per tile. */
    static final int TILE = 128;

    private ProductsF32() {
    }

    static void multiplyAdd(float[] m, int rows, int depth, float[][] cols, float[][] out, int n) {
        for (int t0 = 0; t0 < n; t0 += TILE) {
            int t1 = Math.min(n, t0 + TILE);
            int r = 0;
            for (; r + 7 < depth; r += 8) {
                float[] c0 = cols[r];
                float[] c1 = cols[r + 1];
                float[] c2 = cols[r + 2];
                float[] c3 = cols[r + 3];
                float[] c4 = cols[r + 4];
                float[] c5 = cols[r + 5];
                float[] c6 = cols[r + 6];
                float[] c7 = cols[r + 7];
                for (int o = 0; o < rows; o++) {
                    int at = o * depth + r;
                    float w0 = m[at];
                    float w1 = m[at + 1];
                    float w2 = m[at + 2];
                    float w3 = m[at + 3];
                    float w4 = m[at + 4];
                    float w5 = m[at + 5];
                    float w6 = m[at + 6];
                    float w7 = m[at + 7];
                    float[] p = out[o];
                    for (int t = t0; t < t1; t++) {
                        p[t] += ((w0 * c0[t] + w1 * c1[t]) + (w2 * c2[t] + w3 * c3[t]))
                                + ((w4 * c4[t] + w5 * c5[t]) + (w6 * c6[t] + w7 * c7[t]));
                    }
                }
            }
            for (; r < depth; r++) {
                float[] c0 = cols[r];
                for (int o = 0; o < rows; o++) {
                    float w0 = m[o * depth + r];
                    float[] p = out[o];
                    for (int t = t0; t < t1; t++) {
                        p[t] += w0 * c0[t];
                    }
                }
            }
        }
    }
}
