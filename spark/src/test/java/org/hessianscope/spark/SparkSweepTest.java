package org.hessianscope.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.hessianscope.cli.experiment.SweepCommand;
import org.hessianscope.experiment.FailedPoint;
import org.hessianscope.experiment.RunStore;
import org.hessianscope.experiment.SweepRow;
import org.hessianscope.experiment.SweepSummary;
import org.hessianscope.io.AtomicFiles;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The checks: the tiny sweep through {@code --spark local[2]} and through a real standalone
 * cluster on this machine (Spark's own master and two workers) gives the local runner's runs and
 * summary byte for byte, resumes from the store, and completes the same when a worker is killed
 * while the sweep runs. One cluster serves both cluster tests; the kill comes last.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SparkSweepTest {
    private static final String[] SETTINGS = {"spark.executor.extraClassPath", "spark.executor.memory",
        "spark.ui.enabled", "spark.driver.host", "spark.driver.bindAddress"};

    @TempDir
    static Path tmp;

    private Path file;
    private Path empty;
    private Path localStore;
    private Path localOut;
    private StandaloneCluster cluster;

    @BeforeAll
    void localRunnerReferenceAndCluster() throws Exception {
        // The cluster's JVMs start while the local runner makes the reference.
        cluster = new StandaloneCluster(tmp.resolve("cluster"), 2);
        file = TinySparkSweep.write(tmp);
        empty = Files.createDirectories(tmp.resolve("no-data"));
        localStore = tmp.resolve("store-local");
        localOut = tmp.resolve("out-local");
        TinySparkSweep.Run local = TinySparkSweep.sweep(file, localStore, localOut, empty);
        assertEquals(0, local.exit(), local.out());
        cluster.awaitWorkers(2);
        // Driver settings, as spark-submit would pass them: small executors that load this test's classes.
        Map.of(SETTINGS[0], cluster.executorClassPath(), SETTINGS[1], "512m", SETTINGS[2], "false",
                SETTINGS[3], "127.0.0.1", SETTINGS[4], "127.0.0.1").forEach(System::setProperty);
    }

    @AfterAll
    void stopClusterAndClearSettings() throws InterruptedException {
        for (String k : SETTINGS) {
            System.clearProperty(k);
        }
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    @Order(1)
    void localTwoGivesTheLocalRunnersRunsAndSummaryAndReusesThemWhenRunAgain() throws Exception {
        Path store = tmp.resolve("store-local2");
        TinySparkSweep.Run spark = TinySparkSweep.sweep(file, store, tmp.resolve("out-local2"), empty, "--spark",
                "local[2]");
        assertEquals(0, spark.exit(), spark.out());
        assertTrue(spark.out().contains("on Spark local[2]"), spark.out());
        assertTrue(spark.out().contains("4 point(s), 0 reused"), spark.out());
        TinySparkSweep.assertSameRuns(localStore, store);
        TinySparkSweep.assertSameResults(localOut, localStore, tmp.resolve("out-local2"), store);

        // Run again: every point is found in the store and nothing is trained.
        TinySparkSweep.Run again = TinySparkSweep.sweep(file, store, tmp.resolve("out-again"), empty, "--spark",
                "local[2]");
        assertEquals(0, again.exit(), again.out());
        assertTrue(again.out().contains("4 point(s), 4 reused"), again.out());
    }

    @Test
    @Order(2)
    void aStoreGivenAsAFileUriGoesThroughHadoopAndGivesTheSameRuns() throws Exception {
        Path remote = tmp.resolve("store-uri");
        Path copy = tmp.resolve("store-uri-copy");
        System.setProperty(SparkSweepRunner.STORE_COPY, copy.toString());
        try {
            String uri = remote.toUri().toString();
            assertTrue(uri.startsWith("file:/"), uri);
            TinySparkSweep.Run spark = TinySparkSweep.sweep(file, uri, tmp.resolve("out-uri"), empty, "--spark",
                    "local[2]");
            assertEquals(0, spark.exit(), spark.out());
            assertTrue(spark.out().contains("4 point(s), 0 reused"), spark.out());
            // The runs are in the Hadoop store under their names, nothing half-copied beside them...
            assertEquals(TinySparkSweep.runFolders(localStore).stream().map(p -> p.getFileName().toString()).toList(),
                    TinySparkSweep.runFolders(remote).stream().map(p -> p.getFileName().toString()).toList());
            try (var s = Files.list(remote)) {
                assertEquals(List.of(), s.map(p -> p.getFileName().toString()).filter(n -> n.contains(".partial-"))
                        .toList());
            }
            // ...and the driver's copy, which the summary is made from, is the local runner's byte for byte.
            TinySparkSweep.assertSameRuns(localStore, copy);
            TinySparkSweep.assertSameResults(localOut, localStore, tmp.resolve("out-uri"), copy);

            // A fresh copy (another machine's driver) still finds every point in the store.
            AtomicFiles.deleteTree(copy);
            TinySparkSweep.Run again = TinySparkSweep.sweep(file, uri, tmp.resolve("out-uri-again"), empty, "--spark",
                    "local[2]");
            assertEquals(0, again.exit(), again.out());
            assertTrue(again.out().contains("4 point(s), 4 reused"), again.out());
        } finally {
            System.clearProperty(SparkSweepRunner.STORE_COPY);
        }
    }

    @Test
    @Order(3)
    void twoWorkersGiveTheLocalRunnersResults() throws Exception {
        Path store = tmp.resolve("store-a");
        TinySparkSweep.Run spark = TinySparkSweep.sweep(file, store, tmp.resolve("out-a"), empty, "--spark",
                cluster.url());
        assertEquals(0, spark.exit(), spark.out() + cluster.log("master"));
        assertTrue(spark.out().contains("4 point(s), 0 reused"), spark.out());
        TinySparkSweep.assertSameRuns(localStore, store);
        TinySparkSweep.assertSameResults(localOut, localStore, tmp.resolve("out-a"), store);
    }

    /**
     * A point that fails for a reason of its own (C = 8000 at L = 2: 1.6e9 parameters, which the memory
     * check refuses on the executor) is in the summary with its reason, is not retried by Spark (it would
     * fail the same way), and the other point finishes as the local runner's; running again retries it.
     */
    @Test
    @Order(4)
    void aPointThatFailsOnAnExecutorIsInTheSummaryAndTheOtherFinishes() throws Exception {
        Path failing = Files.writeString(tmp.resolve("failing.yaml"), TinySparkSweep.YAML.replace("name: tiny4", "name: failing")
                .replace("channels: 2", "layers: 2").replace("parameter: layers", "parameter: channels")
                .replace("values: [1, 2, 3, 4]", "values: [8000, 2]"));
        Path store = tmp.resolve("store-failing");
        Path out = tmp.resolve("out-failing");
        TinySparkSweep.Run spark = TinySparkSweep.sweep(failing, store, out, empty, "--spark", cluster.url());
        assertEquals(SweepCommand.SOME_POINTS_FAILED, spark.exit(), spark.out());
        assertTrue(spark.out().contains("1 point(s), 0 reused"), spark.out());
        SweepSummary summary = SweepSummary.read(out);
        assertEquals(List.of("2"), summary.rows().stream().map(SweepRow::value).toList());
        assertEquals(1, summary.failed().size());
        FailedPoint f = summary.failed().get(0);
        assertEquals(0, f.index());
        assertEquals("8000", f.value());
        assertTrue(f.reason().startsWith("training this network (1,632,216,010 parameters) needs about"), f.reason());
        List<String> csv = Files.readAllLines(out.resolve(SweepSummary.CSV_FILE));
        assertTrue(csv.get(1).startsWith("0,channels,8000,0,,false,failed,"), csv.get(1));
        // The finished point is the local runner's L = 2 run (same spec, data and training: same key and bytes).
        List<Path> runs = TinySparkSweep.runFolders(store);
        assertEquals(1, runs.size());
        Path reference = localStore.resolve(runs.get(0).getFileName().toString());
        for (String name : List.of("spec.json", "analysis.json", "losses.npy")) {
            assertTrue(java.util.Arrays.equals(Files.readAllBytes(reference.resolve(name)),
                    Files.readAllBytes(runs.get(0).resolve(name))), name);
        }

        TinySparkSweep.Run again = TinySparkSweep.sweep(failing, store, tmp.resolve("out-failing-again"), empty,
                "--spark", cluster.url());
        assertEquals(SweepCommand.SOME_POINTS_FAILED, again.exit(), again.out());
        assertTrue(again.out().contains("1 point(s), 1 reused"), again.out());
        assertEquals(summary.failed().stream().map(FailedPoint::value).toList(),
                SweepSummary.read(tmp.resolve("out-failing-again")).failed().stream().map(FailedPoint::value).toList());
    }

    @Test
    @Order(5)
    void aWorkerKilledMidSweepLeavesNoDamagedRunAndTheSweepCompletesTheSame() throws Exception {
        Path store = tmp.resolve("store-b");
        CompletableFuture<TinySparkSweep.Run> sweep = CompletableFuture.supplyAsync(() -> TinySparkSweep.sweep(
                file, store, tmp.resolve("out-b"), empty, "--spark", cluster.url()));
        // Kill worker 0 once the first run is published: the cluster is busy then, each
        // executor with a point of its own (four points, two one-core executors).
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(600);
        while ((!Files.isDirectory(store) || TinySparkSweep.runFolders(store).isEmpty()) && !sweep.isDone()
                && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertFalse(sweep.isDone(), () -> "the sweep ended before a worker could be killed: " + sweep.join().out());
        cluster.killWorker(0);
        TinySparkSweep.Run spark = sweep.get(600, TimeUnit.SECONDS);
        assertEquals(0, spark.exit(), spark.out());
        assertTrue(spark.out().contains("4 point(s)"), spark.out());
        // Nothing damaged was met or used: no folder set aside, every run checks out and is the local runner's.
        RunStore.Scan scan = new RunStore(store).scan();
        assertEquals(4, scan.runs().size());
        assertEquals(0, scan.damaged().size(), scan.damaged().toString());
        assertFalse(Files.exists(store.resolve(RunStore.DAMAGED)));
        TinySparkSweep.assertSameRuns(localStore, store);
    }
}
