package org.hessianscope.ui.surface;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.hessianscope.analysis.Analyses;
import org.hessianscope.analysis.AnalysisResult;
import org.hessianscope.analysis.AnalysisStore;
import org.hessianscope.analysis.RunAnalysis;
import org.hessianscope.analysis.RunTrainingSet;
import org.hessianscope.analysis.TinyRuns;
import org.hessianscope.curvature.Curvature;
import org.hessianscope.data.DatasetCatalog;
import org.hessianscope.engine.Engine;
import org.hessianscope.engine.Model;
import org.hessianscope.engine.Network;
import org.hessianscope.figure.DeltaFigure;
import org.hessianscope.run.RunFolder;
import org.hessianscope.run.TrainedRun;
import org.hessianscope.surface.DeltaMonteCarlo;
import org.hessianscope.surface.DeltaOptions;
import org.hessianscope.surface.DeltaResult;
import org.hessianscope.surface.NetworkObjective;
import org.hessianscope.task.ProgressMonitor;
import org.hessianscope.ui.GuiFixture;
import org.hessianscope.ui.common.JobViewModel;
import org.hessianscope.ui.common.Messages;
import org.hessianscope.ui.runs.RunsViewModel;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.fx.ChartViewer;
import org.jfree.chart.plot.XYPlot;
import org.jfree.data.xy.XYDataset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The Landscape tab's Δ_{k+1}(σ) column on real tiny runs, headless: a run whose analysis.json holds a Δ shows it at
 * once, point for point; Compute Δ stores what the {@code delta} command computes into analysis.json beside the other
 * results, and a window opened afresh on the folder shows it; Cancel stops it and stores nothing.
 */
@ExtendWith(ApplicationExtension.class)
class DeltaViewTest {
    /** Two σ, 4 draws in a 3-dimensional subspace over the 80 samples: a second or two on a shared machine. */
    static final DeltaOptions SMALL = DeltaOptions.ofAnalysis(new double[] {1e-2, 1e-1}, 4, 3, GuiFixture.ANALYSIS.seed());
    @TempDir
    static Path tmp;
    static Path stored;
    static Path plain;
    static Path cancelled;
    static DatasetCatalog catalog;
    Engine engine;
    ExecutorService workers;
    RunsViewModel runs;
    LandscapeViewModel vm;
    Stage stage;

    @BeforeAll
    static void tinyRuns() throws IOException {
        catalog = TinyRuns.embedded(tmp.resolve("no-data"));
        plain = TinyRuns.train(tmp.resolve("plain"), 1, 80, catalog);
        try (Engine e = new Engine(2)) {
            new RunAnalysis(e).analyzeFolder(plain, catalog, GuiFixture.ANALYSIS, RunAnalysis.StepMonitors.NONE);
            stored = copy(plain, tmp.resolve("stored"));
            cancelled = copy(plain, tmp.resolve("cancelled"));
            // What `analyze --only delta --delta …` stores.
            new RunAnalysis(e).analyzeFolder(stored, catalog, GuiFixture.ANALYSIS.withDelta(SMALL),
                    RunAnalysis.StepMonitors.NONE, Curvature.Listener.NONE, List.of(Analyses.DELTA));
        }
    }

