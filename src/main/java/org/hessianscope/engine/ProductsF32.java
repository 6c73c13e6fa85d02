package org.hessianscope.engine;

/**
 * The two matrix products the float32 convolution and its transposes are made of, with the rows of the
 * right-hand factor read in place from one array at given offsets (the shifted copies of im2col are never
 * made). Each output value is computed in one order fixed by the arguments alone, never by the thread,
 * the tiling or the hardware, so the register-blocked {@link VectorProductsF32} (jdk.incubator.vector,
 * FMA on 8 floats) and the plain loops here give the same bits; the plain loops run when the JVM was
 * started without {@code --add-modules jdk.incubator.vector}, and they are the tests' reference.
 *
 * <ul>
 * <li>{@link #multiplyAdd}: c[o·ldc + t] ← fma(a[aOff[o] + r], b[bOff[r] + t], c[o·ldc + t]) for r = 0, 1, …,
 * depth − 1 in turn: one fused multiply-add chain per output value, starting from its current value.</li>
 * <li>{@link #multiplyTransposedAdd}: out[o·ldo + r] += {@link #dot}(a from o·lda, b from bOff[r], n).</li>
 * </ul>
 */
final class ProductsF32 {
    /** Whether the Vector API is in the boot layer (the JVM was started with --add-modules jdk.incubator.vector). */
    static final boolean VECTOR = ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent();
    /** Lanes of {@link #dot}'s partial sums: one AVX2 register of floats. */
    static final int LANES = 8;
    /** Rows of {@link VectorProductsF32}'s register tile, the blocks of {@link #pack}. */
    static final int BLOCK_ROWS = 6;

    private ProductsF32() {
    }

    /**
     * c[o·ldc + t] += Σ_r a[aOff[o] + r]·b[bOff[r] + t] for o &lt; rows, t &lt; n, as one FMA chain over r = 0..depth−1;
     * {@code edge} holds at least {@link #edgeLength}(rows) floats of scratch.
     */
    static void multiplyAdd(float[] a, int[] aOff, int rows, int depth, float[] b, int[] bOff, float[] c, int ldc, int n,
            float[] edge) {
        if (VECTOR) {
            VectorProductsF32.multiplyAdd(a, aOff, rows, depth, b, bOff, c, ldc, n, edge);
        } else {
            multiplyAddPlain(a, aOff, rows, depth, b, bOff, c, ldc, n, 0, 0);
        }
    }

    /**
     * {@link #multiplyAdd} with a's whole blocks of {@link #BLOCK_ROWS} rows also given {@code packed} by {@link #pack}
     * (the vector kernels read them from there; the plain loops read a): the same bits as without.
     */
    static void multiplyAdd(float[] a, int[] aOff, float[] packed, int rows, int depth, float[] b, int[] bOff, float[] c,
            int ldc, int n, float[] edge) {
        if (VECTOR) {
            VectorProductsF32.multiplyAdd(a, aOff, packed, rows, depth, b, bOff, c, ldc, n, edge);
        } else {
            multiplyAddPlain(a, aOff, rows, depth, b, bOff, c, ldc, n, 0, 0);
        }
    }

    /** Floats of {@link #pack}'s layout for {@code rows} rows of {@code depth}. */
    static int packedLength(int rows, int depth) {
        return rows / BLOCK_ROWS * BLOCK_ROWS * depth;
    }

    /**
     * Lays a's whole blocks of {@link #BLOCK_ROWS} rows out interleaved: row o's value r goes to
     * into[(o − o mod 6)·depth + 6·r + o mod 6], so that a tile's 6 weights of one step are adjacent.
     * The last rows mod 6 are not copied (the kernels read them from a).
     */
    static void pack(float[] a, int[] aOff, int rows, int depth, float[] into) {
        for (int o = 0; o < rows - rows % BLOCK_ROWS; o++) {
            int block = (o - o % BLOCK_ROWS) * depth + o % BLOCK_ROWS;
            for (int r = 0; r < depth; r++) {
                into[block + BLOCK_ROWS * r] = a[aOff[o] + r];
            }
        }
    }

    /** Row offsets o·stride for o &lt; rows: the rows of a row-major matrix for {@link #multiplyAdd}. */
    static int[] rowOffsets(int rows, int stride) {
        int[] off = new int[rows];
        for (int o = 0; o < rows; o++) {
            off[o] = o * stride;
        }
        return off;
    }

