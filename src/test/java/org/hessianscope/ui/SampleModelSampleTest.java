package org.hessianscope.ui;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javafx.geometry.Point2D;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.hessianscope.analysis.AnalysisResult;
import org.hessianscope.ui.charts.SampleViewModel;
import org.hessianscope.ui.session.SessionStore;
import org.hessianscope.ui.session.Sessions;
import org.jfree.chart.entity.XYItemEntity;
import org.jfree.chart.fx.ChartViewer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Issue 17, defect 1: a shipped sample model was trained on all 60,000 MNIST records, and only the
 * embedded 10,000 are here; clicking one of its chart-4 points still shows that sample.
 */
@ExtendWith(ApplicationExtension.class)
public class SampleModelSampleTest {
    static final Path SAMPLE_RUN = Path.of("sample-models/mnist-layers/runs/mnist-L2-C6-k3-s0-c995d300bb82");
    @TempDir
    Path tmp;
    GuiFixture gui;
    Path session;

    @Start
    void start(Stage stage) {
        session = tmp.resolve("session.json");
        gui = new GuiFixture(stage, tmp, session, List.of(SAMPLE_RUN));
    }

    @AfterEach
    void close() throws Exception {
        gui.close();
    }

    @Test
    void aClickedSampleOfAModelTrainedOnTheFullSetShowsFromTheEmbeddedSubset(FxRobot robot) throws Exception {
        GuiFixture.await("the sample model to open", () -> gui.built.chartsModel().perSampleProperty().get() != null
                && !gui.model.busy());
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(Files.readString(SAMPLE_RUN.resolve("run.json")).contains("\"trainSize\" : 60000"));
        ChartViewer four = robot.lookup("#chart-persample-viewer").queryAs(ChartViewer.class);
        XYItemEntity point = null;
        for (Object e : four.getRenderingInfo().getEntityCollection().getEntities()) {
            if (e instanceof XYItemEntity item) {
                point = item;
                break;
            }
        }
        assertNotNull(point, "chart 4 draws its points");
        var box = point.getArea().getBounds2D();
        Point2D screen = four.getCanvas().localToScreen(box.getCenterX(), box.getCenterY());
        robot.clickOn(screen);
        GuiFixture.await("the sample to show", () -> gui.model.sample().shownProperty().get() != null);
        WaitForAsyncUtils.waitForFxEvents();
        SampleViewModel.Shown s = gui.model.sample().shownProperty().get();
        AnalysisResult a = gui.model.runs().runs().get(0).analysisProperty().get();
        assertTrue(s.index() < 10000, "the embedded subset holds sample " + s.index());
        assertEquals(a.labels()[s.index()], s.label());
        assertEquals(a.losses()[s.index()], s.loss(), 0.0);
        assertEquals(28 * 28, s.pixels().length);
        assertTrue(robot.lookup("#sample-text").queryAs(Label.class).getText().contains("label " + s.label()));
    }

    /** Issue 17, defect 21: reopened runs are listed before their stored analyses are read, then drawn without re-analysis. */
    @Test
    void reopenedAnalysedRunsAreListedAtOnceAndTheirAnalysesReadAfter(FxRobot robot) throws Exception {
        GuiFixture.await("the first sample model", () -> !gui.model.busy());
        List<Path> more;
        try (var s = Files.list(SAMPLE_RUN.getParent())) {
            more = s.filter(d -> !d.equals(SAMPLE_RUN)).sorted().limit(2).toList();
        }
        java.util.List<String> atAdd = new java.util.ArrayList<>();
        WaitForAsyncUtils.asyncFx(() -> {
            gui.model.runs().runs().addListener((javafx.collections.ListChangeListener<org.hessianscope.ui.runs.RunItem>) c -> {
                while (c.next()) {
                    for (var r : c.getAddedSubList()) {
                        atAdd.add(r.analysisProperty().get() == null && r.readingProperty().get() ? "listed" : "late");
                    }
                }
            });
            gui.model.runs().open(more);
        }).get();
        GuiFixture.await("both runs' analyses", () -> !gui.model.busy() && gui.model.runs().runs().size() == 3
                && gui.model.runs().runs().stream().allMatch(r -> r.analysisProperty().get() != null));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(List.of("listed", "listed"), atAdd, "listed before their analyses were read");
        for (var r : gui.model.runs().runs()) {
            assertTrue(!r.readingProperty().get());
            // The analysis read is the stored one (nothing re-analysed): the shipped 256 orderings, not the test's 30.
            assertEquals(org.hessianscope.analysis.AnalysisStore.read(r.folder()).orElseThrow().options(),
                    r.analysisProperty().get().options());
        }
    }

