package org.hessianscope.ui.train;

import org.hessianscope.ui.builder.BuilderViewModel;
import org.hessianscope.ui.common.BackgroundTask;
import org.hessianscope.ui.common.Durations;
import org.hessianscope.ui.common.Feed;
import java.util.List;
import java.util.function.Consumer;
import org.hessianscope.ui.common.JobViewModel;
import org.hessianscope.ui.common.Messages;
import org.hessianscope.ui.runs.RunItem;
import org.hessianscope.ui.runs.RunsViewModel;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.hessianscope.arch.ArchitectureSpec;
import org.hessianscope.data.Dataset;
import org.hessianscope.data.DatasetCatalog;
import org.hessianscope.data.Split;
import org.hessianscope.engine.Engine;
import org.hessianscope.engine.Precision;
import org.hessianscope.experiment.DataIdentity;
import org.hessianscope.experiment.Lookup;
import org.hessianscope.experiment.RunKey;
import org.hessianscope.experiment.RunStore;
import org.hessianscope.run.RunFolder;
import org.hessianscope.run.RunTraining;
import org.hessianscope.run.TrainingSpeed;
import org.hessianscope.train.TrainingOptions;
import org.hessianscope.train.TrainingProgress;
import org.hessianscope.train.TrainingResult;

/**
 * The Train button: trains the builder's spec in the background (live steps go to
 * the window's {@link Feed}), stores the run in the run store under its key, opens it in the run
 * list and starts its analysis there. A key the store already holds is offered instead of retrained.
 */
public final class TrainViewModel {
    private final BuilderViewModel builder;
    private final RunsViewModel runs;
    private final JobViewModel job;
    private final Messages messages;
    private final DatasetCatalog catalog;
    private final Engine engine;
    private final Path runsDir;
    private final Feed<TrainingProgress> feed = new Feed<>(javafx.application.Platform::runLater);
    private final ReadOnlyStringWrapper timeLeft = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper last = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper estimate = new ReadOnlyStringWrapper("");
    /** Measured from the runs in the store; null until measured or when none is usable. Read on the JavaFX thread. */
    private TrainingSpeed speed;
    /** The key whose stored run was offered by the last Train press: pressing Train again for it retrains. */
    private RunKey offered;
    private Runnable onStart = () -> {
    };
    private Consumer<List<TrainingProgress>> onSteps = steps -> {
    };
    private final LessonViewModel lesson;

    public TrainViewModel(BuilderViewModel builder, RunsViewModel runs, JobViewModel job, Messages messages,
                          DatasetCatalog catalog, Engine engine, Path runsDir) {
        this.builder = builder;
        this.runs = runs;
        this.job = job;
        this.messages = messages;
        this.catalog = catalog;
        this.engine = engine;
        this.runsDir = runsDir;
        this.lesson = new LessonViewModel(runs, engine, this::train, job::cancel);
        feed.onBatch(steps -> {
            onSteps.accept(steps);
            showed(steps.get(steps.size() - 1));
        });
        for (javafx.beans.Observable o : new javafx.beans.Observable[] {builder.specProperty(),
                builder.trainSizeProperty(), builder.epochsProperty()}) {
            o.addListener(x -> estimate());
        }
        measureSpeed();
    }

    /**
     * Measures the training speed from the run store off the JavaFX thread (it reads each run's
     * run.json and spec.json), then updates the estimate (issue 17, defect 11).
     */
    private void measureSpeed() {
        java.util.concurrent.CompletableFuture.supplyAsync(() -> {
            try {
                return TrainingSpeed.measured(runsDir).orElse(null);
            } catch (java.io.IOException e) {
                return null;
            }
        }).thenAcceptAsync(s -> {
            speed = s;
            estimate();
        }, javafx.application.Platform::runLater);
    }

