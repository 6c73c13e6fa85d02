package org.hessianscope.curvature;

import org.hessianscope.linalg.SymmetricOperator;
import org.hessianscope.linalg.Vectors;
import org.hessianscope.task.ProgressMonitor;

import java.util.SplittableRandom;
import java.util.function.Consumer;

/**
 * The eigenvalue of largest magnitude by power iteration with a Rayleigh quotient: slow
 * where Lanczos is fast, but so simple that it serves as an independent cross-check.
 */
public final class PowerIteration {

    /**
     * @param maxIterations operator products at most
     * @param tolerance     converged when ‖A v − λ v‖ ≤ tolerance · |λ|
     * @param seed          seed of the Gaussian start vector
     */
    public record Options(int maxIterations, double tolerance, long seed) {
        public Options {
            if (maxIterations < 1) {
                throw new IllegalArgumentException("power iterations is " + maxIterations + "; it must be at least 1");
            }
            if (!(tolerance > 0) || !Double.isFinite(tolerance)) {
                throw new IllegalArgumentException("power iteration tolerance is " + tolerance + "; it must be a positive number");
            }
        }
    }

    /** One iteration's Rayleigh quotient and residual norm. */
    public record Step(int iteration, int maxIterations, double eigenvalue, double residual) {
    }

    /** λ with unit vector v, the final residual ‖A v − λ v‖, iterations used and whether the tolerance was met. */
    public record Result(double eigenvalue, double[] vector, double residual, int iterations, boolean converged) {
    }

    private PowerIteration() {
    }

    public static Result run(SymmetricOperator op, Options options) {
        return run(op, options, ProgressMonitor.NONE, s -> { });
    }

    public static Result run(SymmetricOperator op, Options options, ProgressMonitor monitor, Consumer<Step> listener) {
        int n = op.dimension();
        double[] v = Vectors.normalise(Vectors.gaussian(n, new SplittableRandom(options.seed())));
        double[] w = new double[n];
        double lambda = 0;
        double residual = Double.POSITIVE_INFINITY;
        for (int it = 1; it <= options.maxIterations(); it++) {
            monitor.checkCancelled();
            op.apply(v, w);
            lambda = Vectors.dot(v, w);
            double[] r = w.clone();
            Vectors.axpy(-lambda, v, r);
            residual = Vectors.norm(r);
            listener.accept(new Step(it, options.maxIterations(), lambda, residual));
            monitor.progress(it, options.maxIterations(), "power iteration " + it + ", eigenvalue " + lambda);
            double wn = Vectors.norm(w);
            if (residual <= options.tolerance() * Math.abs(lambda) || wn == 0) {
                return new Result(lambda, v, residual, it, true);
            }
            double[] next = w;
            Vectors.scale(1.0 / wn, next);
            w = v;
            v = next;
        }
        return new Result(lambda, v, residual, options.maxIterations(), false);
    }
}
