package org.hessianscope.engine;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link ProductsF32}'s products with jdk.incubator.vector: register-blocked micro-kernels whose accumulators
 * stay in AVX2 registers across the whole depth (6 output rows × 16 columns for {@link #multiplyAdd}, 3 × 4
 * dot products for {@link #multiplyTransposedAdd}), so each loaded vector of b feeds several FMAs. Every output
 * value sees exactly the operations of {@link ProductsF32}'s plain loops in the same order (lanewise fma is
 * Math.fma; the 8 lanes of a dot product are combined by {@link ProductsF32#combine}), hence the same bits.
 * Loaded only when the module is present (see {@link ProductsF32#VECTOR}).
 */
final class VectorProductsF32 {
    private static final VectorSpecies<Float> S = FloatVector.SPECIES_256;
    private static final int W = 8;

    private VectorProductsF32() {
    }

    static void multiplyAdd(float[] a, int[] aOff, int rows, int depth, float[] b, int[] bOff, float[] c, int ldc, int n,
            float[] edge) {
        multiplyAdd(a, aOff, null, rows, depth, b, bOff, c, ldc, n, edge);
    }

    /**
     * As {@link #multiplyAdd(float[], int[], int, int, float[], int[], float[], int, int, float[])}; when
     * {@code packed} is not null it holds a's whole blocks of 6 rows as {@link ProductsF32#pack} lays them out,
     * and the 6 × 16 tiles read their weights from it (one cache line feeds 2⅔ steps of the depth instead of six
     * lines feeding one). The same values in the same order: the same bits.
     */
    static void multiplyAdd(float[] a, int[] aOff, float[] packed, int rows, int depth, float[] b, int[] bOff, float[] c,
            int ldc, int n, float[] edge) {
        int n16 = n - n % (2 * W);
        if (n16 < n && n >= 2 * W) {
            // The last 16 columns as one more tile that overlaps the tiles before it: it starts from the values
            // those columns had before any tile ran (saved here), so the overlap is recomputed to the same bits.
            for (int o = 0; o < rows; o++) {
                System.arraycopy(c, o * ldc + n - 2 * W, edge, o * 2 * W, 2 * W);
            }
        }
        for (int t = 0; t < n16; t += 2 * W) {
            tiles(a, aOff, packed, rows, depth, b, bOff, c, 0, ldc, c, ldc, t);
        }
        if (n16 == n) {
            return;
        }
        if (n >= 2 * W) {
            tiles(a, aOff, packed, rows, depth, b, bOff, edge, -(n - 2 * W), 2 * W, c, ldc, n - 2 * W);
            return;
        }
        int n8 = n - n % W;
        if (n8 > 0) {
            for (int o = 0; o < rows; o++) {
                block1x8(a, aOff, o, depth, b, bOff, c, ldc, 0);
            }
        }
        ProductsF32.multiplyAddPlain(a, aOff, rows, depth, b, bOff, c, ldc, n, 0, n8);
    }

    /**
     * The 16 columns from t of every row: starting values from init[initAt + o·initStride + t + j], results to
     * c[o·ldc + t + j].
     */
    private static void tiles(float[] a, int[] aOff, float[] packed, int rows, int depth, float[] b, int[] bOff, float[] init,
            int initAt, int initStride, float[] c, int ldc, int t) {
        int o = 0;
        for (; o + 6 <= rows; o += 6) {
            if (packed != null) {
                packed6x16(packed, o * depth, o, depth, b, bOff, init, initAt + o * initStride + t, initStride, c, ldc, t);
            } else {
                block6x16(a, aOff, o, depth, b, bOff, init, initAt + o * initStride + t, initStride, c, ldc, t);
            }
        }
        for (; o < rows; o++) {
            block1x16(a, aOff, o, depth, b, bOff, init, initAt + o * initStride + t, c, ldc, t);
        }
    }

    private static void block6x16(float[] a, int[] aOff, int o, int depth, float[] b, int[] bOff, float[] init, int from,
            int stride, float[] c, int ldc, int t) {
        int c0 = (o + 0) * ldc + t;
        int a0 = aOff[o + 0];
        int c1 = (o + 1) * ldc + t;
        int a1 = aOff[o + 1];
        int c2 = (o + 2) * ldc + t;
        int a2 = aOff[o + 2];
        int c3 = (o + 3) * ldc + t;
        int a3 = aOff[o + 3];
        int c4 = (o + 4) * ldc + t;
        int a4 = aOff[o + 4];
        int c5 = (o + 5) * ldc + t;
        int a5 = aOff[o + 5];
        FloatVector x00 = FloatVector.fromArray(S, init, from + 0 * stride);
        FloatVector x01 = FloatVector.fromArray(S, init, from + 0 * stride + W);
        FloatVector x10 = FloatVector.fromArray(S, init, from + 1 * stride);
        FloatVector x11 = FloatVector.fromArray(S, init, from + 1 * stride + W);
        FloatVector x20 = FloatVector.fromArray(S, init, from + 2 * stride);
        FloatVector x21 = FloatVector.fromArray(S, init, from + 2 * stride + W);
        FloatVector x30 = FloatVector.fromArray(S, init, from + 3 * stride);
        FloatVector x31 = FloatVector.fromArray(S, init, from + 3 * stride + W);
        FloatVector x40 = FloatVector.fromArray(S, init, from + 4 * stride);
        FloatVector x41 = FloatVector.fromArray(S, init, from + 4 * stride + W);
        FloatVector x50 = FloatVector.fromArray(S, init, from + 5 * stride);
        FloatVector x51 = FloatVector.fromArray(S, init, from + 5 * stride + W);
        for (int r = 0; r < depth; r++) {
            int at = bOff[r] + t;
            FloatVector b0 = FloatVector.fromArray(S, b, at);
            FloatVector b1 = FloatVector.fromArray(S, b, at + W);
            FloatVector w0 = FloatVector.broadcast(S, a[a0 + r]);
            x00 = w0.fma(b0, x00);
            x01 = w0.fma(b1, x01);
            FloatVector w1 = FloatVector.broadcast(S, a[a1 + r]);
            x10 = w1.fma(b0, x10);
            x11 = w1.fma(b1, x11);
            FloatVector w2 = FloatVector.broadcast(S, a[a2 + r]);
            x20 = w2.fma(b0, x20);
            x21 = w2.fma(b1, x21);
            FloatVector w3 = FloatVector.broadcast(S, a[a3 + r]);
            x30 = w3.fma(b0, x30);
            x31 = w3.fma(b1, x31);
            FloatVector w4 = FloatVector.broadcast(S, a[a4 + r]);
            x40 = w4.fma(b0, x40);
            x41 = w4.fma(b1, x41);
            FloatVector w5 = FloatVector.broadcast(S, a[a5 + r]);
            x50 = w5.fma(b0, x50);
            x51 = w5.fma(b1, x51);
        }
        x00.intoArray(c, c0);
        x01.intoArray(c, c0 + W);
        x10.intoArray(c, c1);
        x11.intoArray(c, c1 + W);
        x20.intoArray(c, c2);
        x21.intoArray(c, c2 + W);
        x30.intoArray(c, c3);
        x31.intoArray(c, c3 + W);
        x40.intoArray(c, c4);
        x41.intoArray(c, c4 + W);
        x50.intoArray(c, c5);
        x51.intoArray(c, c5 + W);
    }

    private static void packed6x16(float[] p, int pAt, int o, int depth, float[] b, int[] bOff, float[] init, int from,
            int stride, float[] c, int ldc, int t) {
        int c0 = (o + 0) * ldc + t;
        int c1 = (o + 1) * ldc + t;
        int c2 = (o + 2) * ldc + t;
        int c3 = (o + 3) * ldc + t;
        int c4 = (o + 4) * ldc + t;
        int c5 = (o + 5) * ldc + t;
        FloatVector x00 = FloatVector.fromArray(S, init, from + 0 * stride);
        FloatVector x01 = FloatVector.fromArray(S, init, from + 0 * stride + W);
        FloatVector x10 = FloatVector.fromArray(S, init, from + 1 * stride);
        FloatVector x11 = FloatVector.fromArray(S, init, from + 1 * stride + W);
        FloatVector x20 = FloatVector.fromArray(S, init, from + 2 * stride);
        FloatVector x21 = FloatVector.fromArray(S, init, from + 2 * stride + W);
        FloatVector x30 = FloatVector.fromArray(S, init, from + 3 * stride);
        FloatVector x31 = FloatVector.fromArray(S, init, from + 3 * stride + W);
        FloatVector x40 = FloatVector.fromArray(S, init, from + 4 * stride);
        FloatVector x41 = FloatVector.fromArray(S, init, from + 4 * stride + W);
        FloatVector x50 = FloatVector.fromArray(S, init, from + 5 * stride);
        FloatVector x51 = FloatVector.fromArray(S, init, from + 5 * stride + W);
        for (int r = 0; r < depth; r++) {
            int at = bOff[r] + t;
            int q = pAt + 6 * r;
            FloatVector b0 = FloatVector.fromArray(S, b, at);
            FloatVector b1 = FloatVector.fromArray(S, b, at + W);
            FloatVector w0 = FloatVector.broadcast(S, p[q]);
            x00 = w0.fma(b0, x00);
            x01 = w0.fma(b1, x01);
            FloatVector w1 = FloatVector.broadcast(S, p[q + 1]);
            x10 = w1.fma(b0, x10);
            x11 = w1.fma(b1, x11);
            FloatVector w2 = FloatVector.broadcast(S, p[q + 2]);
            x20 = w2.fma(b0, x20);
            x21 = w2.fma(b1, x21);
            FloatVector w3 = FloatVector.broadcast(S, p[q + 3]);
            x30 = w3.fma(b0, x30);
            x31 = w3.fma(b1, x31);
            FloatVector w4 = FloatVector.broadcast(S, p[q + 4]);
            x40 = w4.fma(b0, x40);
            x41 = w4.fma(b1, x41);
            FloatVector w5 = FloatVector.broadcast(S, p[q + 5]);
            x50 = w5.fma(b0, x50);
            x51 = w5.fma(b1, x51);
        }
        x00.intoArray(c, c0);
        x01.intoArray(c, c0 + W);
        x10.intoArray(c, c1);
        x11.intoArray(c, c1 + W);
        x20.intoArray(c, c2);
        x21.intoArray(c, c2 + W);
        x30.intoArray(c, c3);
        x31.intoArray(c, c3 + W);
        x40.intoArray(c, c4);
        x41.intoArray(c, c4 + W);
        x50.intoArray(c, c5);
        x51.intoArray(c, c5 + W);
    }

    private static void block1x16(float[] a, int[] aOff, int o, int depth, float[] b, int[] bOff, float[] init, int from,
            float[] c, int ldc, int t) {
        int c0 = o * ldc + t;
        int a0 = aOff[o];
        FloatVector x0 = FloatVector.fromArray(S, init, from);
        FloatVector x1 = FloatVector.fromArray(S, init, from + W);
        for (int r = 0; r < depth; r++) {
            int at = bOff[r] + t;
            FloatVector w = FloatVector.broadcast(S, a[a0 + r]);
            x0 = w.fma(FloatVector.fromArray(S, b, at), x0);
            x1 = w.fma(FloatVector.fromArray(S, b, at + W), x1);
        }
        x0.intoArray(c, c0);
        x1.intoArray(c, c0 + W);
    }

    private static void block1x8(float[] a, int[] aOff, int o, int depth, float[] b, int[] bOff, float[] c, int ldc, int t) {
        int c0 = o * ldc + t;
        int a0 = aOff[o];
        FloatVector x0 = FloatVector.fromArray(S, c, c0);
        for (int r = 0; r < depth; r++) {
            x0 = FloatVector.broadcast(S, a[a0 + r]).fma(FloatVector.fromArray(S, b, bOff[r] + t), x0);
        }
        x0.intoArray(c, c0);
    }

    static void multiplyTransposedAdd(float[] a, int lda, int rows, float[] b, int[] bOff, int count, int n,
            float[] out, int ldo, float[] lanes) {
        int n8 = n - n % W;
        int o = 0;
        for (; o + 3 <= rows; o += 3) {
            int r = 0;
            for (; r + 4 <= count; r += 4) {
                dots3x4(a, lda, o, b, bOff, r, n, n8, out, ldo, lanes);
            }
            for (; r < count; r++) {
                for (int i = 0; i < 3; i++) {
                    out[(o + i) * ldo + r] += dot(a, (o + i) * lda, b, bOff[r], n, n8, lanes);
                }
            }
        }
        for (; o < rows; o++) {
            for (int r = 0; r < count; r++) {
                out[o * ldo + r] += dot(a, o * lda, b, bOff[r], n, n8, lanes);
            }
        }
    }

    private static float dot(float[] a, int aAt, float[] b, int bAt, int n, int n8, float[] lanes) {
        FloatVector s = FloatVector.zero(S);
        for (int t = 0; t < n8; t += W) {
            s = FloatVector.fromArray(S, a, aAt + t).fma(FloatVector.fromArray(S, b, bAt + t), s);
        }
        s.intoArray(lanes, 0);
        return ProductsF32.dotTail(a, aAt, b, bAt, n, ProductsF32.combine(lanes, 0));
    }

    private static void dots3x4(float[] a, int lda, int o, float[] b, int[] bOff, int r, int n, int n8, float[] out,
            int ldo, float[] lanes) {
        int a0 = (o + 0) * lda;
        int a1 = (o + 1) * lda;
        int a2 = (o + 2) * lda;
        int b0 = bOff[r + 0];
        int b1 = bOff[r + 1];
        int b2 = bOff[r + 2];
        int b3 = bOff[r + 3];
        FloatVector s00 = FloatVector.zero(S);
        FloatVector s01 = FloatVector.zero(S);
        FloatVector s02 = FloatVector.zero(S);
        FloatVector s03 = FloatVector.zero(S);
        FloatVector s10 = FloatVector.zero(S);
        FloatVector s11 = FloatVector.zero(S);
        FloatVector s12 = FloatVector.zero(S);
        FloatVector s13 = FloatVector.zero(S);
        FloatVector s20 = FloatVector.zero(S);
        FloatVector s21 = FloatVector.zero(S);
        FloatVector s22 = FloatVector.zero(S);
        FloatVector s23 = FloatVector.zero(S);
        for (int t = 0; t < n8; t += W) {
            FloatVector y0 = FloatVector.fromArray(S, b, b0 + t);
            FloatVector y1 = FloatVector.fromArray(S, b, b1 + t);
            FloatVector y2 = FloatVector.fromArray(S, b, b2 + t);
            FloatVector y3 = FloatVector.fromArray(S, b, b3 + t);
            FloatVector x0 = FloatVector.fromArray(S, a, a0 + t);
            s00 = x0.fma(y0, s00);
            s01 = x0.fma(y1, s01);
            s02 = x0.fma(y2, s02);
            s03 = x0.fma(y3, s03);
            FloatVector x1 = FloatVector.fromArray(S, a, a1 + t);
            s10 = x1.fma(y0, s10);
            s11 = x1.fma(y1, s11);
            s12 = x1.fma(y2, s12);
            s13 = x1.fma(y3, s13);
            FloatVector x2 = FloatVector.fromArray(S, a, a2 + t);
            s20 = x2.fma(y0, s20);
            s21 = x2.fma(y1, s21);
            s22 = x2.fma(y2, s22);
            s23 = x2.fma(y3, s23);
        }
        s00.intoArray(lanes, 0);
        s01.intoArray(lanes, 8);
        s02.intoArray(lanes, 16);
        s03.intoArray(lanes, 24);
        s10.intoArray(lanes, 32);
        s11.intoArray(lanes, 40);
        s12.intoArray(lanes, 48);
        s13.intoArray(lanes, 56);
        s20.intoArray(lanes, 64);
        s21.intoArray(lanes, 72);
        s22.intoArray(lanes, 80);
        s23.intoArray(lanes, 88);
        out[(o + 0) * ldo + r + 0] += ProductsF32.dotTail(a, a0, b, b0, n, ProductsF32.combine(lanes, 0));
        out[(o + 0) * ldo + r + 1] += ProductsF32.dotTail(a, a0, b, b1, n, ProductsF32.combine(lanes, 8));
        out[(o + 0) * ldo + r + 2] += ProductsF32.dotTail(a, a0, b, b2, n, ProductsF32.combine(lanes, 16));
        out[(o + 0) * ldo + r + 3] += ProductsF32.dotTail(a, a0, b, b3, n, ProductsF32.combine(lanes, 24));
        out[(o + 1) * ldo + r + 0] += ProductsF32.dotTail(a, a1, b, b0, n, ProductsF32.combine(lanes, 32));
        out[(o + 1) * ldo + r + 1] += ProductsF32.dotTail(a, a1, b, b1, n, ProductsF32.combine(lanes, 40));
        out[(o + 1) * ldo + r + 2] += ProductsF32.dotTail(a, a1, b, b2, n, ProductsF32.combine(lanes, 48));
        out[(o + 1) * ldo + r + 3] += ProductsF32.dotTail(a, a1, b, b3, n, ProductsF32.combine(lanes, 56));
        out[(o + 2) * ldo + r + 0] += ProductsF32.dotTail(a, a2, b, b0, n, ProductsF32.combine(lanes, 64));
        out[(o + 2) * ldo + r + 1] += ProductsF32.dotTail(a, a2, b, b1, n, ProductsF32.combine(lanes, 72));
        out[(o + 2) * ldo + r + 2] += ProductsF32.dotTail(a, a2, b, b2, n, ProductsF32.combine(lanes, 80));
        out[(o + 2) * ldo + r + 3] += ProductsF32.dotTail(a, a2, b, b3, n, ProductsF32.combine(lanes, 88));
    }

    /**
     * out = max(in, 0) and mask = (in &gt; 0 ? 1 : 0), as {@link ReluLayerF32}'s plain loop, for the values below n
     * rounded down to a multiple of 8; returns that count (the caller does the rest).
     */
    static int relu(float[] in, float[] out, float[] mask, int n) {
        int n8 = n - n % W;
        FloatVector zero = FloatVector.zero(S);
        FloatVector one = FloatVector.broadcast(S, 1f);
        for (int i = 0; i < n8; i += W) {
            FloatVector v = FloatVector.fromArray(S, in, i);
            VectorMask<Float> positive = v.compare(VectorOperators.GT, 0f);
            zero.blend(one, positive).intoArray(mask, i);
            v.max(zero).intoArray(out, i);
        }
        return n8;
    }
}
