package org.hessianscope.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.hessianscope.figure.FigureStyle;
import org.hessianscope.figure.SeedFigures;
import org.hessianscope.figure.SweepFigures;
import org.hessianscope.landscape.LossDifferenceResult;
import org.hessianscope.landscape.Smoothing;
import org.hessianscope.task.ProgressMonitor;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.XYPlot;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A tiny sweep trained with two seeds, end to end: a run per (network, seed) in the store, the
 * summary's statistics made from its rows, and figures drawn from the numbers the summary prints.
 */
class SeededSweepTest {
    @TempDir
    static Path tmp;
    static RunStore store;
    static SweepResult result;
    static SweepSummary summary;
    static Path out;

    @BeforeAll
    static void runTheSweep() throws Exception {
        SweepFile sweep = TinySweep.sweep().withValues(List.of("1", "2")).withSeeds(List.of(0L, 1L));
        store = new RunStore(tmp.resolve("store"));
        result = new SweepRunner(store, TinySweep.catalog(tmp.resolve("empty")), 1, 1).run(sweep, SweepListener.NONE,
                ProgressMonitor.NONE);
        out = tmp.resolve("out");
        SweepReport.write(result, store, out, SweepFigures.WRITER);
        summary = SweepSummary.read(out); // what summary.json says, read back
    }

    @Test
    void everyNetworkAndSeedIsARunInTheStoreAndAReRunReusesThem() throws Exception {
        assertEquals(List.of(0L, 0L, 1L, 1L), summary.rows().stream().map(SweepRow::seed).toList());
        assertEquals(List.of("1", "2", "1", "2"), summary.rows().stream().map(SweepRow::value).toList());
        assertEquals(4, summary.rows().stream().map(SweepRow::run).distinct().count());
        assertEquals(4, store.scan().runs().size());
        for (PointResult p : result.points()) {
            assertEquals(p.point().seed(), p.run().info().options().seed());
        }
        assertTrue(summary.rows().get(0).trainLoss() != summary.rows().get(2).trainLoss(), "the seed changes training");
        assertEquals(List.of(0L, 1L), summary.seeds());
        SweepResult again = new SweepRunner(store, TinySweep.catalog(tmp.resolve("empty")), 1, 1)
                .run(result.sweep(), SweepListener.NONE, ProgressMonitor.NONE);
        assertEquals(4, again.reused());
    }

    @Test
    void theSummaryGivesEachNetworksMeanAndIntervalOverItsSeeds() {
        assertEquals(2, summary.networks().size());
        for (NetworkStatistics n : summary.networks()) {
            List<SweepRow> runs = summary.rows().stream().filter(r -> r.value().equals(n.value())).toList();
            assertEquals(2, runs.size());
            for (String m : List.of("lossDifferenceTail", "lossStd", "trainLoss", "testAccuracy", "hessianTop",
                    "paperBoundLog10", "lemma2BoundLog10", "measuredLog10")) {
                double a = Trend.metric(m).applyAsDouble(runs.get(0));
                double b = Trend.metric(m).applyAsDouble(runs.get(1));
                SeedInterval i = n.metric(m);
                assertEquals((a + b) / 2, i.mean(), 1e-15 * Math.abs(a + b), m);
                // Two seeds: half-width t(0.975, 1)·s/√2 with s = |a − b|/√2, i.e. 12.7062…·|a − b|/2.
                assertEquals(12.706204736174698 * Math.abs(a - b) / 2, i.high() - i.mean(), 1e-8 * Math.abs(a - b), m);
            }
        }
        assertTrue(summary.seedTrends().stream().anyMatch(t -> t.metric().equals("lossDifferenceTail")));
        SeedTrend t = summary.seedTrends().get(0);
        // Two networks and two seeds: ρ is ±1 per seed; the 4 relabellings give mean ρ ∈ {−1, 0, 0, 1}.
        assertTrue(t.pValue() == 0.5 || t.pValue() == 1.0, "p = " + t.pValue());
        assertEquals(3, summary.correlations().size());
        assertEquals(4, summary.correlations().get(0).runs());
    }

