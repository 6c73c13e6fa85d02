package org.hessianscope.curvature;

import org.hessianscope.linalg.SymmetricOperator;
import org.hessianscope.linalg.Vectors;
import org.hessianscope.task.ProgressMonitor;

import java.util.Locale;
import java.util.SplittableRandom;
import java.util.function.Consumer;

/**
 * The trace of a symmetric operator by Hutchinson's estimator: tr A = E[zᵀ A z] for
 * Rademacher z, the lowest-variance choice among i.i.d. probes. The standard error is
 * the sample standard deviation of the zᵀ A z over √probes.
 */
public final class Hutchinson {

    public record Options(int probes, long seed) {
        public Options {
            if (probes < 1) {
                throw new IllegalArgumentException("trace probes is " + probes + "; it must be at least 1");
            }
        }
    }

    /** The running estimate after {@code probe} probes; {@code standardError} is NaN until there are two. */
    public record Step(int probe, int probes, double trace, double standardError) {
    }

    /** The estimate, its standard error (NaN for one probe) and every probe's zᵀ A z, in order. */
    public record Result(double trace, double standardError, double[] samples) {
    }

    private Hutchinson() {
    }

    /** Probes handed to the operator at once. */
    static final int BLOCK = 10;

    public static Result estimate(SymmetricOperator op, Options options) {
        return estimate(op, options, ProgressMonitor.NONE, s -> { });
    }

    public static Result estimate(SymmetricOperator op, Options options, ProgressMonitor monitor, Consumer<Step> listener) {
        int n = op.dimension();
        SplittableRandom rng = new SplittableRandom(options.seed());
        double[] samples = new double[options.probes()];
        double mean = 0;
        double m2 = 0;
        double stderr = Double.NaN;
        // Probes go to the operator BLOCK at a time (a Hessian then makes one forward pass per sample for all of
        // them); the probes, their order and every sum are those of one probe at a time.
        for (int first = 0; first < options.probes(); first += BLOCK) {
            monitor.checkCancelled();
            int count = Math.min(BLOCK, options.probes() - first);
            double[][] zs = new double[count][];
            double[][] azs = new double[count][n];
            for (int j = 0; j < count; j++) {
                zs[j] = Vectors.rademacher(n, rng);
            }
            op.applyAll(zs, azs);
            for (int j = 0; j < count; j++) {
                int p = first + j;
                samples[p] = Vectors.dot(zs[j], azs[j]);
                // Welford's update keeps the variance accurate when the trace dwarfs its spread.
                double delta = samples[p] - mean;
                mean += delta / (p + 1);
                m2 += delta * (samples[p] - mean);
                stderr = p == 0 ? Double.NaN : Math.sqrt(m2 / p / (p + 1));
                listener.accept(new Step(p + 1, options.probes(), mean, stderr));
                monitor.progress(p + 1, options.probes(), String.format(Locale.ROOT,
                        "trace probe %d/%d: %.4g ± %.4g", p + 1, options.probes(), mean, stderr));
            }
        }
        return new Result(mean, stderr, samples);
    }
}
