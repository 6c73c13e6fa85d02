package org.hessianscope.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.MenuBar;
import javafx.scene.control.Slider;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.hessianscope.curvature.LanczosStep;
import org.hessianscope.figure.SpectrumFigure;
import org.hessianscope.run.RunFolder;
import org.hessianscope.ui.runs.RunItem;
import org.hessianscope.ui.runs.RunsViewModel;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.entity.XYItemEntity;
import org.jfree.chart.fx.ChartViewer;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.XYPlot;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The defects a class meets in its first minutes (issue 17), each driven in the real window headless. */
@ExtendWith(ApplicationExtension.class)
public class ClassroomWindowTest {
    @TempDir
    static Path tmp;
    static Path analysedRun;
    GuiFixture gui;

    @BeforeAll
    static void analysedRun() throws IOException {
        analysedRun = GuiFixture.analysedRun(tmp);
    }

    @Start
    void start(Stage stage) {
        gui = GuiFixture.fresh(stage, tmp);
    }

    @AfterEach
    void close() throws Exception {
        gui.close();
    }

    private static double sceneY(FxRobot robot, String id) {
        Node n = robot.lookup(id).query();
        return n.localToScene(0, 0).getY();
    }

    @Test
    void enterInAFieldNeverStartsTraining(FxRobot robot) {
        robot.clickOn("#field-seed").type(KeyCode.ENTER);
        robot.clickOn("#field-epochs").type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(gui.model.train().job().runningProperty().get(), "Enter started a training run");
        assertTrue(gui.model.runs().runs().isEmpty());
    }

    @Test
    void chartTwoAlwaysShowsTheSelectedRunWhileAnotherIsAnalysed(FxRobot robot) throws Exception {
        RunItem analysed = gui.openAnalysed(analysedRun);
        RunItem other = WaitForAsyncUtils.asyncFx(() -> gui.model.runs().add(tmp.resolve("other"),
                RunFolder.read(analysedRun), null)).get();
        // The other run's analysis reports Lanczos steps while the analysed run is selected.
        WaitForAsyncUtils.asyncFx(() -> {
            gui.model.runs().selectedProperty().set(analysed);
            Consumer<RunsViewModel.LanczosProgress> sink = gui.model.runs().lanczos().restart();
            for (int k = 1; k <= 3; k++) {
                sink.accept(new RunsViewModel.LanczosProgress(other, org.hessianscope.curvature.CurvatureOperator.HESSIAN,
                        new LanczosStep(k, 3, new double[] {k}, new double[1], new double[] {-k}, new double[1])));
            }
        }).get();
        WaitForAsyncUtils.waitForFxEvents();
        JFreeChart two = gui.built.chartsModel().spectrumProperty().get();
        assertTrue(two.getTitle().getText().startsWith("Hessian spectrum"), two.getTitle().getText());
        int before = stems(two);
        robot.clickOn(robot.lookup((Node n) -> n instanceof CheckBox c && c.getText().startsWith("H_F")).queryAs(CheckBox.class));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(before - 1, stems(gui.built.chartsModel().spectrumProperty().get()), "the H_F toggle removes its row");

        WaitForAsyncUtils.asyncFx(() -> gui.model.paperStyleProperty().set(true)).get();
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("", gui.built.chartsModel().spectrumHintProperty().get(), "no placeholder drawn over the chart");

        WaitForAsyncUtils.asyncFx(() -> gui.model.runs().selectedProperty().set(other)).get();
        WaitForAsyncUtils.waitForFxEvents();
        JFreeChart live = gui.built.chartsModel().spectrumProperty().get();
        assertEquals(SpectrumFigure.ritzKey(1), live.getXYPlot().getDataset().getSeriesKey(0), "its own live Lanczos");
        assertEquals(3, live.getXYPlot().getDataset().getItemCount(0));
    }

    private static int stems(JFreeChart spectrum) {
        List<XYPlot> rows = ((CombinedDomainXYPlot) spectrum.getPlot()).getSubplots();
        return rows.get(rows.size() - 1).getDataset().getSeriesCount();
    }

    @Test
    void cancelKeepsItsLabelBesideALongStatusMessage(FxRobot robot) throws Exception {
        gui.openAnalysed(analysedRun);
        Button cancel = robot.lookup("#analysis-cancel").queryButton();
        Label message = robot.lookup("#analysis-message").queryAs(Label.class);
        assertFalse(message.getText().isEmpty(), "the strip shows the finished job");
        assertTrue(cancel.getWidth() >= cancel.prefWidth(-1) - 0.5,
                "Cancel " + cancel.getWidth() + " px of " + cancel.prefWidth(-1));
        Button trainCancel = robot.lookup("#train-cancel").queryButton();
        assertTrue(trainCancel.getWidth() >= trainCancel.prefWidth(-1) - 0.5);
    }

    @Test
    void messagesAndReadoutsNeverMoveTheControls(FxRobot robot) throws Exception {
        gui.openAnalysed(analysedRun);
        double seed = sceneY(robot, "#field-seed");
        double chartHeight = robot.lookup("#chart-lossdifference").query().getBoundsInParent().getHeight();
        WaitForAsyncUtils.asyncFx(() -> gui.model.messages().info("a notice long enough to wrap onto a second line "
                + "of the message bar ".repeat(6))).get();
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(robot.lookup("#message-bar-text").query().isVisible());
        assertEquals(seed, sceneY(robot, "#field-seed"), 0.0, "the message bar pushed the fields down");
        WaitForAsyncUtils.asyncFx(() -> gui.model.readout().hoveredKProperty().set(3)).get();
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(robot.lookup("#readout").queryAs(Label.class).getText().isEmpty());
        assertEquals(chartHeight, robot.lookup("#chart-lossdifference").query().getBoundsInParent().getHeight(), 0.0,
                "the readout resized the charts");
    }

