package org.hessianscope.ui.charts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import javafx.beans.property.SimpleBooleanProperty;
import org.hessianscope.analysis.Analyses;
import org.hessianscope.analysis.Analysis;
import org.hessianscope.analysis.AnalysisOptions;
import org.hessianscope.data.DataLocations;
import org.hessianscope.data.DatasetCatalog;
import org.hessianscope.ui.common.JobViewModel;
import org.hessianscope.ui.common.Messages;
import org.hessianscope.ui.runs.RunsViewModel;
import org.junit.jupiter.api.Test;

/** Without a window: every registered analysis is drawn by a chart of ChartsViewModel or said not to be. */
public class ChartRegistryTest {

    @Test
    void everyRegisteredAnalysisIsDrawnOrListedAsNotDrawn() {
        for (Analysis<?, ?> a : Analyses.ALL) {
            boolean drawn = !ChartRegistry.drawing(a).isEmpty();
            boolean listed = ChartRegistry.NOT_DRAWN.containsKey(a);
            assertTrue(drawn != listed, a.step().key() + ": add it to a chart of ChartRegistry or to NOT_DRAWN, "
                    + "not both (drawn " + drawn + ", listed " + listed + ")");
        }
        assertTrue(Analyses.ALL.containsAll(ChartRegistry.NOT_DRAWN.keySet()), "NOT_DRAWN holds registered analyses");
    }

    @Test
    void everyChartReadsRegisteredAnalysesAndIsPublishedByTheViewModel() {
        Messages messages = new Messages();
        RunsViewModel runs = new RunsViewModel(new JobViewModel(r -> {
            throw new AssertionError("no background work expected");
        }, messages), messages, new DatasetCatalog(DataLocations.ofSystem(null)), null, AnalysisOptions.interactive());
        ChartsViewModel vm = new ChartsViewModel(runs, new SimpleBooleanProperty(false));
        assertEquals(4, ChartRegistry.CHARTS.size(), "charts 1 to 4");
        for (ChartRegistry.Chart c : ChartRegistry.CHARTS) {
            assertFalse(c.reads().isEmpty(), c.title());
            assertTrue(Analyses.ALL.containsAll(c.reads()), c.title());
            assertNotNull(c.property().apply(vm), c.title());
        }
        assertEquals(ChartRegistry.CHARTS.size(),
                ChartRegistry.CHARTS.stream().map(c -> c.property().apply(vm)).distinct().count(),
                "each chart has its own property");
    }
}
