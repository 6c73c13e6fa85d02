package org.hessianscope.ui.train;

import java.awt.Color;
import java.util.List;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.SamplingXYLineRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.hessianscope.train.TrainingProgress;

/**
 * The small live chart of running loss (left axis) and accuracy (right axis) against the
 * training step. Steps arrive in batches from {@link TrainingFeed}; each batch is added
 * without events and the chart is redrawn once.
 */
public final class LiveTrainingChart {
    private final XYSeries loss = new XYSeries("running loss", false, true);
    private final XYSeries accuracy = new XYSeries("running accuracy", false, true);
    private final JFreeChart chart;

    LiveTrainingChart() {
        chart = ChartFactory.createXYLineChart(null, "step", "loss", new XYSeriesCollection(loss),
                PlotOrientation.VERTICAL, true, false, false);
        XYPlot plot = chart.getXYPlot();
        SamplingXYLineRenderer lossRenderer = new SamplingXYLineRenderer();
        lossRenderer.setSeriesPaint(0, new Color(0x1f77b4));
        plot.setRenderer(0, lossRenderer);
        NumberAxis accAxis = new NumberAxis("accuracy");
        accAxis.setRange(0, 1);
        plot.setRangeAxis(1, accAxis);
        plot.setDataset(1, new XYSeriesCollection(accuracy));
        plot.mapDatasetToRangeAxis(1, 1);
        SamplingXYLineRenderer accRenderer = new SamplingXYLineRenderer();
        accRenderer.setSeriesPaint(0, new Color(0xff7f0e));
        plot.setRenderer(1, accRenderer);
        plot.setBackgroundPaint(Color.WHITE);
        chart.setBackgroundPaint(Color.WHITE);
    }

    JFreeChart chart() {
        return chart;
    }

    void clear() {
        loss.clear();
        accuracy.clear();
    }

    /** Adds a drained batch of steps; one redraw for the whole batch. */
    void append(List<TrainingProgress> steps) {
        if (steps.isEmpty()) {
            return;
        }
        for (TrainingProgress p : steps) {
            loss.add(p.step(), p.runningLoss(), false);
            accuracy.add(p.step(), p.runningAccuracy(), false);
        }
        loss.fireSeriesChanged();
        accuracy.fireSeriesChanged();
    }

    int points() {
        return loss.getItemCount();
    }
}
