package org.hessianscope.curvature;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.hessianscope.data.Samples;
import org.hessianscope.engine.Engine;
import org.hessianscope.engine.KeptPasses;
import org.hessianscope.engine.Model;
import org.hessianscope.linalg.SymmetricOperator;
import org.hessianscope.task.InvalidSettingException;
import org.hessianscope.task.Phases;
import org.hessianscope.task.ProgressMonitor;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * The curvature of the mean loss over a set of samples, measured three ways: the Hessian
 * H (extremes, trace, optionally density), its Gauss-Newton part H_O (ggn) and the
 * remainder H_F (residual); optionally the per-sample norms. Which pieces run is set by
 * {@link Options}; the caller chooses the samples (by default the first 1,000, in file order).
 */
public final class Curvature {

    /** The curvature subset: the first this many training samples. */
    public static final int DEFAULT_SAMPLES = 1000;
    /** Eigenvalues at each end of each operator. */
    public static final int DEFAULT_TOP = 5;
    /**
     * Hutchinson probes on H_F for tr H: none, since tr H_F = 0 exactly for these networks (see {@link #run}) and
     * tr H = tr H_O is then exact; probes are a check of that, on request.
     */
    public static final int DEFAULT_TRACE_PROBES = 0;
    /** Highest-loss samples added to the per-sample ‖H_F,i‖ subset, where the approximation fails first. */
    public static final int HIGHEST_LOSS = 20;

    /**
     * @param top           eigenvalues wanted at each end of H, and of H_O and H_F
     * @param lanczosSteps  Lanczos steps for each operator (and for each density probe)
     * @param traceProbes   Hutchinson probes on H_F for tr H, a check of tr H_F = 0 (0: none, tr H = tr H_O exactly)
     * @param density       also estimate the spectral density of H ({@link SpectralDensity.Options#defaults}
     *                      with {@code lanczosSteps} steps per probe)
     * @param perSampleGgn  also compute ‖H_O,i‖ for every sample
     * @param perSampleFull random samples for ‖H_i‖ and ‖H_F,i‖ by Lanczos (0 skips this part)
     * @param highestLoss   highest-loss samples added to those
     */
    public record Options(int top, int lanczosSteps, int traceProbes, boolean density, boolean perSampleGgn,
                          int perSampleFull, int highestLoss, long seed) {
        public Options {
            if (top < 1) {
                throw new InvalidSettingException("{top} is " + top + "; ask for at least 1 eigenvalue");
            }
            if (lanczosSteps < 1) {
                throw new InvalidSettingException("{lanczosSteps} is " + lanczosSteps + "; it must be at least 1");
            }
            if (lanczosSteps < top) {
                throw new InvalidSettingException("{lanczosSteps} " + lanczosSteps + " is fewer than {top} " + top
                        + "; Lanczos needs at least as many steps as eigenvalues");
            }
            if (traceProbes < 0) {
                throw new InvalidSettingException("{traceProbes} is " + traceProbes
                        + "; it must be 0 (tr H = tr H_O exactly) or a number of probes");
            }
            if (perSampleFull < 0 || highestLoss < 0) {
                throw new IllegalArgumentException("per-sample subset sizes must not be negative; got "
                        + perSampleFull + " random and " + highestLoss + " highest-loss");
            }
        }

        /** Top 5, 40 steps, no trace probes (tr H exact), no density, no per-sample parts. */
        public static Options defaults(long seed) {
            return new Options(DEFAULT_TOP, LanczosOptions.DEFAULT_STEPS, DEFAULT_TRACE_PROBES, false, false, 0,
                    HIGHEST_LOSS, seed);
        }

        LanczosOptions lanczos(int top, int bottom) {
            return new LanczosOptions(lanczosSteps, top, bottom, LanczosOptions.DEFAULT_TOLERANCE, seed, false);
        }
    }

    /** Live values for a GUI: which operator and its Lanczos step, or a trace step. */
    public interface Listener {
        default void lanczos(CurvatureOperator operator, LanczosStep step) {
        }

        default void trace(Hutchinson.Step step) {
        }

        Listener NONE = new Listener() {
        };
    }

