package org.hessianscope.analysis;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.hessianscope.bounds.BoundHierarchy;
import org.hessianscope.curvature.Curvature;
import org.hessianscope.landscape.LossDifferenceResult;

/**
 * Everything computed from one trained run that the GUI draws and {@code analyze} writes
 * to {@code RUN_DIR/analysis.json}: the per-sample pass and the result of every registered
 * {@link Analysis}, by its key ({@link #get}). The named accessors are shorthands for the
 * analyses the GUI draws today.
 */
public final class AnalysisResult {
    private final AnalysisOptions options;
    private final double[] losses;
    private final int[] labels;
    private final int[] predictions;
    private final Map<String, Object> results;

    /**
     * @param options     how it was computed (seed included)
     * @param losses      per-sample cross-entropy ℓ_i at the trained weights, training-set order
     * @param labels      the true class of sample i
     * @param predictions the arg-max class of sample i's logits
     * @param results     each analysis' result by {@link AnalysisStep#key()}; a missing one is absent
     */
    public AnalysisResult(AnalysisOptions options, double[] losses, int[] labels, int[] predictions,
                          Map<String, Object> results) {
        this.options = options;
        this.losses = losses;
        this.labels = labels;
        this.predictions = predictions;
        this.results = Collections.unmodifiableMap(new LinkedHashMap<>(results));
    }

    public AnalysisOptions options() {
        return options;
    }

    public double[] losses() {
        return losses;
    }

    public int[] labels() {
        return labels;
    }

    public int[] predictions() {
        return predictions;
    }

    /** Each analysis' result by key, in registry order. */
    public Map<String, Object> results() {
        return results;
    }

    /** The result of {@code analysis}, or null when this analysis lacks it. */
    public <R> R get(Analysis<?, R> analysis) {
        return analysis.resultType().cast(results.get(analysis.step().key()));
    }

    /** |L_{k+1} − L_k| over random orderings. */
    public LossDifferenceResult lossDifference() {
        return get(Analyses.LOSS_DIFFERENCE);
    }

    /** Bias-corrected exponential smoothing of the mean loss-difference curve (index k − 1). */
    public double[] smoothed() {
        return get(Analyses.SMOOTHED);
    }

    /** Curvature of the mean loss over the first {@code curvature().samples()} samples. */
    public Curvature.Result curvature() {
        return get(Analyses.CURVATURE);
    }

    /** The paper's bounds, Lemma 2 with true norms and the measured max ‖H_O,i‖ on the curvature subset. */
    public BoundHierarchy bounds() {
        return get(Analyses.BOUNDS);
    }

    public int n() {
        return losses.length;
    }

    /** The per-sample losses of the curvature subset (the first samples), aligned with its ggn norms. */
    public double[] curvatureLosses() {
        return Arrays.copyOf(losses, curvature().samples());
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
