package org.hessianscope.analysis;

import org.hessianscope.bounds.BoundHierarchy;
import org.hessianscope.curvature.HessianAnalysis;
import org.hessianscope.landscape.LossDifferenceResult;

/**
 * Everything computed from one trained run that the GUI draws and {@code analyze} writes
 * to {@code RUN_DIR/analysis.json}.
 *
 * @param options        how it was computed (seed included)
 * @param losses         per-sample cross-entropy ℓ_i at the trained weights, training-set order
 * @param labels         the true class of sample i
 * @param predictions    the arg-max class of sample i's logits
 * @param lossDifference |L_{k+1} − L_k| over random orderings
 * @param smoothed       bias-corrected exponential smoothing of the mean curve (index k − 1)
 * @param curvature      Hessian spectrum of the mean loss over the first {@code curvature.samples()} samples,
 *                       their per-sample ggn norms and a subset's ‖H_i‖, ‖H_F,i‖
 * @param bounds         the paper's bounds, Lemma 2 with true norms and the measured max ‖H_O,i‖ on that subset
 */
public record AnalysisResult(AnalysisOptions options, double[] losses, int[] labels, int[] predictions,
                             LossDifferenceResult lossDifference, double[] smoothed, HessianAnalysis.Result curvature,
                             BoundHierarchy bounds) {

    public int n() {
        return losses.length;
    }

    /** The per-sample losses of the curvature subset (the first samples), aligned with its ggn norms. */
    public double[] curvatureLosses() {
        return java.util.Arrays.copyOf(losses, curvature.samples());
    }

    /** Fraction of samples whose prediction equals the label. */
    public double accuracy() {
        int right = 0;
        for (int i = 0; i < labels.length; i++) {
            right += labels[i] == predictions[i] ? 1 : 0;
        }
        return labels.length == 0 ? Double.NaN : (double) right / labels.length;
    }
}
