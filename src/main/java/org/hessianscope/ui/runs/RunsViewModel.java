package org.hessianscope.ui.runs;

import org.hessianscope.ui.common.EditHistory;

import org.hessianscope.ui.common.BackgroundTask;
import org.hessianscope.ui.common.Feed;
import org.hessianscope.ui.common.JobViewModel;
import org.hessianscope.ui.common.Messages;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javafx.beans.Observable;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.hessianscope.analysis.AnalysisOptions;
import org.hessianscope.analysis.AnalysisResult;
import org.hessianscope.analysis.AnalysisStore;
import org.hessianscope.analysis.RunAnalysis;
import org.hessianscope.curvature.CurvatureOperator;
import org.hessianscope.curvature.Curvature;
import org.hessianscope.curvature.LanczosStep;
import org.hessianscope.data.DatasetCatalog;
import org.hessianscope.engine.Engine;
import org.hessianscope.run.RunFolder;
import org.hessianscope.arch.ArchitectureSpec;
import org.hessianscope.run.RunInfo;
import org.hessianscope.run.TrainedRun;
import org.hessianscope.task.ProgressMonitor;

/**
 * The loaded runs: opening run folders, analysing runs that have no {@code analysis.json}
 * yet (through {@link RunAnalysis}, as the CLI's {@code analyze}), and the selected run
 * every chart highlights.
 */
public final class RunsViewModel {
    private final ObservableList<RunItem> runs = FXCollections.observableArrayList(
            r -> new Observable[]{r.shownProperty(), r.analysisProperty(), r.tagProperty(), r.readingProperty(),
                    r.stageProperty()});
    private final ObjectProperty<RunItem> selected = new SimpleObjectProperty<>();
    private final javafx.beans.property.ReadOnlyObjectWrapper<Selection> selection =
            new javafx.beans.property.ReadOnlyObjectWrapper<>(new Selection(null, null));
    /** Follows the selected run's analysis into {@link #selection}. */
    private final javafx.beans.InvalidationListener selectedAnalysisChanged = o -> updateSelection();
    private final JobViewModel job;
    private final Messages messages;
    private final DatasetCatalog catalog;
    private final Engine engine;
    private final AnalysisOptions options;
    private final Feed<LanczosProgress> lanczos;
    /** Where Remove is recorded: the window's Edit history once {@link #recordEditsIn} is called. */
    private EditHistory edits = new EditHistory();
    private final java.util.ArrayDeque<BackgroundTask<?>> pending = new java.util.ArrayDeque<>();
    private final java.util.concurrent.Executor fx;
    /**
     * Stored analyses read by the workers reach the JavaFX thread through one {@link Feed}: those read while it is
     * busy arrive together, so the charts are rebuilt once for them rather than once per run (issue 17: reopening
     * six runs rebuilt and drew the charts six times in one 0.9 s stretch of the JavaFX thread).
     */
    private final java.util.function.Consumer<Runnable> arrivals;
    /** What a view does with an analysis on the worker that read or computed it, before the JavaFX thread has it. */
    private volatile java.util.function.Consumer<AnalysisResult> prepare = a -> {
    };
    private final AnalysisCache analyses = new AnalysisCache();
    /** Stored analyses are read two at a time: the expansion of a compact one is single-threaded. */
    private static final int READERS = 2;

    /**
     * One Lanczos step of the analysis of {@code run}, for chart 2's live view; {@code step} is null
     * once that analysis has ended (done, failed or cancelled).
     */
    public record LanczosProgress(RunItem run, CurvatureOperator operator, LanczosStep step) {
    }

    /**
     * The selected run with the analysis it holds now ({@code analysis} null while it has none). It changes when the
     * selection does and when the selected run's analysis arrives or is replaced: a reopened run is listed before its
     * analysis is read, so a view drawing the selected run's analysis that followed the selection alone kept its
     * hint (issue 17; chart 2 stayed empty for an unchecked, selected run).
     */
    public record Selection(RunItem run, AnalysisResult analysis) {
    }

    public RunsViewModel(JobViewModel job, Messages messages, DatasetCatalog catalog, Engine engine,
                         AnalysisOptions options) {
        this(job, messages, catalog, engine, options, javafx.application.Platform::runLater);
    }

