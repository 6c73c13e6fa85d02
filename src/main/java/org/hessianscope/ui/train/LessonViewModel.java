package org.hessianscope.ui.train;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;
import javafx.application.Platform;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import org.hessianscope.analysis.AnalysisResult;
import org.hessianscope.analysis.LessonAnalysis;
import org.hessianscope.arch.ArchitectureSpec;
import org.hessianscope.data.Samples;
import org.hessianscope.engine.Engine;
import org.hessianscope.run.RunInfo;
import org.hessianscope.run.TrainedRun;
import org.hessianscope.task.ProgressMonitor;
import org.hessianscope.train.LessonCheckpoint;
import org.hessianscope.train.LessonControl;
import org.hessianscope.train.Pacing;
import org.hessianscope.train.PyTorchInit;
import org.hessianscope.train.TrainingOptions;
import org.hessianscope.ui.runs.RunItem;
import org.hessianscope.ui.runs.RunsViewModel;

/**
 * Lesson mode of the Train panel: the training plays, pauses and steps one batch or one epoch
 * ({@link LessonControl}) while the run list shows it as a run of its own, whose charts are
 * brought up to date at each checkpoint (paused, after a step, and every epoch while it plays)
 * by a quick {@link LessonAnalysis} of the weights then, off the JavaFX thread, each labelled
 * with the epoch and batch it belongs to. Reset starts again from the seed's initial weights as a
 * new run (the one in progress is cancelled, nothing saved is touched). A lesson's run is saved
 * in the run store when it finishes, as any other.
 *
 * <p>The commands are called on the JavaFX thread; when no lesson runs, Play and the steps start one.
 */
public final class LessonViewModel {
    /** What the next lesson run does first. */
    enum Start { PAUSED, PLAY, BATCH, EPOCH }

