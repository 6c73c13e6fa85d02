package org.hessianscope.figure;

import org.hessianscope.curvature.CurvatureOperator;
import org.hessianscope.curvature.Curvature;
import org.hessianscope.curvature.Hutchinson;
import org.hessianscope.curvature.LanczosResult;
import org.hessianscope.curvature.LanczosStep;
import org.hessianscope.curvature.PerSampleFull;
import org.hessianscope.curvature.SpectralDensity;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.data.xy.XYDataset;
import org.junit.jupiter.api.Test;

import java.util.EnumSet;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Spectrum, per-sample and bound figures carry exactly the values of the records they draw. */
class CurvatureFiguresTest {

    static LanczosResult lanczos(double[] top, double[] bottom) {
        return new LanczosResult(top, new double[top.length], bottom, new double[bottom.length],
                new double[0][], new double[0][], new double[] {bottom[0], top[0]}, 20, true, false, List.of());
    }

    /** An analysis written out by hand: H has top 5, 2 and bottom −0.5; H_O top 4.5; H_F top 0.8, bottom −0.6. */
    static Curvature.Result analysis(boolean density) {
        SpectralDensity.Result d = density
                ? new SpectralDensity.Result(new double[] {-1, 0, 1, 2, 3}, new double[] {0.1, 0.5, 0.0, 0.2, 0.05},
                        0.1, new SpectralDensity.Quadrature[0])
                : null;
        return new Curvature.Result(1000, 300, lanczos(new double[] {5, 2}, new double[] {-0.5}),
                new Hutchinson.Result(7, 0.1, new double[0]), lanczos(new double[] {4.5}, new double[] {0}),
                lanczos(new double[] {0.8}, new double[] {-0.6}), new double[] {0.8, -0.6}, 0.8 / 4.5,
                d, null, null);
    }

    static double[] xs(XYDataset d, int series) {
        double[] x = new double[d.getItemCount(series)];
        for (int i = 0; i < x.length; i++) {
            x[i] = d.getXValue(series, i);
        }
        return x;
    }

    @Test
    void spectrumStemsAreTheRitzValuesOfEachShownOperatorInItsRow() {
        JFreeChart chart = SpectrumFigure.chart(analysis(true), FigureStyle.screen());
        CombinedDomainXYPlot plot = (CombinedDomainXYPlot) chart.getPlot();
        List<?> subplots = plot.getSubplots();
        assertEquals(2, subplots.size());
        XYPlot density = (XYPlot) subplots.get(0);
        assertInstanceOf(LogAxis.class, density.getRangeAxis());
        // The zero density value at λ = 1 cannot be drawn on log y: it is a gap (NaN), not a point.
        XYDataset dd = density.getDataset();
        assertArrayEquals(new double[] {-1, 0, 1, 2, 3}, xs(dd, 0));
        assertEquals(0.5, dd.getYValue(0, 1));
        assertTrue(Double.isNaN(dd.getYValue(0, 2)));
        assertEquals(0.05, dd.getYValue(0, 4));
        XYDataset stems = ((XYPlot) subplots.get(1)).getDataset();
        assertEquals(3, stems.getSeriesCount());
        int h = stems.indexOf(SpectrumFigure.title(CurvatureOperator.HESSIAN));
        int f = stems.indexOf(SpectrumFigure.title(CurvatureOperator.RESIDUAL));
        assertArrayEquals(new double[] {5, 2, -0.5}, xs(stems, h));
        assertArrayEquals(new double[] {0.8, -0.6}, xs(stems, f));
        assertEquals(2.0, stems.getYValue(h, 0), "H is the top row");
        assertEquals(0.0, stems.getYValue(f, 0), "H_F is the bottom row");
    }

    @Test
    void densityTailsTenDecadesBelowThePeakAreGaps() {
        SpectralDensity.Result d = new SpectralDensity.Result(new double[] {0, 1, 2}, new double[] {2.0, 1e-300, 2e-10},
                0.1, new SpectralDensity.Quadrature[0]);
        Curvature.Result a = analysis(false);
        Curvature.Result withDensity = new Curvature.Result(a.samples(), a.parameters(), a.hessian(), a.trace(),
                a.ggn(), a.residual(), a.residualTop(), a.residualOverGgn(), d, null, null);
        XYDataset dd = ((XYPlot) ((CombinedDomainXYPlot) SpectrumFigure.chart(withDensity, FigureStyle.screen())
                .getPlot()).getSubplots().get(0)).getDataset();
        assertTrue(Double.isNaN(dd.getYValue(0, 1)), "1e-300 is 300 decades below the peak of 2");
        assertEquals(2e-10, dd.getYValue(0, 2), "exactly at the floor 2·1e-10 it is still drawn");
    }

    @Test
    void spectrumTogglesOperatorsAndWorksWithoutADensity() {
        JFreeChart chart = SpectrumFigure.chart(analysis(false), EnumSet.of(CurvatureOperator.GGN), FigureStyle.screen());
        List<?> subplots = ((CombinedDomainXYPlot) chart.getPlot()).getSubplots();
        assertEquals(1, subplots.size());
        XYDataset stems = ((XYPlot) subplots.get(0)).getDataset();
        assertEquals(1, stems.getSeriesCount());
        assertArrayEquals(new double[] {4.5, 0}, xs(stems, 0));
        assertTrue(FigureExport.svg(chart, 500, 300).contains("<path"));
    }

