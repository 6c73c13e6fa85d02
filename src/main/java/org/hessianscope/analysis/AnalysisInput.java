package org.hessianscope.analysis;

import java.util.Map;
import org.hessianscope.arch.ArchitectureSpec;
import org.hessianscope.curvature.Curvature;
import org.hessianscope.data.Samples;
import org.hessianscope.engine.Engine;
import org.hessianscope.engine.Model;

/**
 * What an {@link Analysis} runs on. When a stored analysis is read back, only the per-sample
 * losses, labels and predictions are there (engine, model, spec and samples are null), which
 * is all an analysis that is {@link Analysis#fromLossesAlone()} may use.
 *
 * @param engine      the engine, whose pool every parallel step shares
 * @param model       the trained network
 * @param spec        its architecture (the bounds read layer shapes from it)
 * @param samples     the training set, in file order
 * @param losses      ℓ_i at the trained weights, training-set order
 * @param labels      the true class of sample i
 * @param predictions the arg-max class of sample i's logits
 * @param earlier     results of the analyses registered before this one, by key
 * @param lanczos     live Lanczos steps for a convergence view
 * @param init        θ₀, the weights training started from (the surface's interpolation line), or null
 * @param folder      the run folder (checkpoints), or null when the run was not read from one
 */
public record AnalysisInput(Engine engine, Model model, ArchitectureSpec spec, Samples samples, double[] losses,
                            int[] labels, int[] predictions, Map<String, Object> earlier,
                            Curvature.Listener lanczos, double[] init, java.nio.file.Path folder) {

    /** The result of {@code analysis}, which must be registered before the one asking. */
    public <R> R result(Analysis<?, R> analysis) {
        Object r = earlier.get(analysis.step().key());
        if (r == null) {
            throw new IllegalStateException(analysis.step().key() + " has not run yet; register it earlier in Analyses");
        }
        return analysis.resultType().cast(r);
    }
}
