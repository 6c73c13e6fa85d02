package org.hessianscope.ui.charts;

import java.awt.geom.Rectangle2D;
import java.util.function.Consumer;
import java.util.function.DoubleConsumer;
import javafx.beans.value.ObservableObjectValue;
import javafx.beans.value.ObservableStringValue;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.entity.ChartEntity;
import org.jfree.chart.entity.XYItemEntity;
import org.jfree.chart.fx.ChartViewer;
import org.jfree.chart.fx.interaction.ChartMouseEventFX;
import org.jfree.chart.fx.interaction.ChartMouseListenerFX;
import org.jfree.chart.plot.XYPlot;

/**
 * One chart slot: a ChartViewer (zoom with the mouse, pan with ctrl-drag, right-click menu)
 * showing a chart published by a view model, a hint while there is none, a vertical
 * crosshair that follows the mouse, and callbacks for the x under the mouse and the series clicked.
 */
public final class ChartPane extends StackPane {
    private final ChartViewer viewer = new ChartViewer();
    private DoubleConsumer onHoverX = x -> {
    };
    private Consumer<String> onSeriesClicked = key -> {
    };
    private Consumer<XYItemEntity> onItemClicked = item -> {
    };

    ChartPane(String id, ObservableObjectValue<JFreeChart> chart, ObservableStringValue hint) {
        setId(id);
        viewer.setId(id + "-viewer");
        // A ChartViewer sizes to its parent; without a preferred size it collapses to nothing in a VBox.
        viewer.setPrefSize(520, 320);
        setMinSize(200, 160);
        Label hintLabel = new Label();
        hintLabel.setWrapText(true);
        hintLabel.setMaxWidth(360);
        hintLabel.textProperty().bind(hint);
        hintLabel.visibleProperty().bind(hintLabel.textProperty().isNotEmpty());
        getChildren().addAll(viewer, hintLabel);
        show(chart.get());
        chart.addListener((o, a, b) -> show(b));
        viewer.addChartMouseListener(new ChartMouseListenerFX() {
            @Override
            public void chartMouseClicked(ChartMouseEventFX e) {
                ChartEntity entity = e.getEntity();
                if (entity instanceof XYItemEntity item) {
                    onSeriesClicked.accept(String.valueOf(item.getDataset().getSeriesKey(item.getSeriesIndex())));
                    onItemClicked.accept(item);
                }
            }

            @Override
            public void chartMouseMoved(ChartMouseEventFX e) {
                hover(e.getTrigger().getX(), e.getTrigger().getY());
            }
        });
    }

    private void show(JFreeChart chart) {
        viewer.setVisible(chart != null);
        if (chart == null) {
            return; // ChartViewer refuses null; it stays hidden with its old chart
        }
        // The crosshair is set up before the viewer listens to the chart: on a shown chart each of these three
        // changes redraws it on the JavaFX thread, four drawings of every chart published instead of one (issue 17).
        if (chart.getPlot() instanceof XYPlot plot) {
            plot.setDomainCrosshairVisible(true);
            plot.setDomainCrosshairLockedOnData(false);
            plot.setDomainCrosshairValue(Double.NaN);
        }
        viewer.setChart(chart);
        ZoomReset.applyPending(viewer);
    }

    /** Moves the crosshair to the data x under canvas point (x, y) and reports it; outside the plot, nothing. */
    void hover(double x, double y) {
        JFreeChart chart = viewer.getChart();
        if (chart == null || !(chart.getPlot() instanceof XYPlot plot) || viewer.getRenderingInfo() == null) {
            return;
        }
        Rectangle2D area = viewer.getRenderingInfo().getPlotInfo().getDataArea();
        if (!area.contains(x, y)) {
            return;
        }
        double value = plot.getDomainAxis().java2DToValue(x, area, plot.getDomainAxisEdge());
        plot.setDomainCrosshairValue(value);
        onHoverX.accept(value);
    }

    void setOnHoverX(DoubleConsumer c) {
        onHoverX = c;
    }

    void setOnSeriesClicked(Consumer<String> c) {
        onSeriesClicked = c;
    }

    void setOnItemClicked(Consumer<XYItemEntity> c) {
        onItemClicked = c;
    }

    ChartViewer viewer() {
        return viewer;
    }
}
