package org.hessianscope.ui.experiment;

import org.hessianscope.ui.common.BackgroundTask;
import org.hessianscope.ui.common.JobViewModel;
import org.hessianscope.ui.common.Messages;
import org.hessianscope.ui.runs.RunsViewModel;
import org.hessianscope.ui.runs.SweepTag;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CancellationException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import javafx.beans.Observable;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.hessianscope.data.DatasetCatalog;
import org.hessianscope.experiment.PaperExperiments;
import org.hessianscope.experiment.PointResult;
import org.hessianscope.experiment.RunStore;
import org.hessianscope.experiment.SweepFile;
import org.hessianscope.experiment.SweepFileException;
import org.hessianscope.experiment.SweepFileReader;
import org.hessianscope.experiment.SweepFileWriter;
import org.hessianscope.experiment.SweepProcess;
import org.hessianscope.experiment.StoredPoints;
import org.hessianscope.experiment.SweepReport;
import org.hessianscope.experiment.SweepResult;
import org.hessianscope.experiment.SweepRow;
import org.hessianscope.experiment.SweepRunner;
import org.hessianscope.experiment.SweepSummary;
import org.hessianscope.figure.SweepFigures;
import org.hessianscope.task.ProgressMonitor;

/**
 * The Experiments tab: opens a sweep file, one of the paper's figures or a finished sweep,
 * runs the sweep in the background through the run store (so running again resumes), shows
 * each point's progress, writes the results folder and loads the runs into the linked charts
 * labelled by the swept value. Training, analysis, the store and the report are the core's
 * {@link SweepRunner} and {@link SweepReport}; this class only orchestrates them.
 */
public final class ExperimentsViewModel {
    private final JobViewModel job;
    private final Messages messages;
    private final RunsViewModel runs;
    private final DatasetCatalog catalog;
    private final Path storeRoot;
    private final Executor fx;
    private final ObservableList<SweepPointRow> rows = FXCollections.observableArrayList(
            r -> new Observable[]{r.stateProperty(), r.folderNameProperty()});
    private final ReadOnlyObjectWrapper<SweepFile> sweep = new ReadOnlyObjectWrapper<>();
    /** A finished sweep's networks over their seeds, and its tests as text (empty with one seed): {@link SeedStatisticsTable}. */
    private final ObservableList<org.hessianscope.experiment.NetworkStatistics> networks = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper seedTests = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper description = new ReadOnlyStringWrapper("Open a sweep file, one of the "
            + "paper's figures or a finished sweep.");
    private final ObjectProperty<Path> output = new SimpleObjectProperty<>();
    private final ReadOnlyObjectWrapper<Path> written = new ReadOnlyObjectWrapper<>();
    private final IntegerProperty jobs = new SimpleIntegerProperty(1);
    private final StringProperty sparkMaster = new SimpleStringProperty("");
    /** The training records Run uses (SweepFile.ALL: the whole set) and the epochs: the sweep's unless lowered here. */
    private final IntegerProperty trainSize = new SimpleIntegerProperty(SweepFile.ALL);
    private final IntegerProperty epochs = new SimpleIntegerProperty(1);
    private final ReadOnlyStringWrapper estimate = new ReadOnlyStringWrapper("");
    /** Finished sweeps whose runs/ may already hold the points (the shipped sample models); null: none. */
    private Path sampleModels;
    private List<java.util.Optional<StoredPoints.Match>> stored = List.of();
    private boolean showing;
    /** The finished sweep's results folder while one is shown (else null). */
    private Path finishedFolder;
    /** Whether the user picked the results folder (Results folder…): then Run writes there, whatever the sweep. */
    private boolean outputChosen;
    private final ObjectProperty<Path> launcher = new SimpleObjectProperty<>(SweepProcess.findLauncher());
    private final BooleanBinding canRun;
    private final BooleanBinding canLoad;
    /** Names the sweep the table shows, also for a finished sweep whose sweep.yaml no longer reads. */
    private String name = "";
    private String legendTitle = "";
    /** Set by Cancel; the running sweep's points poll it between steps. */
    private AtomicBoolean stop = new AtomicBoolean();
    private Runnable onLoaded = () -> {
    };

