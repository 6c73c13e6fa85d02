package org.hessianscope.ui.charts;

import java.awt.geom.Rectangle2D;
import java.util.function.Consumer;
import java.util.function.DoubleConsumer;
import javafx.beans.value.ObservableObjectValue;
import javafx.beans.value.ObservableStringValue;
import javafx.geometry.Point2D;
import javafx.scene.control.Label;
import javafx.scene.paint.Color;
import javafx.scene.shape.Line;
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
    private final Line crosshair = new Line();
    /** The chart the viewer drew last: published charts wait for their turn in {@link ChartDrawQueue}. */
    private final javafx.beans.property.ReadOnlyObjectWrapper<JFreeChart> drawn =
            new javafx.beans.property.ReadOnlyObjectWrapper<>();
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
        // Drawn over the canvas where hover puts it; the pane does not lay it out, and it takes no clicks.
        crosshair.setManaged(false);
        crosshair.setMouseTransparent(true);
        crosshair.setVisible(false);
        crosshair.setStroke(Color.rgb(0, 0, 255, 0.6));
        crosshair.getStrokeDashArray().setAll(2.0, 2.0);
        crosshair.setStrokeWidth(0.75);
        crosshair.setId(id + "-crosshair");
        // A resized chart moves its plot: the line would point at another x until the mouse moves again.
        viewer.widthProperty().addListener(o -> crosshair.setVisible(false));
        viewer.heightProperty().addListener(o -> crosshair.setVisible(false));
        getChildren().addAll(viewer, crosshair, hintLabel);
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
        if (chart == null) {
            ChartDrawQueue.cancel(this);
            crosshair.setVisible(false);
            viewer.setVisible(false); // ChartViewer refuses null; it stays hidden with its old chart
            return;
        }
        ChartDrawQueue.draw(this, chart); // drawNow hides the crosshair when the chart changes
    }

    /** Gives {@code chart} to the viewer, which draws it now: {@link ChartDrawQueue} calls this in the slot's turn. */
    void drawNow(JFreeChart chart) {
        viewer.setVisible(true);
        crosshair.setVisible(false);
        viewer.setChart(chart);
        ZoomReset.applyPending(viewer);
        drawn.set(chart);
    }

    /** The chart this slot drew last (the start-up trace times the charts by it). */
    public javafx.beans.property.ReadOnlyObjectProperty<JFreeChart> drawnProperty() {
        return drawn.getReadOnlyProperty();
    }

    /**
     * Moves the crosshair to canvas point (x, y) and reports the data x there; outside the plot, nothing.
     * The crosshair is a line over the canvas, not JFreeChart's: a plot's crosshair redraws the whole chart at
     * every mouse move (chart 1 with six runs took about 85 ms to draw, issue 17), and an export
     * made after hovering carried it.
     */
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
        Point2D top = inPane(x, area.getMinY());
        Point2D bottom = inPane(x, area.getMaxY());
        crosshair.setStartX(top.getX());
        crosshair.setEndX(top.getX());
        crosshair.setStartY(top.getY());
        crosshair.setEndY(bottom.getY());
        crosshair.setVisible(true);
        onHoverX.accept(value);
    }

    /** Canvas point (x, y) in this pane's coordinates, where the crosshair is drawn. */
    private Point2D inPane(double x, double y) {
        return sceneToLocal(viewer.getCanvas().localToScene(x, y));
    }

    /** The hover line, for tests: visible once the mouse was over the plot of the chart shown. */
    Line crosshair() {
        return crosshair;
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
