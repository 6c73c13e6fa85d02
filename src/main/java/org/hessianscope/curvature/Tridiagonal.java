package org.hessianscope.curvature;

import org.apache.commons.math3.linear.EigenDecomposition;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * The symmetric tridiagonal matrix T_m that Lanczos builds: {@code alpha} on the
 * diagonal, {@code offDiagonal} below and above it (length m − 1).
 */
record Tridiagonal(double[] alpha, double[] offDiagonal) {

    Tridiagonal {
        if (alpha.length == 0 || offDiagonal.length != alpha.length - 1) {
            throw new IllegalArgumentException("tridiagonal needs m ≥ 1 diagonal and m − 1 off-diagonal entries, got "
                    + alpha.length + " and " + offDiagonal.length);
        }
    }

    int size() {
        return alpha.length;
    }

    /**
     * Eigenvalues θ_j (ascending) and unit eigenvectors s_j of T. The first components
     * s_j[0] are the Gauss quadrature weights' square roots; the last components s_j[m−1]
     * give the Ritz residuals.
     */
    Eigen eigen() {
        int m = alpha.length;
        if (m == 1) {
            return new Eigen(new double[] {alpha[0]}, new double[][] {{1.0}});
        }
        EigenDecomposition ed = new EigenDecomposition(alpha.clone(), offDiagonal.clone());
        double[] raw = ed.getRealEigenvalues();
        Integer[] order = IntStream.range(0, m).boxed().toArray(Integer[]::new);
        Arrays.sort(order, Comparator.comparingDouble(j -> raw[j]));
        double[] values = new double[m];
        double[][] vectors = new double[m][];
        for (int j = 0; j < m; j++) {
            values[j] = raw[order[j]];
            vectors[j] = ed.getEigenvector(order[j]).toArray();
        }
        return new Eigen(values, vectors);
    }

    /** {@code vectors[j]} is the unit eigenvector of {@code values[j]}; values ascend. */
    record Eigen(double[] values, double[][] vectors) {
        double firstComponent(int j) {
            return vectors[j][0];
        }

        double lastComponent(int j) {
            return vectors[j][vectors[j].length - 1];
        }
    }
}