    /** {@code storeRoot} is the app's runs folder; {@code fx} runs hand-overs on the JavaFX thread. */
    public ExperimentsViewModel(JobViewModel job, Messages messages, RunsViewModel runs, DatasetCatalog catalog,
                                Path storeRoot, Executor fx) {
        this.job = job;
        this.messages = messages;
        this.runs = runs;
        this.catalog = catalog;
        this.storeRoot = storeRoot;
        this.fx = fx;
        canRun = sweep.isNotNull().and(job.runningProperty().not()).and(output.isNotNull());
        trainSize.addListener((o, a, b) -> settingsChanged());
        epochs.addListener((o, a, b) -> settingsChanged());
        canLoad = Bindings.createBooleanBinding(() -> !job.runningProperty().get()
                && rows.stream().anyMatch(r -> r.state().done() && r.folder() != null), rows, job.runningProperty());
    }

    /** Reads a sweep file; a bad one is explained in the message bar (file, field, valid values). */
    public boolean openSweepFile(Path file) {
        if (refuseWhileRunning()) {
            return false;
        }
        try {
            show(SweepFileReader.read(file));
            return true;
        } catch (SweepFileException e) {
            // Its message already names the file, the field and the valid values; a cause would only add parser noise.
            messages.warning(e.getMessage());
        } catch (IOException e) {
            messages.error("reading the sweep file " + file, e);
        }
        return false;
    }

    public boolean openPaperFigure(PaperExperiments.Figure figure) {
        if (refuseWhileRunning()) {
            return false;
        }
        try {
            show(PaperExperiments.sweep(figure));
            return true;
        } catch (IOException | IllegalArgumentException e) {
            messages.error("opening the paper's " + figure.id() + " sweep", e);
            return false;
        }
    }

    /** Opens a results folder (with {@code summary.json}): its points are done, so they can be loaded at once. */
    public boolean openFinishedSweep(Path dir) {
        if (refuseWhileRunning()) {
            return false;
        }
        FinishedSweep finished;
        try {
            finished = FinishedSweep.read(dir);
        } catch (IOException e) {
            messages.error("opening the finished sweep " + dir, e);
            return false;
        }
        showFinished(dir, finished);
        return true;
    }

    /**
     * As {@link #openFinishedSweep}, reading {@code summary.json} and parsing its sweep on a worker and then, on the
     * JavaFX thread, showing it and running {@code then}. The first read of a start took about 0.2 s of CPU (Jackson,
     * SnakeYAML and the seed statistics warming up) on the JavaFX thread before the window painted (issue 17: the
     * 50 ms limit).
     */
    public void openFinishedSweepLater(Path dir, Runnable then) {
        if (refuseWhileRunning()) {
            return;
        }
        job.run(BackgroundTask.of("opening the finished sweep " + dir.getFileName(), m -> FinishedSweep.read(dir))
                .onSuccess(finished -> {
                    showFinished(dir, finished);
                    then.run();
                }));
    }

    /** A finished sweep as read: its summary, and its sweep file unless that cannot be parsed (and why). */
    private record FinishedSweep(SweepSummary summary, SweepFile file, String unparsed) {
        static FinishedSweep read(Path dir) throws IOException {
            SweepSummary summary = SweepSummary.read(dir);
            try {
                // Its sweep.yaml lets it run again, e.g. to redo points whose runs were removed from the store.
                return new FinishedSweep(summary, SweepFileReader.parse(summary.sweepYaml(),
                        dir.resolve(SweepReport.SWEEP_FILE).toString(), summary.name()), null);
            } catch (SweepFileException e) {
                return new FinishedSweep(summary, null, e.getMessage());
            }
        }
    }

