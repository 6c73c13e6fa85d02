package org.hessianscope.figure;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.geom.Ellipse2D;
import java.util.Locale;
import org.hessianscope.surface.DeltaResult;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.DatasetRenderingOrder;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.DeviationRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.data.xy.YIntervalDataItem;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;

/**
 * Δ_{k+1}(σ) against k on log-log axes, one colour per σ: the Monte Carlo mean solid with its points, the
 * quadratic model's closed form dashed in the same colour, with a translucent band of ± 2 standard errors where
 * its ‖A‖_F² is a Hutchinson estimate (the full space of a large network). Values a log axis cannot show (zero)
 * are left out; a band's lower edge is clipped at a hundredth of its centre.
 */
public final class DeltaFigure {
    private DeltaFigure() {
    }

    /** The series key of the Monte Carlo estimate at σ (also a column of the CSV). */
    public static String monteCarloKey(DeltaResult r, int s) {
        return "Monte Carlo, σ = " + sigmaLabel(r, s);
    }

    public static String quadraticKey(DeltaResult r, int s) {
        return "quadratic model, σ = " + sigmaLabel(r, s);
    }

    /** The series key of the band of the estimated quadratic model, ± 2 standard errors (CSV: centre, low, high). */
    public static String quadraticBandKey(DeltaResult r, int s) {
        return "quadratic model ± 2 s.e., σ = " + sigmaLabel(r, s);
    }

    /** The band's half-width in standard errors. */
    static final double BAND_SE = 2;
    /** A band reaching zero or below is clipped at this fraction of its centre, which a log axis can show. */
    static final double LOWEST = 1e-2;

    static String sigmaLabel(DeltaResult r, int s) {
        return String.format(Locale.ROOT, "%.3g", r.options().sigma()[s]) + (r.options().relative() ? " ‖θ̂‖/√P" : "");
    }

    public static JFreeChart chart(DeltaResult r, FigureStyle style) {
        XYSeriesCollection data = new XYSeriesCollection();
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, true);
        float width = (float) style.lineWidth();
        BasicStroke dashed = new BasicStroke(width, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f,
                new float[] {6f, 4f}, 0f);
        YIntervalSeriesCollection bands = new YIntervalSeriesCollection();
        DeviationRenderer bandRenderer = new DeviationRenderer(false, false);
        bandRenderer.setAlpha(0.2f);
        bandRenderer.setUseFillPaint(true);
        int series = 0;
        double dot = 2 + width;
        for (int s = 0; s < r.options().sigma().length; s++) {
            Color colour = Palette.colour(s);
            data.addSeries(series(monteCarloKey(r, s), r.k(), r.mean()[s]));
            renderer.setSeriesPaint(series, colour);
            renderer.setSeriesStroke(series, new BasicStroke(width));
            renderer.setSeriesShape(series, new Ellipse2D.Double(-dot / 2, -dot / 2, dot, dot));
            series++;
            if (r.quadratic() != null) {
                data.addSeries(series(quadraticKey(r, s), r.k(), r.quadratic()[s]));
                renderer.setSeriesPaint(series, colour);
                renderer.setSeriesStroke(series, dashed);
                renderer.setSeriesShapesVisible(series, false);
                series++;
            }
            if (r.quadratic() != null && r.quadraticStandardError() != null) {
                int index = bands.getSeriesCount();
                bands.addSeries(band(quadraticBandKey(r, s), r.k(), r.quadratic()[s], r.quadraticStandardError()[s]));
                bandRenderer.setSeriesFillPaint(index, colour);
                bandRenderer.setSeriesPaint(index, colour);
                // The band has its colour's dashed line as its legend; the title names it once.
                bandRenderer.setSeriesVisibleInLegend(index, false);
            }
        }
        XYPlot plot = new XYPlot(data, Axes.of("k", style.logX(), style),
                Axes.of("Δ_{k+1}(σ) = E[(L_{k+1}(w) − L_k(w))²]", true, style), renderer);
        if (bands.getSeriesCount() > 0) {
            plot.setDataset(1, bands);
            plot.setRenderer(1, bandRenderer);
            plot.setDatasetRenderingOrder(DatasetRenderingOrder.REVERSE);
        }
        ChartStyling.xyPlot(plot, style);
        String title = String.format(Locale.ROOT, "Δ_{k+1}(σ), %d draws in the %s", r.options().draws(), r.space())
                + (bands.getSeriesCount() > 0 ? String.format(Locale.ROOT,
                        "; bands: ± 2 s.e. of its Hutchinson part (%d probes)", r.options().probes()) : "");
        return ChartStyling.chart(title, plot, plot.getLegendItems(), style);
    }

    private static YIntervalSeries band(String key, int[] k, double[] y, double[] se) {
        YIntervalSeries s = new YIntervalSeries(key, false, true);
        for (int j = 0; j < k.length; j++) {
            if (y[j] > 0 && Double.isFinite(y[j]) && Double.isFinite(se[j])) {
                double low = y[j] - BAND_SE * se[j];
                s.add(new YIntervalDataItem(k[j], y[j], Math.max(low, y[j] * LOWEST), y[j] + BAND_SE * se[j]),
                        false);
            }
        }
        return s;
    }

    private static XYSeries series(String key, int[] k, double[] y) {
        XYSeries s = new XYSeries(key, false, true);
        for (int j = 0; j < k.length; j++) {
            if (y[j] > 0 && Double.isFinite(y[j])) {
                s.add(k[j], y[j]);
            }
        }
        return s;
    }
}
