package org.hessianscope.figure;

import org.hessianscope.curvature.PerSampleFull;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.annotations.XYDrawableAnnotation;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYDataset;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.geom.Ellipse2D;
import java.util.Arrays;
import java.util.HashSet;
import java.util.OptionalInt;
import java.util.Set;

/**
 * Chart 4 of the GUI: per-sample curvature against per-sample loss, both on log axes. Above,
 * ‖H_O,i‖ for every sample; below, ‖H_F,i‖/‖H_O,i‖ for the subset where the full Hessian was
 * measured, with a line at 1 where the Gauss-Newton part stops dominating. Confidently
 * misclassified samples (high loss) are where the paper's approximation fails. Each point
 * keeps its sample index ({@link #sampleIndex}) so the GUI can show the image on click.
 * Points that would land on the same display cell are drawn once (the first in sample order),
 * so 60,000 samples still make a small vector file.
 */
public final class PerSampleFigure {
    public static final String GGN_KEY = "‖H_O,i‖";
    public static final String RATIO_KEY = "‖H_F,i‖ / ‖H_O,i‖";

    private PerSampleFigure() {
    }

    /**
     * @param losses  per-sample loss ℓ_i of every sample, index i
     * @param ggnNorm ‖H_O,i‖ of every sample (full or weights-only), same indices
     * @param full    ‖H_i‖, ‖H_F,i‖ on a subset, or null when not measured
     */
    public static JFreeChart chart(double[] losses, double[] ggnNorm, PerSampleFull.Result full, FigureStyle style) {
        if (losses.length != ggnNorm.length) {
            throw new IllegalArgumentException(losses.length + " per-sample losses but " + ggnNorm.length
                    + " per-sample ‖H_O,i‖; both must cover the same samples");
        }
        int[] all = new int[losses.length];
        Arrays.setAll(all, i -> i);
        CombinedDomainXYPlot plot = new CombinedDomainXYPlot(Axes.of("per-sample loss ℓ_i", true, style));
        plot.setGap(8);
        IndexedXYDataset ggn = scatter(GGN_KEY, losses, ggnNorm, all, style);
        plot.add(subplot(ggn, GGN_KEY, Palette.colour(0), style), 1);
        if (full != null) {
            PerSampleFull.Entry[] e = full.entries();
            double[] x = new double[e.length];
            double[] y = new double[e.length];
            int[] idx = new int[e.length];
            for (int i = 0; i < e.length; i++) {
                x[i] = e[i].loss();
                y[i] = e[i].ratio();
                idx[i] = e[i].index();
            }
            XYPlot ratio = subplot(scatter(RATIO_KEY, x, y, idx, style), RATIO_KEY, Palette.colour(3), style);
            ValueMarker one = new ValueMarker(1.0, Color.GRAY, new BasicStroke(1f, BasicStroke.CAP_BUTT,
                    BasicStroke.JOIN_MITER, 10f, new float[] {4f, 3f}, 0f));
            ratio.addRangeMarker(one);
            plot.add(ratio, 1);
        }
        return ChartStyling.chart("Per-sample curvature against loss", plot, null, style);
    }

    /** The sample behind a clicked point, or empty when the dataset is not a per-sample scatter. */
    public static OptionalInt sampleIndex(XYDataset dataset, int series, int item) {
        return dataset instanceof IndexedXYDataset d ? OptionalInt.of(d.sampleIndex(series, item)) : OptionalInt.empty();
    }

    /** Ring around the clicked sample, in screen units so that log axes do not distort it. */
    private static final double RING = 14;

    /**
     * Rings sample {@code index} in every panel of a per-sample chart that draws it (the ratio
     * panel covers a subset), replacing the previous ring. Returns how many panels show it.
     */
    public static int highlight(JFreeChart chart, int index) {
        int found = 0;
        if (!(chart.getPlot() instanceof CombinedDomainXYPlot combined)) {
            return 0;
        }
        for (XYPlot p : combined.getSubplots()) {
            p.getAnnotations().stream().filter(a -> a instanceof XYDrawableAnnotation).toList().forEach(p::removeAnnotation);
            if (p.getDataset() instanceof IndexedXYDataset d) {
                for (int i = 0; i < d.getItemCount(0); i++) {
                    if (d.sampleIndex(0, i) == index) {
                        p.addAnnotation(new XYDrawableAnnotation(d.getXValue(0, i), d.getYValue(0, i), RING, RING,
                                (g, area) -> {
                                    g.setPaint(Color.BLACK);
                                    g.setStroke(new BasicStroke(2f));
                                    g.draw(new Ellipse2D.Double(area.getX() + 1, area.getY() + 1, area.getWidth() - 2,
                                            area.getHeight() - 2));
                                }));
                        found++;
                        break;
                    }
                }
            }
        }
        return found;
    }

    /** Keeps the first point of each display cell (log x, log y) and drops what a log axis cannot show. */
    static IndexedXYDataset scatter(String key, double[] x, double[] y, int[] idx, FigureStyle style) {
        int cells = style.columns();
        double[] lx = new double[x.length];
        double[] ly = new double[x.length];
        double minX = Double.POSITIVE_INFINITY, maxX = Double.NEGATIVE_INFINITY;
        double minY = Double.POSITIVE_INFINITY, maxY = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < x.length; i++) {
            lx[i] = x[i] > 0 && Double.isFinite(x[i]) ? Math.log(x[i]) : Double.NaN;
            ly[i] = y[i] > 0 && Double.isFinite(y[i]) ? Math.log(y[i]) : Double.NaN;
            if (!Double.isNaN(lx[i]) && !Double.isNaN(ly[i])) {
                minX = Math.min(minX, lx[i]);
                maxX = Math.max(maxX, lx[i]);
                minY = Math.min(minY, ly[i]);
                maxY = Math.max(maxY, ly[i]);
            }
        }
        Set<Long> taken = new HashSet<>();
        int[] keep = new int[x.length];
        int kept = 0;
        for (int i = 0; i < x.length; i++) {
            if (Double.isNaN(lx[i]) || Double.isNaN(ly[i])) {
                continue;
            }
            long cx = maxX > minX ? (long) ((lx[i] - minX) / (maxX - minX) * cells) : 0;
            long cy = maxY > minY ? (long) ((ly[i] - minY) / (maxY - minY) * cells) : 0;
            if (taken.add(cx * (cells + 1L) + cy)) {
                keep[kept++] = i;
            }
        }
        double[] rx = new double[kept];
        double[] ry = new double[kept];
        int[] ri = new int[kept];
        for (int j = 0; j < kept; j++) {
            rx[j] = x[keep[j]];
            ry[j] = y[keep[j]];
            ri[j] = idx[keep[j]];
        }
        IndexedXYDataset d = new IndexedXYDataset();
        d.addSeries(key, rx, ry, ri);
        return d;
    }

    private static XYPlot subplot(IndexedXYDataset data, String label, Color colour, FigureStyle style) {
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(false, true);
        double size = 2 + style.lineWidth();
        r.setSeriesShape(0, new Ellipse2D.Double(-size / 2, -size / 2, size, size));
        r.setSeriesPaint(0, Palette.translucent(colour, 0.6));
        XYPlot p = new XYPlot(data, null, Axes.of(label, true, style), r);
        ChartStyling.xyPlot(p, style);
        return p;
    }
}
