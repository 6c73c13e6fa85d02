package org.hessianscope.cli.experiment;

import org.hessianscope.cli.model.TrainCommandsTest;
import static org.hessianscope.cli.model.TrainCommandsTest.cli;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.hessianscope.data.DataLocations;
import org.hessianscope.data.DatasetCatalog;
import org.hessianscope.data.DatasetName;
import org.hessianscope.experiment.PaperExperiments;
import org.hessianscope.experiment.SweepSummary;
import org.hessianscope.run.RunFolder;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** sweep, runs and reproduce from the command line, on a tiny sweep over the first 96 MNIST records. */
public class SweepCommandsTest {
    @TempDir
    Path tmp;

    /** Two tiny points, trained and analysed in seconds; HostileFilesTest builds its store from it too. */
    public static final String TINY = """
            name: cli-tiny
            dataset: mnist
            train_size: 96
            epochs: 1
            batch_size: 32
            channels: 2
            kernel: 5
            sweep: {parameter: layers, values: [1, 2]}
            analysis: {orderings: 8, curvature_samples: 8, lanczos_steps: 6, per_sample_full: 0}
            """;

    @Test
    void sweepRunsThenReusesAndRunsReportsDamage() throws Exception {
        Path file = tmp.resolve("tiny.yaml");
        Files.writeString(file, TINY);
        Path store = tmp.resolve("store");
        Path out = tmp.resolve("out");
        var first = cli("sweep", file.toString(), "--store", store.toString(), "--out", out.toString());
        assertEquals(0, first.code(), first.err());
        assertTrue(first.out().contains("2 point(s), 0 reused from the store"), first.out());
        assertTrue(first.out().contains("[1/2 layers=1] trained, analysed"), first.out());
        SweepSummary summary = SweepSummary.read(out);
        assertEquals(List.of("1", "2"), summary.rows().stream().map(r -> r.value()).toList());

        var again = cli("sweep", file.toString(), "--store", store.toString(), "--out", out.toString());
        assertEquals(0, again.code(), again.err());
        assertTrue(again.out().contains("2 point(s), 2 reused from the store"), again.out());

        // Overrides make a different run: two more epochs is a new key, so a third folder.
        var longer = cli("sweep", file.toString(), "--store", store.toString(), "--out", tmp.resolve("o2").toString(),
                "--epochs", "2", "--jobs", "2");
        assertEquals(0, longer.code(), longer.err());
        assertTrue(longer.out().contains("2 point(s), 0 reused"), longer.out());

        var list = cli("runs", "--store", store.toString());
        assertEquals(0, list.code(), list.err());
        assertTrue(list.out().startsWith("4 run(s) in "), list.out());

        Path victim = Path.of(summary.rows().get(0).run());
        Files.delete(victim.resolve(RunFolder.HISTORY));
        var damaged = cli("runs", "--store", store.toString());
        assertEquals(1, damaged.code());
        assertTrue(damaged.out().contains("3 run(s) in "), damaged.out());
        assertTrue(damaged.out().contains("damaged, skipped: " + victim + ": ")
                && damaged.out().contains("history.csv is missing"), damaged.out());
    }

    /** Issue 20: a failed point is in the summary, the exit status says so, and the same command retries it. */
    @Test
    void aFailedPointGivesExitStatusThreeAndItsReason() throws Exception {
        Path file = tmp.resolve("failing.yaml");
        // C = 8000 at L = 2: 1.6e9 parameters, refused by the memory check before anything is trained
        Files.writeString(file, TINY.replace("channels: 2", "layers: 2")
                .replace("{parameter: layers, values: [1, 2]}", "{parameter: channels, values: [8000]}"));
        Path out = tmp.resolve("out");
        java.io.PrintStream saved = System.err;
        java.io.ByteArrayOutputStream console = new java.io.ByteArrayOutputStream();
        TrainCommandsTest.Result r;
        try {
            System.setErr(new java.io.PrintStream(console, true, java.nio.charset.StandardCharsets.UTF_8));
            r = cli("sweep", file.toString(), "--store", tmp.resolve("store").toString(), "--out", out.toString());
        } finally {
            System.setErr(saved);
        }
        String err = console.toString(java.nio.charset.StandardCharsets.UTF_8);
        assertEquals(SweepCommand.SOME_POINTS_FAILED, r.code(), r.err() + err);
        assertTrue(err.contains("[1/1 channels=8000] failed: training this network (1,632,216,010 parameters)"), err);
        assertTrue(err.contains("error: 1 of 1 point(s) failed (channels = 8000)"), err);
        SweepSummary summary = SweepSummary.read(out);
        assertTrue(summary.rows().isEmpty());
        assertEquals("8000", summary.failed().get(0).value());
        List<String> csv = Files.readAllLines(out.resolve(SweepSummary.CSV_FILE));
        assertTrue(csv.get(1).startsWith("0,channels,8000,0,,false,failed,") && csv.get(1).contains("heap"), csv.get(1));
    }

