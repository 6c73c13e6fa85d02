package org.hessianscope.ui;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Stroke;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.hessianscope.figure.FigureStyle;
import org.hessianscope.figure.LabelledLossDifference;
import org.hessianscope.figure.LossDifferenceFigure;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYItemRenderer;
import org.jfree.data.xy.XYDataset;

/**
 * The linked charts' data side: builds chart 1 (loss difference) from the figure package
 * for the shown, analysed runs whenever they, the selection or the paper style change,
 * and emphasises the selected run. Views only display the charts it publishes.
 */
public final class ChartsViewModel {
    /** How much thicker the selected run's curves are drawn, and how faint the others become. */
    private static final float SELECTED_WIDTH = 2.2f;
    private static final int DIMMED_ALPHA = 110;

    private final RunsViewModel runs;
    private final BooleanProperty paperStyle;
    private final ReadOnlyObjectWrapper<JFreeChart> lossDifference = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper lossDifferenceHint = new ReadOnlyStringWrapper("");
    private final Map<String, RunItem> byLabel = new HashMap<>();

    public ChartsViewModel(RunsViewModel runs, BooleanProperty paperStyle) {
        this.runs = runs;
        this.paperStyle = paperStyle;
        runs.runs().addListener((javafx.collections.ListChangeListener<RunItem>) c -> rebuild());
        runs.selectedProperty().addListener(o -> rebuild());
        paperStyle.addListener(o -> rebuild());
        rebuild();
    }

    private void rebuild() {
        List<RunItem> drawn = runs.runs().stream()
                .filter(r -> r.shownProperty().get() && r.analysisProperty().get() != null).toList();
        byLabel.clear();
        if (drawn.isEmpty()) {
            lossDifference.set(null);
            lossDifferenceHint.set(runs.runs().isEmpty()
                    ? "Train a network or open a run (Runs → Open run…, Open sample models) to see its loss difference."
                    : "The loss difference appears when a checked run has been analysed.");
            return;
        }
        RunLabels labels = RunLabels.of(drawn);
        List<LabelledLossDifference> series = new java.util.ArrayList<>();
        for (int i = 0; i < drawn.size(); i++) {
            RunItem r = drawn.get(i);
            series.add(new LabelledLossDifference(labels.labels().get(i), r.analysisProperty().get().lossDifference(),
                    r.colourIndex()));
            byLabel.put(labels.labels().get(i), r);
        }
        FigureStyle style = paperStyle.get() ? FigureStyle.paper(labels.title()) : FigureStyle.screen()
                .withLegendTitle(labels.title());
        JFreeChart chart = LossDifferenceFigure.chart(series, style);
        emphasise(chart, runs.selectedProperty().get());
        lossDifferenceHint.set("");
        lossDifference.set(chart);
    }

    /** Thickens the selected run's lines and fades the others (series keys are "label: kind"). */
    private void emphasise(JFreeChart chart, RunItem selected) {
        if (selected == null || byLabel.size() < 2) {
            return;
        }
        XYPlot plot = chart.getXYPlot();
        XYDataset lines = plot.getDataset(LossDifferenceFigure.LINES);
        XYItemRenderer renderer = plot.getRenderer(LossDifferenceFigure.LINES);
        for (int s = 0; s < lines.getSeriesCount(); s++) {
            RunItem owner = runOf(String.valueOf(lines.getSeriesKey(s)));
            if (owner == selected) {
                Stroke st = renderer.getSeriesStroke(s);
                if (st instanceof BasicStroke b) {
                    renderer.setSeriesStroke(s, new BasicStroke(b.getLineWidth() * SELECTED_WIDTH, b.getEndCap(),
                            b.getLineJoin(), b.getMiterLimit(), b.getDashArray(), b.getDashPhase()));
                }
            } else if (renderer.getSeriesPaint(s) instanceof Color c) {
                renderer.setSeriesPaint(s, new Color(c.getRed(), c.getGreen(), c.getBlue(), DIMMED_ALPHA));
            }
        }
    }

    /** The run a series of chart 1 belongs to, or null. */
    public RunItem runOf(String seriesKey) {
        int colon = seriesKey.lastIndexOf(": ");
        return colon < 0 ? null : byLabel.get(seriesKey.substring(0, colon));
    }

    /** Chart 1, or null while no shown run has an analysis. */
    public ReadOnlyObjectProperty<JFreeChart> lossDifferenceProperty() {
        return lossDifference.getReadOnlyProperty();
    }

    /** What to do to see chart 1, empty while it is shown. */
    public ReadOnlyStringProperty lossDifferenceHintProperty() {
        return lossDifferenceHint.getReadOnlyProperty();
    }
}
