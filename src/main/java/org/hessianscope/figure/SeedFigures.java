package org.hessianscope.figure;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Shape;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.hessianscope.experiment.NetworkStatistics;
import org.hessianscope.experiment.PointResult;
import org.hessianscope.experiment.SeedInterval;
import org.hessianscope.landscape.LossDifferenceResult;
import org.hessianscope.landscape.Smoothing;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItem;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.DeviationRenderer;
import org.jfree.data.xy.YIntervalDataItem;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;

/**
 * The figures of a sweep trained with several seeds. Per network, {@link #curves} draws the mean
 * over seeds of the loss-difference curve with the seeds' range (min to max) shaded around it;
 * {@link #metric} draws one summary number against the swept value, the mean over seeds with its
 * 95 % interval shaded, from the summary's own {@link NetworkStatistics}. Every series is a
 * {@link YIntervalSeries} keyed by the network's value, so the CSV holds the numbers drawn.
 */
public final class SeedFigures {
    /** Points per curve, spread evenly in log k: the curves are smooth, and a band is a polygon of them. */
    static final int POINTS = 400;

    private SeedFigures() {
    }

    /** A curve of one run's loss differences, indexed by k − 1 (the authors' smoothing, or the exact RMS). */
    public enum CurveKind {
        SMOOTHED, EXACT;

        double[] of(LossDifferenceResult r, double alpha) {
            if (this == SMOOTHED) {
                return Smoothing.ema(r.meanAbs(), alpha);
            }
            double[] rms = r.exactMeanSq().clone();
            for (int i = 0; i < rms.length; i++) {
                rms[i] = Math.sqrt(rms[i]);
            }
            return rms;
        }
    }

    /**
     * Per network (in sweep order): at each drawn k, the mean over its seeds of {@code kind}'s
     * curve, and its smallest and largest value over the seeds as the band.
     */
    public static JFreeChart curves(List<PointResult> points, CurveKind kind, double alpha, int kMin,
                                    FigureStyle style) {
        Map<String, List<LossDifferenceResult>> byValue = new LinkedHashMap<>();
        for (PointResult p : points) {
            byValue.computeIfAbsent(p.point().value(), v -> new ArrayList<>()).add(p.analysis().lossDifference());
        }
        List<SeedCurves> networks = new ArrayList<>();
        byValue.forEach((value, seeds) -> networks.add(new SeedCurves(value, networks.size(), seeds)));
        return networkCurves(networks, kind, alpha, kMin, style);
    }

    /**
     * One network's runs over its seeds, as {@link #curves(List, CurveKind, double, int, FigureStyle)}
     * draws them: its label (the series key), its {@link Palette} colour and each seed's loss differences.
     */
    public record SeedCurves(String label, int colour, List<LossDifferenceResult> seeds) {
        public SeedCurves {
            if (seeds.isEmpty()) {
                throw new IllegalArgumentException("network " + label + " has no seed to draw");
            }
            seeds = List.copyOf(seeds);
        }
    }

    /**
     * As {@link #curves(List, CurveKind, double, int, FigureStyle)} for networks grouped by the
     * caller (the GUI's chart 1 groups the checked runs that differ only in their seed).
     */
    public static JFreeChart networkCurves(List<SeedCurves> networks, CurveKind kind, double alpha, int kMin,
                                    FigureStyle style) {
        YIntervalSeriesCollection data = new YIntervalSeriesCollection();
        DeviationRenderer renderer = renderer(style, false);
        for (SeedCurves network : networks) {
            List<double[]> seeds = network.seeds().stream().map(r -> kind.of(r, alpha)).toList();
            int n = network.seeds().stream().mapToInt(LossDifferenceResult::n).min().orElseThrow();
            YIntervalSeries s = new YIntervalSeries(network.label(), false, true);
            for (int k : grid(Math.min(kMin, Math.max(1, n - 1)), n - 1)) {
                double[] at = seeds.stream().mapToDouble(c -> c[k - 1]).toArray();
                SeedInterval i = SeedInterval.of(at);
                if (i.min() > 0) { // a log axis cannot show a band reaching 0
                    s.add(new YIntervalDataItem(k, i.mean(), i.min(), i.max()), false);
                }
            }
            add(data, renderer, s, network.colour());
        }
        XYPlot plot = new XYPlot(data, Axes.of("k", style.logX(), style), Axes.of("|L_{k+1} − L_k|", true, style),
                renderer);
        String what = kind == CurveKind.SMOOTHED ? "smoothed mean |ΔL| (EMA α=" + alpha + ")" : "sqrt E[ΔL²] (exact)";
        // Short legend entries: a long one squeezes the plot; the title says which curve it is.
        return ChartStyling.chart("Loss difference: " + what + ", mean over seeds", plot,
                legend(networks, "mean over seeds", "seed range", style), style);
    }

