package org.hessianscope.analysis;

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
                input.result(Analyses.CURVATURE).perSampleGgn().ggnNormWeightsOnly(), monitor);
    }

    @Override
    public String summary(BoundHierarchy b, AnalysisResult all) {
        return String.format(Locale.ROOT, "log10 bounds on max_i ‖H_O,i‖: paper %.2f, Lemma 2 with true norms %.2f; "
                + "measured %.4g", b.paper().log10(), b.lemma2Actual().log10(), b.measuredMax());
    }
}
