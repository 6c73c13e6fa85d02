package org.hessianscope.curvature;

import org.hessianscope.linalg.SymmetricOperator;
import org.hessianscope.linalg.Vectors;
import org.hessianscope.task.ProgressMonitor;

import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Consumer;

/**
 * Top and bottom eigenvalues of a symmetric operator by Lanczos with full
 * reorthogonalisation, needing only products A v. Never throws for lack of
 * convergence: the result says whether the tolerance was met.
 */
public final class Lanczos {
    private Lanczos() {
    }

    public static LanczosResult run(SymmetricOperator op, LanczosOptions options) {
        return run(op, options, ProgressMonitor.NONE, step -> { });
    }

    /**
     * @param monitor  receives one progress unit per step and can cancel (a {@link java.util.concurrent.CancellationException} then ends the run)
     * @param listener receives the running Ritz values after every step
     */
    public static LanczosResult run(SymmetricOperator op, LanczosOptions options, ProgressMonitor monitor,
                                    Consumer<LanczosStep> listener) {
        List<String> notes = LanczosOptions.newNotes();
        int steps = options.stepsFor(op.dimension(), notes);
        double[] start = startVector(op.dimension(), options.seed());
        LanczosProcess.Krylov krylov = LanczosProcess.run(op, start, steps, monitor, (m, t, nextBeta, invariant) -> {
            Ends ends = Ends.of(t.eigen(), nextBeta, options);
            listener.accept(new LanczosStep(m, steps, ends.top, ends.topResiduals, ends.bottom, ends.bottomResiduals));
            monitor.progress(m, steps, "Lanczos step " + m + "/" + steps + ", top Ritz value " + ends.top[0]);
            return !ends.converged(options);
        });
        Tridiagonal.Eigen eigen = krylov.tridiagonal().eigen();
        Ends ends = Ends.of(eigen, krylov.nextBeta(), options);
        boolean enough = ends.top.length == options.top() && ends.bottom.length == options.bottom();
        if (krylov.invariant()) {
            notes.add("the Krylov space is invariant after " + krylov.steps() + " steps: the Ritz values are exact eigenvalues"
                    + (enough ? "" : ", but only " + krylov.steps() + " distinct ones were found"));
        }
        double[][] topVectors = options.vectors() ? ritzVectors(eigen, krylov, ends.topIndices) : new double[0][];
        double[][] bottomVectors = options.vectors() ? ritzVectors(eigen, krylov, ends.bottomIndices) : new double[0][];
        return new LanczosResult(ends.top, ends.topResiduals, ends.bottom, ends.bottomResiduals, topVectors, bottomVectors,
                eigen.values().clone(), krylov.steps(), enough && ends.converged(options), krylov.invariant(), List.copyOf(notes));
    }

    /** The Gaussian start vector a run with {@code seed} uses (before normalising), so another implementation can start alike. */
    public static double[] startVector(int dimension, long seed) {
        return Vectors.gaussian(dimension, new SplittableRandom(seed));
    }

    private static double[][] ritzVectors(Tridiagonal.Eigen eigen, LanczosProcess.Krylov krylov, int[] indices) {
        int n = krylov.basis().get(0).length;
        double[][] out = new double[indices.length][];
        for (int k = 0; k < indices.length; k++) {
            double[] s = eigen.vectors()[indices[k]];
            double[] y = new double[n];
            for (int i = 0; i < s.length; i++) {
                Vectors.axpy(s[i], krylov.basis().get(i), y);
            }
            out[k] = Vectors.normalise(y);
        }
        return out;
    }

    /** The wanted Ritz values at both ends of the current spectrum of T_m, with residuals |β_m s_j[m−1]|. */
    private record Ends(double[] top, double[] topResiduals, int[] topIndices,
                        double[] bottom, double[] bottomResiduals, int[] bottomIndices, double scale) {

        static Ends of(Tridiagonal.Eigen eigen, double nextBeta, LanczosOptions options) {
            double[] values = eigen.values();
            int m = values.length;
            int nt = Math.min(options.top(), m);
            int nb = Math.min(options.bottom(), m);
            double[] top = new double[nt];
            double[] topRes = new double[nt];
            int[] topIdx = new int[nt];
            for (int k = 0; k < nt; k++) {
                topIdx[k] = m - 1 - k;
                top[k] = values[topIdx[k]];
                topRes[k] = Math.abs(nextBeta * eigen.lastComponent(topIdx[k]));
            }
            double[] bottom = new double[nb];
            double[] bottomRes = new double[nb];
            int[] bottomIdx = new int[nb];
            for (int k = 0; k < nb; k++) {
                bottomIdx[k] = k;
                bottom[k] = values[k];
                bottomRes[k] = Math.abs(nextBeta * eigen.lastComponent(k));
            }
            double scale = Math.max(Math.abs(values[0]), Math.abs(values[m - 1]));
            return new Ends(top, topRes, topIdx, bottom, bottomRes, bottomIdx, scale);
        }

        boolean converged(LanczosOptions options) {
            if (top.length < options.top() || bottom.length < options.bottom()) {
                return false;
            }
            double limit = options.tolerance() * Math.max(scale, Double.MIN_NORMAL);
            for (double r : topResiduals) {
                if (r > limit) {
                    return false;
                }
            }
            for (double r : bottomResiduals) {
                if (r > limit) {
                    return false;
                }
            }
            return true;
        }
    }
}
