package org.hessianscope.figure;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Paint;
import java.util.Locale;
import org.hessianscope.surface.QuadraticModel;
import org.hessianscope.surface.SurfaceResult;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItem;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.PaintScale;
import org.jfree.chart.renderer.xy.XYBlockRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.PaintScaleLegend;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.data.xy.DefaultXYZDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * The landscape slice of a {@link SurfaceResult}: in 2D a heat map of one {@link Map} with a colour bar, the
 * contour lines of L_k (solid) and of its quadratic model (dashed) at the same levels; in 1D L_k for every k
 * (solid) with each one's quadratic model dashed in the same colour. {@link #colour} is the colour map, for any
 * other view that should match.
 */
public final class SurfaceFigure {
    /** Contour levels drawn, evenly spaced between the smallest and largest L_k on the grid. */
    public static final int LEVELS = 12;

    /** What a 2D heat map shows. */
    public enum Map {
        LOSS("loss"), ACCURACY("accuracy"), SIGMA2("sigma2");

        private final String key;

        Map(String key) {
            this.key = key;
        }

        public String key() {
            return key;
        }

        /** The map of {@code key}; an unknown one names the valid keys. */
        public static Map of(String key) {
            for (Map m : values()) {
                if (m.key.equals(key)) {
                    return m;
                }
            }
            throw new IllegalArgumentException("--map " + key + "; valid: loss, accuracy, sigma2");
        }
    }

    private SurfaceFigure() {
    }

    /** The colour of t ∈ [0, 1] (clamped): the landscape {@link ColourMap}, the GUI's colours too. */
    public static Color colour(double t) {
        return ColourMap.colour(Double.isNaN(t) ? 0 : t);
    }

    /** The chart of L_{k[g]} (index g into {@code r.k()}): a heat map of {@code map} in 2D, all k in 1D. */
    public static JFreeChart chart(SurfaceResult r, int g, Map map, FigureStyle style) {
        return r.dims() == 1 ? line(r, style) : plane(r, g, map, style);
    }

    /** The values of {@code map} at k index g, [i][j]. */
    public static double[][] values(SurfaceResult r, int g, Map map) {
        switch (map) {
            case ACCURACY:
                return r.accuracy()[g];
            case SIGMA2: {
                double[][] s = new double[r.rows()][r.columns()];
                for (int i = 0; i < s.length; i++) {
                    for (int j = 0; j < s[i].length; j++) {
                        s[i][j] = r.sigma()[i][j] * r.sigma()[i][j];
                    }
                }
                return s;
            }
            default:
                return r.loss()[g];
        }
    }

    private static String label(Map map, int k) {
        switch (map) {
            case ACCURACY:
                return "accuracy on the first " + k;
            case SIGMA2:
                return "σ²(ℓ) = k(k+1)·E[(L_{k+1} − L_k)²]";
            default:
                return "L_" + k;
        }
    }