    /**
     * @param hessian         Lanczos on H: top (descending), bottom (ascending), residuals
     * @param trace           tr H: the exact tr H_O, with no samples and a standard error of 0 (tr H_F = 0, see
     *                        {@link #run}), or, with trace probes, plus Hutchinson's estimate of tr H_F (its standard
     *                        error is the H_F part's); in files written before the exact part, Hutchinson's estimate
     *                        of all of tr H
     * @param ggnTrace        the exact tr H_O = mean_i tr(A_i J_i J_iᵀ) from the per-sample Jacobians, or null (files
     *                        written before it)
     * @param ggn             Lanczos on H_O (PSD, so its top is its norm)
     * @param residual        Lanczos on H_F, both ends
     * @param residualTop     H_F's extreme Ritz values ordered by magnitude, largest first
     * @param residualOverGgn ‖H_F‖ / ‖H_O‖ for the mean loss
     * @param density         SLQ density of H, or null
     * @param perSampleGgn    per-sample ‖H_O,i‖, or null
     * @param perSampleFull   per-sample ‖H_i‖, ‖H_F,i‖ on a subset, or null
     */
    public record Result(int samples, int parameters, LanczosResult hessian, Hutchinson.Result trace, LanczosResult ggn,
                         LanczosResult residual, double[] residualTop, double residualOverGgn,
                         SpectralDensity.Result density, PerSampleGgn.Result perSampleGgn, PerSampleFull.Result perSampleFull,
                         @JsonInclude(JsonInclude.Include.NON_NULL) Double ggnTrace) {
        /** A result without the exact tr H_O, as files written before it hold. */
        public Result(int samples, int parameters, LanczosResult hessian, Hutchinson.Result trace, LanczosResult ggn,
                      LanczosResult residual, double[] residualTop, double residualOverGgn,
                      SpectralDensity.Result density, PerSampleGgn.Result perSampleGgn, PerSampleFull.Result perSampleFull) {
            this(samples, parameters, hessian, trace, ggn, residual, residualTop, residualOverGgn, density, perSampleGgn,
                    perSampleFull, null);
        }

        /** The Lanczos result of {@code operator}. */
        public LanczosResult lanczos(CurvatureOperator operator) {
            return switch (operator) {
                case HESSIAN -> hessian;
                case GGN -> ggn;
                case RESIDUAL -> residual;
            };
        }
    }

    private Curvature() {
    }

    public static Result run(Engine engine, Model model, Samples samples, Options options, ProgressMonitor monitor,
                             Listener listener) {
        if (samples.size() == 0) {
            throw new IllegalArgumentException("the Hessian analysis needs at least one sample; got zero");
        }
        int p = model.parameterCount();
        if (options.top() > p) {
            throw new InvalidSettingException("{top} " + options.top() + " asks for more eigenvalues than the "
                    + p + " parameters of the network");
        }
        // Every product below starts from the same forward and loss-cotangent passes: keep them when they fit.
        KeptPasses kept = engine.keep(model, samples, keepBudget());
        SymmetricOperator h = engine.hessianOperator(model, samples, kept);
        Phases phases = new Phases(monitor, phases(options, samples.size()));
        int phase = 0;
        LanczosResult hessian = Lanczos.run(h, options.lanczos(options.top(), options.top()), phases.phase(phase++),
                s -> listener.lanczos(CurvatureOperator.HESSIAN, s));
        // The per-sample Jacobians give tr H_O exactly (and the per-sample norms). tr H_F is zero exactly: every stage
        // (conv, dense, ReLU, max or average pool) is piecewise linear, so on each activation pattern a logit is linear
        // in each layer's weights and biases taken alone, and ∂²z_k/∂θ_a² = 0 for every parameter a; the diagonal of
        // H_F = Σ_k r_k ∇²z_k is zero and tr H = tr H_O. Hutchinson probes of H_F only check that, when asked for.
        PerSampleGgn.WithTrace perSample = PerSampleGgn.computeWithTrace(engine, model, samples, phases.phase(phase++));
        PerSampleGgn.Result perGgn = options.perSampleGgn() ? perSample.norms() : null;
        Hutchinson.Result trace = options.traceProbes() == 0
                ? new Hutchinson.Result(perSample.ggnTrace(), 0.0, new double[0])
                : Hutchinson.estimate(splitHessian(engine, model, samples, kept, perSample.ggnTrace()),
                        new Hutchinson.Options(options.traceProbes(), options.seed()), phases.phase(phase++), listener::trace);
        LanczosResult ggn = Lanczos.run(engine.ggnOperator(model, samples, kept), options.lanczos(options.top(), 0),
                phases.phase(phase++), s -> listener.lanczos(CurvatureOperator.GGN, s));
        LanczosResult residual = Lanczos.run(engine.residualOperator(model, samples, kept), options.lanczos(options.top(), options.top()),
                phases.phase(phase++), s -> listener.lanczos(CurvatureOperator.RESIDUAL, s));
        double[] residualTop = byMagnitude(residual, options.top());
        double ratio = Math.abs(residualTop[0]) / ggn.top()[0];

        SpectralDensity.Result density = null;
        if (options.density()) {
            density = SpectralDensity.estimate(h, SpectralDensity.Options.defaults(options.seed())
                    .withSteps(options.lanczosSteps()), phases.phase(phase++), s -> { });
        }
        PerSampleFull.Result perFull = null;
        if (options.perSampleFull() > 0) {
            perFull = PerSampleFull.compute(engine, model, samples, new PerSampleFull.Options(options.perSampleFull(),
                    options.highestLoss(), options.lanczos(1, 1), options.seed()), phases.phase(phase++));
        }
        return new Result(samples.size(), p, hessian, trace, ggn, residual, residualTop, ratio, density, perGgn, perFull,
                perSample.ggnTrace());
    }