    /** {@code fx} delivers the live Lanczos steps: the JavaFX thread, or the caller's thread in tests. */
    public RunsViewModel(JobViewModel job, Messages messages, DatasetCatalog catalog, Engine engine,
                         AnalysisOptions options, java.util.concurrent.Executor fx) {
        this.lanczos = new Feed<>(fx);
        this.fx = fx;
        Feed<Runnable> read = new Feed<>(fx);
        read.onBatch(batch -> batch.forEach(Runnable::run));
        this.arrivals = read.restart();
        this.job = job;
        this.messages = messages;
        this.catalog = catalog;
        this.engine = engine;
        this.options = options;
        selected.addListener((o, was, now) -> {
            if (was != null) {
                was.analysisProperty().removeListener(selectedAnalysisChanged);
            }
            if (now != null) {
                now.analysisProperty().addListener(selectedAnalysisChanged);
            }
            updateSelection();
        });
        job.runningProperty().addListener((o, was, now) -> {
            if (!now) {
                javafx.application.Platform.runLater(this::pump);
            }
        });
    }

    /** Opens the run in {@code folder} in the background, then analyses it if it has no stored analysis. */
    public void open(Path folder) {
        open(List.of(folder));
    }

    /** Opens run folders in one background job; runs without a stored analysis are analysed after. */
    public void open(List<Path> folders) {
        List<Path> dirs = folders.stream().map(p -> p.toAbsolutePath().normalize())
                .filter(d -> runs.stream().noneMatch(r -> r.folder().equals(d))).distinct().toList();
        if (!dirs.isEmpty()) {
            enqueue(BackgroundTask.of("open " + describe(dirs), m -> load(dirs, m)).onSuccess(this::added));
        }
    }

    /** Opens every run folder directly inside {@code parent} (e.g. sample-models/). */
    public void openAll(Path parent) {
        enqueue(BackgroundTask.of("open runs in " + parent.getFileName(), m -> load(runFolders(parent), m))
                .onSuccess(list -> {
                    if (list.isEmpty()) {
                        messages.info(parent + " holds no run folders (a run folder has " + RunFolder.INFO + ")");
                    }
                    added(list);
                }));
    }

    /**
     * Opens a sweep's run folders, each labelled by its swept value ({@code tags}), and checks
     * only them, so the charts show the sweep; other runs stay in the list, unchecked.
     */
    public void openSweep(java.util.Map<Path, SweepTag> tags) {
        java.util.Map<Path, SweepTag> byDir = new java.util.LinkedHashMap<>();
        tags.forEach((dir, tag) -> byDir.put(dir.toAbsolutePath().normalize(), tag));
        for (RunItem r : runs) {
            SweepTag tag = byDir.get(r.folder());
            r.setTag(tag);
            r.shownProperty().set(tag != null);
        }
        List<Path> missing = byDir.keySet().stream()
                .filter(d -> runs.stream().noneMatch(r -> r.folder().equals(d))).toList();
        if (!missing.isEmpty()) {
            enqueue(BackgroundTask.of("open " + describe(missing), m -> load(missing, m)).onSuccess(list -> {
                added(list);
                runs.stream().filter(r -> byDir.containsKey(r.folder())).forEach(r -> r.setTag(byDir.get(r.folder())));
            }));
        }
    }

    /**
     * Lists the opened runs at once, then reads their stored analyses in one job, two at a time, each
     * drawn as soon as it is read: a compact analysis.json recomputes its loss difference from
     * losses.npy, seconds per run, and eight of them read one after another kept the charts empty
     * for over a minute on a loaded machine (issue 17, defect 21). Analyses read before this session
     * come from memory ({@link AnalysisCache}).
     */
    private void added(List<Folder> list) {
        List<RunItem> stored = new ArrayList<>();
        for (Folder f : list) {
            if (runs.stream().noneMatch(r -> r.folder().equals(f.dir()))) {
                RunItem item = add(RunItem.listed(f.dir(), f.spec(), f.info(), colour(f.spec(), f.info())), f.stored());
                if (f.stored()) {
                    stored.add(item);
                } else {
                    analyze(item);
                }
            }
        }
        if (!stored.isEmpty()) {
            readAnalyses(stored);
        }
    }

