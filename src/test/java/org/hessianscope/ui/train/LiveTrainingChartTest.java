package org.hessianscope.ui.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.hessianscope.train.TrainingProgress;
import org.jfree.chart.LegendItem;
import org.jfree.data.xy.XYDataset;
import org.junit.jupiter.api.Test;

/** The live training curve does not restart at an epoch boundary, and its legend shows the colours. */
public class LiveTrainingChartTest {
    /** Two epochs of three batches; the trainer's running loss restarts at batch 1 of epoch 2. */
    private static List<TrainingProgress> twoEpochs() {
        double[] batchLoss = {2.0, 1.0, 0.6, 0.5, 0.4, 0.3};
        List<TrainingProgress> steps = new ArrayList<>();
        double sum = 0;
        for (int s = 0; s < batchLoss.length; s++) {
            int epoch = s / 3 + 1;
            int batch = s % 3 + 1;
            sum = batch == 1 ? batchLoss[s] : sum + batchLoss[s];
            steps.add(new TrainingProgress(epoch, 2, batch, 3, s + 1, batchLoss[s], 0.5, sum / batch, 0.5, 100, 1));
        }
        return steps;
    }

    @Test
    void theCurveIsATrailingMeanAcrossEpochs() {
        LiveTrainingChart chart = new LiveTrainingChart();
        chart.append(twoEpochs());
        XYDataset loss = chart.chart().getXYPlot().getDataset(0);
        assertEquals(6, loss.getItemCount(0));
        // Fewer than WINDOW batches so far: the mean of all of them, epoch 2 included (not 0.5 alone).
        assertEquals((2.0 + 1.0 + 0.6 + 0.5) / 4, loss.getYValue(0, 3), 1e-12);
        assertEquals((2.0 + 1.0 + 0.6 + 0.5 + 0.4 + 0.3) / 6, loss.getYValue(0, 5), 1e-12);
        for (int i = 1; i < 6; i++) {
            assertTrue(loss.getYValue(0, i) <= loss.getYValue(0, i - 1), "falling batch losses never jump down at epoch 2");
        }
    }

    @Test
    void theWindowSlidesOverTheLastBatches() {
        LiveTrainingChart chart = new LiveTrainingChart();
        List<TrainingProgress> steps = new ArrayList<>();
        for (int s = 1; s <= LiveTrainingChart.WINDOW + 5; s++) {
            steps.add(new TrainingProgress(1, 1, s, 100, s, s, 0, 0, 0, 1, 1));
        }
        chart.append(steps);
        XYDataset loss = chart.chart().getXYPlot().getDataset(0);
        int last = LiveTrainingChart.WINDOW + 5;
        // The mean of the batch losses 6..25 = (6 + 25) / 2.
        assertEquals((6.0 + last) / 2, loss.getYValue(0, last - 1), 1e-9);
    }

    @Test
    void theLegendShowsEachCurvesColour() {
        LiveTrainingChart chart = new LiveTrainingChart();
        chart.append(twoEpochs());
        var plot = chart.chart().getXYPlot();
        for (int r = 0; r < 2; r++) {
            LegendItem item = plot.getRenderer(r).getLegendItem(r, 0);
            assertTrue(item.isLineVisible() || item.isShapeVisible(), "a swatch for " + item.getLabel());
            assertEquals(plot.getRenderer(r).getSeriesPaint(0), item.isLineVisible() ? item.getLinePaint() : item.getFillPaint());
        }
    }
}
