package org.hessianscope.ui.train;

import org.hessianscope.ui.common.JobView;
import java.util.List;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import org.hessianscope.train.TrainingProgress;
import org.jfree.chart.fx.ChartViewer;

/** Train button, progress strip with Cancel, time left and the live loss/accuracy chart. */
public final class TrainView extends VBox {
    /** The JavaFX thread drains the training feed this often; drawing more often gains nothing visible. */
    private static final Duration FRAME = Duration.millis(150);
    private final LiveTrainingChart live = new LiveTrainingChart();

    public TrainView(TrainViewModel vm) {
        super(6);
        setPadding(new Insets(8));
        Button train = new Button("Train");
        train.setId("train-button");
        train.setDefaultButton(true);
        train.disableProperty().bind(vm.canTrainProperty().not());
        train.setOnAction(e -> vm.train());
        Label timeLeft = new Label();
        timeLeft.setId("train-time-left");
        timeLeft.textProperty().bind(vm.timeLeftProperty());
        Label last = new Label();
        last.textProperty().bind(vm.lastStepProperty());
        ChartViewer viewer = new ChartViewer(live.chart());
        viewer.setId("live-chart");
        viewer.setPrefHeight(200);
        viewer.setMinHeight(160);
        vm.setOnStart(live::clear);
        getChildren().addAll(new HBox(8, train, timeLeft), new JobView(vm.job(), "train"), last, viewer);

        Timeline frames = new Timeline(new KeyFrame(FRAME, e -> {
            List<TrainingProgress> steps = vm.feed().drain();
            live.append(steps);
            if (!steps.isEmpty()) {
                vm.showed(steps.get(steps.size() - 1));
            }
        }));
        frames.setCycleCount(Timeline.INDEFINITE);
        frames.play();
    }

    int livePoints() {
        return live.points();
    }
}