    /** Reads the analysis.json of {@code items} in the queue; each was listed as reading it. */
    private void readAnalyses(List<RunItem> items) {
        Runnable ended = () -> items.forEach(i -> i.setReading(false));
        String what = items.size() == 1 ? label(items.get(0)) + "'s analysis" : items.size() + " runs' analyses";
        // Named by the run's short label, not its folder: a hashed folder name was cut off in the 1280×720 strip.
        List<String> labels = items.stream().map(this::label).toList(); // the list is read on the JavaFX thread only
        enqueue(BackgroundTask.of("read " + what, m -> readAll(items, labels, m))
                .onSuccess(missing -> {
                    ended.run();
                    missing.forEach(this::analyze);
                })
                .onFailure(e -> ended.run())
                .onCancelled(ended));
    }

    /** Reads each item's analysis off the JavaFX thread and hands it over there at once; returns those with none. */
    private List<RunItem> readAll(List<RunItem> items, List<String> labels, ProgressMonitor m) throws Exception {
        java.util.concurrent.atomic.AtomicInteger done = new java.util.concurrent.atomic.AtomicInteger();
        List<RunItem> missing = java.util.Collections.synchronizedList(new ArrayList<>());
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(
                Math.min(READERS, items.size()), r -> {
                    Thread t = new Thread(r, "hessianscope-read-analysis");
                    t.setDaemon(true);
                    return t;
                });
        try {
            List<java.util.concurrent.Future<?>> reads = new ArrayList<>();
            for (int i = 0; i < items.size(); i++) {
                RunItem item = items.get(i);
                String name = labels.get(i);
                reads.add(pool.submit(() -> {
                    m.checkCancelled();
                    java.util.Optional<AnalysisResult> a = analyses.read(item.folder());
                    a.ifPresent(prepare);
                    item.run(); // the weights too, here rather than on the JavaFX thread when a view first needs them
                    if (a.isPresent()) {
                        arrivals.accept(() -> {
                            item.setReading(false);
                            item.setAnalysis(a.get());
                        });
                    } else {
                        missing.add(item);
                    }
                    m.progress(done.incrementAndGet(), items.size(), name);
                    return null;
                }));
            }
            for (java.util.concurrent.Future<?> f : reads) {
                try {
                    f.get();
                } catch (java.util.concurrent.ExecutionException e) {
                    throw e.getCause() instanceof Exception x ? x : e;
                }
            }
        } finally {
            pool.shutdownNow();
        }
        return List.copyOf(missing);
    }

    /** How many analysis files this session read from disk rather than from memory. */
    public int analysisReads() {
        return analyses.reads();
    }

    private static String describe(List<Path> dirs) {
        return dirs.size() == 1 ? dirs.get(0).getFileName().toString() : dirs.size() + " runs";
    }

    /** A run folder read far enough to list it (no weights); {@code stored}: it holds an analysis.json to read next. */
    private record Folder(Path dir, ArchitectureSpec spec, RunInfo info, boolean stored) {
    }

    private static List<Path> runFolders(Path parent) throws IOException {
        try (Stream<Path> s = Files.list(parent)) {
            return s.filter(d -> Files.isRegularFile(d.resolve(RunFolder.INFO)))
                    .map(d -> d.toAbsolutePath().normalize()).sorted().toList();
        }
    }

    private static List<Folder> load(List<Path> dirs, ProgressMonitor m) throws IOException {
        List<Folder> out = new ArrayList<>();
        for (int i = 0; i < dirs.size(); i++) {
            m.checkCancelled();
            Path d = dirs.get(i);
            RunFolder.requireFiles(d);
            out.add(new Folder(d, RunFolder.readSpec(d), RunFolder.readInfo(d), Files.isRegularFile(d.resolve(AnalysisStore.FILE))));
            m.progress(i + 1, dirs.size(), d.getFileName().toString());
        }
        return out;
    }

