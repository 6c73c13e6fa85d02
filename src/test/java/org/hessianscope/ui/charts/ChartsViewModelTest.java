package org.hessianscope.ui.charts;

import org.hessianscope.ui.common.JobViewModel;
import org.hessianscope.ui.common.Messages;
import org.hessianscope.ui.runs.LanczosFeed;
import org.hessianscope.ui.runs.RunsViewModel;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import javafx.beans.property.SimpleBooleanProperty;
import org.hessianscope.analysis.AnalysisOptions;
import org.hessianscope.curvature.LanczosStep;
import org.hessianscope.data.DataLocations;
import org.hessianscope.data.DatasetCatalog;
import org.hessianscope.figure.SpectrumFigure;
import org.jfree.chart.JFreeChart;
import org.junit.jupiter.api.Test;

/** Chart 2's live Lanczos view without a window: steps from the feed become the convergence chart, then give way. */
public class ChartsViewModelTest {

    @Test
    void lanczosStepsShowAsConvergenceUntilTheFeedClears() {
        Messages messages = new Messages();
        RunsViewModel runs = new RunsViewModel(new JobViewModel(r -> {
            throw new AssertionError("no background work expected");
        }, messages), messages, new DatasetCatalog(DataLocations.ofSystem(null)), null, AnalysisOptions.interactive());
        ChartsViewModel vm = new ChartsViewModel(runs, new SimpleBooleanProperty(false));
        assertNull(vm.spectrumProperty().get(), "no run, no spectrum");

        LanczosFeed feed = runs.lanczos();
        feed.lanczos("hessian", new LanczosStep(1, 3, new double[] {2.0}, new double[] {0.5}, new double[] {-1.0},
                new double[] {0.5}));
        feed.lanczos("hessian", new LanczosStep(2, 3, new double[] {2.5, 1.0}, new double[] {0.1, 0.3},
                new double[] {-1.2}, new double[] {0.1}));
        vm.showConvergence(feed.snapshot());
        JFreeChart live = vm.spectrumProperty().get();
        var data = live.getXYPlot().getDataset();
        assertEquals(2, data.getSeriesCount(), "θ_1 and θ_2");
        assertEquals(SpectrumFigure.ritzKey(1), data.getSeriesKey(0));
        assertEquals(2.5, data.getYValue(0, 1), 0.0);

        feed.lanczos("ggn", new LanczosStep(1, 3, new double[] {0.7}, new double[] {0.2}, new double[0], new double[0]));
        vm.showConvergence(feed.snapshot());
        assertEquals(1, vm.spectrumProperty().get().getXYPlot().getDataset().getItemCount(0),
                "a new operator starts its own curve");

        feed.clear();
        vm.showConvergence(feed.snapshot());
        assertNull(vm.spectrumProperty().get(), "back to the selected run's spectrum: none selected");
    }
}
