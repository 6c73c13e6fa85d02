package org.hessianscope.analysis;

import java.util.List;
import java.util.Locale;
import org.hessianscope.bounds.BoundHierarchy;
import org.hessianscope.task.ProgressMonitor;

/**
 * The paper's bounds on max_i ‖H_O,i‖ over the curvature subset, Lemma 2 with true norms, and the
 * measured maximum from {@link CurvatureAnalysis}' per-sample ggn norms (weights only).
 */
public final class BoundsAnalysis implements Analysis<BoundsAnalysis.Options, BoundHierarchy> {
    private static final AnalysisStep STEP = new AnalysisStep("bounds", "bounds");

    /** @param samples the first this many training samples, the curvature subset */
    public record Options(int samples) {
    }

    BoundsAnalysis() {
    }

    @Override
    public AnalysisStep step() {
        return STEP;
    }

    @Override
    public String description() {
        return "the paper's bound on max_i ‖H_O,i‖, Lemma 2 with true norms, and the measured maximum";
    }

    @Override
    public List<Analysis<?, ?>> requires() {
        return List.of(Analyses.CURVATURE);
    }

    @Override
    public Class<BoundHierarchy> resultType() {
        return BoundHierarchy.class;
    }

    @Override
    public Options options(AnalysisOptions settings) {
        return new Options(settings.curvatureSamples());
    }

    @Override
    public BoundHierarchy run(AnalysisInput input, Options options, ProgressMonitor monitor) {
        return BoundHierarchy.of(input.spec(), input.model().theta(),
                CurvatureAnalysis.subset(input.samples(), options.samples()),
                input.result(Analyses.CURVATURE).perSampleGgn().ggnNormWeightsOnly(), monitor, input.engine().threads());
    }

    @Override
    public double cost(AnalysisOptions settings, int n) {
        return PhasedSteps.BOUNDS_PER_SAMPLE * Math.min(n, settings.curvatureSamples());
    }

    @Override
    public String summary(BoundHierarchy b, AnalysisResult all) {
        return String.format(Locale.ROOT, "max_i ‖H_O,i‖ as log10: paper's bound %.2f, Lemma 2 with true norms %.2f, "
                + "measured %.2f (measured value %.4g)", b.paper().log10(), b.lemma2Actual().log10(),
                Math.log10(b.measuredMax()), b.measuredMax());
    }
}