    private void showFinished(Path dir, FinishedSweep finished) {
        SweepSummary summary = finished.summary();
        SweepFile file = finished.file();
        if (finished.unparsed() != null) {
            messages.info(finished.unparsed() + "; the finished sweep is shown but cannot be run again");
        }
        showing = true;
        sweep.set(file);
        if (file != null) {
            // The window shows the finished sweep's own size and epochs, so Run reruns that sweep unless they are changed.
            trainSize.set(file.trainSize());
            epochs.set(file.training().epochs());
        }
        showing = false;
        name = summary.name();
        legendTitle = SweepFigures.plain(summary.legendTitle());
        description.set(file != null ? SweepDescription.of(file) : summary.name() + "\ndataset " + summary.dataset()
                + ", parameter " + summary.parameter());
        List<SweepPointRow> list = new ArrayList<>();
        for (SweepRow r : summary.rows()) {
            SweepPointRow row = new SweepPointRow(r.index(), r.value(), r.seed());
            row.setFolder(summary.runFolder(r, dir.toAbsolutePath().normalize()));
            row.setState(PointState.of(r.trained() ? PointState.Stage.TRAINED : PointState.Stage.REUSED));
            row.numbersProperty().set(r);
            list.add(row);
        }
        rows.setAll(list);
        showSeeds(summary);
        finishedFolder = dir.toAbsolutePath().normalize();
        outputChosen = false;
        output.set(resultsFolder());
        written.set(finishedFolder);
    }

    private void show(SweepFile s) {
        showing = true;
        sweep.set(s);
        trainSize.set(s.trainSize());
        epochs.set(s.training().epochs());
        showing = false;
        name = s.name();
        legendTitle = SweepFigures.plain(s.legendTitle());
        description.set(SweepDescription.of(s));
        rows.setAll(s.points().stream().map(p -> new SweepPointRow(p.index(), p.value(), p.seed())).toList());
        showSeeds(null);
        finishedFolder = null;
        outputChosen = false;
        output.set(resultsFolder());
        written.set(null);
        refreshStored();
    }

    /** Where the shipped sample models are; their runs count as stored points (a re-analysis, not a retraining). */
    public void setSampleModels(Path dir) {
        sampleModels = dir;
    }

    /** Sets the results folder by the user's choice: Run then writes there whatever the sweep's settings. */
    public void chooseOutput(Path dir) {
        outputChosen = dir != null;
        output.set(dir != null ? dir : resultsFolder());
    }

    private void settingsChanged() {
        if (!showing && !outputChosen) {
            output.set(resultsFolder());
        }
        refreshStored();
    }

    /**
     * Where Run writes when the user has not chosen: a finished sweep's own folder when Run reruns
     * that very sweep (to redo points whose runs were removed), else the sweep's default folder,
     * named after the training-set size and epochs when the window changed them, so a lighter
     * run never replaces the full results. Never into the shipped sample models, which are read-only
     * examples (a run there would overwrite their summary with another sweep's).
     */
    private Path resultsFolder() {
        SweepFile shown = sweep.get();
        SweepFile s;
        try {
            s = effectiveSweep();
        } catch (IllegalArgumentException e) {
            s = shown;
        }
        boolean same = s == null || shown == null
                || (s.trainSize() == shown.trainSize() && s.training().epochs() == shown.training().epochs());
        if (finishedFolder != null && same && !insideSampleModels(finishedFolder)) {
            return finishedFolder;
        }
        String base = shown != null ? shown.name() : name;
        if (base == null || base.isEmpty()) {
            return null;
        }
        return SweepReport.defaultFolder(same ? base : base + "-" + (s.trainSize() == SweepFile.ALL ? "all"
                : Integer.toString(s.trainSize())) + "-records-" + s.training().epochs() + "-epochs");
    }

    private boolean insideSampleModels(Path dir) {
        return sampleModels != null && dir.startsWith(sampleModels.toAbsolutePath().normalize());
    }

    /** The sweep Run runs: the one shown, with the training-set size and epochs set in the window. */
    public SweepFile effectiveSweep() {
        SweepFile s = sweep.get();
        if (s == null) {
            return null;
        }
        if (trainSize.get() != s.trainSize()) {
            s = s.withTrainSize(trainSize.get());
        }
        if (epochs.get() != s.training().epochs()) {
            s = s.withEpochs(epochs.get());
        }
        return s;
    }