    /**
     * Issue 17, defect 21: reopened runs' chart-1 curves are reduced once per run, however many
     * times the charts are rebuilt while the others arrive, and a run reopened in the same session
     * is not read from disk again.
     */
    @Test
    void reopenedRunsBuildChartOneOncePerRunAndAreReadOncePerSession(FxRobot robot) throws Exception {
        GuiFixture.await("the first sample model", () -> !gui.model.busy()
                && gui.model.runs().runs().get(0).analysisProperty().get() != null);
        List<Path> more;
        try (var s = Files.list(SAMPLE_RUN.getParent())) {
            more = s.filter(d -> !d.equals(SAMPLE_RUN)).sorted().limit(3).toList();
        }
        WaitForAsyncUtils.asyncFx(() -> gui.model.runs().open(more)).get();
        GuiFixture.await("the three analyses", () -> !gui.model.busy() && gui.model.runs().runs().size() == 4
                && gui.model.runs().runs().stream().allMatch(r -> r.analysisProperty().get() != null));
        WaitForAsyncUtils.waitForFxEvents();
        var charts = gui.built.chartsModel();
        assertTrue(charts.builds() >= 4, "the charts were rebuilt as the runs arrived: " + charts.builds());
        for (var r : gui.model.runs().runs()) {
            assertEquals(1, charts.lossDifferenceBuilds(r), r.folder().getFileName() + "'s chart-1 curves reduced once");
        }
        assertEquals(4, gui.model.runs().analysisReads(), "each analysis.json read once");
        // Removed and opened again: the analyses come from memory, drawn with the curves already reduced.
        WaitForAsyncUtils.asyncFx(() -> List.copyOf(gui.model.runs().runs()).subList(1, 4)
                .forEach(gui.model.runs()::remove)).get();
        WaitForAsyncUtils.asyncFx(() -> gui.model.runs().open(more)).get();
        GuiFixture.await("the runs again", () -> !gui.model.busy() && gui.model.runs().runs().size() == 4
                && gui.model.runs().runs().stream().allMatch(r -> r.analysisProperty().get() != null));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(4, gui.model.runs().analysisReads(), "no analysis read from disk again");
        for (var r : gui.model.runs().runs()) {
            assertEquals(1, charts.lossDifferenceBuilds(r), r.folder().getFileName() + " reopened: nothing reduced again");
        }
    }

    /**
     * Issue 17, defect 21: a reopened run is listed from its spec.json and run.json alone, its weights
     * read afterwards off the JavaFX thread with its analysis, so the list is not held up by them.
     */
    @Test
    void reopenedRunsAreListedBeforeTheirWeightsAreRead(FxRobot robot) throws Exception {
        GuiFixture.await("the first sample model", () -> !gui.model.busy()
                && gui.model.runs().runs().get(0).analysisProperty().get() != null);
        List<Path> more;
        try (var s = Files.list(SAMPLE_RUN.getParent())) {
            more = s.filter(d -> !d.equals(SAMPLE_RUN)).sorted().limit(2).toList();
        }
        List<Boolean> readWhenListed = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
        WaitForAsyncUtils.asyncFx(() -> {
            gui.model.runs().runs().addListener((javafx.collections.ListChangeListener<org.hessianscope.ui.runs.RunItem>) c -> {
                while (c.next()) {
                    c.getAddedSubList().forEach(r -> readWhenListed.add(r.weightsRead()));
                }
            });
            gui.model.runs().open(more);
        }).get();
        GuiFixture.await("the two analyses", () -> !gui.model.busy() && gui.model.runs().runs().size() == 3
                && gui.model.runs().runs().stream().allMatch(r -> r.analysisProperty().get() != null));
        assertEquals(List.of(false, false), readWhenListed, "listed without reading the weights");
        for (var r : gui.model.runs().runs()) {
            assertTrue(r.weightsRead(), r.folder().getFileName() + ": weights read with the analysis, off the JavaFX thread");
            assertEquals(org.hessianscope.run.RunFolder.read(r.folder()).spec(), r.spec());
            assertArrayEquals(org.hessianscope.run.RunFolder.read(r.folder()).weights(), r.run().weights());
        }
    }

    @Test
    void theDataFolderIsRememberedInTheSession(FxRobot robot) throws Exception {
        Path data = Files.createDirectories(tmp.resolve("full-datasets"));
        WaitForAsyncUtils.asyncFx(() -> gui.model.sample().dataFolderProperty().set(data)).get();
        WaitForAsyncUtils.waitForFxEvents();
        javafx.scene.control.MenuBar bar = robot.lookup((javafx.scene.Node n) -> n instanceof javafx.scene.control.MenuBar)
                .queryAs(javafx.scene.control.MenuBar.class);
        var item = bar.getMenus().get(0).getItems().stream().filter(i -> "menu-data-folder".equals(i.getId()))
                .findFirst().orElseThrow();
        assertTrue(item.getText().contains(data.toString()), item.getText());
        assertEquals(data, Sessions.dataFolder(WaitForAsyncUtils.asyncFx(() -> {
            gui.model.saveSession();
            return new SessionStore(session).read().orElseThrow();
        }).get()));
    }
}
