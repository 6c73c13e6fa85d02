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

/**
 * The training strip's lesson controls: Play/Pause, Step batch, Step epoch and Reset in one row
 * (the Lesson mode check box, {@link #mode}, goes beside Train), and a line saying which checkpoint
 * the charts show. The buttons stay in place (disabled) with lesson mode off, so switching it never
 * moves what is below. The tooltips name the keys of {@code ui.shortcuts.Shortcuts} (F5–F8) as Train's
 * names Ctrl+↵: that package builds on this one, not the other way (LessonWindowTest keeps them equal).
 */
final class LessonStrip extends VBox {
    /** Space between the buttons: the four must fit one row of the left panel at 1280×720. */
    private static final double GAP = 4;

    /** The Lesson mode check box, bound to {@code lesson}. */
    static CheckBox mode(LessonViewModel lesson) {
        CheckBox mode = new CheckBox("Lesson mode");
        mode.setId("lesson-mode");
        mode.selectedProperty().bindBidirectional(lesson.modeProperty());
        mode.setTooltip(new Tooltip("Trains step by step for a class: Train starts paused at the initial weights, "
                + "and the charts of the run follow each pause, step and epoch."));
        return mode;
    }

    LessonStrip(LessonViewModel lesson, JobViewModel job) {
        super(GAP);
        setId("lesson-strip");
        Button play = button("lesson-play", lesson::playPause, "Plays the training freely (the charts follow every "
                + "epoch), or pauses it before the next batch (F5).");
        play.textProperty().bind(Bindings.when(lesson.playingProperty()).then("Pause").otherwise("Play"));
        Button batch = button("lesson-step-batch", lesson::stepBatch, "Trains one batch (one Adam step) and pauses; "
                + "the charts show the weights after it (F6).");
        batch.setText("Step batch");
        Button epoch = button("lesson-step-epoch", lesson::stepEpoch, "Trains to the end of the epoch (a whole epoch "
                + "from its start) and pauses (F7).");
        epoch.setText("Step epoch");
        Button reset = button("lesson-reset", lesson::reset, "Starts the lesson again from the seed's initial weights, "
                + "paused; the run in progress is dropped, saved runs are untouched (F8).");
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
        // Whole labels, never "Step ba…": one row at 1280×720, wrapping only when presenter mode's scale needs it.
        for (Button b : new Button[] {play, batch, epoch, reset}) {
            b.setMinWidth(Button.USE_PREF_SIZE);
            b.setStyle("-fx-padding: 0.333em 0.5em 0.333em 0.5em;");
        }
        // One width for Play and Pause: the buttons beside it must not move when its label changes.
        play.setPrefWidth(play.getFont().getSize() * 4.2);
        getChildren().addAll(new FlowPane(GAP, GAP, play, batch, epoch, reset), shown);
    }

    private static Button button(String id, Runnable action, String tip) {
        Button b = new Button();
        b.setId(id);
        b.setOnAction(e -> action.run());
        b.setTooltip(new Tooltip(tip));
        return b;
    }
}
