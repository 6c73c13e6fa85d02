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
 *
 * <p>When A = B + C with tr B known exactly and zᵀ B z available with each product
 * ({@link SplitOperator}), only tr C is estimated: each probe's sample is tr B + zᵀ C z,
 * whose mean estimates tr A with the spread, and so the standard error, of the C part alone.
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

    /** A = B + C: products with A, each with zᵀ B z, and the exact tr B. */
    public interface SplitOperator {
        int dimension();

        /** tr B, exactly. */
        double exactTrace();

        /** outs[j] = A z_j and exactForms[j] = z_jᵀ B z_j. */
        void applyAll(double[][] zs, double[][] outs, double[] exactForms);
    }

    private Hutchinson() {
    }

    /** Probes handed to the operator at once. */
    static final int BLOCK = 10;

    public static Result estimate(SymmetricOperator op, Options options) {
        return estimate(op, options, ProgressMonitor.NONE, s -> { });
    }

    public static Result estimate(SymmetricOperator op, Options options, ProgressMonitor monitor, Consumer<Step> listener) {
        return estimate(op.dimension(), (zs, azs, known) -> op.applyAll(zs, azs), 0, false, options, monitor, listener);
    }

    /** tr A = tr B + the estimate of tr C from zᵀ A z − zᵀ B z; the standard error is that of the C part. */
    public static Result estimate(SplitOperator op, Options options, ProgressMonitor monitor, Consumer<Step> listener) {
        return estimate(op.dimension(), op::applyAll, op.exactTrace(), true, options, monitor, listener);
    }

    private interface Block {
        void apply(double[][] zs, double[][] azs, double[] exactForms);
    }

    private static Result estimate(int n, Block op, double exactTrace, boolean split, Options options,
                                   ProgressMonitor monitor, Consumer<Step> listener) {
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
            double[] exactForms = new double[count];
            op.apply(zs, azs, exactForms);
            for (int j = 0; j < count; j++) {
                int p = first + j;
                samples[p] = split ? exactTrace + (Vectors.dot(zs[j], azs[j]) - exactForms[j]) : Vectors.dot(zs[j], azs[j]);
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
