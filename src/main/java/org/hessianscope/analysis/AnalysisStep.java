package org.hessianscope.analysis;

/**
 * One step of {@link RunAnalysis}: the per-sample pass, then each registered {@link Analysis}.
 *
 * @param key   the one word it goes by; for an analysis, its key in {@code analysis.json}
 * @param label the words shown in progress messages and the GUI
 */
public record AnalysisStep(String key, String label) {
    /** Per-sample losses and predictions, one parallel forward pass that every analysis reads. */
    public static final AnalysisStep PER_SAMPLE = new AnalysisStep("perSample", "per-sample losses and predictions");
}
