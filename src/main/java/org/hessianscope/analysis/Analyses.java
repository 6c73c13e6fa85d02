package org.hessianscope.analysis;

import java.util.List;

/**
 * The registry: every analysis of a trained run, in the order {@link RunAnalysis} runs them (an
 * analysis reads only those before it). Adding one is a class and a line here; docs/analyses.md.
 */
public final class Analyses {
    public static final LossDifferenceAnalysis LOSS_DIFFERENCE = new LossDifferenceAnalysis();
    public static final SmoothingAnalysis SMOOTHED = new SmoothingAnalysis();
    public static final CurvatureAnalysis CURVATURE = new CurvatureAnalysis();
    public static final BoundsAnalysis BOUNDS = new BoundsAnalysis();

    /** In running order; also the order of their keys in {@code analysis.json}. */
    public static final List<Analysis<?, ?>> ALL = List.of(LOSS_DIFFERENCE, SMOOTHED, CURVATURE, BOUNDS);

    private Analyses() {
    }
}
