package org.hessianscope.figure;

import org.hessianscope.curvature.CurvatureOperator;
import org.hessianscope.curvature.Curvature;
import org.hessianscope.curvature.LanczosResult;
import org.hessianscope.curvature.LanczosStep;
import org.hessianscope.curvature.SpectralDensity;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.renderer.xy.YIntervalRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.data.xy.YIntervalDataItem;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.geom.Ellipse2D;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Chart 2 of the GUI: the Hessian spectrum on one eigenvalue axis. Above, the smoothed
 * density of H by stochastic Lanczos quadrature (log y) when it was computed; below, the
 * extreme Ritz values (top and bottom) of each shown operator as stems, one row per operator,
 * so H, H_O and H_F can be compared value by value. {@link #convergence} draws the Ritz values
 * against the Lanczos step while an analysis runs.
 */
public final class SpectrumFigure {
    public static final String DENSITY_KEY = "density of H";
    private static final double STEM_HALF_HEIGHT = 0.35;
    /** Density values below this fraction of the peak are not drawn: ten decades show every visible feature. */
    public static final double DENSITY_FLOOR = 1e-10;

    private SpectrumFigure() {
    }

    public static JFreeChart chart(Curvature.Result result, FigureStyle style) {
        return chart(result, EnumSet.allOf(CurvatureOperator.class), style);
    }

    public static JFreeChart chart(Curvature.Result result, Set<CurvatureOperator> shown, FigureStyle style) {
        CombinedDomainXYPlot plot = new CombinedDomainXYPlot(Axes.of("eigenvalue λ", false, style));
        plot.setGap(8);
        SpectralDensity.Result density = result.density();
        if (density != null) {
            XYSeriesCollection d = new XYSeriesCollection();
            XYSeries s = new XYSeries(DENSITY_KEY, false, true);
            double max = java.util.Arrays.stream(density.values()).max().orElse(0);
            for (int i = 0; i < density.grid().length; i++) {
                double v = density.values()[i];
                // Gaussian tails fall to 1e-300 between separated eigenvalues; below the floor the
                // curve is left out (a gap, not a line to 0) so the axis stays readable.
                s.add(density.grid()[i], v > 0 && v >= max * DENSITY_FLOOR ? v : Double.NaN, false);
            }
            d.addSeries(s);
            XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, false);
            r.setSeriesPaint(0, colour(CurvatureOperator.HESSIAN));
            r.setSeriesStroke(0, new BasicStroke(style.lineWidth()));
            XYPlot top = new XYPlot(d, null, Axes.of("density", true, style), r);
            ChartStyling.xyPlot(top, style);
            plot.add(top, 3);
        }
        List<CurvatureOperator> rows = List.of(CurvatureOperator.RESIDUAL, CurvatureOperator.GGN, CurvatureOperator.HESSIAN);
        YIntervalSeriesCollection stems = new YIntervalSeriesCollection();
        YIntervalRenderer stemRenderer = new YIntervalRenderer();
        double dot = 2 + style.lineWidth() * 2;
        for (int row = 0; row < rows.size(); row++) {
            CurvatureOperator op = rows.get(row);
            if (!shown.contains(op)) {
                continue;
            }
            YIntervalSeries s = new YIntervalSeries(title(op), false, true);
            LanczosResult lr = result.lanczos(op);
            for (double v : lr.top()) {
                s.add(new YIntervalDataItem(v, row, row - STEM_HALF_HEIGHT, row + STEM_HALF_HEIGHT), false);
            }
            for (double v : lr.bottom()) {
                s.add(new YIntervalDataItem(v, row, row - STEM_HALF_HEIGHT, row + STEM_HALF_HEIGHT), false);
            }
            int index = stems.getSeriesCount();
            stems.addSeries(s);
            stemRenderer.setSeriesPaint(index, colour(op));
            stemRenderer.setSeriesStroke(index, new BasicStroke(style.lineWidth()));
            stemRenderer.setSeriesShape(index, new Ellipse2D.Double(-dot / 2, -dot / 2, dot, dot));
        }
        SymbolAxis operators = new SymbolAxis(null, rows.stream().map(SpectrumFigure::title).toArray(String[]::new));
        operators.setTickLabelFont(style.tickFont());
        operators.setRange(-0.6, rows.size() - 0.4);
        operators.setGridBandsVisible(false);
        XYPlot bottom = new XYPlot(stems, null, operators, stemRenderer);
        ChartStyling.xyPlot(bottom, style);
        plot.add(bottom, 2);
        return ChartStyling.chart("Hessian spectrum (" + result.samples() + " samples, " + result.parameters()
                + " parameters)", plot, null, style);
    }

    /** The row label and legend title of {@code op}. */
    public static String title(CurvatureOperator op) {
        return switch (op) {
            case HESSIAN -> "H";
            case GGN -> "H_O (Gauss-Newton)";
            case RESIDUAL -> "H_F = H − H_O";
        };
    }

    static Color colour(CurvatureOperator op) {
        return switch (op) {
            case HESSIAN -> new Color(0x1f77b4);
            case GGN -> new Color(0xff7f0e);
            case RESIDUAL -> new Color(0x2ca02c);
        };
    }

    /** Series key of the i-th largest Ritz value (1-based) in the convergence chart. */
    public static String ritzKey(int i) {
        return "θ_" + i;
    }

    /** The top Ritz values of one operator against the Lanczos step (see {@link LanczosConvergence}). */
    public static JFreeChart convergence(CurvatureOperator operator, List<LanczosStep> steps, FigureStyle style) {
        LanczosConvergence c = new LanczosConvergence(style);
        c.append(operator, steps);
        return c.chart();
    }
}
