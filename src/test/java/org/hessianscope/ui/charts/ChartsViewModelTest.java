package org.hessianscope.ui.charts;

import org.hessianscope.ui.common.JobViewModel;
import org.hessianscope.ui.common.Messages;
import org.hessianscope.ui.runs.RunItem;
import org.hessianscope.ui.runs.RunsViewModel;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.function.Consumer;
import javafx.beans.property.SimpleBooleanProperty;
import org.hessianscope.analysis.AnalysisOptions;
import org.hessianscope.analysis.TinyRuns;
import org.hessianscope.curvature.CurvatureOperator;
import org.hessianscope.curvature.LanczosStep;
import org.hessianscope.figure.SpectrumFigure;
import org.hessianscope.run.RunFolder;
import org.jfree.chart.JFreeChart;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Chart 2's live Lanczos view without a window: steps of the selected run's analysis grow one
 * chart in place; steps of another run never replace the selected run's chart; the end of the
 * analysis gives way.
 */
public class ChartsViewModelTest {
    @TempDir
    Path tmp;

    private static LanczosStep step(int k, double... top) {
        return new LanczosStep(k, 3, top, new double[top.length], new double[] {-1.0}, new double[] {0.1});
    }

    @Test
    void lanczosStepsOfTheSelectedRunGrowOneChartUntilItsAnalysisEnds() throws IOException {
        Messages messages = new Messages();
        RunsViewModel runs = new RunsViewModel(new JobViewModel(r -> {
            throw new AssertionError("no background work expected");
        }, messages), messages, TinyRuns.embedded(tmp.resolve("no-data")), null, AnalysisOptions.interactive(),
                Runnable::run);
        Path a = TinyRuns.train(tmp.resolve("a"), 1, 40, TinyRuns.embedded(tmp.resolve("no-data")));
        RunItem first = runs.add(a, RunFolder.read(a), null);
        RunItem second = runs.add(tmp.resolve("b"), RunFolder.read(a), null);
        ChartsViewModel vm = new ChartsViewModel(runs, new SimpleBooleanProperty(false));
        runs.selectedProperty().set(first);
        assertNull(vm.spectrumProperty().get(), "no analysis, no steps: no chart");

        Consumer<RunsViewModel.LanczosProgress> sink = runs.lanczos().restart();
        sink.accept(new RunsViewModel.LanczosProgress(first, CurvatureOperator.HESSIAN, step(1, 2.0)));
        sink.accept(new RunsViewModel.LanczosProgress(first, CurvatureOperator.HESSIAN, step(2, 2.5, 1.0)));
        JFreeChart live = vm.spectrumProperty().get();
        var data = live.getXYPlot().getDataset();
        assertEquals(2, data.getSeriesCount(), "θ_1 and θ_2");
        assertEquals(SpectrumFigure.ritzKey(1), data.getSeriesKey(0));
        assertEquals(2.5, data.getYValue(0, 1), 0.0);
        assertEquals("", vm.spectrumHintProperty().get(), "no placeholder over a drawn chart");

        sink.accept(new RunsViewModel.LanczosProgress(first, CurvatureOperator.GGN, step(1, 0.7)));
        assertSame(live, vm.spectrumProperty().get(), "updated in place, not rebuilt");
        assertEquals(1, live.getXYPlot().getDataset().getItemCount(0), "a new operator starts its own curve");

        runs.selectedProperty().set(second);
        assertNull(vm.spectrumProperty().get(), "another run is selected: chart 2 never shows the first one's steps");
        runs.selectedProperty().set(first);
        assertSame(live, vm.spectrumProperty().get());

        sink.accept(new RunsViewModel.LanczosProgress(first, null, null));
        assertNull(vm.spectrumProperty().get(), "the analysis ended without a result: back to the hint");
        assertTrue(vm.spectrumHintProperty().get().startsWith("Select an analysed run"), vm.spectrumHintProperty().get());
    }
    @Test
    void analysesArrivingTogetherBuildTheChartsOnce() throws IOException {
        // Reopening six runs rebuilt and drew the four charts once per arriving analysis, all in one stretch of the
        // JavaFX thread (issue 17): arrivals now queue one rebuild behind what the thread has to do.
        Messages messages = new Messages();
        java.util.ArrayDeque<Runnable> fx = new java.util.ArrayDeque<>();
        org.hessianscope.data.DatasetCatalog catalog = TinyRuns.embedded(tmp.resolve("no-data"));
        RunsViewModel runs = new RunsViewModel(new JobViewModel(r -> {
            throw new AssertionError("no background work expected");
        }, messages), messages, catalog, null, AnalysisOptions.interactive(), fx::add);
        Path dir = TinyRuns.train(tmp.resolve("a"), 1, 40, catalog);
        org.hessianscope.analysis.AnalysisResult analysis;
        try (org.hessianscope.engine.Engine engine = new org.hessianscope.engine.Engine(1)) {
            analysis = new org.hessianscope.analysis.RunAnalysis(engine).analyzeFolder(dir, catalog,
                    org.hessianscope.ui.GuiFixture.ANALYSIS, org.hessianscope.analysis.RunAnalysis.StepMonitors.NONE);
        }
        java.util.List<RunItem> items = new java.util.ArrayList<>();
        for (int i = 0; i < 3; i++) {
            items.add(runs.add(tmp.resolve("run" + i), RunFolder.read(dir), null));
        }
        ChartsViewModel vm = new ChartsViewModel(runs, new SimpleBooleanProperty(false));
        runs.selectedProperty().set(items.get(0));
        drain(fx);
        int before = vm.builds();
        assertNull(vm.lossDifferenceProperty().get(), "nothing analysed yet");

        items.forEach(r -> r.setAnalysis(analysis));
        assertEquals(before, vm.builds(), "no rebuild while the arrivals are being handed over");
        drain(fx);
        assertEquals(before + 1, vm.builds(), "one rebuild for three arrivals");
        assertEquals(3, vm.labels().size(), vm.labels().toString());
        assertTrue(vm.lossDifferenceProperty().get() != null && vm.perSampleProperty().get() != null);

        runs.selectedProperty().set(items.get(2));
        assertEquals(before + 2, vm.builds(), "a new selection rebuilds at once");
        drain(fx);
        assertEquals(before + 2, vm.builds(), "and only once");
    }

    private static void drain(java.util.ArrayDeque<Runnable> fx) {
        while (!fx.isEmpty()) {
            fx.poll().run();
        }
    }
}
