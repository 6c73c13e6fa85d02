package org.hessianscope.analysis;

import org.hessianscope.landscape.Smoothing;
import org.hessianscope.task.ProgressMonitor;

/** The bias-corrected exponential smoothing of the mean loss-difference curve (index k − 1). */
public final class SmoothingAnalysis implements Analysis<SmoothingAnalysis.Options, double[]> {
    private static final AnalysisStep STEP = new AnalysisStep("smoothed", "smoothing");

    /** @param alpha the smoothing factor (the paper's 0.995) */
    public record Options(double alpha) {
        public Options {
            Smoothing.requireAlpha(alpha);
        }
    }

    SmoothingAnalysis() {
    }

    @Override
    public AnalysisStep step() {
        return STEP;
    }

    @Override
    public Class<double[]> resultType() {
        return double[].class;
    }

    @Override
    public Options options(AnalysisOptions settings) {
        return new Options(settings.alpha());
    }

    @Override
    public double[] run(AnalysisInput input, Options options, ProgressMonitor monitor) {
        return Smoothing.emaBiasCorrected(input.result(Analyses.LOSS_DIFFERENCE).meanAbs(), options.alpha());
    }

    @Override
    public boolean fromLossesAlone() {
        return true;
    }
}
