package org.hessianscope.figure;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

import java.awt.BasicStroke;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Rectangle2D;
import java.util.Comparator;
import java.util.List;

/**
 * Chart 3 of the GUI: the bound hierarchy across runs. The y axis is log10 itself (linear in
 * the exponent) because the paper's bounds reach 10^30 and beyond, past what a double-valued
 * log axis can place next to a measured norm of order 1; the gap between curves is the
 * looseness in orders of magnitude.
 */
public final class BoundFigure {
    public static final String PAPER_KEY = "paper's bound";
    public static final String LEMMA2_KEY = "Lemma 2, true norms";
    public static final String MEASURED_KEY = "measured max ‖H_O,i‖";

    private BoundFigure() {
    }

    /** @param xLabel the swept quantity, e.g. "L (num of layers)" */
    public static JFreeChart chart(List<BoundLevels> runs, String xLabel, FigureStyle style) {
        return chart(runs, xLabel, true, style);
    }

    /** @param joined false draws points only: runs that are not a sweep of one setting have no line between them */
    public static JFreeChart chart(List<BoundLevels> runs, String xLabel, boolean joined, FigureStyle style) {
        if (runs.isEmpty()) {
            throw new IllegalArgumentException("no runs with bound results to draw");
        }
        List<BoundLevels> sorted = runs.stream().sorted(Comparator.comparingDouble(BoundLevels::x)).toList();
        XYSeriesCollection d = new XYSeriesCollection();
        XYSeries paper = new XYSeries(PAPER_KEY, false, true);
        XYSeries lemma2 = new XYSeries(LEMMA2_KEY, false, true);
        XYSeries measured = new XYSeries(MEASURED_KEY, false, true);
        for (BoundLevels b : sorted) {
            addFinite(paper, b.x(), b.paperLog10());
            addFinite(lemma2, b.x(), b.lemma2Log10());
            addFinite(measured, b.x(), b.measuredLog10());
        }
        d.addSeries(paper);
        d.addSeries(lemma2);
        d.addSeries(measured);
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(joined, true);
        levelStyle(r, style, 1);
        XYPlot plot = plot(d, r, sorted.stream().mapToDouble(BoundLevels::x), xLabel, style);
        // The legend lists the three levels, not runs, so a run legend title would mislabel it.
        return ChartStyling.chart(TITLE, plot, plot.getLegendItems(), style.withLegendTitle(null));
    }

    static final String TITLE = "Bounds on ‖H_O‖ against the measured value";

    /** The three levels' colours, lines and marks (series 0 to 2: paper, Lemma 2, measured); {@code scale} sizes the marks. */
    static void levelStyle(XYLineAndShapeRenderer r, FigureStyle style, double scale) {
        double s = (4 + style.lineWidth() * 2) * scale;
        for (int i = 0; i < 3; i++) {
            r.setSeriesPaint(i, colour(i));
            r.setSeriesStroke(i, new BasicStroke(style.lineWidth()));
        }
        r.setSeriesShape(0, new Rectangle2D.Double(-s / 2, -s / 2, s, s));
        r.setSeriesShape(2, new Ellipse2D.Double(-s / 2, -s / 2, s, s));
    }

    /** Level {@code i}'s colour (0 paper, 1 Lemma 2, 2 measured). */
    static java.awt.Color colour(int i) {
        return Palette.colour(i == 0 ? 3 : i == 1 ? 1 : 0);
    }

    /** The plot on chart 3's axes: whole-number ticks when every x is whole, log10 ‖H_O‖ upward. */
    static XYPlot plot(org.jfree.data.xy.XYDataset d, XYLineAndShapeRenderer r, java.util.stream.DoubleStream xs,
                       String xLabel, FigureStyle style) {
        boolean wholeX = xs.allMatch(x -> x == Math.rint(x));
        return new XYPlot(d, wholeX ? Axes.integer(xLabel, style) : Axes.of(xLabel, false, style),
                Axes.of("log10 ‖H_O‖ (weights only)", false, style), r);
    }

    private static void addFinite(XYSeries s, double x, double y) {
        if (Double.isFinite(x) && Double.isFinite(y)) {
            s.add(x, y, false);
        }
    }
}
