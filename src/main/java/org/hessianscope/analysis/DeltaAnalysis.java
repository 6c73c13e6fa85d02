package org.hessianscope.analysis;

import java.util.Locale;
import org.hessianscope.surface.DeltaMonteCarlo;
import org.hessianscope.surface.DeltaOptions;
import org.hessianscope.surface.DeltaResult;
import org.hessianscope.surface.NetworkObjective;
import org.hessianscope.task.ProgressMonitor;

/**
 * Δ_{k+1}(σ) around θ̂ (docs/delta.md), run only when asked: when the settings carry {@link AnalysisOptions#delta()}
 * ({@code analyze --delta}) or {@code analyze --only delta} names it (then with {@link DeltaOptions#defaults}).
 */
public final class DeltaAnalysis implements Analysis<DeltaOptions, DeltaResult> {
    private static final AnalysisStep STEP = new AnalysisStep("delta", "loss difference around θ̂");

    DeltaAnalysis() {
    }

    @Override
    public AnalysisStep step() {
        return STEP;
    }

    @Override
    public String description() {
        return "Δ_{k+1}(σ) = E_w[(L_{k+1}(w) − L_k(w))²] over w ∼ N(θ̂, σ²I) by Monte Carlo, with the quadratic "
                + "model's closed form (on request)";
    }

    @Override
    public Class<DeltaResult> resultType() {
        return DeltaResult.class;
    }

    @Override
    public DeltaOptions options(AnalysisOptions settings) {
        return settings.delta() != null ? settings.delta() : DeltaOptions.defaults();
    }

    @Override
    public boolean requestedBy(AnalysisOptions settings) {
        return settings.delta() != null;
    }

    @Override
    public boolean onRequest() {
        return true;
    }

    @Override
    public DeltaResult run(AnalysisInput input, DeltaOptions options, ProgressMonitor monitor) {
        int n = Math.min(options.samples(), input.samples().size());
        NetworkObjective f = new NetworkObjective(input.engine(), input.model().network(), input.samples().first(n));
        return DeltaMonteCarlo.estimate(f, input.model().theta(), options, monitor);
    }

    @Override
    public double cost(AnalysisOptions settings, int n) {
        DeltaOptions o = options(settings);
        int used = Math.min(o.samples(), n);
        // Forward passes of the draws, plus about three passes a Hessian-vector product for the quadratic model: d
        // of them a sample in a subspace; in the full space one a probe and a sample's logit Jacobian (K backward
        // passes and their Gram matrix, some 230 passes as the curvature analysis weighs it).
        double products = o.subspace() == DeltaOptions.FULL ? 3.0 * o.probes() + 230 : 3.0 * o.subspace();
        return (double) o.sigma().length * o.draws() * used + products * used;
    }

    @Override
    public String summary(DeltaResult r, AnalysisResult all) {
        int last = r.k().length - 1;
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "delta (%d draws, %s): Δ at k = %d",
                r.options().draws(), r.space(), r.k()[last]));
        for (int s = 0; s < r.options().sigma().length; s++) {
            sb.append(String.format(Locale.ROOT, "; σ %.3g: %.4g ± %.2g", r.options().sigma()[s], r.mean()[s][last],
                    r.standardError()[s][last]));
        }
        return sb.toString();
    }
}
