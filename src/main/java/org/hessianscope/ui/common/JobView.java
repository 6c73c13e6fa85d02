package org.hessianscope.ui.common;

import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;

/** A progress strip bound to a {@link JobViewModel}: bar, message and Cancel. */
public final class JobView extends HBox {
    /** Two lines of the default font. */
    private static final double MESSAGE_HEIGHT = 34;

    public JobView(JobViewModel vm, String id) {
        this(vm, id, vm::cancel);
    }

    /** {@code cancel} replaces the job's own cancel, e.g. to let a sweep's workers stop before the job ends. */
    public JobView(JobViewModel vm, String id, Runnable cancel) {
        super(8);
        setAlignment(Pos.CENTER_LEFT);
        ProgressBar bar = new ProgressBar();
        bar.setPrefWidth(120);
        bar.progressProperty().bind(vm.progressProperty());
        Label message = new Label();
        message.textProperty().bind(vm.messageProperty());
        message.setMaxWidth(Double.MAX_VALUE);
        // The message gives way, never the button: Cancel keeps its label however long the message. It wraps
        // onto a second line in a fixed height ("read the ana…" was cut at 1280×720), so nothing below it moves.
        message.setMinWidth(0);
        message.setWrapText(true);
        message.setMinHeight(MESSAGE_HEIGHT);
        message.setPrefHeight(MESSAGE_HEIGHT);
        message.setMaxHeight(MESSAGE_HEIGHT);
        HBox.setHgrow(message, Priority.ALWAYS);
        Button stop = new Button("Cancel");
        stop.setId(id + "-cancel");
        stop.setMinWidth(Button.USE_PREF_SIZE);
        bar.setMinWidth(40);
        stop.disableProperty().bind(vm.runningProperty().not());
        stop.setOnAction(e -> cancel.run());
        stop.setTooltip(new javafx.scene.control.Tooltip("Stops the job at its next step; nothing half-done is saved "
                + "(Escape for the training or the analysis)."));
        bar.setTooltip(new javafx.scene.control.Tooltip("How far the job has got, from empty to full."));
        bar.setId(id + "-progress");
        message.setId(id + "-message");
        // Two lines hold a short message; a long one ("curvature: phase 5/6: spectral density of the Hessian,
        // density probes 1–10 of 10, step 2" in the run list's narrow strip) is whole in its tooltip.
        javafx.scene.control.Tooltip full = new javafx.scene.control.Tooltip();
        full.textProperty().bind(vm.messageProperty());
        message.setTooltip(full);
        getChildren().addAll(bar, message, stop);
    }
}
