package org.hessianscope.ui;

import org.hessianscope.ui.charts.ChartsViewModel;
import org.hessianscope.ui.charts.ReadoutViewModel;
import org.hessianscope.ui.common.JobViewModel;
import org.hessianscope.ui.common.Messages;
import org.hessianscope.ui.runs.RunItem;
import org.hessianscope.ui.runs.RunsViewModel;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.BasicStroke;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.beans.property.SimpleBooleanProperty;
import org.hessianscope.analysis.AnalysisResult;
import org.hessianscope.analysis.AnalysisStore;
import org.hessianscope.analysis.RunAnalysis;
import org.hessianscope.analysis.TinyRuns;
import org.hessianscope.data.DatasetCatalog;
import org.hessianscope.engine.Engine;
import org.hessianscope.figure.LossDifferenceFigure;
import org.hessianscope.figure.PerSampleFigure;
import org.hessianscope.curvature.CurvatureOperator;
import org.hessianscope.figure.SpectrumFigure;
import org.hessianscope.run.RunFolder;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.data.xy.XYDataset;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Two runs of an L sweep in the view models, no window: labels, selection emphasis in charts 1 and 3, the readout. */
public class LinkedChartsTest {
    @TempDir
    static Path tmp;
    static RunsViewModel runs;
    static RunItem l1;
    static RunItem l2;

    @BeforeAll
    static void twoAnalysedRuns() throws IOException {
        DatasetCatalog catalog = TinyRuns.embedded(tmp.resolve("no-data"));
        Messages messages = new Messages();
        runs = new RunsViewModel(new JobViewModel(r -> {
            throw new AssertionError("no background work expected");
        }, messages), messages, catalog, null, GuiFixture.ANALYSIS);
        try (Engine engine = new Engine(2)) {
            for (int layers = 1; layers <= 2; layers++) {
                Path dir = TinyRuns.train(tmp.resolve("L" + layers), layers, 80, catalog);
                AnalysisResult a = new RunAnalysis(engine).analyzeFolder(dir, catalog, GuiFixture.ANALYSIS,
                        RunAnalysis.StepMonitors.NONE);
                RunItem item = runs.add(dir, RunFolder.read(dir), AnalysisStore.read(dir).orElseThrow());
                assertEquals(a.lossDifference(), item.analysisProperty().get().lossDifference());
            }
        }
        l1 = runs.runs().get(0);
        l2 = runs.runs().get(1);
    }

    @Test
    void anLSweepIsLabelledByLAndTheSelectedRunStandsOut() {
        runs.selectedProperty().set(l2);
        ChartsViewModel vm = new ChartsViewModel(runs, new SimpleBooleanProperty(false));
        JFreeChart chart1 = vm.lossDifferenceProperty().get();
        XYPlot plot = chart1.getXYPlot();
        var lines = plot.getDataset(LossDifferenceFigure.LINES);
        String mean1 = LossDifferenceFigure.seriesKey("1", LossDifferenceFigure.Kind.MEAN);
        String mean2 = LossDifferenceFigure.seriesKey("2", LossDifferenceFigure.Kind.MEAN);
        float w1 = 0;
        float w2 = 0;
        for (int s = 0; s < lines.getSeriesCount(); s++) {
            float w = ((BasicStroke) plot.getRenderer(LossDifferenceFigure.LINES).getSeriesStroke(s)).getLineWidth();
            if (lines.getSeriesKey(s).equals(mean1)) {
                w1 = w;
            } else if (lines.getSeriesKey(s).equals(mean2)) {
                w2 = w;
            }
        }
        assertTrue(w1 > 0 && w2 > w1, "selected L = 2 drawn thicker: " + w2 + " vs " + w1);
        var bands = plot.getDataset(LossDifferenceFigure.BAND_50);
        int visible = 0;
        for (int s = 0; s < bands.getSeriesCount(); s++) {
            if (plot.getRenderer(LossDifferenceFigure.BAND_50).isSeriesVisible(s)) {
                visible++;
                assertEquals(LossDifferenceFigure.seriesKey("2", LossDifferenceFigure.Kind.BAND_50), bands.getSeriesKey(s));
            }
        }
        assertEquals(1, visible, "only the selected run keeps its quantile band");
        assertEquals(l1, vm.runOf(mean1));

        var markers = vm.boundsProperty().get().getXYPlot().getDomainMarkers(org.jfree.chart.ui.Layer.FOREGROUND);
        assertEquals(1, markers.size());
        assertEquals(2.0, ((ValueMarker) markers.iterator().next()).getValue(), 0.0, "chart 3 marks L = 2");
        showsTheRun(vm, l2);
        runs.selectedProperty().set(l1);
        showsTheRun(vm, l1);
        assertEquals(1.0, ((ValueMarker) vm.boundsProperty().get().getXYPlot()
                .getDomainMarkers(org.jfree.chart.ui.Layer.FOREGROUND).iterator().next()).getValue(), 0.0,
                "selecting L = 1 moves the mark");
    }

