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
        Recurrence r = new Recurrence(op.dimension(), start, steps, hook);
        while (!r.done()) {
            monitor.checkCancelled();
            double[] w = new double[op.dimension()];
            op.apply(r.vector(), w);
            r.step(w);
        }
        return r.krylov();
    }

    /**
     * Several recurrences side by side, one step of each per {@link SymmetricOperator#applyAll} of their current
     * vectors, so an operator that shares work across vectors shares it between them. Each gives the same Krylov
     * space as {@link #run} from its start vector, since each step sees the same product.
     */
    static Krylov[] runAll(SymmetricOperator op, double[][] starts, int steps, ProgressMonitor monitor, StepHook hook) {
        Recurrence[] rs = new Recurrence[starts.length];
        for (int j = 0; j < rs.length; j++) {
            rs[j] = new Recurrence(op.dimension(), starts[j], steps, hook);
        }
        while (true) {
            List<Recurrence> active = new ArrayList<>();
            for (Recurrence r : rs) {
                if (!r.done()) {
                    active.add(r);
                }
            }
            if (active.isEmpty()) {
                break;
            }
            monitor.checkCancelled();
            double[][] vs = new double[active.size()][];
            double[][] ws = new double[active.size()][op.dimension()];
            for (int j = 0; j < vs.length; j++) {
                vs[j] = active.get(j).vector();
            }
            op.applyAll(vs, ws);
            for (int j = 0; j < vs.length; j++) {
                active.get(j).step(ws[j]);
            }
        }
        Krylov[] out = new Krylov[rs.length];
        for (int j = 0; j < rs.length; j++) {
            out[j] = rs[j].krylov();
        }
        return out;
    }

    /** One recurrence, advanced by the caller with the product A q of its current vector q. */
    private static final class Recurrence {
        private final int steps;
        private final StepHook hook;
        private final List<double[]> basis = new ArrayList<>();
        private final double[] alpha;
        private final double[] beta;
        private double[] q;
        private double[] previous;
        private double normEstimate;
        private boolean invariant;
        private boolean done;
        private int m;

        Recurrence(int n, double[] start, int steps, StepHook hook) {
            if (start.length != n) {
                throw new IllegalArgumentException("start vector has length " + start.length + ", operator dimension is " + n);
            }
            this.steps = steps;
            this.hook = hook;
            this.alpha = new double[steps];
            this.beta = new double[steps];
            this.q = Vectors.normalise(start.clone());
            this.done = steps <= 0;
        }

        boolean done() {
            return done;
        }

        double[] vector() {
            return q;
        }

        /** Takes w = A q (and owns it from now on). */
        void step(double[] w) {
            basis.add(q);
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
            if (invariant || !goOn || m >= steps) {
                done = true;
                return;
            }
            previous = q;
            Vectors.scale(1.0 / beta[m - 1], w);
            q = w;
        }

        Krylov krylov() {
            return new Krylov(new Tridiagonal(Arrays.copyOf(alpha, m), Arrays.copyOf(beta, m - 1)), beta[m - 1],
                    List.copyOf(basis), invariant);
        }
    }
}
