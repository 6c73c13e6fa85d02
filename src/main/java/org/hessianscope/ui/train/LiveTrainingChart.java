package org.hessianscope.ui.train;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.geom.Rectangle2D;
import java.util.ArrayDeque;
import java.util.List;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.hessianscope.train.TrainingProgress;

/**
 * The small live chart of loss (left axis) and accuracy (right axis) against the training step.
 * Each point is the mean over the last {@link #WINDOW} batches, across epoch boundaries: the
 * trainer's running loss restarts at every epoch, and drawn as is it would drop there as if
 * the network had been reset. Steps arrive in batches from the window's feed; each batch is
 * added without events and the chart is redrawn once.
 */
public final class LiveTrainingChart {
    /** Batches averaged per point: smooth enough to read, short enough to follow the learning. */
    static final int WINDOW = 20;
    static final String LOSS_KEY = "loss (mean of the last " + WINDOW + " batches)";
    static final String ACCURACY_KEY = "accuracy (mean of the last " + WINDOW + " batches)";
    private final XYSeries loss = new XYSeries(LOSS_KEY, false, true);
    private final XYSeries accuracy = new XYSeries(ACCURACY_KEY, false, true);
    private final ArrayDeque<double[]> recent = new ArrayDeque<>();
    private double lossSum;
    private double accuracySum;
    private final JFreeChart chart;

    LiveTrainingChart() {
        chart = ChartFactory.createXYLineChart(null, "step", "loss", new XYSeriesCollection(loss),
                PlotOrientation.VERTICAL, true, false, false);
        XYPlot plot = chart.getXYPlot();
        plot.setRenderer(0, renderer(new Color(0x1f77b4)));
        NumberAxis accAxis = new NumberAxis("accuracy");
        accAxis.setRange(0, 1);
        plot.setRangeAxis(1, accAxis);
        plot.setDataset(1, new XYSeriesCollection(accuracy));
        plot.mapDatasetToRangeAxis(1, 1);
        plot.setRenderer(1, renderer(new Color(0xff7f0e)));
        plot.setBackgroundPaint(Color.WHITE);
        chart.setBackgroundPaint(Color.WHITE);
    }

    /** Lines without markers whose legend entries show a swatch of the line's colour. */
    private static XYLineAndShapeRenderer renderer(Color colour) {
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, false);
        r.setSeriesPaint(0, colour);
        r.setSeriesStroke(0, new BasicStroke(1.5f));
        r.setLegendLine(new Rectangle2D.Double(-8, -3, 16, 6));
        r.setDefaultLegendShape(new Rectangle2D.Double(-6, -6, 12, 12));
        return r;
    }

    JFreeChart chart() {
        return chart;
    }

    void clear() {
        loss.clear();
        accuracy.clear();
        recent.clear();
        lossSum = 0;
        accuracySum = 0;
    }

    /** Adds a delivered batch of steps; one redraw for the whole batch. */
    void append(List<TrainingProgress> steps) {
        if (steps.isEmpty()) {
            return;
        }
        for (TrainingProgress p : steps) {
            recent.addLast(new double[] {p.batchLoss(), p.batchAccuracy()});
            lossSum += p.batchLoss();
            accuracySum += p.batchAccuracy();
            if (recent.size() > WINDOW) {
                double[] old = recent.removeFirst();
                lossSum -= old[0];
                accuracySum -= old[1];
            }
            loss.add(p.step(), lossSum / recent.size(), false);
            accuracy.add(p.step(), accuracySum / recent.size(), false);
        }
        loss.fireSeriesChanged();
        accuracy.fireSeriesChanged();
    }
}