    private static JFreeChart plane(SurfaceResult r, int g, Map map, FigureStyle style) {
        double[] a = r.axes().get(0).coordinates();
        double[] b = r.axes().get(1).coordinates();
        double[][] v = values(r, g, map);
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        double[][] xyz = new double[3][a.length * b.length];
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < b.length; j++) {
                int n = i * b.length + j;
                xyz[0][n] = a[i];
                xyz[1][n] = b[j];
                xyz[2][n] = v[i][j];
                lo = Math.min(lo, v[i][j]);
                hi = Math.max(hi, v[i][j]);
            }
        }
        if (!(hi > lo)) {
            hi = lo + 1;
        }
        DefaultXYZDataset heat = new DefaultXYZDataset();
        heat.addSeries(label(map, r.k()[g]), xyz);
        XYBlockRenderer blocks = new XYBlockRenderer();
        blocks.setBlockWidth(a[1] - a[0]);
        blocks.setBlockHeight(b[1] - b[0]);
        Viridis scale = new Viridis(lo, hi);
        blocks.setPaintScale(scale);
        ValueAxis x = Axes.of(r.axes().get(0).label(), false, style);
        ValueAxis y = Axes.of(r.axes().get(1).label(), false, style);
        XYPlot plot = new XYPlot(heat, x, y, blocks);
        ((NumberAxis) x).setRange(a[0] - 0.5 * (a[1] - a[0]), a[a.length - 1] + 0.5 * (a[1] - a[0]));
        ((NumberAxis) y).setRange(b[0] - 0.5 * (b[1] - b[0]), b[b.length - 1] + 0.5 * (b[1] - b[0]));

        double[][] loss = r.loss()[g];
        double[][] quadratic = r.quadratic().get(g).values();
        double[] levels = levels(loss);
        XYSeriesCollection lines = new XYSeriesCollection();
        lines.addSeries(contours("L_" + r.k()[g] + " contours", loss, a, b, levels));
        lines.addSeries(contours("quadratic model contours", quadratic, a, b, levels));
        XYLineAndShapeRenderer lr = new XYLineAndShapeRenderer(true, false);
        lr.setSeriesPaint(0, Color.WHITE);
        lr.setSeriesStroke(0, new BasicStroke(style.lineWidth() * 0.8f));
        lr.setSeriesPaint(1, Color.BLACK);
        lr.setSeriesStroke(1, new BasicStroke(style.lineWidth() * 0.8f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND,
                10f, new float[] {4f, 3f}, 0f));
        plot.setDataset(1, lines);
        plot.setRenderer(1, lr);
        // The heat map first, the contours over it.
        plot.setDatasetRenderingOrder(org.jfree.chart.plot.DatasetRenderingOrder.FORWARD);
        ChartStyling.xyPlot(plot, style);
        plot.setDomainGridlinesVisible(false);
        plot.setRangeGridlinesVisible(false);

        LegendItemCollection legend = new LegendItemCollection();
        legend.add(new LegendItem("L_" + r.k()[g] + " (contours, white)", null, null, null,
                new java.awt.geom.Line2D.Double(-7, 0, 7, 0), lr.getSeriesStroke(0), Color.GRAY));
        legend.add(new LegendItem("quadratic model (dashed)", null, null, null,
                new java.awt.geom.Line2D.Double(-7, 0, 7, 0), lr.getSeriesStroke(1), Color.BLACK));
        JFreeChart chart = ChartStyling.chart(String.format(Locale.ROOT, "%s around θ̂ (%s directions, %d×%d, %d samples)",
                label(map, r.k()[g]), r.directions(), r.rows(), r.columns(), r.samples()), plot, legend, style);
        NumberAxis barAxis = new NumberAxis(label(map, r.k()[g]));
        barAxis.setRange(lo, hi);
        barAxis.setLabelFont(style.labelFont());
        barAxis.setTickLabelFont(style.tickFont());
        PaintScaleLegend bar = new PaintScaleLegend(scale, barAxis);
        bar.setPosition(RectangleEdge.RIGHT);
        bar.setAxisLocation(org.jfree.chart.axis.AxisLocation.BOTTOM_OR_RIGHT);
        bar.setMargin(new RectangleInsets(4, 10, 4, 4));
        bar.setStripWidth(12);
        bar.setBackgroundPaint(Color.WHITE);
        chart.addSubtitle(bar);
        return chart;
    }

    private static JFreeChart line(SurfaceResult r, FigureStyle style) {
        double[] a = r.axes().get(0).coordinates();
        XYSeriesCollection d = new XYSeriesCollection();
        XYLineAndShapeRenderer lr = new XYLineAndShapeRenderer(true, false);
        LegendItemCollection legend = new LegendItemCollection();
        for (int g = 0; g < r.k().length; g++) {
            int k = r.k()[g];
            XYSeries s = new XYSeries("L_" + k, false, true);
            XYSeries q = new XYSeries("quadratic model of L_" + k, false, true);
            QuadraticModel m = r.quadratic().get(g);
            for (int i = 0; i < a.length; i++) {
                s.add(a[i], r.loss()[g][i][0]);
                q.add(a[i], m.values()[i][0]);
            }
            Paint colour = Palette.colour(g);
            d.addSeries(s);
            lr.setSeriesPaint(2 * g, colour);
            lr.setSeriesStroke(2 * g, new BasicStroke(style.lineWidth()));
            d.addSeries(q);
            lr.setSeriesPaint(2 * g + 1, colour);
            lr.setSeriesStroke(2 * g + 1, new BasicStroke(style.lineWidth(), BasicStroke.CAP_BUTT,
                    BasicStroke.JOIN_ROUND, 10f, new float[] {6f, 4f}, 0f));
            legend.add(new LegendItem("L_" + k, null, null, null, new java.awt.geom.Line2D.Double(-7, 0, 7, 0),
                    lr.getSeriesStroke(2 * g), colour));
        }
        legend.add(new LegendItem("quadratic model (dashed)", null, null, null,
                new java.awt.geom.Line2D.Double(-7, 0, 7, 0), lr.getSeriesStroke(1), Color.GRAY));
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (double[][] grid : r.loss()) {
            for (double[] row : grid) {
                lo = Math.min(lo, row[0]);
                hi = Math.max(hi, row[0]);
            }
        }
        NumberAxis y = (NumberAxis) Axes.of("loss", false, style);
        // The quadratic model leaves the picture far from θ̂; the axis follows the true slice.
        double pad = 0.08 * Math.max(hi - lo, 1e-12);
        y.setRange(lo - pad, hi + pad);
        ValueAxis x = Axes.of(r.axes().get(0).label() + " (" + r.units() + ")", false, style);
        XYPlot plot = new XYPlot(d, x, y, lr);
        return ChartStyling.chart(String.format(Locale.ROOT, "Loss along %s (%d points, %d samples)",
                r.axes().get(0).label(), r.rows(), r.samples()), plot, legend, style);
    }

    /** {@link #LEVELS} levels strictly between the grid's smallest and largest value. */
    static double[] levels(double[][] v) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (double[] row : v) {
            for (double x : row) {
                lo = Math.min(lo, x);
                hi = Math.max(hi, x);
            }
        }
        double[] levels = new double[LEVELS];
        for (int l = 0; l < LEVELS; l++) {
            levels[l] = lo + (hi - lo) * (l + 1) / (LEVELS + 1);
        }
        return levels;
    }

    /**
     * Contour lines of v ([i][j] over the grid (a, b)) by {@link ContourLines}, as one series of segments
     * separated by NaN points (the renderer draws no line to a NaN).
     */
    static XYSeries contours(String key, double[][] v, double[] a, double[] b, double[] levels) {
        XYSeries s = new XYSeries(key, false, true);
        for (ContourLines.Level l : ContourLines.of(a, b, SurfaceFigures.transposed(v), levels)) {
            for (ContourLines.Segment seg : l.segments()) {
                segment(s, new double[] {seg.x1(), seg.y1()}, new double[] {seg.x2(), seg.y2()});
            }
        }
        return s;
    }

    private static void segment(XYSeries s, double[] p, double[] q) {
        s.add(p[0], p[1]);
        s.add(q[0], q[1]);
        s.add(q[0], Double.NaN);
    }

    /** The grid as CSV: the coordinates, then L_k, accuracy and the quadratic model for each k, then σ(ℓ). */
    public static String csv(SurfaceResult r) {
        StringBuilder sb = new StringBuilder();
        sb.append(r.dims() == 2 ? "alpha,beta" : "alpha");
        for (int k : r.k()) {
            sb.append(",L_").append(k).append(",accuracy_").append(k).append(",quadratic_").append(k);
        }
        sb.append(",sigma\n");
        double[] a = r.axes().get(0).coordinates();
        for (int i = 0; i < r.rows(); i++) {
            for (int j = 0; j < r.columns(); j++) {
                sb.append(a[i]);
                if (r.dims() == 2) {
                    sb.append(',').append(r.axes().get(1).coordinates()[j]);
                }
                for (int g = 0; g < r.k().length; g++) {
                    sb.append(',').append(r.loss()[g][i][j]).append(',').append(r.accuracy()[g][i][j])
                            .append(',').append(r.quadratic().get(g).values()[i][j]);
                }
                sb.append(',').append(r.sigma()[i][j]).append('\n');
            }
        }
        return sb.toString();
    }

    /** The colour map as a JFreeChart paint scale over [lo, hi]. */
    private record Viridis(double lo, double hi) implements PaintScale {
        @Override
        public double getLowerBound() {
            return lo;
        }

        @Override
        public double getUpperBound() {
            return hi;
        }

        @Override
        public Paint getPaint(double value) {
            return colour((value - lo) / (hi - lo));
        }
    }
}