    @Test
    void convergenceFollowsEachRitzValueStepByStep() {
        List<LanczosStep> steps = List.of(
                new LanczosStep(1, 3, new double[] {3.0}, new double[] {1}, new double[] {3.0}, new double[] {1}),
                new LanczosStep(2, 3, new double[] {4.5, 1.0}, new double[2], new double[] {1.0}, new double[1]),
                new LanczosStep(3, 3, new double[] {5.0, 2.0}, new double[2], new double[] {-0.5}, new double[1]));
        XYDataset d = SpectrumFigure.convergence(CurvatureOperator.HESSIAN, steps, FigureStyle.screen()).getXYPlot().getDataset();
        assertEquals(SpectrumFigure.ritzKey(1), d.getSeriesKey(0));
        assertArrayEquals(new double[] {1, 2, 3}, xs(d, 0));
        assertEquals(5.0, d.getYValue(0, 2));
        assertArrayEquals(new double[] {2, 3}, xs(d, 1));
    }

    @Test
    void perSamplePointsKeepTheirSampleIndex() {
        double[] losses = {0.01, 0.5, 3.0, 0.0, 0.2};
        double[] ggn = {0.02, 1.5, 0.3, 0.01, 0.7};
        PerSampleFull.Result full = new PerSampleFull.Result(new PerSampleFull.Entry[] {
                new PerSampleFull.Entry(1, 0.5, 1.6, 0.15, 1.5),
                new PerSampleFull.Entry(2, 3.0, 0.9, 0.9, 0.3)}, 1.55, 3.0);
        JFreeChart chart = PerSampleFigure.chart(losses, ggn, full, FigureStyle.screen());
        List<?> subplots = ((CombinedDomainXYPlot) chart.getPlot()).getSubplots();
        XYDataset top = ((XYPlot) subplots.get(0)).getDataset();
        assertInstanceOf(LogAxis.class, ((CombinedDomainXYPlot) chart.getPlot()).getDomainAxis());
        assertEquals(4, top.getItemCount(0), "the zero loss of sample 3 has no place on a log axis");
        for (int i = 0; i < top.getItemCount(0); i++) {
            int sample = PerSampleFigure.sampleIndex(top, 0, i).orElseThrow();
            assertEquals(losses[sample], top.getXValue(0, i));
            assertEquals(ggn[sample], top.getYValue(0, i));
        }
        XYDataset ratio = ((XYPlot) subplots.get(1)).getDataset();
        assertEquals(2, PerSampleFigure.sampleIndex(ratio, 0, 1).orElseThrow());
        assertEquals(0.9 / 0.3, ratio.getYValue(0, 1), 1e-15);
        assertTrue(PerSampleFigure.sampleIndex(LossDifferenceFigure.chart(
                LossDifferenceFixtures.runs(50, 4, 1), FigureStyle.screen()).getXYPlot().getDataset(), 0, 0).isEmpty());
    }

    @Test
    void perSampleScatterDrawsOnePointPerDisplayCell() {
        int n = 60_000;
        double[] losses = new double[n];
        double[] ggn = new double[n];
        java.util.Random rnd = new java.util.Random(5);
        for (int i = 0; i < n; i++) {
            losses[i] = Math.exp(rnd.nextGaussian() * 2);
            ggn[i] = Math.exp(rnd.nextGaussian());
        }
        FigureStyle style = FigureStyle.screen().withColumns(100);
        XYDataset d = ((XYPlot) ((CombinedDomainXYPlot) PerSampleFigure.chart(losses, ggn, null, style).getPlot())
                .getSubplots().get(0)).getDataset();
        assertTrue(d.getItemCount(0) <= 101 * 101 && d.getItemCount(0) > 1000, "points: " + d.getItemCount(0));
        assertEquals(0, PerSampleFigure.sampleIndex(d, 0, 0).orElseThrow(), "the first sample always stays");
    }

    @Test
    void perSampleLengthsMustMatch() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> PerSampleFigure.chart(new double[3], new double[2], null, FigureStyle.screen()));
        assertTrue(e.getMessage().contains("3 per-sample losses but 2"), e.getMessage());
    }

    @Test
    void boundFigureDrawsTheThreeLevelsSortedBySweptValue() {
        List<BoundLevels> levels = List.of(new BoundLevels(4, 31.5, 9.2, 1.1), new BoundLevels(2, 17.0, 5.5, 0.8),
                new BoundLevels(3, 24.25, Double.NaN, 0.9));
        JFreeChart chart = BoundFigure.chart(levels, "L (num of layers)", FigureStyle.paper("ignored for bounds"));
        XYDataset d = chart.getXYPlot().getDataset();
        int paper = d.indexOf(BoundFigure.PAPER_KEY);
        int lemma2 = d.indexOf(BoundFigure.LEMMA2_KEY);
        int measured = d.indexOf(BoundFigure.MEASURED_KEY);
        assertArrayEquals(new double[] {2, 3, 4}, xs(d, paper));
        assertEquals(24.25, d.getYValue(paper, 1));
        assertArrayEquals(new double[] {2, 4}, xs(d, lemma2), "a missing level is left out, not drawn as 0");
        assertEquals(1.1, d.getYValue(measured, 2));
        assertTrue(ChartStyling.legendTitle(chart).isEmpty());
    }
}