    /** The run store, then each finished sweep's runs/ under the sample models. */
    private List<Path> storedRoots() {
        List<Path> roots = new ArrayList<>(List.of(storeRoot));
        if (sampleModels != null && Files.isDirectory(sampleModels)) {
            try (var dirs = Files.list(sampleModels)) {
                dirs.map(d -> d.resolve("runs")).filter(Files::isDirectory).sorted().forEach(roots::add);
            } catch (IOException e) {
                // Without the sample models the points are only looked for in the store.
            }
        }
        return roots;
    }

    /**
     * Marks the points already trained (in the store or the sample models, matched by training
     * key) and says what Run would do and for how long; called when the sweep, its size or its
     * epochs change.
     */
    private void refreshStored() {
        SweepFile s = effectiveSweep();
        if (showing || s == null || job.runningProperty().get()) {
            return;
        }
        stored = StoredPoints.find(s, storedRoots());
        int reanalyse = 0;
        int reuse = 0;
        for (int i = 0; i < rows.size() && i < stored.size(); i++) {
            SweepPointRow row = rows.get(i);
            var m = stored.get(i);
            row.numbersProperty().set(null);
            row.setFolder(m.map(StoredPoints.Match::folder).orElse(null));
            row.setState(PointState.of(m.isEmpty() ? PointState.Stage.PENDING : m.get().sameAnalysis()
                    ? PointState.Stage.STORED : PointState.Stage.STORED_REANALYSE));
            if (m.isPresent()) {
                if (m.get().sameAnalysis()) {
                    reuse++;
                } else {
                    reanalyse++;
                }
            }
        }
        estimate.set(RunEstimate.describe(s, stored, Runtime.getRuntime().availableProcessors(), reuse, reanalyse));
    }

    /** Copies the stored points found outside the run store (sample models) into it, so the runner reuses their training. */
    private void copyStoredIntoStore(RunStore store, List<java.util.Optional<StoredPoints.Match>> found,
                                     org.hessianscope.task.ProgressMonitor m) throws IOException {
        Path root = store.root().toAbsolutePath().normalize();
        for (var match : found) {
            if (match.isPresent() && !match.get().folder().toAbsolutePath().normalize().startsWith(root)) {
                m.progress(-1, 1, "copying the stored run " + match.get().folder().getFileName() + " into the run store");
                StoredPoints.copyInto(match.get().folder(), store);
            }
        }
    }

    private boolean refuseWhileRunning() {
        if (job.runningProperty().get()) {
            messages.info("wait for \"" + job.titleProperty().get() + "\" to finish, or cancel it");
            return true;
        }
        return false;
    }

    /**
     * Trains and analyses every point not already in the run store, then writes the results
     * folder: here, or on the Spark master when one is given.
     */
    public void run() {
        SweepFile s;
        try {
            s = effectiveSweep();
        } catch (IllegalArgumentException e) {
            messages.warning(e.getMessage());
            return;
        }
        Path out = output.get();
        if (s == null || out == null || refuseWhileRunning()) {
            return;
        }
        String master = sparkMaster.get() == null ? "" : sparkMaster.get().strip();
        if (!master.isEmpty()) {
            runOnSpark(s, out, master);
            return;
        }
        RunStore store = new RunStore(storeRoot);
        SweepRunner runner;
        try {
            runner = new SweepRunner(store, catalog, jobs.get(), Runtime.getRuntime().availableProcessors());
        } catch (IllegalArgumentException e) {
            messages.error("starting the sweep", e);
            return;
        }
        rows.forEach(r -> {
            r.setState(PointState.PENDING);
            r.numbersProperty().set(null);
        });
        written.set(null);
        showSeeds(null);
        SweepFeed f = new SweepFeed(s, store.root(), fx, this::showFeed);
        AtomicBoolean stopThis = new AtomicBoolean();
        stop = stopThis;
        List<java.util.Optional<StoredPoints.Match>> found = stored;
        job.run(BackgroundTask.of("sweep " + s.name(), m -> {
                    copyStoredIntoStore(store, found, m);
                    f.attach(m);
                    SweepResult result = runner.run(s, f, new ProgressMonitor() {
                        @Override
                        public void progress(long done, long total, String message) {
                            m.progress(done, total, message);
                        }

                        @Override
                        public boolean isCancelled() {
                            return stopThis.get() || m.isCancelled();
                        }
                    });
                    m.progress(-1, 1, "writing the results to " + out);
                    return new Finished(result, SweepReport.write(result, store, out, SweepFigures.WRITER), out);
                })
                .onSuccess(done -> finished(f, done))
                .onFailure(e -> stopped(f, PointState.Stage.FAILED))
                .onCancelled(() -> {
                    long done = stopped(f, PointState.Stage.CANCELLED);
                    messages.info("sweep " + s.name() + " cancelled: " + done + " of " + rows.size() + " points are done "
                            + "and stay in the run store; Run resumes from there");
                }));
    }

