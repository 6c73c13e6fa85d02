package org.hessianscope.figure;

import org.hessianscope.landscape.LossDifferenceBound;
import org.hessianscope.landscape.LossDifferenceResult;
import java.util.function.Supplier;
import org.hessianscope.landscape.Smoothing;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItem;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.plot.DatasetRenderingOrder;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.DeviationRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.DefaultXYDataset;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Shape;
import java.awt.Stroke;
import java.awt.geom.Line2D;
import java.util.List;

/**
 * Chart 1 of the GUI and the paper's main figure: |L_{k+1} − L_k| against k on a log y axis,
 * one colour per run. Per run it can draw the mean over orderings, a shaded quantile band
 * (median as its centre), the exact sqrt(E[ΔL²]), the smoothed mean and the bound
 * 2/(k+1)·max|ℓ| (see {@link LossDifferenceLayers}). Series keys are
 * {@link #seriesKey(String, Kind) "label: kind"}, which is also the CSV column name.
 * Curves are reduced to display resolution with {@link CurveReducer}.
 */
public final class LossDifferenceFigure {
    /** Dataset indices in the plot: lines are drawn on top of the bands. */
    public static final int LINES = 0;
    public static final int BAND_50 = 1;
    public static final int BAND_90 = 2;

    /** The curves of one run; their names appear in the legend and the series keys. */
    public enum Kind {
        MEAN("mean |ΔL|"), EXACT("sqrt E[ΔL²] (exact)"), SMOOTHED("smoothed mean"),
        BOUND("bound 2/(k+1)·max|ℓ|"), BAND_50("q25–q75"), BAND_90("q05–q95");

        private final String title;

        Kind(String title) {
            this.title = title;
        }

        public String title() {
            return title;
        }
    }

    private static final float[] DASHED = {6f, 4f};
    /** Opacity of the runs that are not highlighted. */
    static final double FADED = 0.25;
    private static final float[] DOTTED = {1.5f, 3f};

    private LossDifferenceFigure() {
    }

    public static JFreeChart chart(List<LabelledLossDifference> runs, FigureStyle style) {
        return chart(runs, LossDifferenceLayers.all(), style);
    }

    public static JFreeChart chart(List<LabelledLossDifference> runs, LossDifferenceLayers layers, FigureStyle style) {
        return chart(runs, layers, style, null);
    }

    /**
     * As {@link #chart(List, LossDifferenceLayers, FigureStyle)}, with the run labelled
     * {@code highlighted} drawn on top in full colour and the others faded (null: none), so a
     * run selected anywhere in the GUI stands out here too.
     */
    public static JFreeChart chart(List<LabelledLossDifference> runs, LossDifferenceLayers layers, FigureStyle style,
                                   String highlighted) {
        return chart(runs, layers, style, highlighted, null);
    }

