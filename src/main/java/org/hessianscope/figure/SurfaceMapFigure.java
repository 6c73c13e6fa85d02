package org.hessianscope.figure;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Paint;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItem;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.DatasetRenderingOrder;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.PaintScale;
import org.jfree.chart.renderer.xy.XYBlockRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.PaintScaleLegend;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.data.xy.DefaultXYDataset;
import org.jfree.data.xy.DefaultXYZDataset;

/**
 * A value grid over a plane of two directions drawn as a heat map in the {@link ColourMap}
 * with its contour lines (solid, black), a colour bar with ticks, optionally a second grid's
 * contours at the same levels (dashed; the quadratic model over the true loss) and a path of
 * points on the plane (the training trajectory). θ̂ is the origin, marked with a cross.
 * Nothing is computed here but the drawing: the grids come from the core's result.
 */
public final class SurfaceMapFigure {
    /** Dataset indices: heat map at the back, then contours, model contours, trajectory and θ̂ on top. */
    public static final int HEAT = 0;
    public static final int CONTOURS = 1;
    public static final int MODEL_CONTOURS = 2;
    public static final int TRAJECTORY = 3;
    public static final int CENTRE = 4;
    public static final String CONTOUR_KEY = "contours";
    public static final String MODEL_KEY = "quadratic model";
    public static final String TRAJECTORY_KEY = "training trajectory";
    /** Words, not θ̂: Java2D draws the combining hat of θ̂ as a bare θ. */
    public static final String CENTRE_KEY = "trained weights (origin)";
    private static final Color MODEL_COLOUR = new Color(0xd62728);
    private static final Color TRAJECTORY_COLOUR = Color.WHITE;

    /**
     * What to draw. {@code z[j][i]} is the value at ({@code x[i]}, {@code y[j]}); {@code model}
     * (same shape) and {@code trajectory} ({xs, ys}) may be null.
     */
    public record Input(String title, String xLabel, String yLabel, String valueLabel, String contourLabel,
                        String note, double[] x, double[] y, double[][] z, ColourScale scale, int levels,
                        double[][] model, double[][] trajectory) {
    }

    private SurfaceMapFigure() {
    }

    public static JFreeChart chart(Input in, FigureStyle style) {
        double[] levels = in.scale().levels(in.levels());
        ValueAxis xAxis = Axes.of(in.xLabel(), false, style);
        ValueAxis yAxis = Axes.of(in.yLabel(), false, style);
        XYPlot plot = new XYPlot(heat(in), xAxis, yAxis, blocks(in));
        plot.setDatasetRenderingOrder(DatasetRenderingOrder.FORWARD);
        // Light lines over the dark (low) half of the map, dark lines over the light half, so every level shows.
        List<ContourLines.Level> contours = ContourLines.of(in.x(), in.y(), in.z(), levels);
        DefaultXYDataset lines = new DefaultXYDataset();
        lines.addSeries(CONTOUR_KEY + " low", xy(contours.stream().filter(l -> in.scale().fraction(l.value()) < 0.5).toList()));
        lines.addSeries(CONTOUR_KEY, xy(contours.stream().filter(l -> in.scale().fraction(l.value()) >= 0.5).toList()));
        plot.setDataset(CONTOURS, lines);
        XYLineAndShapeRenderer contourRenderer = lineRenderer(new Color(255, 255, 255, 200), new BasicStroke(0.8f), false);
        contourRenderer.setSeriesPaint(1, new Color(0, 0, 0, 200));
        contourRenderer.setSeriesStroke(1, new BasicStroke(0.8f));
        contourRenderer.setSeriesVisibleInLegend(1, false);
        plot.setRenderer(CONTOURS, contourRenderer);
        LegendItemCollection legend = new LegendItemCollection();
        legend.add(line(in.contourLabel(), Color.DARK_GRAY, new BasicStroke(1f)));
        if (in.model() != null) {
            DefaultXYDataset model = new DefaultXYDataset();
            model.addSeries(MODEL_KEY, xy(ContourLines.of(in.x(), in.y(), in.model(), levels)));
            plot.setDataset(MODEL_CONTOURS, model);
            plot.setRenderer(MODEL_CONTOURS, lineRenderer(MODEL_COLOUR, dashed(1.4f), false));
            legend.add(line(MODEL_KEY + " (dashed)", MODEL_COLOUR, dashed(1.4f)));
        }
        if (in.trajectory() != null && in.trajectory()[0].length > 0) {
            DefaultXYDataset path = new DefaultXYDataset();
            path.addSeries(TRAJECTORY_KEY, new double[][] {in.trajectory()[0].clone(), in.trajectory()[1].clone()});
            plot.setDataset(TRAJECTORY, path);
            XYLineAndShapeRenderer r = lineRenderer(TRAJECTORY_COLOUR, new BasicStroke(1.5f), true);
            r.setSeriesShape(0, new Ellipse2D.Double(-3, -3, 6, 6));
            plot.setRenderer(TRAJECTORY, r);
            legend.add(new LegendItem(TRAJECTORY_KEY + " (checkpoints)", null, null, null, true,
                    new Ellipse2D.Double(-3, -3, 6, 6), true, TRAJECTORY_COLOUR, true, Color.DARK_GRAY,
                    new BasicStroke(1f), true, new java.awt.geom.Line2D.Double(-7, 0, 7, 0), new BasicStroke(1.5f),
                    Color.GRAY));
        }
        DefaultXYDataset centre = new DefaultXYDataset();
        centre.addSeries(CENTRE_KEY, new double[][] {{0}, {0}});
        plot.setDataset(CENTRE, centre);
        XYLineAndShapeRenderer cross = new XYLineAndShapeRenderer(false, true);
        cross.setSeriesShape(0, org.jfree.chart.util.ShapeUtils.createDiagonalCross(5, 1.2f));
        cross.setSeriesPaint(0, Color.WHITE);
        cross.setSeriesVisibleInLegend(0, false);
        plot.setRenderer(CENTRE, cross);
        legend.add(new LegendItem(CENTRE_KEY, null, null, null,
                org.jfree.chart.util.ShapeUtils.createDiagonalCross(5, 1.2f), Color.GRAY));
        fitToGrid(xAxis, in.x());
        fitToGrid(yAxis, in.y());
        JFreeChart chart = ChartStyling.chart(in.title(), plot, legend, style);
        plot.setDomainGridlinesVisible(false);
        plot.setRangeGridlinesVisible(false);
        chart.addSubtitle(colourBar(in, style));
        if (in.note() != null) {
            chart.addSubtitle(note(in.note(), style));
        }
        return chart;
    }