    /** H = H_O + H_F with tr H_O known and each probe's zᵀ H_O z taken from its product H z. */
    private static Hutchinson.SplitOperator splitHessian(Engine engine, Model model, Samples samples, KeptPasses kept,
                                                        double ggnTrace) {
        return new Hutchinson.SplitOperator() {
            public int dimension() {
                return model.parameterCount();
            }

            public double exactTrace() {
                return ggnTrace;
            }

            public void applyAll(double[][] zs, double[][] outs, double[] exactForms) {
                double[][] hz = engine.hvpAll(model, samples, zs, exactForms, kept);
                for (int j = 0; j < zs.length; j++) {
                    System.arraycopy(hz[j], 0, outs[j], 0, hz[j].length);
                }
            }
        };
    }

    /**
     * The phases {@link #run} goes through, in order, each weighted by its expected cost in
     * per-sample forward passes. The factors are ratios of the phase times of the GUI's analysis
     * (256 samples, 20 steps, 20 per-sample spectra; L = 4, C = 8, k = 3, max pool) measured on the
     * idle machine on 2026-12-02, scaled to a Lanczos step with reorthogonalisation of 12 forward
     * passes a sample (benchmark of 2026-11-27, docs/benchmarks.md). They set the progress bar's pace
     * and, with the measured pace of the first products (task.RemainingTime), the expected duration;
     * never a result.
     */
    public static List<Phases.Phase> phases(Options options, int samples) {
        double lanczosStep = LANCZOS_STEP * samples;
        List<Phases.Phase> list = new ArrayList<>();
        list.add(new Phases.Phase("Lanczos on the Hessian", options.lanczosSteps() * lanczosStep));
        // The per-sample Jacobians run always: they give the trace's exact H_O part.
        list.add(new Phases.Phase(options.perSampleGgn() ? "per-sample ggn norms" : "exact trace of the Gauss-Newton part",
                PER_SAMPLE_GGN * samples));
        if (options.traceProbes() > 0) {
            list.add(new Phases.Phase("trace of the Hessian", options.traceProbes() * TRACE_PROBE * samples));
        }
        list.add(new Phases.Phase("Lanczos on the Gauss-Newton part", options.lanczosSteps() * GGN_STEP * samples));
        // H_F v = H v − H_O v: both products each step.
        list.add(new Phases.Phase("Lanczos on the residual part", 2 * options.lanczosSteps() * lanczosStep));
        if (options.density()) {
            list.add(new Phases.Phase("spectral density of the Hessian", SpectralDensity.Options.defaults(options.seed()).probes() * options.lanczosSteps() * DENSITY_STEP * samples));
        }
        if (options.perSampleFull() > 0) {
            int subset = Math.min(samples, options.perSampleFull() + options.highestLoss());
            // Lanczos on H_i and on H_F,i for each sample of the subset, one sample each, every product from its forward pass.
            list.add(new Phases.Phase("per-sample Hessian norms", subset * options.lanczosSteps() * PER_SAMPLE_FULL_STEP));
        }
        return list;
    }

    /**
     * Memory for the kept passes: a quarter of the heap, so that 1,000 samples of the paper's nets (a few hundred
     * KB each) fit in the CLI's 8 GB and the products recompute on a small heap instead of running out of it.
     */
    static long keepBudget() {
        return Runtime.getRuntime().maxMemory() / 4;
    }

    /** Costs in per-sample forward passes (see {@link #phases}). */
    static final double LANCZOS_STEP = 12;
    /** A Lanczos step on H_O (a kept pass's tangent and one backward pass). */
    static final double GGN_STEP = 9;
    /** A Hutchinson probe, in a block of products sharing each sample's kept passes. */
    static final double TRACE_PROBE = 4.2;
    /** A density probe's step, the probes side by side. */
    static final double DENSITY_STEP = 8.5;
    /** A sample's K logit Jacobian rows and their Gram matrix. */
    static final double PER_SAMPLE_GGN = 230;
    /** One step of the per-sample Lanczos on H_i and H_F,i, for one sample of the subset. */
    static final double PER_SAMPLE_FULL_STEP = 156;

    /** The whole analysis in per-sample forward passes: the sum of {@link #phases}. */
    public static double cost(Options options, int samples) {
        return phases(options, samples).stream().mapToDouble(Phases.Phase::weight).sum();
    }

    /** The extreme Ritz values, largest magnitude first, at most {@code count}. */
    static double[] byMagnitude(LanczosResult r, int count) {
        // The count largest magnitudes lie among the count largest and count smallest Ritz values;
        // taking them from all Ritz values keeps each once when the two ends overlap.
        Double[] boxed = Arrays.stream(r.ritzValues()).boxed().toArray(Double[]::new);
        Arrays.sort(boxed, Comparator.comparingDouble((Double d) -> -Math.abs(d)));
        double[] out = new double[Math.min(count, boxed.length)];
        for (int i = 0; i < out.length; i++) {
            out[i] = boxed[i];
        }
        return out;
    }
}
