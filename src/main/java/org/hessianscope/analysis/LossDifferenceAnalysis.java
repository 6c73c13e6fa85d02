package org.hessianscope.analysis;

import java.util.Locale;
import org.hessianscope.landscape.LossDifference;
import org.hessianscope.landscape.LossDifferenceOptions;
import org.hessianscope.landscape.LossDifferenceResult;
import org.hessianscope.task.ProgressMonitor;

/** |L_{k+1} − L_k| over random orderings of the per-sample losses (the worked example of docs/analyses.md). */
public final class LossDifferenceAnalysis implements Analysis<LossDifferenceOptions, LossDifferenceResult> {
    private static final AnalysisStep STEP = new AnalysisStep("lossDifference", "loss differences");

    LossDifferenceAnalysis() {
    }

    @Override
    public AnalysisStep step() {
        return STEP;
    }

    @Override
    public Class<LossDifferenceResult> resultType() {
        return LossDifferenceResult.class;
    }

    @Override
    public LossDifferenceOptions options(AnalysisOptions settings) {
        return settings.lossDifference();
    }

    @Override
    public LossDifferenceResult run(AnalysisInput input, LossDifferenceOptions options, ProgressMonitor monitor) {
        return LossDifference.analyze(input.losses(), options, monitor);
    }

    /** Seeded orderings of the losses: under a second for 60,000 losses, so the compact file leaves it out. */
    @Override
    public boolean fromLossesAlone() {
        return true;
    }

    @Override
    public String summary(LossDifferenceResult d, AnalysisResult all) {
        return String.format(Locale.ROOT, "%d samples, mean loss %.6f, accuracy %.4f%n", all.n(), d.losses().mean(),
                all.accuracy())
                + String.format(Locale.ROOT, "|L_2 - L_1| = %.6g, |L_N - L_{N-1}| = %.6g (mean of %d orderings)",
                d.meanAbs(1), d.meanAbs(all.n() - 1), d.orderings());
    }
}
