package org.hessianscope.ui;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import javafx.scene.Scene;
import javafx.scene.control.TabPane;
import javafx.stage.Stage;
import org.hessianscope.analysis.AnalysisOptions;
import org.hessianscope.analysis.RunAnalysis;
import org.hessianscope.analysis.TinyRuns;
import org.hessianscope.data.DatasetCatalog;
import org.hessianscope.engine.Engine;
import org.hessianscope.ui.runs.RunItem;
import org.testfx.util.WaitForAsyncUtils;

/** Builds the real window on a stage with temporary session and run folders and the embedded data only. */
public final class GuiFixture {
    /** Background jobs on a 2-core CI machine shared with other tests: generous, never part of an assertion. */
    public static final long JOB_SECONDS = 120;

    /** Light analysis settings: the tests check wiring, the analysis itself is tested in its package. */
    public static final AnalysisOptions ANALYSIS = AnalysisOptions.of(30, 0, AnalysisOptions.PAPER_ALPHA, 2)
            .withCurvature(50, 10, 3);

    /** Numbers the windows {@link #fresh} opens, so each test's window has folders of its own. */
    private static final AtomicInteger WINDOWS = new AtomicInteger();

    public final AppModel model;
    public final Windows.Built built;
    /** The folder the window's runs, session and anything else the test writes go below. */
    public final Path folder;

    public GuiFixture(Stage stage, Path tmp, Path session, List<Path> runs) {
        this(stage, tmp, session, runs, tmp.resolve("no-samples"));
    }

    public GuiFixture(Stage stage, Path tmp, Path session, List<Path> runs, Path sampleModels) {
        folder = tmp;
        model = new AppModel(new AppOptions(null, runs, session, tmp.resolve("runs"), sampleModels),
                TinyRuns.embedded(tmp.resolve("no-data")), ANALYSIS);
        built = Windows.build(model);
        // Monocle's headless screen is 1280×800; a larger window overflows its frame buffer.
        stage.setScene(new Scene(built.root(), 1260, 780));
        stage.show();
        model.start();
    }

    /** The window with no run open, in a folder {@code tmp/window-N} no other window of the run uses. */
    public static GuiFixture fresh(Stage stage, Path tmp) {
        Path dir = tmp.resolve("window-" + WINDOWS.incrementAndGet());
        return new GuiFixture(stage, dir, dir.resolve("session.json"), List.of());
    }

    /**
     * A run in {@code tmp/analysed} trained for one epoch on the first 120 embedded records and
     * analysed with {@link #ANALYSIS}: a run whose four charts can be drawn, made once per test class.
     */
    public static Path analysedRun(Path tmp) throws IOException {
        DatasetCatalog data = TinyRuns.embedded(tmp.resolve("no-data"));
        Path run = TinyRuns.train(tmp.resolve("analysed"), 1, 120, data);
        analyse(data, run);
        return run;
    }

    /** Analyses each of {@code runs} with {@link #ANALYSIS}, writing its analysis.json as the window would. */
    public static void analyse(DatasetCatalog data, Path... runs) throws IOException {
        try (Engine engine = new Engine(2)) {
            for (Path run : runs) {
                new RunAnalysis(engine).analyzeFolder(run, data, ANALYSIS, RunAnalysis.StepMonitors.NONE);
            }
        }
    }

    /** Opens the analysed {@code run} and waits until chart 1 draws it and no job is left; returns its item. */
    public RunItem openAnalysed(Path run) throws Exception {
        onFx(() -> {
            model.runs().open(run);
            return null;
        });
        await("the analysed run to open", () -> built.chartsModel().lossDifferenceProperty().get() != null
                && !model.busy());
        WaitForAsyncUtils.waitForFxEvents();
        Path dir = run.toAbsolutePath().normalize();
        return onFx(() -> model.runs().runs().stream().filter(r -> r.folder().equals(dir)).findFirst().orElseThrow());
    }

    /** {@code c}'s value, computed on the JavaFX thread. */
    public static <T> T onFx(Callable<T> c) throws Exception {
        return WaitForAsyncUtils.asyncFx(c).get();
    }

    /** The Experiments tab's point states as shown ("pending", "done — trained", …), in sweep order. */
    public List<String> pointStates() throws Exception {
        return onFx(() -> model.experiments().rows().stream().map(r -> r.stateTextProperty().get()).toList());
    }

    /** Brings the main tab titled {@code title} forward; on the JavaFX thread. */
    public void showTab(String title) {
        TabPane tabs = built.root().lookupAll(".tab-pane").stream().map(n -> (TabPane) n).findFirst().orElseThrow();
        tabs.getSelectionModel().select(tabs.getTabs().stream().filter(t -> t.getText().equals(title)).findFirst()
                .orElseThrow());
    }

    static void await(String what, BooleanSupplier condition) throws TimeoutException {
        await(what, condition, () -> "");
    }

    /** As {@link #await(String, BooleanSupplier)}; a timeout also says what {@code state} (read on the JavaFX thread) was. */
    static void await(String what, BooleanSupplier condition, java.util.function.Supplier<String> state)
            throws TimeoutException {
        try {
            WaitForAsyncUtils.waitFor(JOB_SECONDS, TimeUnit.SECONDS, () -> condition.getAsBoolean());
        } catch (TimeoutException e) {
            String now;
            try {
                now = WaitForAsyncUtils.asyncFx(state::get).get(10, TimeUnit.SECONDS);
            } catch (Exception x) {
                now = "(state unreadable: " + x + ")";
            }
            throw new TimeoutException("timed out waiting for " + what + (now.isEmpty() ? "" : "; " + now));
        }
    }

    void close() throws Exception {
        WaitForAsyncUtils.asyncFx(model::close).get();
    }
}