    private void estimate() {
        ArchitectureSpec spec = builder.specProperty().get();
        if (speed == null || spec == null) {
            estimate.set("");
            return;
        }
        estimate.set("training ≈ " + Durations.format(speed.trainingSeconds(spec, builder.trainSizeProperty().get(),
                builder.epochsProperty().get())) + " at the speed measured here (" + speed.runs()
                + (speed.runs() == 1 ? " run" : " runs") + " in the run store)");
    }

    /** The training time at the speed measured from the runs this machine trained; empty before any. */
    public ReadOnlyStringProperty estimateProperty() {
        return estimate.getReadOnlyProperty();
    }

    /** For tests: the speed the estimate uses, as if measured. */
    void setSpeed(TrainingSpeed s) {
        speed = s;
        estimate();
    }

    /** Receives the training steps on the JavaFX thread, every one, a batch per turn. */
    void setOnSteps(Consumer<List<TrainingProgress>> c) {
        onSteps = c;
    }

    /** Called on the JavaFX thread when a training starts, so the live chart can clear itself. */
    void setOnStart(Runnable r) {
        onStart = r;
    }

    public BooleanBinding canTrainProperty() {
        return builder.specProperty().isNotNull().and(builder.invalidFieldProperty().isEmpty())
                .and(job.runningProperty().not());
    }

    /** Why Train is disabled, for its tooltip: the field or the architecture to fix first; empty otherwise. */
    public javafx.beans.binding.StringBinding whyNotTrain() {
        return javafx.beans.binding.Bindings.createStringBinding(() -> !builder.invalidFieldProperty().get().isEmpty()
                        ? "Train is off until this field is fixed: " + builder.invalidFieldProperty().get() + "."
                        : builder.specProperty().get() == null
                        ? "Train is off until the architecture is fixed: " + builder.problemProperty().get() + "."
                        : "", builder.invalidFieldProperty(), builder.specProperty(), builder.problemProperty());
    }