    @Test
    void aBadSweepFileIsAUserErrorNamingTheField() throws Exception {
        Path file = tmp.resolve("bad.yaml");
        Files.writeString(file, TINY.replace("epochs: 1", "epochs: -1"));
        var r = cli("sweep", file.toString(), "--store", tmp.resolve("s").toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains(file + ": epochs = -1"), r.err());
        assertTrue(Files.notExists(tmp.resolve("s")), "nothing is created for a sweep that cannot run");
    }

    @Test
    void reproduceListsTheFiguresAndSaysHowToGetMissingData() throws Exception {
        var list = cli("reproduce", "--list");
        assertEquals(0, list.code());
        for (PaperExperiments.Figure f : PaperExperiments.FIGURES) {
            assertTrue(list.out().contains(f.id()), f.id());
        }
        Path empty = Files.createDirectories(tmp.resolve("empty"));
        boolean cifarInstalled = new DatasetCatalog(DataLocations.ofSystem(empty)).locate(DatasetName.CIFAR10)
                .isPresent();
        Assumptions.assumeFalse(cifarInstalled, "CIFAR-10 is installed on this machine, so it would really run");
        var r = cli("reproduce", "cifar10-maxpool", "--data-dir", empty.toString(), "--store",
                tmp.resolve("s").toString(), "--out", tmp.resolve("o").toString());
        assertEquals(1, r.code());
        assertTrue(r.out().contains("skipping cifar10-maxpool: cifar10 is not installed"), r.out());
        assertTrue(r.out().contains("hessianscope download cifar10"), r.out());
        var bad = cli("reproduce", "mnist-depth");
        assertEquals(2, bad.code());
        assertTrue(bad.err().contains("\"mnist-depth\" is not a figure"), bad.err());
    }

    /**
     * Issue 21's check: the paper's MNIST layers sweep with two seeds on the first 600 records, through the
     * command line: a run per network and seed, and a summary with intervals and ρ. The analysis is cut down
     * (orderings, curvature subset) to keep it cheap; the training is the sweep's own.
     */
    @Test
    void reproduceWithSeedsTrainsEachNetworkPerSeedAndSummarisesOverSeeds() throws Exception {
        Path store = tmp.resolve("store");
        Path out = tmp.resolve("out");
        var r = cli("reproduce", "mnist-layers", "--seeds", "0,1", "--train-size", "600", "--epochs", "1",
                "--store", store.toString(), "--out", out.toString(), "--threads", "1",
                "--orderings", "8", "--curvature-samples", "8", "--lanczos-steps", "5", "--per-sample-full", "0");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("seeds [0, 1]"), r.out());
        assertTrue(r.out().contains("[12/12 layers=7 seed=1] trained, analysed"), r.out());
        assertTrue(r.out().contains("over seeds [0, 1] (mean [95 % interval]):"), r.out());
        assertTrue(r.out().contains("lossDifferenceTail vs lossStd over 12 runs"), r.out());
        SweepSummary s = SweepSummary.read(out.resolve("mnist-layers"));
        assertEquals(12, s.rows().size());
        assertEquals(List.of(0L, 1L), s.seeds());
        for (String v : List.of("2", "3", "4", "5", "6", "7")) {
            assertEquals(List.of(0L, 1L), s.rows().stream().filter(x -> x.value().equals(v)).map(x -> x.seed()).toList());
        }
        assertEquals(6, s.networks().size());
        for (var n : s.networks()) {
            var tail = n.metric("lossDifferenceTail");
            assertEquals(2, n.seeds());
            assertTrue(tail.low() <= tail.mean() && tail.mean() <= tail.high(), n.value());
            assertTrue(Double.isFinite(tail.low()), n.value());
        }
        var trend = s.seedTrends().stream().filter(t -> t.metric().equals("lossStd")).findFirst().orElseThrow();
        assertTrue(trend.exact(), "6 networks: every relabelling is enumerated");
        assertTrue(trend.pValue() > 0 && trend.pValue() <= 1, "p = " + trend.pValue());
        assertTrue(Math.abs(trend.spearman()) <= 1);
        assertEquals(2, trend.seeds());
        assertTrue(Files.exists(out.resolve("mnist-layers").resolve("networks.csv")));
        assertTrue(Files.readString(out.resolve("mnist-layers").resolve("sweep.yaml")).contains("seeds: [0, 1]"));
    }
}
