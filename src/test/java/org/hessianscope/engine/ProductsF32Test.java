package org.hessianscope.engine;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The register-blocked Vector API products against plain loops written here: the same bits (every output value is
 * one FMA chain, or one dot product in {@link ProductsF32#dot}'s order, whatever the blocking), and within float
 * roundoff of the products in double. Sizes are awkward on purpose: rows not a multiple of the 6-row (or 3-row)
 * block, columns not a multiple of 16 or 8, depth 1, b rows at overlapping offsets as in a convolution.
 */
class ProductsF32Test {

    @Test
    void theTestJvmHasTheVectorModule() {
        // Surefire's argLine adds jdk.incubator.vector; without it the comparisons below would test the plain loops
        // against themselves.
        assertTrue(ProductsF32.VECTOR, "jdk.incubator.vector is not in the boot layer");
    }

    @ParameterizedTest
    @CsvSource({"1,1,1", "6,9,16", "6,54,622", "6,9,31", "7,5,40", "13,20,24", "6,3,15", "7,1,17", "5,13,8", "13,378,33", "12,3,7", "1,40,15", "42,9,100"})
    void multiplyAddIsOneFmaChainPerValue(int rows, int depth, int n) {
        Random random = new Random(rows * 1000 + depth * 10 + n);
        int lda = depth + 3;
        // Rows of a at offsets, not all of the same stride.
        int[] aOff = new int[rows];
        for (int o = 0; o < rows; o++) {
            aOff[o] = o * lda + (o % 2);
        }
        int ldc = n + 5;
        float[] a = values(random, rows * lda + 1);
        // Rows of b overlap, as the shifted input rows of a convolution do.
        int[] bOff = new int[depth];
        for (int r = 0; r < depth; r++) {
            bOff[r] = 2 * r + (r % 3);
        }
        float[] b = values(random, bOff[depth - 1] + n + 4);
        float[] c = values(random, rows * ldc);
        float[] expected = c.clone();
        for (int o = 0; o < rows; o++) {
            for (int t = 0; t < n; t++) {
                float s = expected[o * ldc + t];
                for (int r = 0; r < depth; r++) {
                    s = Math.fma(a[aOff[o] + r], b[bOff[r] + t], s);
                }
                expected[o * ldc + t] = s;
            }
        }
        float[] vector = c.clone();
        VectorProductsF32.multiplyAdd(a, aOff, rows, depth, b, bOff, vector, ldc, n, new float[ProductsF32.edgeLength(rows)]);
        float[] plain = c.clone();
        ProductsF32.multiplyAddPlain(a, aOff, rows, depth, b, bOff, plain, ldc, n, 0, 0);
        // The weights packed in blocks of 6 rows (the convolution's forward and input-cotangent products).
        float[] packed = new float[ProductsF32.packedLength(rows, depth)];
        ProductsF32.pack(a, aOff, rows, depth, packed);
        if (rows >= 6 && depth >= 3) {
            assertEquals(a[aOff[1] + 2], packed[6 * 2 + 1], "row 1, value 2 of the first block");
            assertEquals(a[aOff[rows / 6 * 6 - 1] + depth - 1], packed[packed.length - 1], "the last packed value");
        }
        float[] fromPacked = c.clone();
        VectorProductsF32.multiplyAdd(a, aOff, packed, rows, depth, b, bOff, fromPacked, ldc, n,
                new float[ProductsF32.edgeLength(rows)]);
        for (int j = 0; j < c.length; j++) {
            assertEquals(Float.floatToRawIntBits(expected[j]), Float.floatToRawIntBits(vector[j]), "vector, index " + j);
            assertEquals(Float.floatToRawIntBits(expected[j]), Float.floatToRawIntBits(fromPacked[j]), "packed, index " + j);
            assertEquals(Float.floatToRawIntBits(expected[j]), Float.floatToRawIntBits(plain[j]), "plain, index " + j);
        }
        // And it is the product: within float roundoff of double arithmetic.
        for (int o = 0; o < rows; o++) {
            for (int t = 0; t < n; t++) {
                double sum = c[o * ldc + t];
                double scale = Math.abs(c[o * ldc + t]);
                for (int r = 0; r < depth; r++) {
                    sum += (double) a[aOff[o] + r] * b[bOff[r] + t];
                    scale += Math.abs((double) a[aOff[o] + r] * b[bOff[r] + t]);
                }
                assertEquals(sum, vector[o * ldc + t], 1e-6 * (depth + 1) * scale);
            }
        }
        // Columns at and beyond n and the gap between rows are left alone.
        for (int o = 0; o < rows; o++) {
            for (int t = n; t < ldc; t++) {
                assertEquals(c[o * ldc + t], vector[o * ldc + t]);
            }
        }
    }

    @ParameterizedTest
    @CsvSource({"1,1,1", "6,54,622", "3,4,8", "4,5,7", "7,9,17", "42,13,100", "2,378,3", "6,10,16"})
    void multiplyTransposedAddIsOneOrderedDotPerValue(int rows, int count, int n) {
        Random random = new Random(rows * 1000 + count * 10 + n);
        int lda = n + 2;
        int ldo = count + 1;
        float[] a = values(random, rows * lda);
        int[] bOff = new int[count];
        for (int r = 0; r < count; r++) {
            bOff[r] = 3 * r + (r % 2);
        }
        float[] b = values(random, bOff[count - 1] + n + 2);
        float[] out = values(random, rows * ldo);
        float[] expected = out.clone();
        for (int o = 0; o < rows; o++) {
            for (int r = 0; r < count; r++) {
                expected[o * ldo + r] += referenceDot(a, o * lda, b, bOff[r], n);
            }
        }
        float[] vector = out.clone();
        VectorProductsF32.multiplyTransposedAdd(a, lda, rows, b, bOff, count, n, vector, ldo, new float[12 * 8]);
        float[] plain = out.clone();
        ProductsF32.multiplyTransposedAddPlain(a, lda, rows, 0, b, bOff, count, 0, n, plain, ldo);
        for (int j = 0; j < out.length; j++) {
            assertEquals(Float.floatToRawIntBits(expected[j]), Float.floatToRawIntBits(vector[j]), "vector, index " + j);
            assertEquals(Float.floatToRawIntBits(expected[j]), Float.floatToRawIntBits(plain[j]), "plain, index " + j);
        }
        for (int o = 0; o < rows; o++) {
            for (int r = 0; r < count; r++) {
                double sum = out[o * ldo + r];
                double scale = Math.abs(out[o * ldo + r]);
                for (int t = 0; t < n; t++) {
                    sum += (double) a[o * lda + t] * b[bOff[r] + t];
                    scale += Math.abs((double) a[o * lda + t] * b[bOff[r] + t]);
                }
                assertEquals(sum, vector[o * ldo + r], 1e-6 * (n + 2) * scale);
            }
        }
    }

    @Test
    void dotCombinesEightLanesInTheStatedOrder() {
        // 8 + 3 terms: lanes 1..8 (products of 1·k), tail 100, 200, 300.
        float[] a = {1, 2, 3, 4, 5, 6, 7, 8, 1, 1, 1};
        float[] b = {1, 1, 1, 1, 1, 1, 1, 1, 100, 200, 300};
        assertEquals(36f + 600f, ProductsF32.dot(a, 0, b, 0, 11));
        // Where the order shows: 2^24 + 1 + 1 in float is 2^24 if added one at a time, 2^24 + 2 if the ones pair first.
        float big = 16777216f;
        float[] x = {big, 0, 0, 0, 1, 1, 0, 0};
        float[] ones = {1, 1, 1, 1, 1, 1, 1, 1};
        // ((big + 0) + (0 + 0)) + ((1 + 1) + (0 + 0)) = big + 2.
        assertEquals(big + 2f, ProductsF32.dot(x, 0, ones, 0, 8));
        float[] y = {big, 1, 1, 0, 0, 0, 0, 0};
        // ((big + 1) + (1 + 0)) + 0: big + 1 rounds to big (ties to even), then + 1 again: big.
        assertEquals(big, ProductsF32.dot(y, 0, ones, 0, 8));
        float[] lanes = new float[96];
        float[] out = new float[1];
        VectorProductsF32.multiplyTransposedAdd(y, 8, 1, ones, new int[] {0}, 1, 8, out, 1, lanes);
        assertEquals(big, out[0]);
    }

    private static float referenceDot(float[] a, int aAt, float[] b, int bAt, int n) {
        int n8 = n / 8 * 8;
        float[] lane = new float[8];
        for (int t = 0; t < n8; t++) {
            lane[t % 8] = Math.fma(a[aAt + t], b[bAt + t], lane[t % 8]);
        }
        float total = ((lane[0] + lane[1]) + (lane[2] + lane[3])) + ((lane[4] + lane[5]) + (lane[6] + lane[7]));
        for (int t = n8; t < n; t++) {
            total = Math.fma(a[aAt + t], b[bAt + t], total);
        }
        return total;
    }

    private static float[] values(Random random, int n) {
        float[] v = new float[n];
        for (int j = 0; j < n; j++) {
            v[j] = (float) random.nextGaussian();
        }
        return v;
    }
}
