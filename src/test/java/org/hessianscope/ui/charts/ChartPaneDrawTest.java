package org.hessianscope.ui.charts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicInteger;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.event.ChartProgressEvent;
import org.jfree.chart.plot.XYPlot;
import org.jfree.data.xy.DefaultXYDataset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * A chart published to a shown slot is drawn once on the JavaFX thread. Setting up its crosshair after the
 * viewer took it redrew it three more times, four drawings of each chart in the pulse that brought the
 * analyses in (the FX thread's longest stretch at start-up, issue 17).
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
    void aPublishedChartIsDrawnOnceWithItsCrosshairReady(FxRobot robot) {
        JFreeChart next = chart();
        AtomicInteger drawings = new AtomicInteger();
        next.addProgressListener(e -> {
            if (e.getType() == ChartProgressEvent.DRAWING_STARTED) {
                drawings.incrementAndGet();
            }
        });
        robot.interact(() -> published.set(next));
        assertEquals(1, drawings.get(), "drawings of the chart while it was published");
        XYPlot plot = next.getXYPlot();
        assertTrue(plot.isDomainCrosshairVisible());
        assertTrue(!plot.isDomainCrosshairLockedOnData() && Double.isNaN(plot.getDomainCrosshairValue()));
        assertEquals(next, pane.viewer().getChart());
    }

    private static JFreeChart chart() {
        DefaultXYDataset data = new DefaultXYDataset();
        data.addSeries("run", new double[][] {{1, 2, 3}, {3, 1, 2}});
        return ChartFactory.createXYLineChart("t", "k", "y", data);
    }
}
