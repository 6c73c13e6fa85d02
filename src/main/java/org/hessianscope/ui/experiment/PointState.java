package org.hessianscope.ui.experiment;

import java.util.Locale;

/**
 * Where one sweep point stands, as the Experiments table shows it: a stage, the fraction of
 * the stage done (NaN while unknown) and, while analysing, which analysis step runs.
 */
public record PointState(Stage stage, double fraction, String step) {

    enum Stage { PENDING, STORED, STORED_REANALYSE, CHECKING, TRAINING, ANALYSING, TRAINED, REUSED, FAILED, CANCELLED }

    static final PointState PENDING = new PointState(Stage.PENDING, Double.NaN, "");

    static PointState of(Stage stage) {
        return new PointState(stage, Double.NaN, "");
    }

    boolean done() {
        return stage == Stage.TRAINED || stage == Stage.REUSED;
    }

    /** Still to finish: a sweep that stops now leaves this point cancelled or failed. */
    public boolean open() {
        return !done() && stage != Stage.FAILED && stage != Stage.CANCELLED;
    }

    /** The progress bar's value: 1 when done, the fraction while working, −1 (indeterminate) while checking. */
    double progress() {
        return switch (stage) {
            case TRAINED, REUSED -> 1;
            case CHECKING -> -1;
            case TRAINING, ANALYSING -> Double.isNaN(fraction) ? -1 : fraction;
            default -> 0;
        };
    }

    String text() {
        return switch (stage) {
            case PENDING -> "pending";
            case STORED -> "stored — Run reuses it";
            case STORED_REANALYSE -> "stored — Run re-analyses it";
            case CHECKING -> "checking";
            case TRAINING -> "training" + percent();
            case ANALYSING -> "analysing" + (step.isEmpty() ? "" : ": " + step) + percent();
            case TRAINED -> "done — trained";
            case REUSED -> "done — reused";
            case FAILED -> "failed";
            case CANCELLED -> "cancelled";
        };
    }

    private String percent() {
        return Double.isNaN(fraction) ? "" : String.format(Locale.ROOT, " %d%%", Math.round(100 * fraction));
    }
}