    /**
     * As {@link #chart(List, LossDifferenceLayers, FigureStyle, String)}, taking each run's reduced
     * curves from {@code cache} when it holds them (null: reduce them all), as the GUI does.
     */
    public static JFreeChart chart(List<LabelledLossDifference> runs, LossDifferenceLayers layers, FigureStyle style,
                                   String highlighted, LossDifferenceCurves cache) {
        Object build = new Object();
        if (runs.isEmpty()) {
            throw new IllegalArgumentException("no runs to draw; load at least one run's loss differences");
        }
        // The reduced curves' own arrays, not one XYDataItem per point: copying six runs' curves into XYSeries
        // was the largest part of building chart 1 on the JavaFX thread (issue 17). The arrays are never changed.
        DefaultXYDataset lines = new DefaultXYDataset();
        YIntervalSeriesCollection band50 = new YIntervalSeriesCollection();
        YIntervalSeriesCollection band90 = new YIntervalSeriesCollection();
        // Curves arrive reduced to display resolution, so a plain path renderer is cheap; it keeps
        // each curve one path, which keeps dash patterns intact in PDF (SamplingXYLineRenderer
        // splits dense stretches into pieces that PDF viewers draw solid).
        XYLineAndShapeRenderer lineRenderer = new XYLineAndShapeRenderer(true, false);
        lineRenderer.setDrawSeriesLineAsPath(true);
        DeviationRenderer band50Renderer = bandRenderer(0.25f);
        DeviationRenderer band90Renderer = bandRenderer(0.12f);
        for (LabelledLossDifference run : ordered(runs, highlighted)) {
            Color colour = highlighted == null || highlighted.equals(run.label())
                    ? Palette.colour(run.colour()) : Palette.translucent(Palette.colour(run.colour()), FADED);
            LossDifferenceResult r = run.result();
            LossDifferenceNormalise view = layers.normalise();
            int kMin = firstK(layers.kMin(), r.n());
            RunCurves c = curves(r, layers, style, cache, build);
            if (c.mean() != null) {
                addLine(lines, lineRenderer, seriesKey(run.label(), Kind.MEAN), c.mean(),
                        colour, new BasicStroke(style.lineWidth() * 0.6f));
            }
            if (c.smoothed() != null) {
                addLine(lines, lineRenderer, seriesKey(run.label(), Kind.SMOOTHED), c.smoothed(), colour,
                        new BasicStroke(style.lineWidth() * 1.4f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
            }
            if (c.exact() != null) {
                addLine(lines, lineRenderer, seriesKey(run.label(), Kind.EXACT), c.exact(), colour,
                        dashed(style.lineWidth(), DASHED));
            }
            if (c.bound() != null) {
                addLine(lines, lineRenderer, seriesKey(run.label(), Kind.BOUND), c.bound(), colour,
                        dashed(style.lineWidth(), DOTTED));
            }
            LossDifferenceLayers.Band band = layers.band();
            if (band == LossDifferenceLayers.Band.Q25_Q75 || band == LossDifferenceLayers.Band.BOTH) {
                addBand(band50, band50Renderer, seriesKey(run.label(), Kind.BAND_50), r, view, kMin, 1, 3, colour);
            }
            if (band == LossDifferenceLayers.Band.Q05_Q95 || band == LossDifferenceLayers.Band.BOTH) {
                addBand(band90, band90Renderer, seriesKey(run.label(), Kind.BAND_90), r, view, kMin, 0, 4, colour);
            }
        }
        XYPlot plot = new XYPlot(lines, Axes.of("k", style.logX(), style),
                Axes.of(layers.normalise().axis(), true, style), lineRenderer);
        plot.setDataset(BAND_50, band50);
        plot.setRenderer(BAND_50, band50Renderer);
        plot.setDataset(BAND_90, band90);
        plot.setRenderer(BAND_90, band90Renderer);
        plot.setDatasetRenderingOrder(DatasetRenderingOrder.REVERSE);
        return ChartStyling.chart("Loss difference " + layers.normalise().axis(), plot, legend(runs, layers, style), style);
    }

    /** One run's reduced line curves as {@code layers} asks for them (null where a layer is off). */
    private record RunCurves(Curve mean, Curve smoothed, Curve exact, Curve bound) {
    }

    /**
     * Reduces {@code r}'s curves into {@code cache} as {@link #chart} with these layers and style would, so that a
     * chart built later finds them there: the GUI calls it on the thread that read the run's analysis, which keeps
     * the reduction of its 60,000-point curves off the JavaFX thread (issue 17). Safe on any thread.
     */
    public static void prepare(LossDifferenceResult r, LossDifferenceLayers layers, FigureStyle style,
                               LossDifferenceCurves cache) {
        curves(r, layers, style, cache, new Object());
    }

    private static RunCurves curves(LossDifferenceResult r, LossDifferenceLayers layers, FigureStyle style,
                                    LossDifferenceCurves cache, Object build) {
        LossDifferenceNormalise view = layers.normalise();
        int kMin = firstK(layers.kMin(), r.n());
        // What a curve depends on besides the run: its view, first k and the reduction's resolution.
        String drawn = view + "|" + kMin + "|" + style.columns() + "|" + style.logX() + "|";
        Curve mean = !layers.mean() ? null : cached(cache, r, drawn + Kind.MEAN,
                () -> envelope(kMin, view.apply(r, r.meanAbs()), style), build);
        // Smoothed as measured, then scaled: the same curve in the chosen view.
        Curve smoothed = layers.smoothed() == LossDifferenceLayers.SmoothedCurve.NONE ? null
                : cached(cache, r, drawn + layers.smoothed() + layers.alpha(), () -> {
                    double[] s = layers.smoothed() == LossDifferenceLayers.SmoothedCurve.AUTHORS
                            ? Smoothing.ema(r.meanAbs(), layers.alpha())
                            : Smoothing.emaBiasCorrected(r.meanAbs(), layers.alpha());
                    return envelope(kMin, view.apply(r, s), style);
                }, build);
        Curve exact = !layers.exact() ? null : cached(cache, r, drawn + Kind.EXACT, () -> {
            double[] rms = r.exactMeanSq().clone();
            for (int i = 0; i < rms.length; i++) {
                rms[i] = Math.sqrt(rms[i]);
            }
            return smooth(kMin, view.apply(r, rms), style);
        }, build);
        Curve bound = !layers.bound() ? null : cached(cache, r, drawn + Kind.BOUND,
                () -> smooth(kMin, view.apply(r, LossDifferenceBound.lossCurve(r.n(), r.losses().maxAbs())), style),
                build);
        return new RunCurves(mean, smoothed, exact, bound);
    }

    private static Curve cached(LossDifferenceCurves cache, LossDifferenceResult run, String key, Supplier<Curve> make,
                                Object build) {
        return cache == null ? make.get() : cache.curve(run, key, make, build);
    }

    /** Runs in order, the highlighted one last so that it is drawn over the others. */
    private static List<LabelledLossDifference> ordered(List<LabelledLossDifference> runs, String highlighted) {
        if (highlighted == null) {
            return runs;
        }
        if (runs.stream().noneMatch(r -> r.label().equals(highlighted))) {
            throw new IllegalArgumentException("no run labelled '" + highlighted + "' to highlight; labels are "
                    + runs.stream().map(LabelledLossDifference::label).toList());
        }
        List<LabelledLossDifference> out = new java.util.ArrayList<>(runs.stream()
                .filter(r -> !r.label().equals(highlighted)).toList());
        runs.stream().filter(r -> r.label().equals(highlighted)).forEach(out::add);
        return out;
    }

    /** Series key and CSV column of one curve of one run. */
    public static String seriesKey(String label, Kind kind) {
        return label + ": " + kind.title();
    }

    /** Start at kMin unless the run is too short for it; then draw it whole rather than not at all. */
    private static int firstK(int kMin, int n) {
        return kMin < n - 1 ? kMin : 1;
    }

    /** Noisy curves keep their per-column extremes. curve[k−1] holds the value at k. */
    private static Curve envelope(int kMin, double[] curve, FigureStyle style) {
        double[][] xy = fromK(kMin, curve);
        return CurveReducer.drawable(CurveReducer.envelope(xy[0], xy[1], style.columns(), style.logX()),
                style.logX(), true);
    }

    /** Smooth curves only need enough points to look smooth. */
    private static Curve smooth(int kMin, double[] curve, FigureStyle style) {
        double[][] xy = fromK(kMin, curve);
        Curve c = style.logX() ? CurveReducer.logGrid(xy[0], xy[1], style.columns())
                : CurveReducer.envelope(xy[0], xy[1], style.columns(), false);
        return CurveReducer.drawable(c, style.logX(), true);
    }

    private static double[][] fromK(int kMin, double[] curve) {
        int m = curve.length - kMin + 1;
        double[] x = new double[m];
        double[] y = new double[m];
        for (int j = 0; j < m; j++) {
            x[j] = kMin + j;
            y[j] = curve[kMin - 1 + j];
        }
        return new double[][] {x, y};
    }

    private static void addLine(DefaultXYDataset lines, XYLineAndShapeRenderer renderer, String key, Curve c,
                                Color colour, Stroke stroke) {
        if (lines.indexOf(key) >= 0) { // DefaultXYDataset would replace it silently, and the colours shift
            throw new IllegalArgumentException("two curves named '" + key + "'; every run needs its own label");
        }
        int index = lines.getSeriesCount();
        lines.addSeries(key, new double[][] {c.x(), c.y()});
        renderer.setSeriesPaint(index, colour);
        renderer.setSeriesStroke(index, stroke);
    }

    private static void addBand(YIntervalSeriesCollection bands, DeviationRenderer renderer, String key,
                                LossDifferenceResult r, LossDifferenceNormalise view, int kMin, int lowLevel,
                                int highLevel, Color colour) {
        YIntervalSeries s = new YIntervalSeries(key, false, true);
        int median = 2;
        for (int g = 0; g < r.gridK().length; g++) {
            int k = r.gridK()[g];
            double f = view.factor(r, k);
            double low = r.quantiles()[lowLevel][g] * f;
            if (k >= kMin && low > 0) { // a log axis cannot show a band reaching 0 (NaN fails too)
                s.add(new org.jfree.data.xy.YIntervalDataItem(k, r.quantiles()[median][g] * f, low,
                        r.quantiles()[highLevel][g] * f), false);
            }
        }
        int index = bands.getSeriesCount();
        bands.addSeries(s);
        renderer.setSeriesFillPaint(index, colour);
        renderer.setSeriesPaint(index, colour);
    }

    private static DeviationRenderer bandRenderer(float alpha) {
        DeviationRenderer r = new DeviationRenderer(false, false);
        r.setAlpha(alpha);
        // DeviationRenderer fills with the series paint unless told to use the fill paint.
        r.setUseFillPaint(true);
        return r;
    }

    private static Stroke dashed(float width, float[] pattern) {
        return new BasicStroke(width, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f, pattern, 0f);
    }

    /** One entry per run in its colour, then one grey entry per kind of curve shown. */
    private static LegendItemCollection legend(List<LabelledLossDifference> runs, LossDifferenceLayers layers,
                                               FigureStyle style) {
        LegendItemCollection items = new LegendItemCollection();
        Shape line = new Line2D.Double(-9, 0, 9, 0);
        for (LabelledLossDifference run : runs) {
            items.add(new LegendItem(run.label(), null, null, null, line,
                    new BasicStroke(style.lineWidth() * 1.4f), Palette.colour(run.colour())));
        }
        if (runs.size() == 1 && countKinds(layers) <= 1) {
            return items;
        }
        Color grey = Color.DARK_GRAY;
        if (layers.mean()) {
            items.add(new LegendItem(Kind.MEAN.title(), null, null, null, line, new BasicStroke(style.lineWidth() * 0.6f), grey));
        }
        if (layers.smoothed() != LossDifferenceLayers.SmoothedCurve.NONE) {
            String name = layers.smoothed() == LossDifferenceLayers.SmoothedCurve.AUTHORS
                    ? "EMA α=" + layers.alpha() : "EMA α=" + layers.alpha() + " (bias-corrected)";
            items.add(new LegendItem(name, null, null, null, line, new BasicStroke(style.lineWidth() * 1.4f), grey));
        }
        if (layers.exact()) {
            items.add(new LegendItem(Kind.EXACT.title(), null, null, null, line, dashed(style.lineWidth(), DASHED), grey));
        }
        if (layers.bound()) {
            items.add(new LegendItem(Kind.BOUND.title(), null, null, null, line, dashed(style.lineWidth(), DOTTED), grey));
        }
        LossDifferenceLayers.Band band = layers.band();
        if (band == LossDifferenceLayers.Band.Q25_Q75 || band == LossDifferenceLayers.Band.BOTH) {
            items.add(new LegendItem(Kind.BAND_50.title(), Palette.translucent(grey, 0.35)));
        }
        if (band == LossDifferenceLayers.Band.Q05_Q95 || band == LossDifferenceLayers.Band.BOTH) {
            items.add(new LegendItem(Kind.BAND_90.title(), Palette.translucent(grey, 0.18)));
        }
        return items;
    }

    private static int countKinds(LossDifferenceLayers l) {
        return (l.mean() ? 1 : 0) + (l.exact() ? 1 : 0) + (l.bound() ? 1 : 0)
                + (l.smoothed() != LossDifferenceLayers.SmoothedCurve.NONE ? 1 : 0)
                + (l.band() == LossDifferenceLayers.Band.NONE ? 0 : l.band() == LossDifferenceLayers.Band.BOTH ? 2 : 1);
    }
}
