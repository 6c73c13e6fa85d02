package org.hessianscope.ui.train;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.VBox;
import org.hessianscope.ui.common.JobViewModel;
import org.hessianscope.ui.shortcuts.Shortcuts;

/**
 * The training strip's lesson controls: the Lesson mode check box, Play/Pause, Step batch, Step
 * epoch and Reset, and a line saying which checkpoint the charts show. The buttons stay in place
 * (disabled) with lesson mode off, so switching it never moves what is below.
 */
final class LessonStrip extends VBox {
    LessonStrip(LessonViewModel lesson, JobViewModel job) {
        super(4);
        setId("lesson-strip");
        CheckBox mode = new CheckBox("Lesson mode");
        mode.setId("lesson-mode");
        mode.selectedProperty().bindBidirectional(lesson.modeProperty());
        mode.setTooltip(new Tooltip("Trains step by step for a class: Train starts paused at the initial weights, "
                + "and the charts of the run follow each pause, step and epoch."));
        Button play = button("lesson-play", lesson::playPause, "Plays the training freely (the charts follow every "
                + "epoch), or pauses it before the next batch (" + Shortcuts.LESSON_PLAY_PAUSE.getDisplayText() + ").");
        play.textProperty().bind(Bindings.when(lesson.playingProperty()).then("Pause").otherwise("Play"));
        // Wide enough for either label: the buttons beside it must not move when it changes.
        play.setMinWidth(64);
        Button batch = button("lesson-step-batch", lesson::stepBatch, "Trains one batch (one Adam step) and pauses; "
                + "the charts show the weights after it (" + Shortcuts.LESSON_STEP_BATCH.getDisplayText() + ").");
        batch.setText("Step batch");
        Button epoch = button("lesson-step-epoch", lesson::stepEpoch, "Trains to the end of the epoch (a whole epoch "
                + "from its start) and pauses (" + Shortcuts.LESSON_STEP_EPOCH.getDisplayText() + ").");
        epoch.setText("Step epoch");
        Button reset = button("lesson-reset", lesson::reset, "Starts the lesson again from the seed's initial weights, "
                + "paused; the run in progress is dropped, saved runs are untouched ("
                + Shortcuts.LESSON_RESET.getDisplayText() + ").");
        reset.setText("Reset");
        // Off with lesson mode off, and while an ordinary training runs (a lesson cannot take it over).
        BooleanBinding off = lesson.modeProperty().not()
                .or(job.runningProperty().and(lesson.activeProperty().not()));
        for (Button b : new Button[] {play, batch, epoch, reset}) {
            b.disableProperty().bind(off);
        }
        Label shown = new Label();
        shown.setId("lesson-shown");
        shown.textProperty().bind(lesson.shownProperty());
        // Fixed room for the line, so a checkpoint's text appearing does not push the strip below down.
        shown.setMinHeight(18);
        shown.setPrefHeight(18);
        FlowPane buttons = new FlowPane(6, 4, mode, play, batch, epoch, reset);
        getChildren().addAll(buttons, shown);
    }

    private static Button button(String id, Runnable action, String tip) {
        Button b = new Button();
        b.setId(id);
        b.setOnAction(e -> action.run());
        b.setTooltip(new Tooltip(tip));
        return b;
    }
}