    /**
     * Jobs wait here while the strip is busy, so opening several runs and analysing them never collide.
     * This queue hands nothing over from workers: it is called, and pumped by the strip's running flag, only on
     * the JavaFX thread (the {@code runLater} merely lets an ended job's callbacks queue their follow-ups first),
     * so worker results reach it through {@link BackgroundTask}'s callbacks and Lanczos steps through {@link Feed}.
     */
    private void enqueue(BackgroundTask<?> task) {
        pending.add(task);
        pump();
    }

    private void pump() {
        if (!job.runningProperty().get() && !pending.isEmpty()) {
            job.run(pending.poll());
        }
    }

    /** True while a job runs or waits. */
    public boolean busy() {
        return job.runningProperty().get() || !pending.isEmpty();
    }

    /** Adds a run already in memory (e.g. just trained); call on the JavaFX thread. */
    public RunItem add(Path dir, TrainedRun run, AnalysisResult analysis) {
        return add(new RunItem(dir, run, colour(run.spec(), run.info()), analysis), false);
    }

    /** The colour follows the run's key, not its place in the list, so it is the same next session. */
    private int colour(ArchitectureSpec spec, RunInfo info) {
        return org.hessianscope.figure.Palette.stable(colourKey(spec, info), runs.stream().map(RunItem::colourIndex).toList());
    }

    private RunItem add(RunItem item, boolean reading) {
        item.setReading(reading);
        runs.add(item);
        selected.set(item);
        return item;
    }

    /**
     * What makes a run this run for its colour: what the run store's key holds (spec, data,
     * training options, seed), read from run.json, so a run keeps its colour between sessions.
     */
    static String colourKey(ArchitectureSpec spec, RunInfo info) {
        return spec + (info == null ? "" : "|" + info.data().dataset() + "|" + info.data().trainSize()
                + "|" + info.options() + "|" + info.seed());
    }

    /**
     * Lists a lesson's training in progress ({@code dir} is not written until it finishes) and selects it;
     * {@link #showLesson} brings its charts up to date at each checkpoint, {@link #dropLesson} takes it out.
     */
    public RunItem addLesson(Path dir, TrainedRun run, String stage) {
        RunItem item = add(dir, run, null);
        item.setStage(stage);
        return item;
    }

    /** The lesson's analysis at checkpoint {@code stage}: the stage first, so the charts redrawn for it name it. */
    public void showLesson(RunItem item, AnalysisResult result, String stage) {
        item.setStage(stage);
        item.setAnalysis(result);
    }

    /** Takes a lesson's item out without the Undo offer of {@link #remove}: its training ended. */
    public void dropLesson(RunItem item) {
        int at = runs.indexOf(item);
        if (at >= 0) {
            runs.remove(at);
            if (selected.get() == item) {
                selected.set(runs.isEmpty() ? null : runs.get(Math.min(at, runs.size() - 1)));
            }
        }
    }

    /** Runs {@link RunAnalysis} on {@code item}'s folder and writes analysis.json there. */
    public void analyze(RunItem item) {
        // The sink is taken when the job starts, not when it is queued, so a queued analysis never silences a running one.
        java.util.concurrent.atomic.AtomicReference<java.util.function.Consumer<LanczosProgress>> sink =
                new java.util.concurrent.atomic.AtomicReference<>(p -> {
                });
        Runnable ended = () -> sink.get().accept(new LanczosProgress(item, null, null));
        enqueue(BackgroundTask.of("analyse " + label(item), m -> {
                    java.util.function.Consumer<LanczosProgress> mine = lanczos.restart();
                    sink.set(mine);
                    Curvature.Listener live = new Curvature.Listener() {
                        @Override
                        public void lanczos(CurvatureOperator operator, LanczosStep step) {
                            mine.accept(new LanczosProgress(item, operator, step));
                        }
                    };
                    AnalysisResult result = new RunAnalysis(engine).analyzeFolder(item.folder(), catalog, options,
                            step -> new StepMonitor(m, step.label()), live);
                    prepare.accept(result);
                    return result;
                })
                .onSuccess(a -> {
                    ended.run();
                    item.setAnalysis(a);
                    messages.notice("Analysis finished", label(item), false);
                })
                .onFailure(e -> {
                    ended.run();
                    messages.notice("Analysis failed", label(item) + ": " + Messages.describe(e), true);
                })
                .onCancelled(() -> {
                    ended.run();
                    messages.notice("Analysis cancelled", label(item), false);
                }));
    }

