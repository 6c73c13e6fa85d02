package org.hessianscope.figure;

import java.awt.BasicStroke;
import java.awt.Color;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.DefaultXYDataset;

/**
 * A 1D slice of the loss through θ̂: the true loss along the direction, solid, and the quadratic
 * model from the gradient and Hessian at θ̂, dashed, so where the two part is where the
 * second-order picture stops holding. θ̂ (α = 0) is marked. Values come from the core's result.
 */
public final class SliceFigure {
    public static final String TRUE_KEY = "true loss";
    public static final String MODEL_KEY = "quadratic model";

    /** {@code model} may be null (no Hessian at θ̂ in the result). */
    public record Input(String title, String xLabel, String yLabel, String note, double[] alpha, double[] loss,
                        double[] model, boolean logY) {
    }

    private SliceFigure() {
    }

    public static JFreeChart chart(Input in, FigureStyle style) {
        DefaultXYDataset data = new DefaultXYDataset();
        data.addSeries(TRUE_KEY, new double[][] {in.alpha().clone(), in.loss().clone()});
        if (in.model() != null) {
            // The model can go negative far from θ̂ (negative curvature); a log axis cannot show that part.
            double[] m = in.model().clone();
            if (in.logY()) {
                for (int i = 0; i < m.length; i++) {
                    m[i] = m[i] > 0 ? m[i] : Double.NaN;
                }
            }
            data.addSeries(MODEL_KEY, new double[][] {in.alpha().clone(), m});
        }
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, false);
        r.setSeriesPaint(0, Palette.colour(0));
        r.setSeriesStroke(0, new BasicStroke(style.lineWidth() + 0.5f));
        r.setSeriesPaint(1, new Color(0xd62728));
        r.setSeriesStroke(1, new BasicStroke(style.lineWidth(), BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 1f,
                new float[] {6f, 4f}, 0f));
        XYPlot plot = new XYPlot(data, Axes.of(in.xLabel(), false, style), Axes.of(in.yLabel(), in.logY(), style), r);
        ValueMarker centre = new ValueMarker(0, Color.GRAY, new BasicStroke(0.8f));
        centre.setLabel("trained"); // words: Java2D draws θ̂ as a bare θ
        centre.setLabelFont(style.tickFont());
        centre.setLabelAnchor(org.jfree.chart.ui.RectangleAnchor.TOP_RIGHT);
        centre.setLabelTextAnchor(org.jfree.chart.ui.TextAnchor.TOP_LEFT);
        plot.addDomainMarker(centre);
        if (!in.logY()) {
            // Keep the view on the true loss: a quadratic far from θ̂ would otherwise squash it flat.
            double lo = Double.POSITIVE_INFINITY;
            double hi = Double.NEGATIVE_INFINITY;
            for (double v : in.loss()) {
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
            }
            double pad = (hi - lo) * 0.08 + 1e-12;
            plot.getRangeAxis().setRange(lo - pad, hi + pad);
        }
        org.jfree.chart.LegendItemCollection legend = new org.jfree.chart.LegendItemCollection();
        for (int s = 0; s < data.getSeriesCount(); s++) {
            legend.add(r.getLegendItem(0, s));
        }
        JFreeChart chart = ChartStyling.chart(in.title(), plot, legend, style);
        if (in.note() != null) {
            chart.addSubtitle(SurfaceMapFigure.note(in.note(), style));
        }
        return chart;
    }
}