    @Test
    void theIntervalFigureDrawsTheNumbersTheSummaryPrints() throws Exception {
        for (String name : SweepFigures.SEED_NAMES) {
            assertTrue(Files.size(out.resolve(name + ".png")) > 1000, name);
            assertTrue(Files.readAllLines(out.resolve(name + ".csv")).size() >= 3, name);
        }
        JFreeChart chart = SeedFigures.metric(SweepFigures.networks(result), "lossDifferenceTail", "L", false,
                FigureStyle.paper("L"));
        YIntervalSeries s = ((YIntervalSeriesCollection) ((XYPlot) chart.getPlot()).getDataset()).getSeries(0);
        assertEquals(2, s.getItemCount());
        for (int i = 0; i < 2; i++) {
            SeedInterval printed = summary.networks().get(i).metric("lossDifferenceTail");
            assertEquals(summary.networks().get(i).x(), s.getX(i).doubleValue(), 0);
            assertEquals(printed.mean(), s.getYValue(i), 0);
            assertEquals(printed.low(), s.getYLowValue(i), 0);
            assertEquals(printed.high(), s.getYHighValue(i), 0);
        }
    }

    @Test
    void theCurveFigureDrawsTheMeanOverSeedsWithTheSeedRangeAsItsBand() {
        int kMin = 20;
        JFreeChart chart = SeedFigures.curves(result.points(), SeedFigures.CurveKind.SMOOTHED, 0.9, kMin,
                FigureStyle.paper("L"));
        YIntervalSeriesCollection data = (YIntervalSeriesCollection) ((XYPlot) chart.getPlot()).getDataset();
        assertEquals(2, data.getSeriesCount(), "one curve per network, not per run");
        for (int net = 0; net < 2; net++) {
            YIntervalSeries s = data.getSeries(net);
            assertEquals(String.valueOf(net + 1), s.getKey());
            double[] a = Smoothing.ema(result.points().get(net).analysis().lossDifference().meanAbs(), 0.9);
            double[] b = Smoothing.ema(result.points().get(net + 2).analysis().lossDifference().meanAbs(), 0.9);
            LossDifferenceResult r = result.points().get(net).analysis().lossDifference();
            assertEquals(kMin, s.getX(0).intValue());
            assertEquals(r.n() - 1, s.getX(s.getItemCount() - 1).intValue());
            for (int i = 0; i < s.getItemCount(); i++) {
                int k = s.getX(i).intValue();
                assertEquals((a[k - 1] + b[k - 1]) / 2, s.getYValue(i), 1e-15 * (a[k - 1] + b[k - 1]));
                assertEquals(Math.min(a[k - 1], b[k - 1]), s.getYLowValue(i), 0);
                assertEquals(Math.max(a[k - 1], b[k - 1]), s.getYHighValue(i), 0);
            }
        }
    }

