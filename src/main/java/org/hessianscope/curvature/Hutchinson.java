package org.hessianscope.curvature;

import org.hessianscope.linalg.SymmetricOperator;
import org.hessianscope.linalg.Vectors;
import org.hessianscope.task.ProgressMonitor;

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

    public static Result estimate(SymmetricOperator op, Options options) {
        return estimate(op, options, ProgressMonitor.NONE, s -> { });
    }

    public static Result estimate(SymmetricOperator op, Options options, ProgressMonitor monitor, Consumer<Step> listener) {
        int n = op.dimension();
        SplittableRandom rng = new SplittableRandom(options.seed());
        double[] samples = new double[options.probes()];
        double[] az = new double[n];
        double mean = 0;
        double m2 = 0;
        double stderr = Double.NaN;
        for (int p = 0; p < options.probes(); p++) {
            monitor.checkCancelled();
            double[] z = Vectors.rademacher(n, rng);
            op.apply(z, az);
            samples[p] = Vectors.dot(z, az);
            // Welford's update keeps the variance accurate when the trace dwarfs its spread.
            double delta = samples[p] - mean;
            mean += delta / (p + 1);
            m2 += delta * (samples[p] - mean);
            stderr = p == 0 ? Double.NaN : Math.sqrt(m2 / p / (p + 1));
            listener.accept(new Step(p + 1, options.probes(), mean, stderr));
            monitor.progress(p + 1, options.probes(), "trace probe " + (p + 1) + "/" + options.probes()
                    + ": " + mean + " ± " + stderr);
        }
        return new Result(mean, stderr, samples);
    }
}
