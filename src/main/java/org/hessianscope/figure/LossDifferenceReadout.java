package org.hessianscope.figure;

import org.hessianscope.landscape.LossDifferenceBound;
import org.hessianscope.landscape.LossDifferenceResult;
import org.hessianscope.landscape.Smoothing;

import java.util.ArrayList;
import java.util.List;

/**
 * The values of every run at one k, for the GUI's hover readout on the loss-difference chart.
 * Read from the full result records, not from the reduced curves, so the readout is exact at
 * every k even where the chart dropped points.
 */
public final class LossDifferenceReadout {

    /**
     * One run at k. Quantiles are NaN when k is off the run's quantile grid.
     *
     * @param smoothed the smoothed mean as {@link LossDifferenceLayers#smoothed()} asks, NaN when none
     */
    public record Row(String label, int k, double meanAbs, double stderrAbs, double exactRms, double smoothed,
                      double bound, double q25, double q50, double q75) {
    }

    private LossDifferenceReadout() {
    }

    /** Rows for the runs whose N allows this k (1 ≤ k ≤ N−1), in run order. */
    public static List<Row> at(List<LabelledLossDifference> runs, int k, LossDifferenceLayers layers) {
        List<Row> rows = new ArrayList<>();
        for (LabelledLossDifference run : runs) {
            LossDifferenceResult r = run.result();
            if (k < 1 || k > r.n() - 1) {
                continue;
            }
            double smoothed = switch (layers.smoothed()) {
                case NONE -> Double.NaN;
                case AUTHORS -> Smoothing.ema(r.meanAbs(), layers.alpha())[k - 1];
                case BIAS_CORRECTED -> Smoothing.emaBiasCorrected(r.meanAbs(), layers.alpha())[k - 1];
            };
            rows.add(new Row(run.label(), k, r.meanAbs(k), r.stderrAbs(k), Math.sqrt(r.exactMeanSq(k)), smoothed,
                    LossDifferenceBound.loss(k, r.losses().maxAbs()), r.quantile(1, k), r.quantile(2, k),
                    r.quantile(3, k)));
        }
        return rows;
    }

    /** The k nearest to a chart x value (e.g. the crosshair's), clamped to 1..maxK. */
    public static int nearestK(double x, int maxK) {
        if (!(x >= 1)) {
            return 1;
        }
        return (int) Math.min(maxK, Math.round(x));
    }
}
