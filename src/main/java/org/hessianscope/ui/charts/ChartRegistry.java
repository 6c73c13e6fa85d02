package org.hessianscope.ui.charts;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectProperty;
import org.hessianscope.analysis.Analyses;
import org.hessianscope.analysis.Analysis;
import org.jfree.chart.JFreeChart;

/**
 * Which of {@link ChartsViewModel}'s charts each registered analysis feeds: the GUI's side of
 * {@link Analyses}. A new analysis adds one entry here, to a chart or to {@link #NOT_DRAWN};
 * ChartRegistryTest fails until it does (docs/analyses.md, "Adding one").
 */
public final class ChartRegistry {

    /**
     * @param title    the chart's name, as docs/analyses.md lists it
     * @param reads    the registered analyses whose results it draws
     * @param property where {@link ChartsViewModel} publishes it
     */
    public record Chart(String title, List<Analysis<?, ?>> reads,
                        Function<ChartsViewModel, ReadOnlyObjectProperty<JFreeChart>> property) {
    }

    /** The charts, in the order the window shows them (charts 1 to 4). */
    public static final List<Chart> CHARTS = List.of(
            new Chart("Loss difference", List.of(Analyses.LOSS_DIFFERENCE), ChartsViewModel::lossDifferenceProperty),
            new Chart("Spectrum", List.of(Analyses.CURVATURE), ChartsViewModel::spectrumProperty),
            new Chart("Bound versus measured", List.of(Analyses.BOUNDS), ChartsViewModel::boundsProperty),
            new Chart("Per-sample", List.of(Analyses.CURVATURE), ChartsViewModel::perSampleProperty));

    /** Registered analyses no chart draws, each with why. */
    public static final Map<Analysis<?, ?>, String> NOT_DRAWN = Map.of(
            Analyses.SMOOTHED, "the loss-difference chart smooths lossDifference itself, with the α of its layer settings",
            Analyses.SURFACE, "a landscape slice is drawn by its own view, not a chart of this tab (docs/surface.md)",
            Analyses.DELTA, "Δ_{k+1}(σ) is drawn in the Landscape tab's Δ column and by figure delta (docs/delta.md)");

    private ChartRegistry() {
    }

    /** The charts that draw {@code analysis}, empty when none does. */
    public static List<Chart> drawing(Analysis<?, ?> analysis) {
        return CHARTS.stream().filter(c -> c.reads().contains(analysis)).toList();
    }
}
