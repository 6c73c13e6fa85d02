package org.hessianscope.io;

import java.util.Arrays;

/**
 * An n-dimensional array of doubles in C (row-major) order, with the dtype it
 * was stored as. A zero-length {@code shape} is a scalar holding one value.
 */
public record NpyArray(int[] shape, double[] data, NpyDtype dtype) {

    public NpyArray {
        shape = shape.clone();
        long n = 1;
        for (int d : shape) {
            if (d < 0) {
                throw new IllegalArgumentException("shape " + Arrays.toString(shape) + " has a negative dimension");
            }
            n *= d;
        }
        if (n != data.length) {
            throw new IllegalArgumentException("shape " + Arrays.toString(shape) + " holds " + n + " values but data has "
                    + data.length);
        }
    }

    /** A float64 array. */
    public static NpyArray of(int[] shape, double[] data) {
        return new NpyArray(shape, data, NpyDtype.FLOAT64_LE);
    }

    @Override
    public int[] shape() {
        return shape.clone();
    }

    public String shapeString() {
        return Arrays.toString(shape);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof NpyArray a && Arrays.equals(a.shape, shape) && Arrays.equals(a.data, data) && a.dtype == dtype;
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(shape) * 31 + Arrays.hashCode(data);
    }

    @Override
    public String toString() {
        return "NpyArray" + shapeString() + " " + dtype.descr();
    }
}
