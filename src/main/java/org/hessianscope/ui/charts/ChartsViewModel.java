package org.hessianscope.ui.charts;

import org.hessianscope.ui.runs.RunItem;
import org.hessianscope.ui.runs.RunLabels;
import org.hessianscope.ui.runs.RunsViewModel;
import org.hessianscope.ui.runs.SeedGroups;
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
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Set;
import javafx.beans.property.SimpleBooleanProperty;
import org.hessianscope.analysis.AnalysisResult;
import org.hessianscope.curvature.CurvatureOperator;
import org.hessianscope.curvature.LanczosStep;
import org.hessianscope.figure.BoundFigure;
import org.hessianscope.figure.BoundLevels;
import org.hessianscope.figure.FigureStyle;
import org.hessianscope.figure.LanczosConvergence;
import org.hessianscope.figure.PerSampleFigure;
import org.hessianscope.figure.RunCaption;
import org.hessianscope.figure.SpectrumFigure;
import org.hessianscope.figure.LabelledLossDifference;
import org.hessianscope.figure.LossDifferenceFigure;
import org.hessianscope.figure.LossDifferenceLayers;
import org.hessianscope.figure.LossDifferenceNormalise;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.event.RendererChangeEvent;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.AbstractRenderer;
import org.jfree.chart.renderer.xy.XYItemRenderer;
import org.jfree.data.xy.XYDataset;

