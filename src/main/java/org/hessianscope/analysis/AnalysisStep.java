package org.hessianscope.analysis;

/** The steps of {@link RunAnalysis}, in the order they run. */
public enum AnalysisStep {
    LOSSES("per-sample losses"),
    PREDICTIONS("predictions"),
    LOSS_DIFFERENCE("loss differences"),
    CURVATURE("curvature"),
    BOUNDS("bounds");

    private final String label;

    AnalysisStep(String label) {
        this.label = label;
    }

    /** The words shown in progress messages and the GUI. */
    public String label() {
        return label;
    }
}
