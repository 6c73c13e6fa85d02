package org.hessianscope.ui.charts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.beans.property.SimpleBooleanProperty;
import org.hessianscope.analysis.AnalysisStore;
import org.hessianscope.experiment.PointResult;
import org.hessianscope.experiment.SweepResult;
import org.hessianscope.figure.ChartCsv;
import org.hessianscope.figure.SweepFigures;
import org.hessianscope.landscape.Smoothing;
import org.hessianscope.run.RunFolder;
import org.hessianscope.ui.runs.RunItem;
import org.hessianscope.ui.runs.RunsViewModel;
import org.hessianscope.ui.runs.SeedGroups;
import org.hessianscope.ui.runs.SweepTag;
import org.jfree.chart.JFreeChart;
import org.jfree.data.xy.DefaultXYDataset;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Chart 1 for checked runs that are seeds of the same networks: a tiny layer sweep trained with
 * two seeds, its runs opened as plain runs. The chart draws one mean curve per network with the
 * seeds' range as a band, the very numbers of the results folder's {@code lossdiff.csv}, and
 * those numbers are the mean, minimum and maximum of the seeds' smoothed curves, computed here.
 */
public class SeedMeanChartTest {
    @TempDir
    static Path tmp;
    static SweepResult result;
    static Path out;
    static SeededRuns seeded;

    @BeforeAll
    static void trainTwoNetworksWithTwoSeeds() throws Exception {
        seeded = SeededRuns.train(tmp);
        result = seeded.result();
        out = seeded.out();
    }

    private static RunsViewModel runs() throws Exception {
        return seeded.runs();
    }

    @Test
    void seedsOfOneNetworkAreDrawnAsTheirMeanWithTheSeedRangeTheResultsFolderDraws() throws Exception {
        RunsViewModel runs = runs();
        ChartsViewModel vm = new ChartsViewModel(runs, new SimpleBooleanProperty(true));
        assertTrue(vm.seededProperty().get(), "four runs, two networks of two seeds each");
        JFreeChart chart = vm.lossDifferenceProperty().get();
        YIntervalSeriesCollection data = assertInstanceOf(YIntervalSeriesCollection.class,
                chart.getXYPlot().getDataset());
        assertEquals(2, data.getSeriesCount(), "one curve per network, not per run");
        assertEquals(List.of("1", "2"), vm.labels());
        // The window draws what the results folder's figure holds, number for number.
        assertEquals(Files.readString(out.resolve("lossdiff.csv")), ChartCsv.of(chart));

        List<RunItem> items = runs.runs();
        int n = result.points().get(0).analysis().n();
        for (int net = 0; net < 2; net++) {
            YIntervalSeries s = data.getSeries(net);
            // Points are ordered seed by seed: network net has runs net (seed 0) and net + 2 (seed 1).
            double[] a = Smoothing.ema(items.get(net).analysisProperty().get().lossDifference().meanAbs(), 0.995);
            double[] b = Smoothing.ema(items.get(net + 2).analysisProperty().get().lossDifference().meanAbs(), 0.995);
            assertEquals(SweepFigures.authorsKMin(n), s.getX(0).intValue(), "the paper's style starts at N/6");
            assertEquals(n - 1, s.getX(s.getItemCount() - 1).intValue());
            for (int i = 0; i < s.getItemCount(); i++) {
                int k = s.getX(i).intValue();
                assertEquals((a[k - 1] + b[k - 1]) / 2, s.getYValue(i), 1e-15 * (a[k - 1] + b[k - 1]), "k = " + k);
                assertEquals(Math.min(a[k - 1], b[k - 1]), s.getYLowValue(i), 0);
                assertEquals(Math.max(a[k - 1], b[k - 1]), s.getYHighValue(i), 0);
            }
            assertTrue(s.getItemCount() > 100, "a curve, not a handful of points");
        }
        // A click on a network's curve selects one of its runs: the selected one when it belongs there.
        runs.selectedProperty().set(items.get(3));
        assertSame(items.get(3), vm.runOf("2"));
        assertSame(items.get(0), vm.runOf("1"));
    }

    @Test
    void switchedOffOrWithOneSeedPerNetworkEachRunHasItsOwnCurves() throws Exception {
        RunsViewModel runs = runs();
        ChartsViewModel vm = new ChartsViewModel(runs, new SimpleBooleanProperty(false));
        assertEquals(2, vm.lossDifferenceProperty().get().getXYPlot().getDataset().getSeriesCount(),
                "one series per network");
        vm.seedMeanProperty().set(false);
        assertTrue(vm.seededProperty().get(), "the switch stays offered");
        assertInstanceOf(DefaultXYDataset.class, vm.lossDifferenceProperty().get().getXYPlot().getDataset());
        assertEquals(4, vm.labels().size(), "a curve per run again");

        vm.seedMeanProperty().set(true);
        runs.runs().get(2).shownProperty().set(false);
        runs.runs().get(3).shownProperty().set(false);
        assertFalse(vm.seededProperty().get(), "only seed 0 checked: nothing to average");
        assertInstanceOf(DefaultXYDataset.class, vm.lossDifferenceProperty().get().getXYPlot().getDataset());
        assertEquals(2, vm.labels().size());
    }

    @Test
    void runsLoadedFromTheSweepGroupByTheirSweptValueAndCopiesOfOneRunAreNoSeeds() throws Exception {
        RunsViewModel runs = runs();
        java.util.Map<Path, SweepTag> tags = new java.util.LinkedHashMap<>();
        for (PointResult p : result.points()) {
            tags.put(p.run().folder(), new SweepTag("tiny-seeds", "L (layers)", "L" + p.point().value(),
                    Double.parseDouble(p.point().value())));
        }
        runs.openSweep(tags);
        ChartsViewModel vm = new ChartsViewModel(runs, new SimpleBooleanProperty(true));
        assertEquals(List.of("L1", "L2"), vm.labels(), "labelled by the tags' values");
        assertEquals("L (layers)", SeedGroups.of(runs.runs()).title(), "under the sweep's legend title");

        // The same run opened twice is one seed twice, not two seeds: each is drawn on its own.
        Path dir = result.points().get(0).run().folder();
        RunsViewModel copies = runs();
        copies.runs().forEach(r -> r.shownProperty().set(false));
        copies.add(tmp.resolve("copy"), RunFolder.read(dir), AnalysisStore.read(dir).orElseThrow());
        copies.runs().get(0).shownProperty().set(true);
        assertEquals(null, SeedGroups.of(copies.runs().stream().filter(r -> r.shownProperty().get()).toList()));
        ChartsViewModel two = new ChartsViewModel(copies, new SimpleBooleanProperty(true));
        assertFalse(two.seededProperty().get());
    }

    @Test
    void inTheScreenStyleTheMeanStartsAtTheFirstK() throws Exception {
        ChartsViewModel vm = new ChartsViewModel(runs(), new SimpleBooleanProperty(false));
        YIntervalSeriesCollection data = (YIntervalSeriesCollection) vm.lossDifferenceProperty().get().getXYPlot()
                .getDataset();
        assertEquals(1, data.getSeries(0).getX(0).intValue());
        List<String> keys = new ArrayList<>();
        for (int s = 0; s < data.getSeriesCount(); s++) {
            keys.add(String.valueOf(data.getSeriesKey(s)).toLowerCase(Locale.ROOT));
        }
        assertEquals(List.of("1", "2"), keys);
    }
}