    /** A line of small print under the chart: what a unit of the axes is. */
    static org.jfree.chart.title.TextTitle note(String text, FigureStyle style) {
        org.jfree.chart.title.TextTitle t = new org.jfree.chart.title.TextTitle(text,
                style.tickFont().deriveFont(style.fontSize() * 0.9f));
        t.setPosition(RectangleEdge.BOTTOM);
        t.setHorizontalAlignment(org.jfree.chart.ui.HorizontalAlignment.LEFT);
        t.setPaint(Color.DARK_GRAY);
        return t;
    }

    /** The colour bar beside the plot: the same scale, with ticks and the value's name as its label. */
    private static PaintScaleLegend colourBar(Input in, FigureStyle style) {
        ColourScale scale = in.scale();
        PaintScale strip;
        NumberAxis axis = (NumberAxis) Axes.of(in.valueLabel(), false, style);
        if (scale.log()) {
            // The bar's axis is log10 of the value, so its strip (which the legend subdivides evenly along the
            // axis) has the colours evenly spaced as on the map; the ticks are labelled with the values themselves.
            axis.setRange(Math.log10(scale.min()), Math.max(Math.log10(scale.max()), Math.log10(scale.min()) + 1e-9));
            axis.setNumberFormatOverride(new TenToThe());
            strip = new PaintScale() {
                @Override
                public double getLowerBound() {
                    return Math.log10(scale.min());
                }

                @Override
                public double getUpperBound() {
                    return Math.log10(scale.max());
                }

                @Override
                public Paint getPaint(double x) {
                    return ColourMap.colour(scale.fraction(Math.pow(10, x)));
                }
            };
        } else {
            double lo = scale.min();
            double hi = scale.max() > lo ? scale.max() : lo + (lo == 0 ? 1 : Math.abs(lo) * 1e-6);
            axis.setRange(lo, hi);
            strip = paintScale(scale);
        }
        PaintScaleLegend bar = new PaintScaleLegend(strip, axis);
        bar.setPosition(RectangleEdge.RIGHT);
        bar.setAxisLocation(org.jfree.chart.axis.AxisLocation.BOTTOM_OR_RIGHT);
        bar.setStripWidth(14);
        bar.setSubdivisionCount(256);
        bar.setMargin(new RectangleInsets(8, 10, 8, 4));
        bar.setAxisOffset(2);
        bar.setBackgroundPaint(Color.WHITE);
        bar.setStripOutlineVisible(true);
        return bar;
    }