    /** Scratch floats that {@link #multiplyAdd} needs for {@code rows} rows. */
    static int edgeLength(int rows) {
        return 2 * LANES * rows;
    }

    /**
     * out[o·ldo + r] += dot(a, o·lda, b, bOff[r], n) for o < rows, r < count: the products of the rows of a with
     * the rows of b (a·bᵀ), each dot product in {@link #dot}'s order.
     */
    static void multiplyTransposedAdd(float[] a, int lda, int rows, float[] b, int[] bOff, int count, int n,
            float[] out, int ldo, float[] lanes) {
        if (VECTOR) {
            VectorProductsF32.multiplyTransposedAdd(a, lda, rows, b, bOff, count, n, out, ldo, lanes);
        } else {
            multiplyTransposedAddPlain(a, lda, rows, 0, b, bOff, count, 0, n, out, ldo);
        }
    }

    /** {@link #multiplyAdd} for rows from {@code fromRow} and columns from {@code fromColumn}, one value at a time. */
    static void multiplyAddPlain(float[] a, int[] aOff, int rows, int depth, float[] b, int[] bOff, float[] c, int ldc,
            int n, int fromRow, int fromColumn) {
        for (int o = fromRow; o < rows; o++) {
            for (int t = fromColumn; t < n; t++) {
                float s = c[o * ldc + t];
                for (int r = 0; r < depth; r++) {
                    s = Math.fma(a[aOff[o] + r], b[bOff[r] + t], s);
                }
                c[o * ldc + t] = s;
            }
        }
    }

    /** {@link #multiplyTransposedAdd} for rows from {@code fromRow} and b rows from {@code fromCount}, one at a time. */
    static void multiplyTransposedAddPlain(float[] a, int lda, int rows, int fromRow, float[] b, int[] bOff, int count,
            int fromCount, int n, float[] out, int ldo) {
        for (int o = fromRow; o < rows; o++) {
            for (int r = fromCount; r < count; r++) {
                out[o * ldo + r] += dot(a, o * lda, b, bOff[r], n);
            }
        }
    }

    /**
     * Σ_t a[aAt + t]·b[bAt + t] over t &lt; n in a fixed order: {@link #LANES} FMA chains, chain l over the t ≡ l
     * (mod 8) below n rounded down to a multiple of 8, combined as ((s0+s1)+(s2+s3))+((s4+s5)+(s6+s7)), then
     * the remaining t in turn by FMA onto that sum.
     */
    static float dot(float[] a, int aAt, float[] b, int bAt, int n) {
        int n8 = n - n % LANES;
        float s0 = 0;
        float s1 = 0;
        float s2 = 0;
        float s3 = 0;
        float s4 = 0;
        float s5 = 0;
        float s6 = 0;
        float s7 = 0;
        for (int t = 0; t < n8; t += LANES) {
            s0 = Math.fma(a[aAt + t], b[bAt + t], s0);
            s1 = Math.fma(a[aAt + t + 1], b[bAt + t + 1], s1);
            s2 = Math.fma(a[aAt + t + 2], b[bAt + t + 2], s2);
            s3 = Math.fma(a[aAt + t + 3], b[bAt + t + 3], s3);
            s4 = Math.fma(a[aAt + t + 4], b[bAt + t + 4], s4);
            s5 = Math.fma(a[aAt + t + 5], b[bAt + t + 5], s5);
            s6 = Math.fma(a[aAt + t + 6], b[bAt + t + 6], s6);
            s7 = Math.fma(a[aAt + t + 7], b[bAt + t + 7], s7);
        }
        return dotTail(a, aAt, b, bAt, n, ((s0 + s1) + (s2 + s3)) + ((s4 + s5) + (s6 + s7)));
    }

    /** ((s0+s1)+(s2+s3))+((s4+s5)+(s6+s7)) of the 8 lanes from {@code at}. */
    static float combine(float[] s, int at) {
        return ((s[at] + s[at + 1]) + (s[at + 2] + s[at + 3])) + ((s[at + 4] + s[at + 5]) + (s[at + 6] + s[at + 7]));
    }

    /** {@link #dot}'s tail: fma onto {@code total} over t from n rounded down to a multiple of 8 to n. */
    static float dotTail(float[] a, int aAt, float[] b, int bAt, int n, float total) {
        for (int t = n - n % LANES; t < n; t++) {
            total = Math.fma(a[aAt + t], b[bAt + t], total);
        }
        return total;
    }
}
