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
import org.hessianscope.run.RunFolder;
import org.hessianscope.run.RunTraining;
import org.hessianscope.train.TrainingOptions;
import org.hessianscope.train.TrainingProgress;
import org.hessianscope.train.TrainingResult;

/**
 * The Train button: trains the builder's spec in the background (live steps go to
 * the window's {@link Feed}), writes the run folder under the runs directory, opens it in the run
 * list and starts its analysis there.
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
    private Runnable onStart = () -> {
    };
    private Consumer<List<TrainingProgress>> onSteps = steps -> {
    };

    public TrainViewModel(BuilderViewModel builder, RunsViewModel runs, JobViewModel job, Messages messages,
                          DatasetCatalog catalog, Engine engine, Path runsDir) {
        this.builder = builder;
        this.runs = runs;
        this.job = job;
        this.messages = messages;
        this.catalog = catalog;
        this.engine = engine;
        this.runsDir = runsDir;
        feed.onBatch(steps -> {
            onSteps.accept(steps);
            showed(steps.get(steps.size() - 1));
        });
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
        return builder.specProperty().isNotNull().and(job.runningProperty().not());
    }

    public void train() {
        ArchitectureSpec spec = builder.specProperty().get();
        if (spec == null) {
            messages.info("fix the architecture first: " + builder.problemProperty().get());
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
        Path out = runsDir.resolve(String.format(Locale.ROOT, "L%d-k%d-C%d-%s", spec.layers(),
                spec.conv().get(0).kernel(), spec.conv().get(0).channels(),
                LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"))));
        TrainingFeed listener = new TrainingFeed(feed.restart());
        timeLeft.set("");
        last.set("");
        onStart.run();
        job.run(BackgroundTask.of("train " + out.getFileName(), m -> {
                    Dataset all = catalog.load(name, Split.TRAIN);
                    if (size < 2 || size > all.size()) {
                        throw new IllegalArgumentException("training-set size " + size + " is outside 2.." + all.size()
                                + " (" + all.describe() + ")");
                    }
                    Dataset test = catalog.load(name, Split.TEST);
                    RunTraining.Outcome o = RunTraining.train(engine, spec, all.first(size), test, options, listener, m);
                    if (o.result().status() == TrainingResult.Status.CANCELLED) {
                        m.checkCancelled();
                    }
                    RunFolder.write(out, o.run());
                    return o;
                })
                .onSuccess(o -> {
                    ended();
                    if (o.result().status() == TrainingResult.Status.DIVERGED) {
                        messages.info("training diverged: " + o.result().message());
                    }
                    RunItem item = runs.add(out, o.run(), null);
                    runs.analyze(item);
                })
                .onFailure(e -> ended())
                .onCancelled(() -> {
                    ended();
                    last.set("");
                    messages.info("training cancelled; nothing was saved");
                }));
    }

    /** A finished, failed or cancelled run: its late steps are dropped and no time is left. */
    private void ended() {
        feed.stop();
        timeLeft.set("");
    }

    private void showed(TrainingProgress p) {
        timeLeft.set("time left ≈ " + Durations.format(p.secondsLeft()));
        last.set(String.format(Locale.ROOT, "epoch %d/%d, batch %d/%d: loss %.4f, accuracy %.3f", p.epoch(), p.epochs(),
                p.batch(), p.batches(), p.runningLoss(), p.runningAccuracy()));
    }

    public JobViewModel job() {
        return job;
    }

    public ReadOnlyStringProperty timeLeftProperty() {
        return timeLeft.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty lastStepProperty() {
        return last.getReadOnlyProperty();
    }
}
