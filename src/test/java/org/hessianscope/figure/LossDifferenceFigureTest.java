package org.hessianscope.figure;

import org.hessianscope.landscape.LossDifferenceResult;
import org.hessianscope.landscape.Smoothing;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.data.xy.XYDataset;
import org.jfree.data.xy.YIntervalSeriesCollection;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LossDifferenceFigureTest {
    /** N ≤ 2,000 keeps every k on the quantile grid and below the reduction threshold, so values are exact copies. */
    static final int N = 1500;
    static List<LabelledLossDifference> runs;

    @BeforeAll
    static void analyse() {
        runs = LossDifferenceFixtures.runs(N, 40, 2);
    }

    /** The y value of the series {@code key} at x = k, from whichever dataset holds it. */
    static double yAt(XYPlot plot, String key, int k) {
        for (int d = 0; d < plot.getDatasetCount(); d++) {
            XYDataset ds = plot.getDataset(d);
            if (ds == null) {
                continue;
            }
            int s = ds.indexOf(key);
            if (s >= 0) {
                for (int i = 0; i < ds.getItemCount(s); i++) {
                    if (ds.getXValue(s, i) == k) {
                        return ds.getYValue(s, i);
                    }
                }
                throw new AssertionError(key + " has no point at k = " + k);
            }
        }
        throw new AssertionError("no series " + key);
    }

    @Test
    void eachCurveHoldsTheResultRecordsValues() {
        JFreeChart chart = LossDifferenceFigure.chart(runs, FigureStyle.screen());
        XYPlot plot = chart.getXYPlot();
        for (LabelledLossDifference run : runs) {
            LossDifferenceResult r = run.result();
            double[] ema = Smoothing.ema(r.meanAbs(), 0.995);
            for (int k : new int[] {1, 17, 600, N - 1}) {
                assertEquals(r.meanAbs(k), yAt(plot, LossDifferenceFigure.seriesKey(run.label(), LossDifferenceFigure.Kind.MEAN), k));
                assertEquals(Math.sqrt(r.exactMeanSq(k)),
                        yAt(plot, LossDifferenceFigure.seriesKey(run.label(), LossDifferenceFigure.Kind.EXACT), k));
                // The bound from its definition, 2/(k+1)·max|ℓ|, not from the landscape helper.
                assertEquals(2.0 / (k + 1) * r.losses().maxAbs(),
                        yAt(plot, LossDifferenceFigure.seriesKey(run.label(), LossDifferenceFigure.Kind.BOUND), k), 1e-15);
                assertEquals(ema[k - 1], yAt(plot, LossDifferenceFigure.seriesKey(run.label(), LossDifferenceFigure.Kind.SMOOTHED), k));
            }
        }
    }

    @Test
    void bandSpansTheInterquartileRangeAroundTheMedian() {
        XYPlot plot = LossDifferenceFigure.chart(runs, FigureStyle.screen()).getXYPlot();
        YIntervalSeriesCollection band = (YIntervalSeriesCollection) plot.getDataset(LossDifferenceFigure.BAND_50);
        LabelledLossDifference run = runs.get(1);
        int s = band.indexOf(LossDifferenceFigure.seriesKey(run.label(), LossDifferenceFigure.Kind.BAND_50));
        int k = 250;
        int item = -1;
        for (int i = 0; i < band.getItemCount(s); i++) {
            if (band.getXValue(s, i) == k) {
                item = i;
            }
        }
        assertTrue(item >= 0);
        assertEquals(run.result().quantile(1, k), band.getStartYValue(s, item));
        assertEquals(run.result().quantile(2, k), band.getYValue(s, item));
        assertEquals(run.result().quantile(3, k), band.getEndYValue(s, item));
        assertTrue(band.getStartYValue(s, item) < band.getEndYValue(s, item));
    }

    @Test
    void kMinCutsTheCurvesAndTheAuthorsLayersDrawOnlyTheSmoothedMean() {
        LossDifferenceLayers layers = LossDifferenceLayers.authors().withKMin(1000);
        XYPlot plot = LossDifferenceFigure.chart(runs, layers, FigureStyle.screen()).getXYPlot();
        XYDataset lines = plot.getDataset(LossDifferenceFigure.LINES);
        assertEquals(2, lines.getSeriesCount());
        assertEquals(LossDifferenceFigure.seriesKey("2", LossDifferenceFigure.Kind.SMOOTHED), lines.getSeriesKey(0));
        assertEquals(1000, lines.getXValue(0, 0));
        assertEquals(N - 1, lines.getXValue(0, lines.getItemCount(0) - 1));
        assertEquals(0, plot.getDataset(LossDifferenceFigure.BAND_50).getSeriesCount());
    }

    @Test
    void aRunTooShortForKMinIsDrawnWhole() {
        XYPlot plot = LossDifferenceFigure.chart(runs, LossDifferenceLayers.authors(), FigureStyle.screen()).getXYPlot();
        assertEquals(1, plot.getDataset(LossDifferenceFigure.LINES).getXValue(0, 0));
    }

    @Test
    void paperStyleHasLogYTheLegendTitleAndNoChartTitle() {
        JFreeChart chart = LossDifferenceFigure.chart(runs, FigureStyle.paper("L (num of layers)"));
        assertInstanceOf(LogAxis.class, chart.getXYPlot().getRangeAxis());
        assertInstanceOf(LogAxis.class, chart.getXYPlot().getDomainAxis());
        assertEquals("L (num of layers)", ChartStyling.legendTitle(chart).orElseThrow());
        assertNull(chart.getTitle());
        JFreeChart screen = LossDifferenceFigure.chart(runs, FigureStyle.screen().withLogX(false));
        assertFalse(ChartStyling.legendTitle(screen).isPresent());
        assertInstanceOf(NumberAxis.class, screen.getXYPlot().getDomainAxis());
        assertInstanceOf(LogAxis.class, screen.getXYPlot().getRangeAxis());
    }

    @Test
    void aRunKeepsItsColourWhateverElseIsShown() {
        LabelledLossDifference second = runs.get(1);
        XYPlot alone = LossDifferenceFigure.chart(List.of(second), FigureStyle.screen()).getXYPlot();
        XYPlot both = LossDifferenceFigure.chart(runs, FigureStyle.screen()).getXYPlot();
        String key = LossDifferenceFigure.seriesKey(second.label(), LossDifferenceFigure.Kind.MEAN);
        assertEquals(Palette.colour(1), alone.getRenderer(0).getSeriesPaint(alone.getDataset(0).indexOf(key)));
        assertEquals(Palette.colour(1), both.getRenderer(0).getSeriesPaint(both.getDataset(0).indexOf(key)));
        assertEquals(5, both.getFixedLegendItems().getItemCount() - 2, "two runs, then five kinds of curve");
    }

    @Test
    void longCurvesAreReducedToTheStyleColumns() {
        List<LabelledLossDifference> big = LossDifferenceFixtures.runs(60_001, 2, 1);
        XYPlot plot = LossDifferenceFigure.chart(big, FigureStyle.screen().withColumns(500)).getXYPlot();
        XYDataset lines = plot.getDataset(LossDifferenceFigure.LINES);
        for (int s = 0; s < lines.getSeriesCount(); s++) {
            assertTrue(lines.getItemCount(s) <= 2 * 500 + 2, lines.getSeriesKey(s) + ": " + lines.getItemCount(s));
            assertEquals(60_000, lines.getXValue(s, lines.getItemCount(s) - 1), "the last k is kept");
        }
    }

    @Test
    void noRunsIsAClearError() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> LossDifferenceFigure.chart(List.of(), FigureStyle.screen()));
        assertTrue(e.getMessage().contains("no runs"), e.getMessage());
    }

    @Test
    void curvesPreparedOnAnotherThreadAreTheOnesTheChartDraws() throws Exception {
        // The GUI reduces an arriving run's curves where its analysis was read (prepare), so that the JavaFX thread
        // only looks them up: the chart must then reduce nothing more and draw exactly what it would have reduced.
        LossDifferenceCurves cache = new LossDifferenceCurves();
        LossDifferenceLayers layers = LossDifferenceLayers.all().withNormalise(LossDifferenceNormalise.K);
        FigureStyle style = FigureStyle.screen().withColumns(300);
        Thread reader = new Thread(() -> runs.forEach(r -> LossDifferenceFigure.prepare(r.result(), layers, style, cache)));
        reader.start();
        reader.join();
        for (LabelledLossDifference r : runs) {
            assertEquals(1, cache.builds(r.result()), "prepared once");
        }
        XYDataset drawn = LossDifferenceFigure.chart(runs, layers, style, null, cache).getXYPlot()
                .getDataset(LossDifferenceFigure.LINES);
        XYDataset fresh = LossDifferenceFigure.chart(runs, layers, style, null, null).getXYPlot()
                .getDataset(LossDifferenceFigure.LINES);
        for (LabelledLossDifference r : runs) {
            assertEquals(1, cache.builds(r.result()), "the chart found every curve prepared");
        }
        assertEquals(fresh.getSeriesCount(), drawn.getSeriesCount());
        int points = 0;
        for (int s = 0; s < fresh.getSeriesCount(); s++) {
            assertEquals(fresh.getSeriesKey(s), drawn.getSeriesKey(s));
            assertEquals(fresh.getItemCount(s), drawn.getItemCount(s), String.valueOf(fresh.getSeriesKey(s)));
            for (int i = 0; i < fresh.getItemCount(s); i++) {
                assertEquals(fresh.getXValue(s, i), drawn.getXValue(s, i));
                assertEquals(fresh.getYValue(s, i), drawn.getYValue(s, i));
                points++;
            }
        }
        assertTrue(points > 4 * runs.size(), points + " points");
        // Prepared for another view, nothing is found: the chart reduces its own (a second build of each run).
        LossDifferenceFigure.chart(runs, LossDifferenceLayers.all(), style, null, cache);
        for (LabelledLossDifference r : runs) {
            assertEquals(2, cache.builds(r.result()));
        }
    }
}
