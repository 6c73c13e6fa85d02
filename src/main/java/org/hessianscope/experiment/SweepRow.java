package org.hessianscope.experiment;

import org.hessianscope.analysis.AnalysisResult;
import org.hessianscope.bounds.BoundHierarchy;
import org.hessianscope.curvature.Curvature;
import org.hessianscope.landscape.LossDifferenceResult;
import org.hessianscope.run.RunInfo;

/**
 * One line of a sweep's summary: the point, its run, and the numbers the paper's hypotheses
 * are judged by. NaN marks a number the analysis did not produce.
 *
 * @param index               position of the run in the sweep (the networks of the first seed, then the next seed's)
 * @param seed                the training seed of the run
 * @param run                 absolute path of the run folder
 * @param trained             trained by this sweep (false: reused from the store)
 * @param lossStd             population standard deviation s of the per-sample losses (divides by N; the
 *                            closed form's sample variance is s² N/(N−1)); the exact E[ΔL_k²] is
 *                            proportional to s², so it orders the curves
 * @param lossDifferenceTail  mean over k ∈ [⌈N/6⌉, N−1] of the Monte Carlo mean |L_{k+1} − L_k|: the
 *                            range the authors plot (k ≥ 10,000 of 60,000)
 * @param exactTail           the same mean of the exact root mean square sqrt(E[ΔL_k²])
 * @param hessianTop          largest Ritz value of H of the mean loss on the curvature subset
 * @param hessianBottom       smallest Ritz value; negative means θ̂ is not a minimum
 * @param residualOverGgn     ‖H_F‖ / ‖H_O‖ of the mean loss
 * @param maxResidualRatio    max over the per-sample subset of ‖H_F,i‖ / ‖H_O,i‖ (the paper neglects H_F)
 * @param maxGgnNorm          max_i ‖H_O,i‖ (weights only) over the curvature subset
 */
public record SweepRow(int index, String parameter, String value, long seed, String run, boolean trained, String status,
                       int parameters, int epochs, int trainSize, double trainLoss, double trainAccuracy,
                       double testLoss, double testAccuracy, double lossMean, double lossStd, double lossMax,
                       double lossDifferenceTail, double exactTail, double hessianTop, double hessianBottom,
                       double ggnTop, double residualOverGgn, double medianResidualRatio, double maxResidualRatio,
                       double maxGgnNorm, double paperBoundLog10, double lemma2BoundLog10, double measuredLog10) {

    public static SweepRow of(SweepFile sweep, PointResult r) {
        RunInfo info = r.run().info();
        AnalysisResult a = r.analysis();
        LossDifferenceResult d = a.lossDifference();
        int n = d.n();
        int k0 = Math.max(1, (n + 5) / 6);
        double tail = 0;
        double exact = 0;
        int count = 0;
        for (int k = k0; k <= n - 1; k++) {
            tail += d.meanAbs(k);
            exact += Math.sqrt(d.exactMeanSq(k));
            count++;
        }
        Curvature.Result c = a.curvature();
        double top = Double.NaN;
        double bottom = Double.NaN;
        double ggnTop = Double.NaN;
        double ratio = Double.NaN;
        double median = Double.NaN;
        double max = Double.NaN;
        double ggnMax = Double.NaN;
        if (c != null) {
            if (c.hessian() != null) {
                top = java.util.Arrays.stream(c.hessian().ritzValues()).max().orElse(Double.NaN);
                bottom = java.util.Arrays.stream(c.hessian().ritzValues()).min().orElse(Double.NaN);
            }
            if (c.ggn() != null) {
                ggnTop = c.ggn().largestMagnitude();
            }
            ratio = c.residualOverGgn();
            if (c.perSampleFull() != null) {
                median = c.perSampleFull().medianRatio();
                max = c.perSampleFull().maxRatio();
            }
            if (c.perSampleGgn() != null) {
                ggnMax = c.perSampleGgn().weightsOnlySummary().max();
            }
        }
        BoundHierarchy b = a.bounds();
        return new SweepRow(r.point().index(), sweep.parameter().key(), r.point().value(), r.point().seed(),
                r.run().folder().toString(), r.trained(), info.status(), r.point().spec().parameterCount(),
                info.options().epochs(), info.data().trainSize(), metric(info.train(), true),
                metric(info.train(), false), metric(info.test(), true), metric(info.test(), false),
                d.losses().mean(), d.losses().std(), d.losses().max(), count == 0 ? Double.NaN : tail / count,
                count == 0 ? Double.NaN : exact / count, top, bottom, ggnTop, ratio, median, max, ggnMax,
                b == null ? Double.NaN : b.paper().log10(), b == null ? Double.NaN : b.lemma2Actual().log10(),
                b == null ? Double.NaN : Math.log10(b.measuredMax()));
    }

    private static double metric(RunInfo.Metrics m, boolean loss) {
        return m == null ? Double.NaN : loss ? m.loss() : m.accuracy();
    }

    /** The swept value as a number for trends and axes; the point's index for a pool type sweep. */
    public double x() {
        return x(value, index);
    }

    /** The x of a point with swept {@code value} at {@code index}; shared with the GUI, which tags runs before a summary exists. */
    public static double x(String value, int index) {
        try {
            return Double.parseDouble(value);
        } catch (NumberFormatException e) {
            return index;
        }
    }
}
