package org.hessianscope.curvature;

import org.hessianscope.linalg.SymmetricOperator;
import org.hessianscope.linalg.Vectors;
import org.hessianscope.task.ProgressMonitor;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The Lanczos three-term recurrence with full reorthogonalisation: every new vector is
 * orthogonalised twice (modified Gram–Schmidt) against all previous ones, because in
 * floating point the plain recurrence loses orthogonality as soon as a Ritz value
 * converges and then reports ghost copies of it. The price, m stored vectors, is small
 * next to the operator products for the step counts used here (tens).
 */
final class LanczosProcess {

    /**
     * Relative size of β below which the Krylov space is taken to be invariant: the next
     * vector would be rounding noise, not a new direction.
     */
    static final double BREAKDOWN_TOLERANCE = 1e-12;

    /** Called after each step with T_m so far; returning false stops the recurrence (e.g. converged). */
    interface StepHook {
        boolean afterStep(int m, Tridiagonal t, double nextBeta, boolean invariant);
    }

    /**
     * The outcome: {@code basis} holds the m orthonormal Lanczos vectors q_1..q_m, {@code nextBeta}
     * is β_m, the coupling to the (unbuilt) q_{m+1}, so that A Q_m = Q_m T_m + β_m q_{m+1} e_m^T.
     */
    record Krylov(Tridiagonal tridiagonal, double nextBeta, List<double[]> basis, boolean invariant) {
        int steps() {
            return tridiagonal.size();
        }
    }

    private LanczosProcess() {
    }

    static Krylov run(SymmetricOperator op, double[] start, int steps, ProgressMonitor monitor, StepHook hook) {
        int n = op.dimension();
        if (start.length != n) {
            throw new IllegalArgumentException("start vector has length " + start.length + ", operator dimension is " + n);
        }
        List<double[]> basis = new ArrayList<>();
        double[] alpha = new double[steps];
        double[] beta = new double[steps];
        double[] q = Vectors.normalise(start.clone());
        double[] previous = null;
        double normEstimate = 0;
        boolean invariant = false;
        int m = 0;
        while (m < steps) {
            monitor.checkCancelled();
            basis.add(q);
            double[] w = new double[n];
            op.apply(q, w);
            alpha[m] = Vectors.dot(q, w);
            Vectors.axpy(-alpha[m], q, w);
            if (previous != null) {
                Vectors.axpy(-beta[m - 1], previous, w);
            }
            for (int pass = 0; pass < 2; pass++) {
                for (double[] b : basis) {
                    Vectors.axpy(-Vectors.dot(b, w), b, w);
                }
            }
            beta[m] = Vectors.norm(w);
            normEstimate = Math.max(normEstimate, Math.abs(alpha[m]) + beta[m] + (m > 0 ? beta[m - 1] : 0));
            m++;
            invariant = beta[m - 1] <= BREAKDOWN_TOLERANCE * normEstimate;
            Tridiagonal t = new Tridiagonal(Arrays.copyOf(alpha, m), Arrays.copyOf(beta, m - 1));
            boolean goOn = hook.afterStep(m, t, beta[m - 1], invariant);
            if (invariant || !goOn) {
                break;
            }
            previous = q;
            Vectors.scale(1.0 / beta[m - 1], w);
            q = w;
        }
        return new Krylov(new Tridiagonal(Arrays.copyOf(alpha, m), Arrays.copyOf(beta, m - 1)), beta[m - 1],
                List.copyOf(basis), invariant);
    }
}