    /**
     * Submits the sweep to a Spark master through another process ({@link SweepProcess}: the
     * launcher finds the Spark module, which this application does not carry) and follows its
     * progress lines; Cancel ends that process tree. The runs go to this window's run store.
     */
    private void runOnSpark(SweepFile s, Path out, String master) {
        Path exe = launcher.get();
        if (exe == null || !Files.isExecutable(exe)) {
            messages.warning("submitting to Spark needs the command-line launcher bin/hessianscope of a source checkout"
                    + (exe == null ? "" : " (" + exe + " is not an executable file)")
                    + "; start the app from the checkout or give -Dhessianscope.launcher=PATH, or clear the Spark "
                    + "master to run here");
            return;
        }
        rows.forEach(r -> {
            r.setState(PointState.PENDING);
            r.numbersProperty().set(null);
        });
        written.set(null);
        SweepFeed f = new SweepFeed(s, storeRoot.toAbsolutePath(), fx, this::showFeed);
        AtomicBoolean stopThis = new AtomicBoolean();
        stop = stopThis;
        List<java.util.Optional<StoredPoints.Match>> found = stored;
        job.run(BackgroundTask.of("sweep " + s.name() + " on Spark " + master, m -> {
                    copyStoredIntoStore(new RunStore(storeRoot), found, m);
                    f.attach(m);
                    Files.createDirectories(out);
                    Path file = Files.createTempFile("hessianscope-" + s.name() + "-", ".yaml");
                    try {
                        Files.writeString(file, SweepFileWriter.toYaml(s));
                        SweepProcess p = SweepProcess.start(SweepProcess.command(exe, file, master,
                                storeRoot.toAbsolutePath(), out.toAbsolutePath()));
                        int status = p.follow(f::accept, () -> stopThis.get() || m.isCancelled());
                        if (status < 0) {
                            throw new CancellationException("sweep " + s.name() + " cancelled");
                        }
                        if (status != 0 && status != SweepProcess.SOME_POINTS_FAILED) {
                            List<String> last = p.lastLines();
                            throw new IOException("the sweep on Spark " + master + " ended with exit status " + status
                                    + (last.isEmpty() ? "" : ": " + String.join(" / ",
                                    last.subList(Math.max(0, last.size() - 3), last.size()))));
                        }
                        m.progress(-1, 1, "reading the results in " + out);
                        return SweepSummary.read(out);
                    } finally {
                        Files.deleteIfExists(file);
                    }
                })
                .onSuccess(summary -> finishedOnSpark(f, summary, out, master))
                .onFailure(e -> stopped(f, PointState.Stage.FAILED))
                .onCancelled(() -> {
                    long done = stopped(f, PointState.Stage.CANCELLED);
                    messages.info("sweep " + s.name() + " on Spark cancelled (its process ended): " + done + " of "
                            + rows.size() + " points are done and stay in the run store; Run resumes from there");
                }));
    }