    /** Formats a tick at x as the value 10^x, to three significant digits. */
    private static final class TenToThe extends java.text.NumberFormat {
        @Override
        public StringBuffer format(double x, StringBuffer to, java.text.FieldPosition pos) {
            double v = Math.pow(10, x);
            return to.append(v >= 1e4 || v < 1e-3 ? String.format(java.util.Locale.ROOT, "%.2e", v)
                    : new java.math.BigDecimal(v).round(new java.math.MathContext(3)).stripTrailingZeros().toPlainString());
        }

        @Override
        public StringBuffer format(long x, StringBuffer to, java.text.FieldPosition pos) {
            return format((double) x, to, pos);
        }

        @Override
        public Number parse(String source, java.text.ParsePosition pos) {
            throw new UnsupportedOperationException("tick labels are only written");
        }
    }

    static PaintScale paintScale(ColourScale scale) {
        return new PaintScale() {
            @Override
            public double getLowerBound() {
                return scale.min();
            }

            @Override
            public double getUpperBound() {
                return scale.max();
            }

            @Override
            public Paint getPaint(double value) {
                return ColourMap.colour(scale.fraction(value));
            }
        };
    }

    private static DefaultXYZDataset heat(Input in) {
        int n = in.x().length * in.y().length;
        double[][] xyz = new double[3][n];
        int p = 0;
        for (int j = 0; j < in.y().length; j++) {
            for (int i = 0; i < in.x().length; i++) {
                xyz[0][p] = in.x()[i];
                xyz[1][p] = in.y()[j];
                xyz[2][p] = in.z()[j][i];
                p++;
            }
        }
        DefaultXYZDataset d = new DefaultXYZDataset();
        d.addSeries("value", xyz);
        return d;
    }

    private static XYBlockRenderer blocks(Input in) {
        XYBlockRenderer r = new XYBlockRenderer();
        r.setPaintScale(paintScale(in.scale()));
        r.setBlockWidth(step(in.x()));
        r.setBlockHeight(step(in.y()));
        return r;
    }

    /** Every level's segments in one series, separated by NaN so no line joins two segments. */
    private static double[][] xy(List<ContourLines.Level> levels) {
        List<double[]> points = new ArrayList<>();
        for (ContourLines.Level l : levels) {
            for (ContourLines.Segment s : l.segments()) {
                points.add(new double[] {s.x1(), s.y1()});
                points.add(new double[] {s.x2(), s.y2()});
                points.add(new double[] {Double.NaN, Double.NaN});
            }
        }
        double[][] xy = new double[2][points.size()];
        for (int i = 0; i < points.size(); i++) {
            xy[0][i] = points.get(i)[0];
            xy[1][i] = points.get(i)[1];
        }
        return xy;
    }

    private static XYLineAndShapeRenderer lineRenderer(Color colour, BasicStroke stroke, boolean shapes) {
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, shapes);
        r.setSeriesPaint(0, colour);
        r.setSeriesStroke(0, stroke);
        r.setSeriesVisibleInLegend(0, false);
        if (shapes) {
            r.setUseOutlinePaint(true);
            r.setSeriesOutlinePaint(0, Color.DARK_GRAY);
            r.setDrawOutlines(true);
        }
        return r;
    }

    private static BasicStroke dashed(float width) {
        return new BasicStroke(width, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 1f, new float[] {5f, 3f}, 0f);
    }

    private static LegendItem line(String label, Color colour, BasicStroke stroke) {
        return new LegendItem(label, null, null, null, false, new Rectangle2D.Double(), false, colour, false,
                colour, stroke, true, new java.awt.geom.Line2D.Double(-9, 0, 9, 0), stroke, colour);
    }

    /** The axis spans the cells' outer edges, so border cells are drawn whole. */
    private static void fitToGrid(ValueAxis axis, double[] v) {
        double half = step(v) / 2;
        axis.setRange(v[0] - half, v[v.length - 1] + half);
        if (axis instanceof NumberAxis n) {
            n.setAutoRangeIncludesZero(false);
        }
    }

    private static double step(double[] v) {
        return v.length < 2 ? 1 : (v[v.length - 1] - v[0]) / (v.length - 1);
    }
}