    /** Chart 3 of the results folder: per level each network's mean and interval as printed, every seed's own value faint. */
    @Test
    void theBoundsFigureDrawsTheIntervalsTheSummaryPrintsAndEverySeed() {
        JFreeChart chart = SweepFigures.bounds(result, FigureStyle.paper("L"));
        XYPlot plot = (XYPlot) chart.getPlot();
        YIntervalSeriesCollection means = (YIntervalSeriesCollection) plot.getDataset(0);
        org.jfree.data.xy.XYSeriesCollection own = (org.jfree.data.xy.XYSeriesCollection) plot.getDataset(1);
        List<String> levels = List.of("paperBoundLog10", "lemma2BoundLog10", "measuredLog10");
        for (int level = 0; level < 3; level++) {
            YIntervalSeries s = means.getSeries(level);
            assertEquals(2, s.getItemCount());
            for (int i = 0; i < 2; i++) {
                SeedInterval printed = summary.networks().get(i).metric(levels.get(level));
                assertEquals(summary.networks().get(i).x(), s.getX(i).doubleValue(), 0);
                assertEquals(printed.mean(), s.getYValue(i), 0);
                assertEquals(printed.low(), s.getYLowValue(i), 0);
                assertEquals(printed.high(), s.getYHighValue(i), 0);
            }
            assertEquals(4, own.getSeries(level).getItemCount(), "a faint mark per (network, seed) run");
            for (int r = 0; r < 4; r++) {
                SweepRow row = summary.rows().get(r);
                assertEquals(row.x(), own.getSeries(level).getX(r).doubleValue(), 0);
                assertEquals(Trend.metric(levels.get(level)).applyAsDouble(row), own.getSeries(level).getY(r).doubleValue(), 0);
            }
        }
    }

    /**
     * The findings' summaries were written before chart 3's Lemma 2 and measured levels were summarised
     * over seeds: read, they gain those intervals from their rows (t(0.975, 2) = 4.302652729749464, the
     * table's 4.303), and every interval they print stays as printed.
     */
    @Test
    void aSummaryWrittenBeforeTheBoundLevelsWereSummarisedGainsTheirIntervalsFromItsRows() throws Exception {
        Path dir = Path.of("docs", "findings", "mnist-layers-seeds-reduced");
        String json = Files.readString(dir.resolve(SweepSummary.JSON_FILE));
        assertTrue(json.contains("\"paperBoundLog10\" : {") && !json.contains("\"measuredLog10\" : {"),
                "the file predates the levels' intervals");
        SweepSummary old = SweepSummary.read(dir);
        com.fasterxml.jackson.databind.JsonNode tree = new com.fasterxml.jackson.databind.ObjectMapper().readTree(json);
        for (int i = 0; i < old.networks().size(); i++) {
            NetworkStatistics n = old.networks().get(i);
            com.fasterxml.jackson.databind.JsonNode paper = tree.path("networks").get(i).path("metrics")
                    .path("paperBoundLog10");
            assertEquals(paper.path("low").asDouble(), n.metric("paperBoundLog10").low(), 0, "as printed");
            for (String m : List.of("lemma2BoundLog10", "measuredLog10")) {
                double[] v = old.rows().stream().filter(r -> r.value().equals(n.value()))
                        .mapToDouble(Trend.metric(m)).toArray();
                assertEquals(3, v.length);
                double mean = (v[0] + v[1] + v[2]) / 3;
                double ss = (v[0] - mean) * (v[0] - mean) + (v[1] - mean) * (v[1] - mean) + (v[2] - mean) * (v[2] - mean);
                double half = 4.302652729749464 * Math.sqrt(ss / 2 / 3);
                SeedInterval got = n.metric(m);
                // Commons Math finds the t quantile to about 1e-9 of itself.
                double tol = 1e-14 * Math.abs(mean) + 1e-8 * half;
                assertEquals(mean, got.mean(), tol, m);
                assertEquals(mean - half, got.low(), tol, m);
                assertEquals(mean + half, got.high(), tol, m);
            }
        }
    }

    /** The shipped sample models' summaries predate seeds: their rows read with the sweep's one seed (here 0). */
    @Test
    void aSummaryWrittenBeforeSeedsReadsWithItsSweepsSeed() throws Exception {
        // mnist-channels is shipped with three seeds since 2026-12-06; these two still predate seeds.
        for (String sweep : List.of("mnist-layers", "mnist-kernel")) {
            SweepSummary s = SweepSummary.read(Path.of("sample-models", sweep));
            assertTrue(!s.rows().isEmpty() && s.rows().stream().allMatch(r -> r.seed() == 0), sweep);
            assertEquals(List.of(0L), s.seeds(), sweep);
        }
    }
}
