package org.hessianscope.ui.charts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.beans.property.SimpleBooleanProperty;
import org.hessianscope.experiment.NetworkStatistics;
import org.hessianscope.experiment.SeedInterval;
import org.hessianscope.experiment.SweepSummary;
import org.hessianscope.figure.ChartCsv;
import org.hessianscope.figure.SeedBoundFigure;
import org.hessianscope.ui.runs.RunsViewModel;
import org.hessianscope.ui.runs.SweepTag;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.XYPlot;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Chart 3 for checked runs that are seeds of the same networks (issue 21): a tiny layer sweep of two
 * seeds. Per level the chart draws each network's mean with its 95 % interval, the numbers of
 * summary.json read here as plain JSON, and each seed's own value faint; runs loaded from the
 * finished sweep draw the summary's numbers as they are, not numbers made again from the runs.
 */
public class SeedBoundsChartTest {
    @TempDir
    static Path tmp;
    static SeededRuns seeded;
    /** summary.json as written, read without the SweepSummary record. */
    static JsonNode summary;

    @BeforeAll
    static void trainTwoNetworksWithTwoSeeds() throws Exception {
        seeded = SeededRuns.train(tmp);
        summary = new ObjectMapper().readTree(seeded.out().resolve(SweepSummary.JSON_FILE).toFile());
    }

    private static YIntervalSeriesCollection means(JFreeChart chart) {
        return assertInstanceOf(YIntervalSeriesCollection.class, chart.getXYPlot().getDataset(0));
    }

    @Test
    void seedsOfOneNetworkAreDrawnAsTheMeanAndIntervalSummaryJsonPrintsWithEachSeedFaint() throws Exception {
        RunsViewModel runs = seeded.runs();
        ChartsViewModel vm = new ChartsViewModel(runs, new SimpleBooleanProperty(false));
        JFreeChart chart = vm.boundsProperty().get();
        YIntervalSeriesCollection means = means(chart);
        assertEquals(3, means.getSeriesCount(), "the paper's bound, Lemma 2 and the measured value");
        for (int level = 0; level < 3; level++) {
            String metric = SeedBoundFigure.METRICS.get(level);
            YIntervalSeries s = means.getSeries(level);
            assertEquals(2, s.getItemCount(), metric + ": one mean per network, not per run");
            for (int net = 0; net < 2; net++) {
                JsonNode printed = summary.path("networks").get(net);
                JsonNode i = printed.path("metrics").path(metric);
                assertEquals(printed.path("x").asDouble(), s.getX(net).doubleValue(), 0);
                assertEquals(i.path("mean").asDouble(), s.getYValue(net), 0, metric);
                assertEquals(i.path("low").asDouble(), s.getYLowValue(net), 0, metric);
                assertEquals(i.path("high").asDouble(), s.getYHighValue(net), 0, metric);
                assertTrue(s.getYLowValue(net) < s.getYValue(net) && s.getYValue(net) < s.getYHighValue(net),
                        metric + ": two different seeds give an interval of some width");
            }
            // Every seed's own value at its network's x: the summary's rows.
            XYSeries own = ((XYSeriesCollection) chart.getXYPlot().getDataset(1)).getSeries(level);
            assertEquals(4, own.getItemCount());
            List<Double> drawn = new java.util.ArrayList<>();
            List<Double> rows = new java.util.ArrayList<>();
            for (int r = 0; r < 4; r++) {
                drawn.add(own.getX(r).doubleValue() * 1000 + own.getY(r).doubleValue());
                JsonNode row = summary.path("rows").get(r);
                rows.add(row.path("value").asDouble() * 1000 + row.path(metric).asDouble());
            }
            assertEquals(rows.stream().sorted().toList(), drawn.stream().sorted().toList(), metric);
        }
        // The window's chart 3 is the results folder's bounds figure, number for number.
        assertEquals(dataLines(Files.readString(seeded.out().resolve("bounds.csv"))), dataLines(ChartCsv.of(chart)));
    }

    @Test
    void runsLoadedFromTheFinishedSweepDrawTheSummarysNumbersAsTheyAre() throws Exception {
        RunsViewModel runs = seeded.runs();
        SweepSummary read = SweepSummary.read(seeded.out());
        // A summary whose interval differs from what the runs give: the chart must show the summary's.
        Map<String, NetworkStatistics> doctored = new LinkedHashMap<>();
        for (NetworkStatistics n : read.networks()) {
            Map<String, SeedInterval> metrics = new LinkedHashMap<>(n.metrics());
            SeedInterval p = n.metric("paperBoundLog10");
            metrics.put("paperBoundLog10", new SeedInterval(p.seeds(), p.mean() + 1, p.low(), p.high() + 2, p.std(),
                    p.min(), p.max()));
            doctored.put(n.value(), new NetworkStatistics(n.value(), n.x(), n.seeds(), metrics));
        }
        Map<Path, SweepTag> tags = new LinkedHashMap<>();
        for (var p : seeded.result().points()) {
            String v = p.point().value();
            tags.put(p.run().folder(), new SweepTag("tiny-seeds", "L (layers)", v, Double.parseDouble(v),
                    doctored.get(v)));
        }
        runs.openSweep(tags);
        ChartsViewModel vm = new ChartsViewModel(runs, new SimpleBooleanProperty(true));
        YIntervalSeries paper = means(vm.boundsProperty().get()).getSeries(0);
        for (int net = 0; net < 2; net++) {
            SeedInterval shown = doctored.get(String.valueOf(net + 1)).metric("paperBoundLog10");
            assertEquals(shown.mean(), paper.getYValue(net), 0);
            assertEquals(shown.high(), paper.getYHighValue(net), 0);
        }
        assertEquals("L (layers)", vm.boundsProperty().get().getXYPlot().getDomainAxis().getLabel());

        // With one seed of a network unchecked the summary no longer describes what is drawn: made from the runs.
        runs.runs().get(3).shownProperty().set(false);
        YIntervalSeries partial = means(vm.boundsProperty().get()).getSeries(0);
        SeedInterval network1 = doctored.get("1").metric("paperBoundLog10");
        assertEquals(network1.mean(), partial.getYValue(0), 0, "network 1 still has both seeds: as printed");
        assertEquals(runs.runs().get(1).analysisProperty().get().bounds().paper().log10(), partial.getYValue(1), 0,
                "network 2 is its one checked seed, without an interval");
        assertEquals(partial.getYValue(1), partial.getYHighValue(1), 0);
    }

    /** A CSV without its header (the x axis title, which the window takes from the runs and the folder from the sweep). */
    private static List<String> dataLines(String csv) {
        List<String> lines = csv.lines().toList();
        return lines.subList(1, lines.size());
    }
}
