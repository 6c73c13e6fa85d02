package org.hessianscope.bounds;

/**
 * The explicit (doubly block) Toeplitz matrix of a convolution in compressed sparse
 * row form: row {@code r} holds {@code value[rowStart[r] .. rowStart[r+1])} at columns
 * {@code column[...]}. Every position a kernel weight lands on is stored, zero weights
 * included, so the pattern shows the band structure of the paper's figure.
 */
public record ToeplitzMatrix(int rows, int cols, int[] rowStart, int[] column, double[] value) {

    public ToeplitzMatrix {
        if (rowStart.length != rows + 1 || column.length != value.length || rowStart[rows] != value.length) {
            throw new IllegalArgumentException("inconsistent CSR arrays: " + rows + " rows, rowStart of length "
                    + rowStart.length + ", " + column.length + " columns, " + value.length + " values");
        }
    }

    public int nonZeros() {
        return value.length;
    }

    /** T x. */
    public double[] times(double[] x) {
        if (x.length != cols) {
            throw new IllegalArgumentException("vector of length " + x.length + " for a " + rows + "×" + cols + " matrix");
        }
        double[] y = new double[rows];
        for (int r = 0; r < rows; r++) {
            double s = 0;
            for (int e = rowStart[r]; e < rowStart[r + 1]; e++) {
                s += value[e] * x[column[e]];
            }
            y[r] = s;
        }
        return y;
    }

    /** The dense matrix; only for small sizes (display, tests). */
    public double[][] toDense() {
        double[][] d = new double[rows][cols];
        for (int r = 0; r < rows; r++) {
            for (int e = rowStart[r]; e < rowStart[r + 1]; e++) {
                d[r][column[e]] += value[e];
            }
        }
        return d;
    }
}