    private void finishedOnSpark(SweepFeed f, SweepSummary summary, Path out, String master) {
        f.close();
        showFeed(f);
        long reused = 0;
        for (SweepRow r : summary.rows()) {
            if (r.index() < 0 || r.index() >= rows.size()) {
                continue;
            }
            SweepPointRow row = rows.get(r.index());
            row.setFolder(Path.of(r.run()));
            row.setState(PointState.of(r.trained() ? PointState.Stage.TRAINED : PointState.Stage.REUSED));
            row.numbersProperty().set(r);
            reused += r.trained() ? 0 : 1;
        }
        summary.failed().stream().filter(p -> p.index() >= 0 && p.index() < rows.size())
                .forEach(p -> rows.get(p.index()).setState(PointState.of(PointState.Stage.FAILED)));
        rows.stream().filter(r -> r.state().open()).forEach(r -> r.setState(PointState.of(PointState.Stage.FAILED)));
        written.set(out);
        String text = "sweep " + name + " on Spark " + master + ": " + summary.rows().size() + " points, " + reused
                + " reused from the run store; results in " + out;
        messages.notice("Sweep finished", "sweep " + name + " on Spark: " + summary.rows().size() + " points"
                + (summary.failed().isEmpty() ? "" : ", " + summary.failed().size() + " failed"), !summary.failed().isEmpty());
        if (summary.failed().isEmpty()) {
            messages.info(text);
        } else {
            messages.warning(text + "; failed: " + String.join("; ", summary.failed().stream()
                    .map(p -> p.value() + ": " + p.reason()).toList()));
        }
    }

    /** What a finished run of the sweep wrote. */
    private record Finished(SweepResult result, SweepSummary summary, Path folder) {
    }

    private void finished(SweepFeed f, Finished done) {
        f.close();
        showFeed(f);
        for (PointResult p : done.result().points()) {
            SweepPointRow row = rows.get(p.point().index());
            row.setFolder(p.run().folder());
            row.setState(PointState.of(p.trained() ? PointState.Stage.TRAINED : PointState.Stage.REUSED));
            row.numbersProperty().set(done.summary().rows().stream().filter(r -> r.index() == p.point().index())
                    .findFirst().orElse(null));
        }
        written.set(done.folder());
        showSeeds(done.summary());
        String text = "sweep " + name + ": " + done.result().points().size() + " points, " + done.result().reused()
                + " reused from the run store; results in " + done.folder();
        messages.notice("Sweep finished", "sweep " + name + ": " + done.result().points().size() + " points, "
                + done.result().reused() + " reused", false);
        if (done.result().damaged().isEmpty()) {
            messages.info(text);
        } else {
            messages.warning(text + ". Damaged runs were set aside and trained again: " + String.join("; ",
                    done.result().damaged().stream().map(Object::toString).toList()));
        }
    }

    /** The seed statistics of {@code s} (null: none) in {@link #networks()} and {@link #seedTestsProperty()}. */
    private void showSeeds(SweepSummary s) {
        networks.setAll(s != null && s.seeded() ? s.networks() : List.of());
        seedTests.set(s == null ? "" : SeedStatisticsText.tests(s));
    }

    /** Marks the points that did not finish; returns how many did. */
    private long stopped(SweepFeed f, PointState.Stage how) {
        f.close();
        showFeed(f);
        rows.stream().filter(r -> r.state().open()).forEach(r -> r.setState(PointState.of(how)));
        long done = rows.stream().filter(r -> r.state().done()).count();
        boolean failed = how == PointState.Stage.FAILED;
        messages.notice(failed ? "Sweep failed" : "Sweep cancelled", "sweep " + name + ": " + done + " of " + rows.size()
                + " points are done and stay in the run store", failed);
        return done;
    }

    /** Copies the workers' latest reports into the table; on the JavaFX thread. */
    private void showFeed(SweepFeed f) {
        for (int i = 0; i < rows.size(); i++) {
            SweepPointRow row = rows.get(i);
            if (f.folder(i) != null) {
                row.setFolder(f.folder(i));
            }
            if (f.state(i) != null) {
                row.setState(f.state(i));
            }
            if (f.row(i) != null) {
                row.numbersProperty().set(f.row(i));
            }
        }
        List<String> warnings = f.drainWarnings();
        if (!warnings.isEmpty()) {
            messages.warning(String.join("; ", warnings));
        }
    }

    /**
     * Asks the running points to stop at their next batch or analysis step. The job ends only
     * once they have (the runner waits for its workers), so Run cannot start a second sweep on
     * the same store while the first is still writing to it.
     */
    public void cancel() {
        if (job.runningProperty().get() && !stop.getAndSet(true)) {
            messages.info("stopping the sweep after the current step of each running point…");
        }
    }

