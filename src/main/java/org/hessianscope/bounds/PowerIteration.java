package org.hessianscope.bounds;

import org.hessianscope.linalg.SymmetricOperator;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * The top eigenvalue of a positive semidefinite operator (here TᵀT) by power
 * iteration. For such an operator the Rayleigh quotient rises monotonically to
 * λ_max, so it is a lower estimate that converges; it stops once the relative
 * rise stays below {@code tolerance} for {@link #STEADY_STEPS} steps in a row.
 */
public final class PowerIteration {

    /** Default relative tolerance on the Rayleigh quotient: the estimate is then good to well under 1e-8 relative. */
    public static final double DEFAULT_TOLERANCE = 1e-14;
    public static final int DEFAULT_MAX_ITERATIONS = 20_000;
    /** Consecutive quiet steps required, so that one flat step in a slow start does not stop it. */
    static final int STEADY_STEPS = 5;

    private PowerIteration() {
    }

    /** λ_max of a PSD operator from a seeded random start. */
    public static NormEstimate topEigenvalue(SymmetricOperator a, double tolerance, int maxIterations, long seed) {
        int n = a.dimension();
        double[] v = new double[n];
        SplittableRandom rnd = new SplittableRandom(seed);
        for (int i = 0; i < n; i++) {
            v[i] = rnd.nextDouble(-1, 1);
        }
        normalise(v);
        double[] av = new double[n];
        double lambda = 0;
        double change = Double.POSITIVE_INFINITY;
        int steady = 0;
        for (int it = 1; it <= maxIterations; it++) {
            a.apply(v, av);
            double next = dot(v, av);
            double norm = Math.sqrt(dot(av, av));
            if (norm == 0) {
                return new NormEstimate(0, it, true, 0);
            }
            change = Math.abs(next - lambda) / Math.abs(next);
            lambda = next;
            steady = change <= tolerance ? steady + 1 : 0;
            if (steady >= STEADY_STEPS) {
                return new NormEstimate(lambda, it, true, change);
            }
            for (int i = 0; i < n; i++) {
                v[i] = av[i] / norm;
            }
        }
        return new NormEstimate(lambda, maxIterations, false, change);
    }

    /** ‖T‖₂ = √λ_max(TᵀT), matrix-free through the convolution and its transpose. */
    public static NormEstimate spectralNorm(ToeplitzOperator t, double tolerance, int maxIterations, long seed) {
        NormEstimate e = topEigenvalue(t.gram(), tolerance, maxIterations, seed);
        return new NormEstimate(Math.sqrt(e.value()), e.iterations(), e.converged(), e.lastRelativeChange());
    }

    /** ‖W‖₂ of a dense row-major {@code rows}×{@code cols} matrix (a fully connected layer). */
    public static NormEstimate spectralNorm(double[] w, int offset, int rows, int cols, double tolerance,
                                            int maxIterations, long seed) {
        SymmetricOperator gram = new SymmetricOperator() {
            public int dimension() {
                return cols;
            }

            public void apply(double[] v, double[] out) {
                double[] t = new double[rows];
                for (int r = 0; r < rows; r++) {
                    double s = 0;
                    int base = offset + r * cols;
                    for (int c = 0; c < cols; c++) {
                        s += w[base + c] * v[c];
                    }
                    t[r] = s;
                }
                Arrays.fill(out, 0);
                for (int r = 0; r < rows; r++) {
                    int base = offset + r * cols;
                    for (int c = 0; c < cols; c++) {
                        out[c] += w[base + c] * t[r];
                    }
                }
            }
        };
        NormEstimate e = topEigenvalue(gram, tolerance, maxIterations, seed);
        return new NormEstimate(Math.sqrt(e.value()), e.iterations(), e.converged(), e.lastRelativeChange());
    }

    static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    static void normalise(double[] v) {
        double n = Math.sqrt(dot(v, v));
        for (int i = 0; i < v.length; i++) {
            v[i] /= n;
        }
    }
}
