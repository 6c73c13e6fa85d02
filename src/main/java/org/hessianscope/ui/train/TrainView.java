package org.hessianscope.ui.train;

import org.hessianscope.ui.common.JobView;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.jfree.chart.fx.ChartViewer;

/** Train button, progress strip with Cancel, time left and the live loss/accuracy chart. */
public final class TrainView extends VBox {
    private final LiveTrainingChart live = new LiveTrainingChart();

    public TrainView(TrainViewModel vm) {
        super(6);
        setId("train-panel");
        setPadding(new Insets(8));
        Button train = new Button("Train");
        train.setId("train-button");
        // Not the default button: Enter in a field (the seed, say) must never start a long job.
        train.disableProperty().bind(vm.canTrainProperty().not());
        train.setOnAction(e -> vm.train());
        String what = "Trains the builder's network in the background with Adam "
                + "(learning rate 10⁻³, batch 64), saves it as a run and analyses it (Ctrl+↵).";
        javafx.scene.control.Tooltip tip = new javafx.scene.control.Tooltip();
        // While disabled it says why (a marked field, a spec that cannot be built) before what it does.
        javafx.beans.binding.StringBinding why = vm.whyNotTrain();
        tip.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(() -> why.get().isEmpty()
                ? what : why.get() + " " + what, why));
        train.setTooltip(tip);
        Label timeLeft = new Label();
        timeLeft.setId("train-time-left");
        timeLeft.textProperty().bind(vm.timeLeftProperty());
        timeLeft.setMinWidth(Label.USE_PREF_SIZE);
        Label last = new Label();
        last.setId("train-last-step");
        last.textProperty().bind(vm.lastStepProperty());
        Label estimate = new Label();
        estimate.setId("train-estimate");
        estimate.textProperty().bind(vm.estimateProperty());
        estimate.setWrapText(true);
        estimate.setMinHeight(34);
        estimate.setPrefHeight(34);
        ChartViewer viewer = new ChartViewer(live.chart());
        viewer.setId("live-chart");
        viewer.setPrefHeight(200);
        viewer.setMinHeight(160);
        // Not a stop for focus: when a training ends its Cancel is disabled and JavaFX hands the focus on to
        // the next traversable node, and the left panel's ScrollPane scrolls that node into view. The chart
        // lies below the panel's bottom edge in a 1260×780 window, so Train jumped 207 px up under the mouse.
        viewer.setFocusTraversable(false);
        viewer.getCanvas().setFocusTraversable(false);
        javafx.scene.control.Tooltip.install(viewer, new javafx.scene.control.Tooltip("Running loss and accuracy of "
                + "the training, one point per batch (the mean of the last 20); drag to zoom, Ctrl+0 resets."));
        vm.setOnStart(live::clear);
        getChildren().addAll(new HBox(8, train, LessonStrip.mode(vm.lesson()), timeLeft), new LessonStrip(vm.lesson(), vm.job()), estimate,
                new JobView(vm.job(), "train"), last, viewer);

        vm.setOnSteps(live::append);
    }
}
