package org.hessianscope.ui;

import org.hessianscope.ui.experiment.ExperimentsViewModel;
import org.hessianscope.ui.experiment.ExperimentsViewModelTest;
import static org.hessianscope.ui.GuiFixture.onFx;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.hessianscope.experiment.SweepRow;
import org.hessianscope.experiment.SweepSummary;
import org.hessianscope.figure.SeedBoundFigure;
import org.hessianscope.ui.charts.SeededRuns;
import org.jfree.data.xy.YIntervalSeriesCollection;
import org.hessianscope.run.RunFolder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The Experiments tab in the real window (Monocle, headless): run a tiny sweep, resume it, load it into the charts. */
@ExtendWith(ApplicationExtension.class)
public class ExperimentsWindowTest {
    @TempDir
    static Path tmp;
    Path dir;
    GuiFixture gui;
    ExperimentsViewModel vm;

    @Start
    void start(Stage stage) {
        gui = GuiFixture.fresh(stage, tmp);
        dir = gui.folder;
        vm = gui.model.experiments();
    }

    @AfterEach
    void close() throws Exception {
        gui.close();
    }

    private void awaitSweep(String what) throws Exception {
        GuiFixture.await(what, () -> !vm.job().runningProperty().get()
                && vm.rows().stream().noneMatch(r -> r.state().open()));
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void runningATinySweepTrainsThenReusesAndLoadsItsRunsLabelledByValue(FxRobot robot) throws Exception {
        Path file = Files.createDirectories(dir).resolve("tiny.yaml");
        Files.writeString(file, ExperimentsViewModelTest.TINY);
        Path out = dir.resolve("results");
        List<String> seen = new ArrayList<>();
        robot.interact(() -> {
            assertTrue(vm.openSweepFile(file));
            vm.outputProperty().set(out);
            vm.rows().forEach(r -> r.stateTextProperty().addListener((o, a, b) -> seen.add(b)));
            gui.showTab("Experiments");
        });
        robot.clickOn("#experiments-run");
        awaitSweep("the sweep to train both points");
        assertEquals(List.of("done — trained", "done — trained"), gui.pointStates(), gui.model.messages().textProperty().get());
        assertTrue(seen.stream().anyMatch(s -> s.startsWith("training") || s.startsWith("analysing")),
                "per-point progress was shown: " + seen);

        SweepSummary summary = SweepSummary.read(out);
        assertTrue(Files.isRegularFile(out.resolve(SweepSummary.JSON_FILE)));
        assertEquals(2, summary.rows().size());
        for (SweepRow r : summary.rows()) {
            Path run = Path.of(r.run());
            assertEquals(dir.resolve("runs").toAbsolutePath().normalize(), run.getParent(), "runs live in the run store");
            assertEquals(RunFolder.readInfo(run).test().accuracy(), r.testAccuracy(), 0.0, r.run());
            assertTrue(r.trained());
        }
        assertEquals(out, onFx(() -> vm.writtenProperty().get()));
        assertTrue(onFx(() -> robot.lookup("#experiments-output").queryAs(Label.class).getText()).contains(out.toString()));
        assertEquals(summary.rows().get(0).testAccuracy(), onFx(() -> vm.rows().get(0).numbers().testAccuracy()), 0.0);

        robot.clickOn("#experiments-run");
        awaitSweep("the sweep to run again");
        assertEquals(List.of("done — reused", "done — reused"), gui.pointStates());
        assertTrue(gui.model.messages().textProperty().get().contains("2 reused from the run store"),
                gui.model.messages().textProperty().get());

        robot.clickOn("#experiments-load");
        GuiFixture.await("the sweep's runs in the charts", () -> gui.model.runs().runs().size() == 2
                && gui.built.chartsModel().labels().size() == 2 && !gui.model.busy(), () -> "runs "
                + gui.model.runs().runs().stream().map(r -> r.name() + (r.shownProperty().get() ? " shown" : "")
                        + (r.analysisProperty().get() != null ? " analysed" : "") + " tag " + r.tag()).toList()
                + ", chart labels " + gui.built.chartsModel().labels() + ", busy " + gui.model.busy()
                + ", message " + gui.model.messages().textProperty().get());
        assertEquals(List.of("1", "2"), onFx(() -> gui.built.chartsModel().labels()));
        assertEquals("L (number of layers)", onFx(() -> gui.model.runs().runs().get(0).tag().legendTitle()));

        // The results folder opens as a finished sweep: every point done, loadable at once.
        assertTrue(onFx(() -> vm.openFinishedSweep(out)));
        assertEquals(List.of("done — reused", "done — reused"), gui.pointStates(), "the last run reused both");
        assertTrue(onFx(() -> vm.canLoadProperty().get() && vm.canRunProperty().get()));
    }

    /**
     * Issue 21, chart 3 of a seeded sweep: a finished sweep of two networks and two seeds, opened and
     * loaded into the charts, draws per network each level's mean and 95 % interval as its summary.json
     * prints them, each seed faint beside them.
     */
    @Test
    void aSeededSweepLoadedIntoTheChartsDrawsChartThreesMeansAndIntervalsFromItsSummary(FxRobot robot)
            throws Exception {
        Path out = SeededRuns.train(dir).out();
        robot.interact(() -> {
            gui.showTab("Experiments");
            assertTrue(vm.openFinishedSweep(out));
        });
        robot.clickOn("#experiments-load");
        // Each run's stored analysis is read in a job of its own: wait until chart 3 draws all four seeds.
        GuiFixture.await("chart 3 of the sweep's four runs", () -> !gui.model.busy()
                && gui.built.chartsModel().boundsProperty().get() != null
                && gui.built.chartsModel().boundsProperty().get().getXYPlot().getDataset(0)
                instanceof YIntervalSeriesCollection
                && gui.built.chartsModel().boundsProperty().get().getXYPlot().getDataset(1).getItemCount(0) == 4);
        YIntervalSeriesCollection means = onFx(() -> (YIntervalSeriesCollection) gui.built.chartsModel().boundsProperty()
                .get().getXYPlot().getDataset(0));
        JsonNode summary = new ObjectMapper().readTree(out.resolve(SweepSummary.JSON_FILE).toFile());
        for (int level = 0; level < 3; level++) {
            String metric = SeedBoundFigure.METRICS.get(level);
            for (int net = 0; net < 2; net++) {
                JsonNode printed = summary.path("networks").get(net).path("metrics").path(metric);
                assertEquals(printed.path("mean").asDouble(), means.getYValue(level, net), 0, metric);
                assertEquals(printed.path("low").asDouble(), means.getStartYValue(level, net), 0, metric);
                assertEquals(printed.path("high").asDouble(), means.getEndYValue(level, net), 0, metric);
            }
        }
        assertEquals("L (number of layers)", onFx(() -> gui.built.chartsModel().boundsProperty().get().getXYPlot()
                .getDomainAxis().getLabel()), "the sweep's legend title");
    }

    @Test
    void cancelKeepsTheFinishedPointsInTheStoreAndRunResumesFromThem(FxRobot robot) throws Exception {
        Path file = Files.createDirectories(dir).resolve("tiny.yaml");
        Files.writeString(file, ExperimentsViewModelTest.TINY);
        Path out = dir.resolve("results");
        boolean[] cancelled = {false};
        robot.interact(() -> {
            assertTrue(vm.openSweepFile(file));
            vm.outputProperty().set(out);
            // Cancel the moment the first point is done, while the second trains or is analysed.
            vm.rows().get(0).stateTextProperty().addListener((o, a, b) -> {
                if (b.startsWith("done") && !cancelled[0]) {
                    cancelled[0] = true;
                    vm.cancel();
                }
            });
            vm.run();
        });
        awaitSweep("the cancelled sweep to stop");
        List<String> stopped = gui.pointStates();
        assertEquals("done — trained", stopped.get(0));
        // On a fast machine the second point may finish before the cancel reaches it; both outcomes are legal.
        assertTrue(List.of("cancelled", "done — trained").contains(stopped.get(1)), stopped.toString());
        boolean secondCancelled = stopped.get(1).equals("cancelled");
        assertEquals(!secondCancelled, Files.exists(out.resolve(SweepSummary.JSON_FILE)),
                "a cancelled sweep writes no summary");

        robot.interact(vm::run);
        awaitSweep("the sweep to resume");
        List<String> resumed = gui.pointStates();
        assertEquals("done — reused", resumed.get(0), "the point finished before Cancel is not trained again");
        assertTrue(resumed.get(1).startsWith("done"), resumed.toString());
        assertEquals(2, SweepSummary.read(out).rows().size());
    }

    @Test
    void aMalformedSweepFileIsExplainedInTheMessageBar(FxRobot robot) throws Exception {
        Path file = Files.createDirectories(dir).resolve("bad.yaml");
        Files.writeString(file, ExperimentsViewModelTest.TINY.replace("train_size: 128", "train_size: -5"));
        assertFalse(onFx(() -> vm.openSweepFile(file)));
        WaitForAsyncUtils.waitForFxEvents();
        String bar = robot.lookup("#message-bar-text").queryAs(Label.class).getText();
        assertTrue(bar.contains("bad.yaml") && bar.contains("train_size"), bar);
        assertTrue(robot.lookup("#experiments-run").queryButton().isDisabled());
    }
}