    @Test
    void thePoolPositionFollowsTheNumberOfLayers(FxRobot robot) throws Exception {
        Slider at = robot.lookup("#slider-pool-at").queryAs(Slider.class);
        WaitForAsyncUtils.asyncFx(() -> gui.model.builder().layersProperty().set(3)).get();
        assertEquals(3, at.getMax(), 0.0);
        WaitForAsyncUtils.asyncFx(() -> {
            gui.model.builder().layersProperty().set(5);
            gui.model.builder().poolAtProperty().set(5);
            gui.model.builder().layersProperty().set(2);
        }).get();
        assertEquals(2, at.getMax(), 0.0);
        assertEquals(2, gui.model.builder().poolAtProperty().get(), "the pool moves to the last conv layer");
    }

    @Test
    void theClickedSampleIsRingedAndForgottenWhenAnotherRunIsSelected(FxRobot robot) throws Exception {
        RunItem analysed = gui.openAnalysed(analysedRun);
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
        double height = robot.lookup("#sample-view").query().getBoundsInParent().getHeight();
        double chartHeight = four.getHeight();
        robot.clickOn(screen);
        GuiFixture.await("the sample to show", () -> gui.model.sample().shownProperty().get() != null);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(height, robot.lookup("#sample-view").query().getBoundsInParent().getHeight(), 0.0);
        assertEquals(chartHeight, four.getHeight(), 0.0, "the sample's image resized chart 4");
        XYPlot panel = ((CombinedDomainXYPlot) gui.built.chartsModel().perSampleProperty().get().getPlot())
                .getSubplots().get(0);
        assertEquals(1, panel.getAnnotations().size(), "the clicked point is ringed");
        RunItem other = WaitForAsyncUtils.asyncFx(() -> gui.model.runs().add(gui.folder.resolve("other"),
                RunFolder.read(analysedRun), analysed.analysisProperty().get())).get();
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(other, gui.model.runs().selectedProperty().get());
        assertNull(gui.model.sample().shownProperty().get(), "the previous run's sample is gone");
        assertTrue(robot.lookup("#sample-text").queryAs(Label.class).getText().startsWith("Click a point"));
    }

    @Test
    void theEmptyStateNamesMenusThatExist(FxRobot robot) {
        String hint = gui.built.chartsModel().lossDifferenceHintProperty().get();
        assertTrue(hint.contains("File → Open run…"), hint);
        MenuBar bar = robot.lookup((Node n) -> n instanceof MenuBar).queryAs(MenuBar.class);
        var file = bar.getMenus().stream().filter(m -> m.getText().equals("File")).findFirst().orElseThrow();
        assertTrue(file.getItems().stream().anyMatch(i -> "Open run…".equals(i.getText())));
        assertTrue(file.getItems().stream().anyMatch(i -> "Open sample models".equals(i.getText())));
    }

    @Test
    void removeCanBeUndone(FxRobot robot) throws Exception {
        RunItem analysed = gui.openAnalysed(analysedRun);
        robot.clickOn("#runs-remove");
        assertTrue(gui.model.runs().runs().isEmpty());
        robot.clickOn("#message-bar-action");
        assertEquals(List.of(analysed), gui.model.runs().runs());
        assertEquals(analysed, gui.model.runs().selectedProperty().get());
    }

    @Test
    void afterCancelNoTimeLeftNorLastBatchStays(FxRobot robot) throws Exception {
        WaitForAsyncUtils.asyncFx(() -> {
            gui.model.builder().trainSizeProperty().set(2000);
            gui.model.builder().epochsProperty().set(50);
        }).get();
        robot.clickOn("#train-button");
        GuiFixture.await("a training step on screen", () -> !gui.model.train().lastStepProperty().get().isEmpty());
        robot.clickOn("#train-cancel");
        GuiFixture.await("the training to stop", () -> !gui.model.train().job().runningProperty().get());
        WaitForAsyncUtils.sleep(300, java.util.concurrent.TimeUnit.MILLISECONDS); // late steps of the winding-down worker
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("", robot.lookup("#train-time-left").queryAs(Label.class).getText());
        assertEquals("", robot.lookup("#train-last-step").queryAs(Label.class).getText());
        assertTrue(gui.model.runs().runs().isEmpty(), "nothing saved");
    }

    @Test
    void anInvalidSpecShowsTheLayersUpToTheFailingOne(FxRobot robot) throws Exception {
        WaitForAsyncUtils.asyncFx(() -> {
            gui.model.builder().layersProperty().set(8);
            gui.model.builder().kernelProperty().set(7);
        }).get();
        WaitForAsyncUtils.waitForFxEvents();
        var table = robot.lookup("#shape-table").queryAs(javafx.scene.control.TableView.class);
        // 28 → 22 → 16 → 10 → 4 with k = 7: conv1..conv4 and their ReLUs, then conv5 with the reason.
        assertEquals(9, table.getItems().size());
        var conv4 = (org.hessianscope.ui.builder.LayerRow) table.getItems().get(6);
        assertEquals("conv4", conv4.stage());
        assertEquals("6×4×4", conv4.output());
        var failing = (org.hessianscope.ui.builder.LayerRow) table.getItems().get(8);
        assertEquals("conv5", failing.stage());
        assertTrue(failing.output().contains("conv[5]"), failing.output());
    }
}
