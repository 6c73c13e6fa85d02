package org.hessianscope.ui.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.hessianscope.analysis.AnalysisOptions;
import org.hessianscope.analysis.TinyRuns;
import org.hessianscope.experiment.NetworkStatistics;
import org.hessianscope.experiment.SeedInterval;
import org.hessianscope.experiment.SweepSummary;
import org.hessianscope.ui.charts.SeededRuns;
import org.hessianscope.ui.common.JobViewModel;
import org.hessianscope.ui.common.Messages;
import org.hessianscope.ui.runs.RunsViewModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Experiments tab's seed statistics without a window: a finished sweep with two seeds lists
 * each network's mean [95 % interval] over its seeds and the trend tests, the numbers of its
 * summary.json; a sweep with one seed shows none; the table's rows say their seed.
 */
public class SeedStatisticsTableTest {
    @TempDir
    Path tmp;

    private ExperimentsViewModel model(Messages messages) {
        JobViewModel noJobs = new JobViewModel(r -> {
            throw new AssertionError("no background work expected");
        }, messages);
        RunsViewModel runs = new RunsViewModel(noJobs, messages, TinyRuns.embedded(tmp.resolve("no-data")), null,
                AnalysisOptions.interactive());
        return new ExperimentsViewModel(noJobs, messages, runs, TinyRuns.embedded(tmp.resolve("no-data")),
                tmp.resolve("runs"), Runnable::run);
    }

    @Test
    void aFinishedSeededSweepShowsEachNetworksIntervalAndTheTestsItsSummaryPrints() throws Exception {
        Path out = SeededRuns.train(tmp).out();
        SweepSummary printed = SweepSummary.read(out);

        Messages messages = new Messages();
        ExperimentsViewModel vm = model(messages);
        assertTrue(vm.openFinishedSweep(out), messages.textProperty().get());
        assertEquals(List.of(0L, 0L, 1L, 1L), vm.rows().stream().map(SweepPointRow::seed).toList());
        assertEquals(printed.networks(), List.copyOf(vm.networks()));
        NetworkStatistics first = vm.networks().get(0);
        assertEquals(2, first.seeds());
        // The interval of two seeds a, b: mean ± 12.706·|a − b|/2, from the rows themselves.
        double a = printed.rows().get(0).lossStd();
        double b = printed.rows().get(2).lossStd();
        SeedInterval i = first.metric("lossStd");
        assertEquals(12.706204736174698 * Math.abs(a - b) / 2, i.high() - i.mean(), 1e-8 * Math.abs(a - b));
        String tests = vm.seedTestsProperty().get();
        assertTrue(tests.startsWith("Over seeds [0, 1]"), tests);
        var trend = printed.seedTrends().stream().filter(t -> t.metric().equals("lossDifferenceTail")).findFirst()
                .orElseThrow();
        assertTrue(tests.contains(String.format(java.util.Locale.ROOT, "lossDifferenceTail: ρ = %+.2f, p = %.2g",
                trend.spearman(), trend.pValue())), tests);
        assertTrue(tests.contains("lossDifferenceTail vs lossStd over 4 runs"), tests);

        // Another sweep, of one seed: no seed statistics to show.
        assertTrue(vm.openSweepFile(java.nio.file.Files.writeString(tmp.resolve("one.yaml"),
                ExperimentsViewModelTest.TINY)));
        assertTrue(vm.networks().isEmpty());
        assertEquals("", vm.seedTestsProperty().get());
    }

    @Test
    void anIntervalReadsAsMeanAndEndsOrTheMeanAloneWithOneSeed() {
        assertEquals("1.500 [1.000, 2.000]", SeedStatisticsText.interval(new SeedInterval(3, 1.5, 1, 2, 0.2, 1.2, 1.8)));
        // Seeds 1 and 3: s = √2, half-width t(0.975, 1)·√2/√2 = 12.706.
        assertEquals("2.000 [-10.71, 14.71]", SeedStatisticsText.interval(SeedInterval.of(new double[] {1, 3})));
        assertEquals("0.2500", SeedStatisticsText.interval(SeedInterval.of(new double[] {0.25})));
        assertEquals("—", SeedStatisticsText.interval(SeedInterval.of(new double[] {Double.NaN, 1})));
    }
}
