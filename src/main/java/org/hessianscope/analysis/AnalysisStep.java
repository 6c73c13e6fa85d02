package org.hessianscope.analysis;

/**
 * The steps of {@link RunAnalysis}, in the order they run. Curvature (top eigenvalues,
 * per-sample ggn norms) and bound steps are added here when those packages land on main.
 */
public enum AnalysisStep {
    LOSSES("per-sample losses"),
    PREDICTIONS("predictions"),
    LOSS_DIFFERENCE("loss differences");

    private final String label;

    AnalysisStep(String label) {
        this.label = label;
    }

    /** The words shown in progress messages and the GUI. */
    public String label() {
        return label;
    }
}