/**
 * The linked charts' data side, built with the figure package whenever the runs, the
 * selection, the operator toggles or the paper style change: chart 1 (loss difference) and
 * chart 3 (bound versus measured) over the shown, analysed runs, with the selected run
 * emphasised in chart 1; chart 2 (spectrum) and chart 4 (per-sample) of the selected run.
 * Views only display the charts it publishes. Which registered analysis feeds which chart
 * is listed in {@link ChartRegistry}.
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
    private List<String> labels = List.of();
    private final ReadOnlyObjectWrapper<JFreeChart> spectrum = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper spectrumHint = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<JFreeChart> bounds = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper boundsHint = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<JFreeChart> perSample = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper perSampleHint = new ReadOnlyStringWrapper("");
    private final Map<CurvatureOperator, BooleanProperty> operators = new EnumMap<>(CurvatureOperator.class);
    /** Chart 1 draws seeds of one network as their mean and range ({@link SeedMeanChart}) while set and possible. */
    private final BooleanProperty seedMean = new SimpleBooleanProperty(true);
    private final javafx.beans.property.ReadOnlyBooleanWrapper seeded = new javafx.beans.property.ReadOnlyBooleanWrapper();
    private final javafx.beans.property.ObjectProperty<LossDifferenceNormalise> normalise =
            new javafx.beans.property.SimpleObjectProperty<>(LossDifferenceNormalise.NONE);
    /** The live Lanczos view of the run being analysed ({@link #liveRun}), or null while none runs. */
    private LanczosConvergence live;
    private RunItem liveRun;
    /** Each run's reduced chart-1 curves, reduced once per run and view rather than at every rebuild. */
    private final org.hessianscope.figure.LossDifferenceCurves curves = new org.hessianscope.figure.LossDifferenceCurves();
    /** What the last rebuild drew ({@link #drawnNow}), and how many rebuilds there were. */
    private List<Object> drawnLast = List.of();
    private int builds;
    private boolean rebuildQueued;
    /** Chart 1's view and style of the last rebuild; read by the threads that prepare arriving analyses. */
    private volatile Chart1 chart1;
    /**
     * Display columns of the window's long curves: a chart slot is under 1,000 px wide, and the 2,000 columns of the
     * figures (made for 3x exports) made chart 1 of the six sample runs 44,500 points, which JFreeChart drew in
     * about 40 ms (warm, into an image) against 28 ms for the 26,000 of 1,000 columns (issue 17: no JavaFX-thread
     * stretch over 50 ms). An export from the window
     * keeps 1,000 columns over its 800 px, a column to every 2.4 pixels at 3x.
     */
    static final int WINDOW_COLUMNS = 1000;
    /** Presenter mode's scale of fonts and lines (1: the figures' own sizes). */
    private final javafx.beans.property.DoubleProperty scale = new javafx.beans.property.SimpleDoubleProperty(1);

    public ChartsViewModel(RunsViewModel runs, BooleanProperty paperStyle) {
        this.runs = runs;
        this.paperStyle = paperStyle;
        // A run being listed, or its 'reading' flag clearing, changes no chart: only rebuild when what the charts
        // draw changed, so a reopened run's arrival builds chart 1 once (issue 17, defect 21). The selected run's
        // analysis arriving changes charts 2 and 4 even when that run is unchecked; when it is checked the list and
        // the selection both report it, and the comparison builds once.
        // Runs listed or analyses arriving rebuild once after what is queued on the JavaFX thread, so that several
        // arriving together build and draw the four charts once; a user's new selection rebuilds at once.
        runs.runs().addListener((javafx.collections.ListChangeListener<RunItem>) c -> rebuildSoon());
        runs.selectionProperty().addListener((o, was, now) -> {
            if (was.run() == now.run()) {
                rebuildSoon();
            } else {
                rebuildIfChanged();
            }
        });
        javafx.beans.InvalidationListener restyle = o -> {
            if (live != null) {
                live = live.restyled(singleStyle());
            }
            rebuild();
        };
        paperStyle.addListener(restyle);
        scale.addListener(restyle);
        runs.lanczos().onBatch(this::lanczosSteps);
        // An arriving analysis' chart-1 curves are reduced where it was read, in the view and style of the last
        // build, so the JavaFX thread finds them made (issue 17: the reduction was most of its busiest stretch).
        runs.onAnalysisReady(a -> {
            Chart1 drawn = chart1;
            if (a.lossDifference() != null && drawn != null) {
                LossDifferenceFigure.prepare(a.lossDifference(), drawn.layers(), drawn.style(), curves);
            }
        });
        seedMean.addListener(o -> rebuild());
        normalise.addListener(o -> rebuild());
        for (CurvatureOperator op : CurvatureOperator.values()) {
            BooleanProperty shown = new SimpleBooleanProperty(true);
            shown.addListener(o -> showSpectrum());
            operators.put(op, shown);
        }
        rebuild();
    }

    /**
     * The running analysis' Lanczos steps, one batch per JavaFX turn: they grow the live chart in
     * place, which chart 2 shows only while the selected run is the one being analysed and has
     * no analysis yet; every other run keeps its own spectrum.
     */
    private void lanczosSteps(List<RunsViewModel.LanczosProgress> batch) {
        List<LanczosStep> group = new java.util.ArrayList<>();
        RunsViewModel.LanczosProgress head = null;
        for (RunsViewModel.LanczosProgress p : batch) {
            if (head != null && (p.step() == null || p.run() != head.run() || p.operator() != head.operator())) {
                grow(head, group);
                group.clear();
                head = null;
            }
            if (p.step() == null) {
                if (p.run() == liveRun) {
                    liveRun = null;
                    live = null;
                }
                continue;
            }
            head = head == null ? p : head;
            group.add(p.step());
        }
        if (head != null) {
            grow(head, group);
        }
        showSpectrum();
    }

    private void grow(RunsViewModel.LanczosProgress head, List<LanczosStep> steps) {
        if (head.run() != liveRun || live == null) {
            liveRun = head.run();
            live = new LanczosConvergence(singleStyle());
        }
        live.append(head.operator(), steps);
    }

    private FigureStyle singleStyle() {
        return paperStyle.get() ? windowPaper(null) : screen();
    }

    /** The window's own style at presenter mode's scale. */
    private FigureStyle screen() {
        return presenter(FigureStyle.screen());
    }

    /**
     * Lines at presenter mode's full scale, chart fonts at its square root: a quarter of a 1280×720
     * window has no room for a 1.5× title, legend and tick labels, 1.22× still leaves a plot.
     */
    private FigureStyle presenter(FigureStyle style) {
        return style.scaled(Math.sqrt(scale.get()), scale.get()).withColumns(WINDOW_COLUMNS);
    }

    /**
     * The paper's conventions as a window draws them: the legend in rows below the plot, since a
     * column beside it left charts 1 and 3 a plot about 100 px wide (issue 17, defect 17).
     */
    private FigureStyle windowPaper(String legendTitle) {
        return presenter(FigureStyle.paper(legendTitle).withLegendBelow(true));
    }

    /** Chart 2: always the selected run, its spectrum once analysed, its live convergence while being analysed. */
    private void showSpectrum() {
        RunItem selected = runs.selectedProperty().get();
        AnalysisResult one = selected != null ? selected.analysisProperty().get() : null;
        if (one != null) {
            Set<CurvatureOperator> ops = EnumSet.noneOf(CurvatureOperator.class);
            operators.forEach((op, shown) -> {
                if (shown.get()) {
                    ops.add(op);
                }
            });
            spectrumHint.set("");
            JFreeChart chart = SpectrumFigure.chart(one.curvature(), ops, singleStyle());
            RunCaption.name(chart, runs.label(selected));
            spectrum.set(chart);
        } else if (selected != null && selected == liveRun && live != null) {
            spectrumHint.set("");
            if (spectrum.get() != live.chart()) {
                spectrum.set(live.chart());
            }
        } else {
            spectrum.set(null);
            spectrumHint.set(selected != null && selected == liveRun
                    ? "The Lanczos convergence of this run appears here while it is analysed."
                    : "Select an analysed run to see its Hessian spectrum: top eigenvalues of H, H_O and H_F "
                    + "as stems over the density of H.");
        }
    }

    /** A {@link #rebuildIfChanged} queued behind what the JavaFX thread has to do now, at most one at a time. */
    private void rebuildSoon() {
        if (rebuildQueued) {
            return;
        }
        rebuildQueued = true;
        runs.later(() -> {
            rebuildQueued = false;
            rebuildIfChanged();
        });
    }

    private void rebuildIfChanged() {
        if (!drawnNow().equals(drawnLast)) {
            rebuild();
        }
    }

    /**
     * What the charts draw from the run list: the shown, analysed runs with their analyses and tags, the selected
     * run with its analysis and label.
     */
    private List<Object> drawnNow() {
        List<Object> key = new java.util.ArrayList<>();
        for (RunItem r : runs.runs()) {
            if (r.shownProperty().get() && r.analysisProperty().get() != null) {
                key.add(r);
                key.add(r.analysisProperty().get());
                key.add(java.util.Objects.toString(r.tag()));
            }
        }
        RunItem selected = runs.selectedProperty().get();
        key.add(runs.runs().isEmpty());
        key.add(selected);
        key.add(selected == null ? null : selected.analysisProperty().get());
        key.add(selected == null ? "" : runs.label(selected));
        return key;
    }

    private void rebuild() {
        chart1 = chart1Now(); // what runCurves draws, and what arriving analyses are prepared for
        drawnLast = drawnNow();
        builds++;
        List<RunItem> drawn = runs.runs().stream()
                .filter(r -> r.shownProperty().get() && r.analysisProperty().get() != null).toList();
        byLabel.clear();
        RunItem selected = runs.selectedProperty().get();
        AnalysisResult one = selected != null && selected.analysisProperty().get() != null
                ? selected.analysisProperty().get() : null;
        if (drawn.isEmpty()) {
            seeded.set(false);
            labels = List.of();
            lossDifference.set(null);
            bounds.set(null);
            String none = runs.runs().isEmpty()
                    ? "Train a network or open a run (File → Open run…, File → Open sample models) to see "
                    : "This appears when a checked run has been analysed: ";
            lossDifferenceHint.set(none + "its loss difference |L_{k+1} − L_k| against k.");
            boundsHint.set(none + "the paper's bound, Lemma 2 with true norms and the measured max ‖H_O,i‖.");
        } else {
            lossDifferenceAndBounds(drawn, selected);
        }
        FigureStyle single = singleStyle();
        if (one == null) {
            perSample.set(null);
            perSampleHint.set("Select an analysed run to see ‖H_O,i‖ and ‖H_F,i‖/‖H_O,i‖ against each sample's loss.");
        } else {
            perSampleHint.set("");
            JFreeChart chart = PerSampleFigure.chart(one.curvatureLosses(), one.curvature().perSampleGgn().ggnNorm(),
                    one.curvature().perSampleFull(), single);
            // An exported chart 4 says which run it is of.
            RunCaption.name(chart, runs.label(selected));
            perSample.set(chart);
        }
        showSpectrum();
    }

    private void lossDifferenceAndBounds(List<RunItem> drawn, RunItem selected) {
        RunLabels labels = RunLabels.of(drawn);
        SeedGroups seeds = SeedGroups.of(drawn);
        seeded.set(seeds != null);
        JFreeChart chart = seeds != null && seedMean.get() ? seedMeans(seeds, selected) : runCurves(drawn, labels);
        // Below the plot in both styles: a legend column beside it left chart 1 a plot of about 110 px at
        // 1280×720 with six runs (issue 17, defect 8); the legend must never take the plot's room.
        FigureStyle style = paperStyle.get() ? windowPaper(labels.title()) : screen()
                .withLegendTitle(labels.title()).withLegendBelow(true);
        emphasise(chart, selected);
        lossDifferenceHint.set("");
        lossDifference.set(chart);

        JFreeChart boundChart;
        double selectedX;
        if (seeds != null) {
            // Seeds of one network: their mean and 95 % interval, each seed faint (issue 21).
            SeedBoundsChart.Drawn seeded = SeedBoundsChart.chart(seeds, style.withLegendTitle(null));
            boundChart = seeded.chart();
            SeedGroups.Network of = selected == null ? null : seeds.networkOf(selected);
            selectedX = of == null ? Double.NaN : seeded.xs().get(seeds.networks().indexOf(of));
        } else {
            List<BoundLevels> levels = new java.util.ArrayList<>();
            for (int i = 0; i < drawn.size(); i++) {
                levels.add(BoundLevels.of(labels.x(drawn.get(i), i), drawn.get(i).analysisProperty().get().bounds()));
            }
            boundChart = BoundFigure.chart(levels, labels.xTitle(), labels.joined(), style.withLegendTitle(null));
            int at = drawn.indexOf(selected);
            selectedX = at >= 0 ? labels.x(selected, at) : Double.NaN;
        }
        if (Double.isFinite(selectedX) && drawn.size() > 1) {
            // The selected run is a column of chart 3: mark it in the run's own colour.
            java.awt.Color c = org.hessianscope.figure.Palette.colour(selected.colourIndex());
            boundChart.getXYPlot().addDomainMarker(new org.jfree.chart.plot.ValueMarker(selectedX,
                    new Color(c.getRed(), c.getGreen(), c.getBlue(), 90), new BasicStroke(6f)));
        }
        boundsHint.set("");
        bounds.set(boundChart);
    }

    /** Chart 1 with a curve per run, each labelled as {@link RunLabels} says. */
    private JFreeChart runCurves(List<RunItem> drawn, RunLabels labels) {
        this.labels = labels.labels();
        List<LabelledLossDifference> series = new java.util.ArrayList<>();
        for (int i = 0; i < drawn.size(); i++) {
            RunItem r = drawn.get(i);
            series.add(new LabelledLossDifference(labels.labels().get(i), r.analysisProperty().get().lossDifference(),
                    r.colourIndex()));
            byLabel.put(labels.labels().get(i), r);
        }
        Chart1 now = chart1;
        return LossDifferenceFigure.chart(series, now.layers(), now.style()
                .withLegendTitle(labels.title()), null, curves);
    }

    /** Chart 1's layers and style (its legend's title aside) as the window draws it now. */
    private Chart1 chart1Now() {
        LossDifferenceNormalise view = normalise.get() == null ? LossDifferenceNormalise.NONE : normalise.get();
        return new Chart1(LossDifferenceLayers.all().withNormalise(view),
                paperStyle.get() ? windowPaper(null) : screen().withLegendBelow(true));
    }

    /** What chart 1's curves are reduced for: read by the threads that prepare arriving analyses. */
    private record Chart1(LossDifferenceLayers layers, FigureStyle style) {
    }

    /**
     * Chart 1 with a mean curve and seed band per network; a click on one selects its selected or first run. The
     * legend goes below the plot as in the per-run view: beside it, it left a plot of about 150 px at 1280×720.
     */
    private JFreeChart seedMeans(SeedGroups seeds, RunItem selected) {
        this.labels = seeds.networks().stream().map(SeedGroups.Network::label).toList();
        seeds.networks().forEach(n -> byLabel.put(n.label(), n.representative(selected)));
        return SeedMeanChart.chart(seeds, paperStyle.get(), paperStyle.get() ? windowPaper(seeds.title())
                : screen().withLegendTitle(seeds.title()).withLegendBelow(true));
    }

    /** Thickens the selected run's lines and fades the others (series keys are "label: kind"). */
    private void emphasise(JFreeChart chart, RunItem selected) {
        if (selected == null || byLabel.size() < 2) {
            return;
        }
        XYPlot plot = chart.getXYPlot();
        // Each change is made silently and each renderer then reports once: every visibility change made the plot
        // search all datasets for its axis ranges again, about 25 ms of the JavaFX thread for six runs (issue 17).
        // Overlapping bands of several runs merge into one grey-green area: only the selected run keeps its band.
        for (int index : new int[] {LossDifferenceFigure.BAND_50, LossDifferenceFigure.BAND_90}) {
            XYDataset bands = plot.getDataset(index);
            XYItemRenderer bandRenderer = plot.getRenderer(index);
            for (int s = 0; bands != null && s < bands.getSeriesCount(); s++) {
                bandRenderer.setSeriesVisible(s, runOf(String.valueOf(bands.getSeriesKey(s))) == selected, false);
            }
            if (bands != null && bands.getSeriesCount() > 0 && bandRenderer instanceof AbstractRenderer r) {
                r.notifyListeners(new RendererChangeEvent(r, true));
            }
        }
        XYDataset lines = plot.getDataset(LossDifferenceFigure.LINES);
        XYItemRenderer renderer = plot.getRenderer(LossDifferenceFigure.LINES);
        for (int s = 0; s < lines.getSeriesCount(); s++) {
            RunItem owner = runOf(String.valueOf(lines.getSeriesKey(s)));
            if (owner == selected) {
                Stroke st = renderer.getSeriesStroke(s);
                if (st instanceof BasicStroke b) {
                    renderer.setSeriesStroke(s, new BasicStroke(b.getLineWidth() * SELECTED_WIDTH, b.getEndCap(),
                            b.getLineJoin(), b.getMiterLimit(), b.getDashArray(), b.getDashPhase()), false);
                }
            } else if (renderer.getSeriesPaint(s) instanceof Color c) {
                renderer.setSeriesPaint(s, new Color(c.getRed(), c.getGreen(), c.getBlue(), DIMMED_ALPHA), false);
            }
        }
        if (renderer instanceof AbstractRenderer r) {
            r.notifyListeners(new RendererChangeEvent(r));
        }
    }

    /**
     * The file name an export of chart {@code chart} ("lossdifference", "spectrum", "bounds",
     * "persample") suggests: the chart and the short labels of the runs it draws.
     */
    public String exportName(String chart) {
        RunItem selected = runs.selectedProperty().get();
        boolean one = chart.equals("spectrum") || chart.equals("persample");
        List<String> named = one ? (selected == null ? List.of() : List.of(runs.label(selected))) : labels;
        return RunCaption.fileName(chart, named);
    }

    /** The legend labels of the runs charts 1 and 3 draw, in drawing order (the swept values for a sweep). */
    public List<String> labels() {
        return labels;
    }

    /** The run a series of chart 1 belongs to, or null. */
    public RunItem runOf(String seriesKey) {
        RunItem network = byLabel.get(seriesKey); // chart 1 of seed means: one series per network, keyed by its label
        if (network != null) {
            return network;
        }
        int colon = seriesKey.lastIndexOf(": ");
        return colon < 0 ? null : byLabel.get(seriesKey.substring(0, colon));
    }

    /** How many chart builds reduced {@code run}'s chart-1 curves (1 while its view and the window size stay). */
    public int lossDifferenceBuilds(RunItem run) {
        return run.analysisProperty().get() == null ? 0 : curves.builds(run.analysisProperty().get().lossDifference());
    }

    /** How many times the charts were rebuilt. */
    public int builds() {
        return builds;
    }

    /** Presenter mode: fonts and line widths of all four charts times this (1, 1.25, 1.5). */
    public javafx.beans.property.DoubleProperty scaleProperty() {
        return scale;
    }

    /** Chart 1, or null while no shown run has an analysis. */
    public ReadOnlyObjectProperty<JFreeChart> lossDifferenceProperty() {
        return lossDifference.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<JFreeChart> spectrumProperty() {
        return spectrum.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty spectrumHintProperty() {
        return spectrumHint.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<JFreeChart> boundsProperty() {
        return bounds.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty boundsHintProperty() {
        return boundsHint.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<JFreeChart> perSampleProperty() {
        return perSample.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty perSampleHintProperty() {
        return perSampleHint.getReadOnlyProperty();
    }

    /** Whether chart 2 shows operator {@code op} (H, H_O, H_F toggles). */
    public BooleanProperty operatorShownProperty(CurvatureOperator op) {
        return operators.get(op);
    }

    /** Whether chart 1 draws the seeds of a network as their mean curve and range, when the checked runs allow it. */
    public BooleanProperty seedMeanProperty() {
        return seedMean;
    }

    /** True while some checked runs are seeds of one network ({@link SeedGroups}): chart 1 can draw their mean. */
    public javafx.beans.property.ReadOnlyBooleanProperty seededProperty() {
        return seeded.getReadOnlyProperty();
    }

    /** Chart 1's view: as measured, (k+1)·|ΔL_k|, or |ΔL_k| / √E[ΔL_k²] (issue 17, defect 20). */
    public javafx.beans.property.ObjectProperty<LossDifferenceNormalise> normaliseProperty() {
        return normalise;
    }

    /** What to do to see chart 1, empty while it is shown. */
    public ReadOnlyStringProperty lossDifferenceHintProperty() {
        return lossDifferenceHint.getReadOnlyProperty();
    }
}
