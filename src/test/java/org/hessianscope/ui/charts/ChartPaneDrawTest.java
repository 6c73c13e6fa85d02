package org.hessianscope.ui.charts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.geom.Rectangle2D;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.geometry.Point2D;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.scene.Scene;
import javafx.scene.shape.Line;
import javafx.stage.Stage;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.event.ChartProgressEvent;
import org.jfree.chart.plot.XYPlot;
import org.jfree.data.xy.DefaultXYDataset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.robot.Motion;
import org.testfx.util.WaitForAsyncUtils;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * A chart published to a shown slot is drawn once on the JavaFX thread, and the mouse over it draws nothing:
 * setting up JFreeChart's crosshair after the viewer took the chart redrew it three more times (four drawings
 * of each chart in the turn that brought the analyses in, the FX thread's longest stretch at start-up), and
 * that crosshair redrew the chart at every mouse move (issue 17).
 */
@ExtendWith(ApplicationExtension.class)
class ChartPaneDrawTest {
    private final SimpleObjectProperty<JFreeChart> published = new SimpleObjectProperty<>(chart());
    private ChartPane pane;

    @Start
    void start(Stage stage) {
        pane = new ChartPane("chart-test", published, new SimpleStringProperty(""));
        stage.setScene(new Scene(pane, 520, 320));
        stage.show();
    }

    @Test
    void aPublishedChartIsDrawnOnce(FxRobot robot) {
        JFreeChart next = chart();
        AtomicInteger drawings = drawings(next);
        robot.interact(() -> published.set(next));
        assertEquals(1, drawings.get(), "drawings of the chart while it was published");
        assertEquals(next, pane.viewer().getChart());
        assertFalse(next.getXYPlot().isDomainCrosshairVisible(), "JFreeChart's crosshair is not used");
    }

    /**
     * The mouse over the plot moves a line over the canvas and reports the data x under it, without drawing the
     * chart again: JFreeChart's own crosshair redrew the chart at every mouse move (issue 17).
     */
    @Test
    void hoveringMovesTheCrosshairWithoutRedrawingTheChart(FxRobot robot) throws Exception {
        JFreeChart next = chart();
        robot.interact(() -> published.set(next));
        WaitForAsyncUtils.waitForFxEvents();
        AtomicInteger drawings = drawings(next);
        double[] hovered = {Double.NaN};
        robot.interact(() -> pane.setOnHoverX(x -> hovered[0] = x));
        Rectangle2D area = pane.viewer().getRenderingInfo().getPlotInfo().getDataArea();
        double x = area.getMinX() + 0.3 * area.getWidth();
        double y = area.getCenterY();
        robot.moveTo(pane.viewer().getCanvas().localToScreen(x, y), Motion.DIRECT);
        WaitForAsyncUtils.waitForFxEvents();

        assertEquals(0, drawings.get(), "drawings of the chart while the mouse moved over it");
        Line line = pane.crosshair();
        assertTrue(line.isVisible());
        Point2D top = pane.sceneToLocal(pane.viewer().getCanvas().localToScene(x, area.getMinY()));
        Point2D bottom = pane.sceneToLocal(pane.viewer().getCanvas().localToScene(x, area.getMaxY()));
        assertEquals(top.getX(), line.getStartX(), 1.0, "under the mouse");
        assertEquals(line.getStartX(), line.getEndX(), 0.0, "vertical");
        assertEquals(top.getY(), line.getStartY(), 1e-9);
        assertEquals(bottom.getY(), line.getEndY(), 1e-9);
        XYPlot plot = next.getXYPlot();
        // One pixel of the domain axis: 1..3 over the data area's width.
        double pixel = (plot.getDomainAxis().getUpperBound() - plot.getDomainAxis().getLowerBound()) / area.getWidth();
        assertEquals(plot.getDomainAxis().java2DToValue(x, area, plot.getDomainAxisEdge()), hovered[0], pixel);

        // A new chart starts without a crosshair.
        robot.interact(() -> published.set(chart()));
        assertFalse(line.isVisible());
    }

    private static AtomicInteger drawings(JFreeChart chart) {
        AtomicInteger drawings = new AtomicInteger();
        chart.addProgressListener(e -> {
            if (e.getType() == ChartProgressEvent.DRAWING_STARTED) {
                drawings.incrementAndGet();
            }
        });
        return drawings;
    }

    private static JFreeChart chart() {
        DefaultXYDataset data = new DefaultXYDataset();
        data.addSeries("run", new double[][] {{1, 2, 3}, {3, 1, 2}});
        return ChartFactory.createXYLineChart("t", "k", "y", data);
    }
}
