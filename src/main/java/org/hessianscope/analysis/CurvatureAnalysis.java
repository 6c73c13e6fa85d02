package org.hessianscope.analysis;

import java.util.Locale;
import org.hessianscope.curvature.Curvature;
import org.hessianscope.data.Samples;
import org.hessianscope.task.ProgressMonitor;

/**
 * The spectrum of H, H_O (ggn) and H_F (residual) of the mean loss over the curvature subset
 * (the first {@code samples} training samples), their per-sample ggn norms and a subset's ‖H_i‖, ‖H_F,i‖.
 */
public final class CurvatureAnalysis implements Analysis<CurvatureAnalysis.Options, Curvature.Result> {
    private static final AnalysisStep STEP = new AnalysisStep("curvature", "curvature");

    /**
     * @param samples   the first this many training samples are the curvature subset
     * @param curvature what is computed on them
     */
    public record Options(int samples, Curvature.Options curvature) {
    }

    CurvatureAnalysis() {
    }

    /** The curvature and bound subset: the first {@code samples} of the training set, or all of it. */
    static Samples subset(Samples train, int samples) {
        return train.first(Math.min(train.size(), samples));
    }

    @Override
    public AnalysisStep step() {
        return STEP;
    }

    @Override
    public String description() {
        return "top eigenvalues, trace and density of H, H_O and H_F on the curvature subset; per-sample norms";
    }

    @Override
    public Class<Curvature.Result> resultType() {
        return Curvature.Result.class;
    }

    @Override
    public Options options(AnalysisOptions settings) {
        return new Options(settings.curvatureSamples(), settings.curvature());
    }

    @Override
    public Curvature.Result run(AnalysisInput input, Options options, ProgressMonitor monitor) {
        return Curvature.run(input.engine(), input.model(), subset(input.samples(), options.samples()),
                options.curvature(), monitor, input.lanczos());
    }

    @Override
    public double cost(AnalysisOptions settings, int n) {
        return Curvature.cost(settings.curvature(), Math.min(n, settings.curvatureSamples()));
    }

    @Override
    public String summary(Curvature.Result r, AnalysisResult all) {
        return String.format(Locale.ROOT, "curvature on %d samples: λ_max(H) = %.6g, ‖H_O‖ = %.6g, ‖H_F‖/‖H_O‖ = %.4g",
                r.samples(), r.hessian().top()[0], r.ggn().top()[0], r.residualOverGgn());
    }
}