    /**
     * Opens the done points' runs in the run list, labelled by the swept value, and shows only
     * them in the charts (other runs stay in the list, unchecked).
     */
    public void loadIntoCharts() {
        Map<Path, SweepTag> tags = new LinkedHashMap<>();
        // Chart 3 draws a seeded sweep's means and intervals as its summary prints them, not recomputed.
        Map<String, org.hessianscope.experiment.NetworkStatistics> summarised = new LinkedHashMap<>();
        networks.forEach(n -> summarised.put(n.value(), n));
        for (SweepPointRow r : rows) {
            if (r.state().done() && r.folder() != null) {
                tags.put(r.folder(), new SweepTag(name, legendTitle, r.value(), SweepRow.x(r.value(), r.index()),
                        summarised.get(r.value())));
            }
        }
        if (tags.isEmpty()) {
            messages.info("no point of the sweep is done yet: Run it first");
            return;
        }
        runs.openSweep(tags);
        onLoaded.run();
    }

    /** Called after Load into charts, so the window can bring the charts forward. */
    public void setOnLoaded(Runnable r) {
        onLoaded = r;
    }

    public ObservableList<SweepPointRow> rows() {
        return rows;
    }

    /** Per network of a finished seeded sweep, each number's mean and 95 % interval over its seeds; else empty. */
    public ObservableList<org.hessianscope.experiment.NetworkStatistics> networks() {
        return networks;
    }

    /** The trend tests and rank correlations of a finished seeded sweep, one per line; else empty. */
    public ReadOnlyStringProperty seedTestsProperty() {
        return seedTests.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<SweepFile> sweepProperty() {
        return sweep.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty descriptionProperty() {
        return description.getReadOnlyProperty();
    }

    /** Where Run writes the results folder: the user's sweeps folder (UserFolders.sweeps()/NAME) unless the user chose another. */
    public ObjectProperty<Path> outputProperty() {
        return output;
    }

    /** The results folder of the last finished run (or the finished sweep opened), else null. */
    public ReadOnlyObjectProperty<Path> writtenProperty() {
        return written.getReadOnlyProperty();
    }

    /**
     * The Spark master Run submits the sweep to (local[N], spark://HOST:7077, yarn, k8s://URL);
     * empty, the default, runs it in this application.
     */
    public StringProperty sparkMasterProperty() {
        return sparkMaster;
    }

    /** The command-line launcher a Spark submission runs ({@link SweepProcess#findLauncher()} by default). */
    public ObjectProperty<Path> launcherProperty() {
        return launcher;
    }

    /** Training records Run uses: the sweep's unless lowered here; {@link SweepFile#ALL} is the whole training set. */
    public IntegerProperty trainSizeProperty() {
        return trainSize;
    }

    /**
     * Sets the training records from the window's field: "all" or a whole number from 2 up; anything
     * else is refused with one line in the message bar and leaves the size as it was.
     */
    public boolean setTrainSizeText(String text) {
        String t = text == null ? "" : text.strip().replace(",", "").replace("_", "");
        if (t.equalsIgnoreCase("all")) {
            trainSize.set(SweepFile.ALL);
            return true;
        }
        try {
            int n = Integer.parseInt(t);
            if (n >= 2) {
                trainSize.set(n);
                return true;
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        messages.warning("training records \"" + text + "\" is not valid: give \"all\" or a whole number of at least 2");
        return false;
    }

    /** Epochs Run trains: the sweep's unless lowered here. */
    public IntegerProperty epochsProperty() {
        return epochs;
    }

    /** What Run would train and re-analyse, and roughly how long that takes here; shown before Run is pressed. */
    public ReadOnlyStringProperty estimateProperty() {
        return estimate.getReadOnlyProperty();
    }

    /** Points trained side by side; 1 keeps the machine usable and is the default. */
    public IntegerProperty jobsProperty() {
        return jobs;
    }

    public BooleanBinding canRunProperty() {
        return canRun;
    }

    public BooleanBinding canLoadProperty() {
        return canLoad;
    }

    public JobViewModel job() {
        return job;
    }
}
