package org.hessianscope.ui;

import org.hessianscope.ui.builder.BuilderViewModel;
import org.hessianscope.ui.charts.ReadoutViewModel;
import org.hessianscope.ui.charts.SampleViewModel;
import org.hessianscope.ui.common.JobViewModel;
import org.hessianscope.ui.common.Messages;
import org.hessianscope.ui.experiment.ExperimentsViewModel;
import org.hessianscope.ui.runs.RunsViewModel;
import org.hessianscope.ui.session.SessionStore;
import org.hessianscope.ui.surface.LandscapeViewModel;
import org.hessianscope.ui.train.TrainViewModel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import org.hessianscope.analysis.AnalysisOptions;
import org.hessianscope.data.DataLocations;
import org.hessianscope.data.DatasetCatalog;
import org.hessianscope.engine.Engine;

/**
 * The application's view models and the services they share (worker threads, engine,
 * dataset catalog), built once; no controls here. Tests build one with their own paths.
 */
public final class AppModel implements AutoCloseable {
    private final AppOptions options;
    private final ExecutorService workers;
    private final Engine engine;
    private final Messages messages = new Messages();
    private final BuilderViewModel builder = new BuilderViewModel();
    private final RunsViewModel runs;
    private final TrainViewModel train;
    private final ReadoutViewModel readout;
    private final SampleViewModel sample;
    private final ExperimentsViewModel experiments;
    private final LandscapeViewModel landscape;
    private final SessionStore sessions;
    private final org.hessianscope.ui.session.SessionFiles sessionFiles;
    private final BooleanProperty paperStyle = new SimpleBooleanProperty(false);
    /** Edit → Undo / Redo: the builder's changes and Remove (issue 17). */
    private final org.hessianscope.ui.common.EditHistory edits = new org.hessianscope.ui.common.EditHistory();
    private boolean closed;

    public AppModel(AppOptions options) {
        this(options, new DatasetCatalog(DataLocations.ofSystem(null)), AnalysisOptions.interactive());
    }

    /** {@code catalog} is where training and analysis find data; tests pass the embedded subsets and light settings. */
    public AppModel(AppOptions options, DatasetCatalog catalog, AnalysisOptions analysis) {
        this.options = options;
        AtomicInteger n = new AtomicInteger();
        workers = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "hessianscope-job-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        engine = Engine.create();
        runs = new RunsViewModel(new JobViewModel(workers, messages), messages, catalog, engine, analysis);
        runs.recordEditsIn(edits);
        org.hessianscope.ui.builder.BuilderEdits.record(builder, edits);
        train = new TrainViewModel(builder, runs, new JobViewModel(workers, messages), messages, catalog, engine,
                options.runsDir());
        readout = new ReadoutViewModel(runs);
        sample = new SampleViewModel(new JobViewModel(workers, messages), catalog);
        // Sweeps keep their runs in the runs folder, which is also the CLI's default run store.
        experiments = new ExperimentsViewModel(new JobViewModel(workers, messages), messages, runs, catalog,
                options.runsDir(), javafx.application.Platform::runLater);
        experiments.setSampleModels(options.sampleModels());
        sessions = new SessionStore(options.session());
        sessionFiles = new org.hessianscope.ui.session.SessionFiles(sessions, options.sessionGiven(), builder, runs,
                paperStyle, sample.dataFolderProperty(), messages);
        landscape = new LandscapeViewModel(runs, new JobViewModel(workers, messages), catalog, engine,
                org.hessianscope.surface.SurfaceOptions.defaults(org.hessianscope.surface.SurfaceOptions.HESSIAN));
    }

    /** Restores the saved session (a damaged one is reported and ignored), then opens the --run folders. */
    public void start() {
        List<Path> open = new ArrayList<>(sessionFiles.restore());
        edits.clear(); // the restored builder is where the user starts, not a change to undo
        boolean firstStart = open.isEmpty() && Files.notExists(sessions.file());
        open.addAll(options.runs());
        if (open.isEmpty() && (options.screenshot() != null || firstStart) && Files.isDirectory(options.sampleModels())) {
            openSampleModels();
        } else if (!open.isEmpty()) {
            runs.open(open);
        }
    }

    /**
     * Shows the shipped sample models at once: the first finished sweep under sample-models/
     * (the MNIST layer sweep) in the Experiments view and its runs in the charts; plain run
     * folders there are opened as runs.
     */
    public void openSampleModels() {
        Path dir = options.sampleModels();
        List<Path> sweeps;
        try (var s = Files.list(dir)) {
            sweeps = s.filter(d -> Files.isRegularFile(d.resolve(org.hessianscope.experiment.SweepSummary.JSON_FILE)))
                    .sorted(java.util.Comparator.comparing((Path d) -> !d.getFileName().toString().endsWith("layers"))
                            .thenComparing(Path::getFileName))
                    .toList();
        } catch (IOException e) {
            messages.error("opening the sample models in " + dir, e);
            return;
        }
        if (sweeps.isEmpty()) {
            runs.openAll(dir);
        } else {
            experiments.openFinishedSweepLater(sweeps.get(0), experiments::loadIntoCharts);
        }
    }

    /** Saves the session where the window keeps it, unless it was handed out (see {@link #sessionFiles()}). */
    public void saveSession() {
        sessionFiles.autoSave();
    }

    /** Session files saved and opened from the File menu and the command line (issue 17). */
    public org.hessianscope.ui.session.SessionFiles sessionFiles() {
        return sessionFiles;
    }

    /** Saves the session, stops the jobs and releases the engine. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        saveSession();
        runs.job().cancel();
        train.job().cancel();
        experiments.job().cancel();
        landscape.job().cancel();
        workers.shutdownNow();
        engine.close();
    }

    public boolean busy() {
        return runs.busy() || train.job().runningProperty().get() || experiments.job().runningProperty().get()
                || landscape.job().runningProperty().get();
    }

    /** The window's undo and redo lists (Edit menu). */
    public org.hessianscope.ui.common.EditHistory edits() {
        return edits;
    }

    public AppOptions options() {
        return options;
    }

    public Messages messages() {
        return messages;
    }

    public BuilderViewModel builder() {
        return builder;
    }

    public RunsViewModel runs() {
        return runs;
    }

    public TrainViewModel train() {
        return train;
    }

    public ExperimentsViewModel experiments() {
        return experiments;
    }

    public LandscapeViewModel landscape() {
        return landscape;
    }

    public ReadoutViewModel readout() {
        return readout;
    }

    public SampleViewModel sample() {
        return sample;
    }

    public BooleanProperty paperStyleProperty() {
        return paperStyle;
    }
}