    /**
     * Charts 2 and 4 draw the given run's stored numbers: every point of the ‖H_O,i‖ scatter is
     * (ℓ_i, ‖H_O,i‖) of that run at the sample index it carries, and the Hessian row of the spectrum
     * holds its top and bottom Lanczos eigenvalues.
     */
    private static void showsTheRun(ChartsViewModel vm, RunItem run) {
        AnalysisResult a = run.analysisProperty().get();
        XYPlot ggn = ((CombinedDomainXYPlot) vm.perSampleProperty().get().getXYPlot()).getSubplots().get(0);
        XYDataset points = ggn.getDataset();
        assertTrue(points.getItemCount(0) > 0, "chart 4 has points");
        for (int item = 0; item < points.getItemCount(0); item++) {
            int i = PerSampleFigure.sampleIndex(points, 0, item).orElseThrow();
            assertEquals(a.curvatureLosses()[i], points.getXValue(0, item), 0.0, "ℓ_" + i);
            assertEquals(a.curvature().perSampleGgn().ggnNorm()[i], points.getYValue(0, item), 0.0, "‖H_O," + i + "‖");
        }
        List<Double> expected = new ArrayList<>();
        for (double v : a.curvature().hessian().top()) {
            expected.add(v);
        }
        for (double v : a.curvature().hessian().bottom()) {
            expected.add(v);
        }
        List<XYPlot> spectrum = ((CombinedDomainXYPlot) vm.spectrumProperty().get().getXYPlot()).getSubplots();
        XYDataset stems = spectrum.get(spectrum.size() - 1).getDataset();
        List<Double> drawn = new ArrayList<>();
        for (int s = 0; s < stems.getSeriesCount(); s++) {
            if (stems.getSeriesKey(s).equals(SpectrumFigure.title(CurvatureOperator.HESSIAN))) {
                for (int item = 0; item < stems.getItemCount(s); item++) {
                    drawn.add(stems.getXValue(s, item));
                }
            }
        }
        assertEquals(expected, drawn, "chart 2's Hessian eigenvalues");
    }

    /** Issue 17, defect 17: paper style's legend column beside the plot left charts 1 and 3 a plot about 100 px wide. */
    @Test
    void paperStyleLeavesChartsOneAndThreeMostOfTheirWidth() {
        ChartsViewModel vm = new ChartsViewModel(runs, new SimpleBooleanProperty(true));
        // A chart's size in the 1280×720 window: half the middle pane.
        int width = 370;
        int height = 300;
        for (JFreeChart chart : List.of(vm.lossDifferenceProperty().get(), vm.boundsProperty().get())) {
            org.jfree.chart.ChartRenderingInfo info = new org.jfree.chart.ChartRenderingInfo();
            chart.createBufferedImage(width, height, info);
            double plot = info.getPlotInfo().getDataArea().getWidth();
            assertTrue(plot > 0.6 * width, chart.getXYPlot().getRangeAxis().getLabel() + ": plot " + plot + " px of " + width);
        }
    }

    @Test
    void theReadoutListsEveryRunAtTheHoveredK() {
        ReadoutViewModel readout = new ReadoutViewModel(runs);
        readout.hoveredKProperty().set(5);
        String text = readout.textProperty().get();
        assertTrue(text.startsWith("k = 5"), text);
        for (RunItem r : runs.runs()) {
            // An L sweep names each run by its L, as the legend does.
            String expected = String.format(Locale.ROOT, "L=%d: mean |ΔL| %.3e", r.run().spec().layers(),
                    r.analysisProperty().get().lossDifference().meanAbs(5));
            assertTrue(text.contains(expected), text + " lacks " + expected);
        }
        readout.hoveredKProperty().set(500); // past N − 1 = 79: clamped and said so
        assertTrue(readout.textProperty().get().contains("(at k = 79)"), readout.textProperty().get());
    }

    @Test
    void runsDifferingInSeveralSettingsAreNamedByThemAndShownAsPoints() throws IOException {
        DatasetCatalog catalog = TinyRuns.embedded(tmp.resolve("no-data"));
        Messages messages = new Messages();
        RunsViewModel mixed = new RunsViewModel(new JobViewModel(r -> {
            throw new AssertionError("no background work expected");
        }, messages), messages, catalog, null, GuiFixture.ANALYSIS, Runnable::run);
        mixed.add(l1.folder(), l1.run(), l1.analysisProperty().get());
        Path dir = TinyRuns.train(tmp.resolve("L2-n60"), 2, 60, catalog);
        try (Engine engine = new Engine(2)) {
            mixed.add(dir, RunFolder.read(dir), new RunAnalysis(engine).analyzeFolder(dir, catalog, GuiFixture.ANALYSIS,
                    RunAnalysis.StepMonitors.NONE));
        }
        ChartsViewModel vm = new ChartsViewModel(mixed, new SimpleBooleanProperty(false));
        // L and the training-set size both differ: each run is named by both, not by a hash folder name.
        assertEquals(java.util.List.of("L=1 n=80", "L=2 n=60"), vm.labels());
        assertEquals("L=2 n=60", mixed.label(mixed.runs().get(1)), "the run list uses the same name");
        XYPlot bounds = vm.boundsProperty().get().getXYPlot();
        assertEquals("run number", bounds.getDomainAxis().getLabel());
        var renderer = (org.jfree.chart.renderer.xy.XYLineAndShapeRenderer) bounds.getRenderer();
        assertTrue(!renderer.getDefaultLinesVisible() && renderer.getDefaultShapesVisible(),
                "unrelated networks are points, not a line");
    }
}