    /**
     * {@code metric} of every network against the swept value: the mean over seeds, the 95 %
     * interval shaded; the numbers are {@code networks}' own, as summary.json prints them.
     */
    public static JFreeChart metric(List<NetworkStatistics> networks, String metric, String xLabel, boolean logY,
                                    FigureStyle style) {
        YIntervalSeriesCollection data = new YIntervalSeriesCollection();
        DeviationRenderer renderer = renderer(style, true);
        YIntervalSeries s = new YIntervalSeries(metric, true, false);
        for (NetworkStatistics n : networks) {
            SeedInterval i = n.metric(metric);
            double low = Double.isFinite(i.low()) ? i.low() : i.mean();
            double high = Double.isFinite(i.high()) ? i.high() : i.mean();
            if (Double.isFinite(n.x()) && Double.isFinite(i.mean()) && (!logY || low > 0)) {
                s.add(new YIntervalDataItem(n.x(), i.mean(), low, high), false);
            }
        }
        add(data, renderer, s, 0);
        boolean wholeX = networks.stream().allMatch(n -> n.x() == Math.rint(n.x()));
        XYPlot plot = new XYPlot(data, wholeX ? Axes.integer(xLabel, style) : Axes.of(xLabel, false, style),
                Axes.of(metric, logY, style), renderer);
        LegendItemCollection items = new LegendItemCollection();
        items.add(new LegendItem("mean over seeds", null, null, null, new Line2D.Double(-9, 0, 9, 0),
                new BasicStroke(style.lineWidth() * 1.4f), Palette.colour(0)));
        items.add(new LegendItem("95 % interval (Student t)", Palette.translucent(Palette.colour(0), 0.3)));
        return ChartStyling.chart(metric + " over seeds", plot, items, style.withLegendTitle(null));
    }

    /** About {@link #POINTS} whole k from {@code from} to {@code to}, evenly spaced in log k, both ends included. */
    static List<Integer> grid(int from, int to) {
        TreeSet<Integer> ks = new TreeSet<>();
        ks.add(from);
        ks.add(to);
        double a = Math.log(from);
        double b = Math.log(to);
        for (int i = 0; i < POINTS; i++) {
            ks.add((int) Math.round(Math.exp(a + (b - a) * i / (POINTS - 1))));
        }
        return List.copyOf(ks);
    }

    private static DeviationRenderer renderer(FigureStyle style, boolean shapes) {
        DeviationRenderer r = new DeviationRenderer(true, shapes);
        r.setAlpha(0.25f);
        r.setUseFillPaint(true);
        return r;
    }

    private static void add(YIntervalSeriesCollection data, DeviationRenderer r, YIntervalSeries s, int colour) {
        int index = data.getSeriesCount();
        data.addSeries(s);
        Color c = Palette.colour(colour);
        r.setSeriesPaint(index, c);
        r.setSeriesFillPaint(index, c);
        r.setSeriesStroke(index, new BasicStroke(1.6f));
        double size = 6;
        Shape dot = new Ellipse2D.Double(-size / 2, -size / 2, size, size);
        r.setSeriesShape(index, dot);
    }

    private static LegendItemCollection legend(List<SeedCurves> networks, String line, String band, FigureStyle style) {
        LegendItemCollection items = new LegendItemCollection();
        Shape stroke = new Line2D.Double(-9, 0, 9, 0);
        for (SeedCurves n : networks) {
            items.add(new LegendItem(n.label(), null, null, null, stroke, new BasicStroke(style.lineWidth() * 1.4f),
                    Palette.colour(n.colour())));
        }
        items.add(new LegendItem(line, null, null, null, stroke, new BasicStroke(style.lineWidth() * 1.4f),
                Color.DARK_GRAY));
        items.add(new LegendItem(band, Palette.translucent(Color.DARK_GRAY, 0.3)));
        return items;
    }
}