    /**
     * Takes {@code item} out of the list (its folder stays on disk) as a step of Edit → Undo, and offers
     * Undo in the message bar too: no dialog stands between a teacher and the class, and nothing is lost.
     */
    public void remove(RunItem item) {
        int at = runs.indexOf(item);
        if (at < 0) {
            return;
        }
        Removal removal = new Removal(item, at);
        removal.redo();
        edits.record(removal);
        messages.info("removed " + item.name() + " from the list; its folder stays on disk", "Undo",
                () -> edits.undo(removal));
    }

    /** Remove as an undoable step: undo puts the run back where it was, selected. */
    private final class Removal implements EditHistory.Edit {
        private final RunItem item;
        private final int at;

        Removal(RunItem item, int at) {
            this.item = item;
            this.at = at;
        }

        @Override
        public String name() {
            return "remove " + item.name();
        }

        @Override
        public void undo() {
            if (!runs.contains(item)) {
                runs.add(Math.min(at, runs.size()), item);
                selected.set(item);
            }
        }

        @Override
        public void redo() {
            int i = runs.indexOf(item);
            if (i < 0) {
                return;
            }
            runs.remove(item);
            if (selected.get() == item) {
                selected.set(runs.isEmpty() ? null : runs.get(Math.min(i, runs.size() - 1)));
            }
        }
    }

    /** Records Remove in the window's {@code history} (Edit → Undo) instead of a list of its own. */
    public void recordEditsIn(EditHistory history) {
        edits = history;
    }

    /** Lanczos steps of the analysis that is running, for chart 2's live convergence view. */
    public Feed<LanczosProgress> lanczos() {
        return lanczos;
    }

    /** How the run list names {@code item}: the settings in which it differs from the other runs. */
    public String label(RunItem item) {
        List<RunItem> all = List.copyOf(runs);
        int i = all.indexOf(item);
        if (i < 0) {
            return item.name();
        }
        RunLabels labels = RunLabels.of(all);
        // Nothing tells the runs apart (or there is one): the folder name with L, k, C.
        return labels.joined() && labels.title() == null ? item.name() : labels.named(i);
    }

    public ObservableList<RunItem> runs() {
        return runs;
    }

    public ObjectProperty<RunItem> selectedProperty() {
        return selected;
    }

    /**
     * {@code c} runs on the worker thread that read or computed a run's analysis, before the analysis is handed to
     * the JavaFX thread: for views to prepare what they will draw from it off that thread. It must be thread-safe.
     */
    public void onAnalysisReady(java.util.function.Consumer<AnalysisResult> c) {
        prepare = c;
    }

    /**
     * Runs {@code r} on the JavaFX thread after what is queued there now (at once, on the caller's thread, when this
     * model was made with a direct executor, as tests do): for views that coalesce several changes into one rebuild.
     */
    public void later(Runnable r) {
        fx.execute(r);
    }

    /** The selected run and its analysis; views that draw the selected run's analysis follow this. */
    public javafx.beans.property.ReadOnlyObjectProperty<Selection> selectionProperty() {
        return selection.getReadOnlyProperty();
    }

    private void updateSelection() {
        RunItem run = selected.get();
        AnalysisResult analysis = run == null ? null : run.analysisProperty().get();
        Selection was = selection.get();
        // Set only on a change (by identity): a property fires on every new record, equal or not.
        if (was.run() != run || was.analysis() != analysis) {
            selection.set(new Selection(run, analysis));
        }
    }

    public JobViewModel job() {
        return job;
    }

    /** Prefixes a step's messages with its name so one progress strip shows which step runs. */
    private record StepMonitor(ProgressMonitor inner, String step) implements ProgressMonitor {
        @Override
        public void progress(long done, long total, String message) {
            inner.progress(done, total, step + ": " + message);
        }

        @Override
        public boolean isCancelled() {
            return inner.isCancelled();
        }
    }
}
