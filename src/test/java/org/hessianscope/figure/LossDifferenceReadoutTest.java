package org.hessianscope.figure;

import org.hessianscope.landscape.LossDifferenceResult;
import org.hessianscope.landscape.Smoothing;
import org.jfree.chart.plot.XYPlot;
import org.junit.jupiter.api.Test;

import java.awt.Color;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LossDifferenceReadoutTest {
    static final List<LabelledLossDifference> RUNS = LossDifferenceFixtures.runs(800, 20, 2);

    @Test
    void readoutGivesEveryRunsValuesAtK() {
        int k = 123;
        List<LossDifferenceReadout.Row> rows = LossDifferenceReadout.at(RUNS, k,
                LossDifferenceLayers.all().withSmoothed(LossDifferenceLayers.SmoothedCurve.BIAS_CORRECTED, 0.9));
        assertEquals(2, rows.size());
        for (int r = 0; r < 2; r++) {
            LossDifferenceResult res = RUNS.get(r).result();
            LossDifferenceReadout.Row row = rows.get(r);
            assertEquals(RUNS.get(r).label(), row.label());
            assertEquals(res.meanAbs(k), row.meanAbs());
            assertEquals(res.stderrAbs(k), row.stderrAbs());
            assertEquals(Math.sqrt(res.exactMeanSq(k)), row.exactRms());
            assertEquals(Smoothing.emaBiasCorrected(res.meanAbs(), 0.9)[k - 1], row.smoothed());
            assertEquals(2.0 / (k + 1) * res.losses().maxAbs(), row.bound(), 1e-15);
            assertEquals(res.quantile(1, k), row.q25());
            assertEquals(res.quantile(3, k), row.q75());
        }
        assertTrue(LossDifferenceReadout.at(RUNS, 800, LossDifferenceLayers.all()).isEmpty(), "k = N is past the last difference");
    }

    @Test
    void nearestKRoundsAndClamps() {
        assertEquals(1, LossDifferenceReadout.nearestK(0.2, 799));
        assertEquals(1, LossDifferenceReadout.nearestK(Double.NaN, 799));
        assertEquals(42, LossDifferenceReadout.nearestK(41.6, 799));
        assertEquals(799, LossDifferenceReadout.nearestK(1e9, 799));
    }

    @Test
    void highlightedRunIsOpaqueAndDrawnLastWhileOthersFade() {
        XYPlot plot = LossDifferenceFigure.chart(RUNS, LossDifferenceLayers.all(), FigureStyle.screen(), "2").getXYPlot();
        String key2 = LossDifferenceFigure.seriesKey("2", LossDifferenceFigure.Kind.MEAN);
        String key4 = LossDifferenceFigure.seriesKey("4", LossDifferenceFigure.Kind.MEAN);
        int s2 = plot.getDataset(0).indexOf(key2);
        int s4 = plot.getDataset(0).indexOf(key4);
        assertTrue(s2 > s4, "later series are drawn over earlier ones");
        assertEquals(Palette.colour(0), plot.getRenderer(0).getSeriesPaint(s2));
        Color faded = (Color) plot.getRenderer(0).getSeriesPaint(s4);
        assertEquals(Palette.colour(1).getRGB() & 0xFFFFFF, faded.getRGB() & 0xFFFFFF);
        assertEquals(Math.round(LossDifferenceFigure.FADED * 255), faded.getAlpha());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> LossDifferenceFigure.chart(RUNS, LossDifferenceLayers.all(), FigureStyle.screen(), "7"));
        assertTrue(e.getMessage().contains("'7'") && e.getMessage().contains("[2, 4]"), e.getMessage());
    }
}
