package org.hessianscope.ui;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Graphics2D;
import java.awt.font.TextLayout;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.stage.Stage;
import org.hessianscope.ui.runs.RunItem;
import org.jfree.chart.ChartRenderingInfo;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.AxisState;
import org.jfree.chart.axis.LogTick;
import org.jfree.chart.axis.Tick;
import org.jfree.chart.axis.TickType;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.axis.ValueTick;
import org.jfree.chart.fx.ChartViewer;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.Plot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.ui.RectangleEdge;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Presenter mode 1.25× at 1280×720 with the shipped sample models (the session of
 * docs/img/presenter-1280x720.png): chart 4's panels are short there, and its tick labels printed over
 * each other. The labels drawn on each range axis must fit its plot's height (issue 17).
 */
@ExtendWith(ApplicationExtension.class)
public class PresenterTicksWindowTest {
    @TempDir
    static Path tmp;
    GuiFixture gui;

    @Start
    void start(Stage stage) {
        Path dir = tmp.resolve("presenter");
        gui = new GuiFixture(stage, dir, dir.resolve("session.json"), List.of(), Path.of("sample-models"));
        // At the screen's origin: Monocle's 1280×800 frame buffer has no room for 1280 px from the centred x.
        stage.setX(0);
        stage.setY(0);
        stage.setWidth(1280);
        stage.setHeight(720);
    }

    @AfterEach
    void close() throws Exception {
        gui.close();
    }

    @Test
    void chartFourTickLabelsFitItsPanelsInPresenterMode(FxRobot robot) throws Exception {
        WaitForAsyncUtils.asyncFx(() -> gui.model.sessionFiles().window().scaleProperty().set(1.25)).get();
        GuiFixture.await("the sample models analysed in the charts", () -> !gui.model.busy()
                && gui.model.runs().runs().size() >= 2
                && gui.model.runs().runs().stream().allMatch(r -> r.analysisProperty().get() != null));
        List<RunItem> runs = GuiFixture.onFx(() -> List.copyOf(gui.model.runs().runs()));
        ChartViewer four = robot.lookup("#chart-persample-viewer").queryAs(ChartViewer.class);
        for (RunItem run : runs) {
            WaitForAsyncUtils.asyncFx(() -> gui.model.runs().selectedProperty().set(run)).get();
            GuiFixture.await("chart 4 of the selected run", () -> four.getChart() != null
                    && four.getChart().getPlot() instanceof CombinedDomainXYPlot && !gui.model.busy());
            WaitForAsyncUtils.waitForFxEvents();
            String failure = GuiFixture.onFx(() -> overlap(four));
            assertTrue(failure.isEmpty(), "run " + run.folder().getFileName() + ": " + failure);
        }
    }

    /** Empty when every range axis of chart 4 as last drawn has room for its labels, else what does not fit. */
    private static String overlap(ChartViewer viewer) {
        JFreeChart chart = viewer.getChart();
        ChartRenderingInfo info = viewer.getRenderingInfo();
        List<XYPlot> panels = ((CombinedDomainXYPlot) chart.getPlot()).getSubplots();
        assertFalse(info.getPlotInfo().getSubplotCount() < panels.size(), "chart 4 has been drawn");
        Graphics2D g2 = new BufferedImage(8, 8, BufferedImage.TYPE_INT_ARGB).createGraphics();
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < panels.size(); i++) {
            XYPlot panel = panels.get(i);
            Rectangle2D area = info.getPlotInfo().getSubplotInfo(i).getDataArea();
            ValueAxis axis = panel.getRangeAxis();
            RectangleEdge edge = Plot.resolveRangeAxisLocation(panel.getRangeAxisLocation(), panel.getOrientation());
            List<?> ticks = axis.refreshTicks(g2, new AxisState(), area, edge);
            int labels = 0;
            double height = 0;
            for (Object o : ticks) {
                Tick t = (Tick) o;
                if (t instanceof ValueTick v && v.getTickType() == TickType.MAJOR && axis.getRange().contains(v.getValue())) {
                    Rectangle2D box = labelBox(t, axis, g2);
                    if (box != null) {
                        labels++;
                        height = Math.max(height, box.getHeight());
                    }
                }
            }
            if (labels * height > area.getHeight()) {
                problems.add(String.format("panel %d: %d labels of %.1f px in %.1f px", i, labels, height, area.getHeight()));
            }
        }
        g2.dispose();
        return String.join("; ", problems);
    }

    private static Rectangle2D labelBox(Tick t, ValueAxis axis, Graphics2D g2) {
        if (t instanceof LogTick l) {
            return l.getAttributedLabel() == null ? null
                    : new TextLayout(l.getAttributedLabel().getIterator(), g2.getFontRenderContext()).getBounds();
        }
        return t.getText() == null || t.getText().isEmpty() ? null
                : new TextLayout(t.getText(), axis.getTickLabelFont(), g2.getFontRenderContext()).getBounds();
    }
}