    private final RunsViewModel runs;
    private final Engine engine;
    private final Runnable train;
    private final Runnable cancel;
    private final BooleanProperty mode = new SimpleBooleanProperty(false);
    private final ReadOnlyBooleanWrapper playing = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper active = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper shown = new ReadOnlyStringWrapper("");
    /** One analysis at a time, of the latest checkpoint only: a class pressing Step quickly sees the last. */
    private final ExecutorService analyser = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "lesson-analysis");
        t.setDaemon(true);
        return t;
    });
    private Start next = Start.PAUSED;
    private boolean restart;
    /** Read by the analyser thread to drop the checkpoints of a lesson that has ended. */
    private volatile Lesson current;

    /** {@code train} starts a training (the Train button's); {@code cancel} cancels the running one. */
    LessonViewModel(RunsViewModel runs, Engine engine, Runnable train, Runnable cancel) {
        this.runs = runs;
        this.engine = engine;
        this.train = train;
        this.cancel = cancel;
        // Lesson mode switched off mid-lesson: the training must not stay paused with no button to go on.
        mode.addListener((o, was, now) -> {
            if (!now && current != null) {
                play();
            }
        });
    }

    /** One lesson's training: its control, its item in the run list and the data its checkpoints are analysed on. */
    final class Lesson {
        final LessonControl control;
        final RunItem item;
        final TrainedRun start;
        /** The control stops before the first batch and reports the initial weights only when the lesson starts paused. */
        private final boolean reportStart;
        private volatile Samples data;
        private final AtomicReference<LessonCheckpoint> pending = new AtomicReference<>();

        private Lesson(Start first, RunItem item, TrainedRun start) {
            this.item = item;
            this.start = start;
            reportStart = first != Start.PAUSED;
            control = first == Start.PLAY ? LessonControl.playing(this::reached) : LessonControl.paused(this::reached);
            if (first == Start.BATCH) {
                control.stepBatch();
            } else if (first == Start.EPOCH) {
                control.stepEpoch();
            }
        }

        /** The training set, known once the worker loaded it (before training starts). */
        void data(Samples train) {
            data = train;
            if (reportStart) {
                reached(new LessonCheckpoint(0, 0, 0, 0, start.init(), false));
            }
        }

        Pacing pacing() {
            return control;
        }

        /** On the training thread: keep only the latest checkpoint, and let the analyser take it. */
        private void reached(LessonCheckpoint c) {
            if (pending.getAndSet(c) == null) {
                analyser.execute(this::analyseLatest);
            }
        }

        private void analyseLatest() {
            LessonCheckpoint c = pending.getAndSet(null);
            if (c == null || data == null || current != this) {
                return;
            }
            Platform.runLater(() -> {
                if (current == this) {
                    shown.set("analysing " + c.label() + "…");
                }
            });
            TrainedRun at = new TrainedRun(start.spec(), start.init(), c.weights(), List.of(), start.info());
            AnalysisResult result;
            try {
                result = new LessonAnalysis(engine, engine.threads()).analyze(at, data, ProgressMonitor.NONE);
            } catch (RuntimeException e) {
                Platform.runLater(() -> shown.set("the analysis of " + c.label() + " failed: " + e.getMessage()));
                return;
            }
            Platform.runLater(() -> {
                if (current == this) {
                    runs.showLesson(item, result, c.label());
                    shown.set("charts show " + c.label());
                }
            });
        }
    }

    /**
     * Called by Train on the JavaFX thread: the lesson for this training, or null when lesson mode is
     * off. Lists the run at its initial weights and selects it.
     */
    Lesson begin(ArchitectureSpec spec, TrainingOptions options, Path folder, String dataset, int size) {
        if (!mode.get()) {
            return null;
        }
        double[] init = PyTorchInit.initialise(spec, options.seed());
        options.precision().round(init);
        RunInfo info = new RunInfo("training", "lesson in progress", options.seed(), options,
                new RunInfo.DataUsed(dataset, size, 0, "lesson"), Instant.now().toString(), "", null, null,
                RunInfo.Versions.current(), null);
        TrainedRun start = new TrainedRun(spec, init, init, List.of(), info);
        RunItem item = runs.addLesson(folder.resolveSibling("lesson"), start, "initial weights");
        current = new Lesson(next, item, start);
        playing.set(next == Start.PLAY);
        next = Start.PAUSED;
        shown.set("");
        active.set(true);
        return current;
    }

    /** Called when the lesson's training ended (done, failed or cancelled): its item leaves the run list. */
    /** True between a Reset press and the cancelled lesson's end: that cancel is the reset's, not the user's. */
    boolean resetting() {
        return restart;
    }

    void ended() {
        if (current == null) {
            return;
        }
        runs.dropLesson(current.item);
        current = null;
        active.set(false);
        playing.set(false);
        shown.set("");
        if (restart) {
            restart = false;
            next = Start.PAUSED;
            train.run();
        }
    }

    public void playPause() {
        if (playing.get()) {
            pause();
        } else {
            play();
        }
    }

    public void play() {
        if (current == null) {
            start(Start.PLAY);
            return;
        }
        current.control.play();
        playing.set(true);
    }

    public void pause() {
        if (current != null) {
            current.control.pause();
        }
        playing.set(false);
    }

    public void stepBatch() {
        if (current == null) {
            start(Start.BATCH);
            return;
        }
        current.control.stepBatch();
        playing.set(false);
    }

    public void stepEpoch() {
        if (current == null) {
            start(Start.EPOCH);
            return;
        }
        current.control.stepEpoch();
        playing.set(false);
    }

    /** Back to the seed's initial weights, paused: the lesson in progress is cancelled (nothing is saved of it). */
    public void reset() {
        if (current == null) {
            start(Start.PAUSED);
            return;
        }
        restart = true;
        cancel.run();
    }

    private void start(Start first) {
        mode.set(true);
        next = first;
        train.run();
        if (current == null) {
            next = Start.PAUSED; // Train refused (a field to fix): the next press starts paused again
        }
    }

    /** Lesson mode: Train (and Play, the steps) pace the training and bring the charts up to date at each checkpoint. */
    public BooleanProperty modeProperty() {
        return mode;
    }

    /** True while a lesson plays (the button then offers Pause). */
    public ReadOnlyBooleanProperty playingProperty() {
        return playing.getReadOnlyProperty();
    }

    /** True while a lesson's training runs (paused or not). */
    public ReadOnlyBooleanProperty activeProperty() {
        return active.getReadOnlyProperty();
    }

    /** Which checkpoint the charts show ("charts show epoch 1, batch 3/16 (step 3)"), or the one being analysed. */
    public ReadOnlyStringProperty shownProperty() {
        return shown.getReadOnlyProperty();
    }
}
