package org.hessianscope.figure;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Shape;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import org.hessianscope.experiment.NetworkStatistics;
import org.hessianscope.experiment.SeedInterval;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItem;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYErrorRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.data.xy.YIntervalDataItem;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;

/**
 * Chart 3 for networks trained with several seeds: per level (the paper's bound, Lemma 2 with true
 * norms, the measured max ‖H_O,i‖, all log10) the mean over each network's seeds with its 95 %
 * interval as an error bar, and every seed's own value as a faint mark at the network's x. The
 * means and intervals are the {@link NetworkStatistics} a sweep's summary prints
 * ({@link #METRICS}), drawn as they are; the CSV holds them as "centre", "low" and "high" columns.
 */
public final class SeedBoundFigure {
    /** The summary's metrics of the three levels, in {@link BoundFigure}'s series order. */
    public static final List<String> METRICS = List.of("paperBoundLog10", "lemma2BoundLog10", "measuredLog10");
    static final List<String> KEYS = List.of(BoundFigure.PAPER_KEY, BoundFigure.LEMMA2_KEY, BoundFigure.MEASURED_KEY);
    /** Suffix of the series of the seeds' own values. */
    public static final String SEEDS_SUFFIX = ", one seed";
    private static final List<ToDoubleFunction<BoundLevels>> LEVELS = List.of(BoundLevels::paperLog10,
            BoundLevels::lemma2Log10, BoundLevels::measuredLog10);
    /** How opaque a seed's own mark is: enough to count them, faint beside the mean. */
    private static final double SEED_ALPHA = 0.35;

    private SeedBoundFigure() {
    }

    /**
     * One network's three levels over its seeds, as {@link org.hessianscope.experiment.SeedStatistics#networks}
     * makes a summary's: for runs that no summary describes (plain runs that differ only in their seed).
     */
    public static NetworkStatistics network(String value, double x, List<BoundLevels> seeds) {
        Map<String, SeedInterval> metrics = new LinkedHashMap<>();
        for (int i = 0; i < METRICS.size(); i++) {
            metrics.put(METRICS.get(i), SeedInterval.of(seeds.stream().mapToDouble(LEVELS.get(i)).toArray()));
        }
        return new NetworkStatistics(value, x, seeds.size(), metrics);
    }

    /**
     * @param networks each network's means and intervals (a summary's own, or {@link #network})
     * @param seeds    every run's levels at its network's x, the faint marks
     * @param joined   false draws no line between the means: the networks are not a sweep of one setting
     */
    public static JFreeChart chart(List<NetworkStatistics> networks, List<BoundLevels> seeds, String xLabel,
                                   boolean joined, FigureStyle style) {
        if (networks.isEmpty()) {
            throw new IllegalArgumentException("no networks with bound results to draw");
        }
        List<NetworkStatistics> sorted = networks.stream().sorted(Comparator.comparingDouble(NetworkStatistics::x))
                .toList();
        YIntervalSeriesCollection means = new YIntervalSeriesCollection();
        XYSeriesCollection marks = new XYSeriesCollection();
        for (int level = 0; level < METRICS.size(); level++) {
            YIntervalSeries mean = new YIntervalSeries(KEYS.get(level), false, true);
            for (NetworkStatistics n : sorted) {
                SeedInterval i = n.metric(METRICS.get(level));
                // One seed has no interval: its mean is drawn without a bar.
                double low = Double.isFinite(i.low()) ? i.low() : i.mean();
                double high = Double.isFinite(i.high()) ? i.high() : i.mean();
                if (Double.isFinite(n.x()) && Double.isFinite(i.mean())) {
                    mean.add(new YIntervalDataItem(n.x(), i.mean(), low, high), false);
                }
            }
            means.addSeries(mean);
            XYSeries own = new XYSeries(KEYS.get(level) + SEEDS_SUFFIX, false, true);
            for (BoundLevels b : seeds) {
                double y = LEVELS.get(level).applyAsDouble(b);
                if (Double.isFinite(b.x()) && Double.isFinite(y)) {
                    own.add(b.x(), y, false);
                }
            }
            marks.addSeries(own);
        }
        XYErrorRenderer bars = new XYErrorRenderer();
        bars.setDrawXError(false);
        bars.setDrawYError(true);
        bars.setDefaultLinesVisible(joined);
        bars.setDefaultShapesVisible(true);
        bars.setErrorStroke(new BasicStroke(style.lineWidth() * 1.2f));
        BoundFigure.levelStyle(bars, style, 1);
        bars.setSeriesShape(1, triangle(4 + style.lineWidth() * 2));
        XYLineAndShapeRenderer faint = new XYLineAndShapeRenderer(false, true);
        BoundFigure.levelStyle(faint, style, 0.8);
        faint.setSeriesShape(1, triangle((4 + style.lineWidth() * 2) * 0.8));
        for (int level = 0; level < METRICS.size(); level++) {
            Color c = BoundFigure.colour(level);
            faint.setSeriesPaint(level, Palette.translucent(c, SEED_ALPHA));
        }
        XYPlot plot = BoundFigure.plot(means, bars, sorted.stream().mapToDouble(NetworkStatistics::x), xLabel, style);
        // Dataset 0 is drawn last (JFreeChart's default order), so the means sit over the seeds' marks.
        plot.setDataset(1, marks);
        plot.setRenderer(1, faint);
        // Below the plot: five entries beside it left a 640 px figure a plot of about 180 px.
        return ChartStyling.chart(BoundFigure.TITLE + ", mean over seeds", plot, legend(bars, style),
                style.withLegendTitle(null).withLegendBelow(true));
    }

    /** The levels as the mean's marks, then how to read a bar and a faint mark. */
    private static LegendItemCollection legend(XYErrorRenderer bars, FigureStyle style) {
        LegendItemCollection items = new LegendItemCollection();
        Shape line = new Line2D.Double(-9, 0, 9, 0);
        for (int level = 0; level < METRICS.size(); level++) {
            Shape mark = bars.getSeriesShape(level) != null ? bars.getSeriesShape(level) : line;
            items.add(new LegendItem(KEYS.get(level), null, null, null, true, mark, true, BoundFigure.colour(level),
                    false, BoundFigure.colour(level), new BasicStroke(style.lineWidth()), true, line,
                    new BasicStroke(style.lineWidth()), BoundFigure.colour(level)));
        }
        items.add(new LegendItem("bar: 95 % interval over seeds", null, null, null,
                new Line2D.Double(0, -7, 0, 7), new BasicStroke(style.lineWidth() * 1.2f), Color.DARK_GRAY));
        items.add(new LegendItem("faint: each seed", Palette.translucent(Color.DARK_GRAY, SEED_ALPHA)));
        return items;
    }

    private static Shape triangle(double s) {
        Path2D.Double t = new Path2D.Double();
        t.moveTo(0, -s / 2);
        t.lineTo(s / 2, s / 2);
        t.lineTo(-s / 2, s / 2);
        t.closePath();
        return t;
    }
}