    public void train() {
        if (job.runningProperty().get()) {
            // Before anything is set up for a run (a lesson's item in the run list) that would not start.
            messages.info("wait for \"" + job.titleProperty().get() + "\" to finish, or cancel it");
            return;
        }
        ArchitectureSpec spec = builder.specProperty().get();
        if (spec == null) {
            messages.info("fix the architecture first: " + builder.problemProperty().get());
            return;
        }
        if (!builder.invalidFieldProperty().get().isEmpty()) {
            messages.info("fix the field first: " + builder.invalidFieldProperty().get());
            return;
        }
        var name = builder.datasetProperty().get();
        int size = builder.trainSizeProperty().get();
        TrainingOptions options;
        try {
            // The GUI trains as PyTorch users do; every analysis of the run is float64.
            options = TrainingOptions.paper(builder.epochsProperty().get(), builder.seedProperty().get())
                    .withPrecision(Precision.FLOAT32);
        } catch (IllegalArgumentException e) {
            messages.error("training", e);
            return;
        }
        // A run already in the store is offered, not retrained; pressing Train again for that key retrains it.
        RunStore store = new RunStore(runsDir);
        RunKey offered = this.offered;
        this.offered = null;
        Path fresh = runsDir.resolve(String.format(Locale.ROOT, "L%d-k%d-C%d-%s", spec.layers(),
                spec.conv().get(0).kernel(), spec.conv().get(0).channels(),
                LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"))));
        TrainingFeed listener = new TrainingFeed(feed.restart());
        timeLeft.set("");
        last.set("");
        onStart.run();
        // Lesson mode: paced, and always trained (the class watches it learn), even when the store holds the key.
        LessonViewModel.Lesson paced = lesson.begin(spec, options, fresh, name.key(), size);
        job.run(BackgroundTask.of("train " + RunKey.describe(spec), m -> {
                    Dataset all = catalog.load(name, Split.TRAIN);
                    if (size < 2 || size > all.size()) {
                        throw new IllegalArgumentException("training-set size " + size + " is outside 2.." + all.size()
                                + " (" + all.describe() + ")");
                    }
                    Dataset train = all.first(size);
                    RunKey key = new RunKey(spec, DataIdentity.of(train), options);
                    Lookup found = store.lookup(key);
                    if (found instanceof Lookup.Found f && !key.equals(offered) && paced == null) {
                        return new Trained(f.run().folder(), key, null);
                    }
                    Dataset test = catalog.load(name, Split.TEST);
                    if (paced != null) {
                        paced.data(train);
                    }
                    RunTraining.Outcome o = RunTraining.train(engine, spec, train, test, options,
                            paced == null ? org.hessianscope.train.Pacing.FREE : paced.pacing(), listener, m);
                    if (o.result().status() == TrainingResult.Status.CANCELLED) {
                        m.checkCancelled();
                    }
                    if (found instanceof Lookup.Missing) {
                        return new Trained(store.save(key, o.run()).folder(), key, o);
                    }
                    // Retrained, or the key's folder is damaged: a folder of its own, the stored one untouched.
                    RunFolder.write(fresh, o.run());
                    return new Trained(fresh, key, o);
                })
                .onSuccess(t -> {
                    ended();
                    lesson.ended();
                    if (t.outcome() == null) {
                        this.offered = t.key();
                        messages.info(RunKey.describe(spec) + " with these settings is already in the run store as "
                                + t.folder().getFileName() + "; open it, or press Train again to retrain it",
                                "Open stored run", () -> runs.open(t.folder()));
                        return;
                    }
                    RunTraining.Outcome o = t.outcome();
                    if (o.result().status() == TrainingResult.Status.DIVERGED) {
                        messages.info("training diverged: " + o.result().message());
                    }
                    RunItem item = runs.add(t.folder(), o.run(), null);
                    messages.notice(o.result().status() == TrainingResult.Status.DIVERGED ? "Training diverged"
                            : "Training finished", runs.label(item) + "\nin " + t.folder().getFileName()
                            + "; its analysis starts now", false);
                    runs.analyze(item);
                    measureSpeed();
                })
                .onFailure(e -> {
                    ended();
                    messages.notice("Training failed", RunKey.describe(spec) + ": " + Messages.describe(e), true);
                    lesson.ended();
                })
                .onCancelled(() -> {
                    ended();
                    last.set("");
                    if (lesson.resetting()) {
                        // Reset cancels the lesson only to start it again: no "Training cancelled" over the class.
                        messages.info("lesson reset to the seed's initial weights");
                    } else {
                        messages.info("training cancelled; nothing was saved");
                        messages.notice("Training cancelled", RunKey.describe(spec) + "; nothing was saved", false);
                    }
                    lesson.ended();
                }));
    }

    /** What a Train press made: the run's folder and key; {@code outcome} null when the store already held it. */
    private record Trained(Path folder, RunKey key, RunTraining.Outcome outcome) {
    }

    /** A finished, failed or cancelled run: its late steps are dropped and no time is left. */
    private void ended() {
        feed.stop();
        timeLeft.set("");
    }

    private void showed(TrainingProgress p) {
        // A lesson waits for its class: a time left measured across its pauses would mean nothing.
        timeLeft.set(lesson.activeProperty().get() ? "" : "time left ≈ " + Durations.format(p.secondsLeft()));
        last.set(String.format(Locale.ROOT, "epoch %d/%d, batch %d/%d: loss %.4f, accuracy %.3f", p.epoch(), p.epochs(),
                p.batch(), p.batches(), p.runningLoss(), p.runningAccuracy()));
    }

    public JobViewModel job() {
        return job;
    }

    /** Lesson mode: play, pause, steps and reset of the training, with the charts brought up to date at each checkpoint. */
    public LessonViewModel lesson() {
        return lesson;
    }

    public ReadOnlyStringProperty timeLeftProperty() {
        return timeLeft.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty lastStepProperty() {
        return last.getReadOnlyProperty();
    }
}