    private static Path copy(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                Path t = to.resolve(from.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(t);
                } else {
                    Files.copy(f, t);
                }
            }
        }
        return to;
    }

    @Start
    void start(Stage stage) {
        this.stage = stage;
        engine = new Engine(2);
        workers = Executors.newCachedThreadPool();
        stage.setScene(new Scene(new Label(), 1260, 780));
        stage.show();
    }

    /** A window as the app makes it on opening {@code folder}: the run list reads analysis.json from disk. */
    private void open(Path folder) throws Exception {
        WaitForAsyncUtils.asyncFx(() -> {
            Messages messages = new Messages();
            runs = new RunsViewModel(new JobViewModel(r -> {
                throw new AssertionError("no run analysis expected");
            }, messages), messages, catalog, engine, GuiFixture.ANALYSIS, Runnable::run);
            vm = new LandscapeViewModel(runs, new JobViewModel(workers, messages), catalog, engine,
                    LandscapeViewTest.SMALL);
            try {
                runs.selectedProperty().set(runs.add(folder, RunFolder.read(folder),
                        AnalysisStore.read(folder).orElseThrow()));
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            stage.getScene().setRoot(new LandscapeView(vm));
        }).get();
        WaitForAsyncUtils.waitForFxEvents();
    }

    @AfterEach
    void stop() throws Exception {
        if (vm != null) {
            WaitForAsyncUtils.asyncFx(() -> vm.job().cancel()).get();
        }
        workers.shutdownNow();
        workers.awaitTermination(30, TimeUnit.SECONDS);
        engine.close();
    }

    @Test
    void aRunWithAStoredDeltaShowsItsChartAtOncePointForPoint(FxRobot robot) throws Exception {
        open(stored);
        DeltaResult onDisk = AnalysisStore.read(stored).orElseThrow().get(Analyses.DELTA);
        assertNotNull(onDisk);
        assertEquals(SMALL, onDisk.options());
        ChartViewer viewer = robot.lookup("#delta-chart").queryAs(ChartViewer.class);
        assertTrue(viewer.isVisible(), "shown without computing anything");
        assertTrue(!robot.lookup("#delta-hint").queryAs(Label.class).isVisible());
        assertPlots(onDisk, viewer.getChart());
    }

    /** Series 2s is the Monte Carlo mean at σ_s, 2s + 1 the quadratic model, each at every k of the result. */
    private static void assertPlots(DeltaResult r, JFreeChart chart) {
        XYDataset data = ((XYPlot) chart.getPlot()).getDataset(0);
        assertEquals(2 * r.options().sigma().length, data.getSeriesCount());
        for (int s = 0; s < r.options().sigma().length; s++) {
            assertEquals(DeltaFigure.monteCarloKey(r, s), data.getSeriesKey(2 * s));
            assertEquals(DeltaFigure.quadraticKey(r, s), data.getSeriesKey(2 * s + 1));
            assertEquals(r.k().length, data.getItemCount(2 * s), "every k has a positive mean");
            assertEquals(r.k().length, data.getItemCount(2 * s + 1));
            for (int j = 0; j < r.k().length; j++) {
                assertEquals(r.k()[j], data.getXValue(2 * s, j), 0.0);
                assertEquals(r.mean()[s][j], data.getYValue(2 * s, j), 0.0, "σ " + s + ", k = " + r.k()[j]);
                assertEquals(r.k()[j], data.getXValue(2 * s + 1, j), 0.0);
                assertEquals(r.quadratic()[s][j], data.getYValue(2 * s + 1, j), 0.0);
            }
        }
        assertTrue(((XYPlot) chart.getPlot()).getDomainAxis() instanceof org.jfree.chart.axis.LogAxis
                || ((XYPlot) chart.getPlot()).getDomainAxis() instanceof org.jfree.chart.axis.LogarithmicAxis,
                "log k: " + ((XYPlot) chart.getPlot()).getDomainAxis().getClass());
    }

    @Test
    void computeDeltaStoresWhatTheDeltaCommandComputesAndAReopenedWindowShowsIt(FxRobot robot) throws Exception {
        open(plain);
        assertNull(vm.delta().resultProperty().get());
        assertTrue(robot.lookup("#delta-hint").queryAs(Label.class).getText().startsWith("Press Compute Δ"));
        robot.interact(() -> {
            robot.lookup("#delta-sigma").queryAs(javafx.scene.control.TextField.class).setText("0.01, 0.1");
            vm.delta().drawsProperty().set(4);
            vm.delta().subspaceProperty().set(3);
        });
        robot.clickOn("#delta-compute");
        WaitForAsyncUtils.waitFor(GuiFixture.JOB_SECONDS, TimeUnit.SECONDS,
                () -> vm.delta().resultProperty().get() != null && !vm.job().runningProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
        DeltaResult shown = vm.delta().resultProperty().get();
        assertEquals(SMALL, shown.options(), "the fields' σ, draws and subspace, the analysis' seed");

        // The delta command's computation (DeltaCommand: the first N samples, the trained θ̂), done here alone.
        TrainedRun run = RunFolder.read(plain);
        var train = RunTrainingSet.load(plain, run.info(), catalog);
        Model model = new Model(Network.of(run.spec()), run.weights());
        DeltaResult direct = DeltaMonteCarlo.estimate(new NetworkObjective(engine, model.network(),
                train.first(Math.min(SMALL.samples(), train.size()))), model.theta(), SMALL, ProgressMonitor.NONE);
        assertArrayEquals(direct.k(), shown.k());
        for (int s = 0; s < 2; s++) {
            assertArrayEquals(direct.mean()[s], shown.mean()[s], 0.0);
            assertArrayEquals(direct.quadratic()[s], shown.quadratic()[s], 0.0);
        }

        // In analysis.json beside the results that were there, and a window opened afresh draws it at once.
        AnalysisResult onDisk = AnalysisStore.read(plain).orElseThrow();
        assertArrayEquals(shown.mean()[1], onDisk.get(Analyses.DELTA).mean()[1], 0.0);
        assertNotNull(onDisk.get(Analyses.LOSS_DIFFERENCE), "the other results are kept");
        assertNotNull(onDisk.get(Analyses.CURVATURE), "the other results are kept");
        open(plain);
        ChartViewer viewer = robot.lookup("#delta-chart").queryAs(ChartViewer.class);
        assertTrue(viewer.isVisible());
        assertPlots(onDisk.get(Analyses.DELTA), viewer.getChart());
    }

    @Test
    void cancelStopsDeltaAndStoresNothing(FxRobot robot) throws Exception {
        open(cancelled);
        // 3 × 100,000 draws of 80 forward passes: running for minutes when Cancel is pressed.
        robot.interact(() -> vm.delta().drawsProperty().set(DeltaOptions.MAX_DRAWS));
        robot.clickOn("#delta-compute");
        WaitForAsyncUtils.waitFor(GuiFixture.JOB_SECONDS, TimeUnit.SECONDS, () -> vm.job().runningProperty().get());
        robot.clickOn("#landscape-cancel");
        WaitForAsyncUtils.waitFor(GuiFixture.JOB_SECONDS, TimeUnit.SECONDS, () -> !vm.job().runningProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(vm.job().messageProperty().get().endsWith("cancelled"), vm.job().messageProperty().get());
        assertNull(vm.delta().resultProperty().get());
        assertNull(AnalysisStore.read(cancelled).orElseThrow().get(Analyses.DELTA));
        assertTrue(robot.lookup("#delta-hint").queryAs(Label.class).isVisible());
    }
}
