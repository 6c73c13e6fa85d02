package org.hessianscope.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.hessianscope.experiment.SweepProcess;
import org.hessianscope.experiment.SweepProgressLine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The desktop app's Spark submission end to end, without the window: the Experiments tab runs
 * {@link SweepProcess#command} (a launcher, {@code sweep FILE --spark MASTER --store --out
 * --progress-lines}) and reads the {@code hessianscope-progress/1} lines it prints. Here the
 * launcher is a real one (a script starting the command line on this module's class path, as
 * {@code bin/hessianscope} does with the built Spark module) and the master is {@code local[2]},
 * so the lines come from real Spark tasks. The window's handling of those lines is tested with
 * a fake launcher in the main module (ExperimentsSparkWindowTest); together they cover the path.
 */
class SparkSubmissionProcessTest {
    @TempDir
    Path tmp;

    @Test
    void theAppsSubmissionCommandOnLocalTwoReportsEveryPointAndGivesTheLocalRunnersRuns() throws Exception {
        Path file = TinySparkSweep.write(tmp);
        Path localStore = tmp.resolve("store-local");
        TinySparkSweep.Run local = TinySparkSweep.sweep(file, localStore, tmp.resolve("out-local"),
                tmp.resolve("unused"));
        assertEquals(0, local.exit(), local.out());

        Path store = tmp.resolve("store-app");
        Path out = tmp.resolve("out-app");
        List<String> command = SweepProcess.command(launcher(), file, "local[2]", store, out);
        SweepProcess process = SweepProcess.start(command);
        List<SweepProgressLine> lines = new ArrayList<>();
        int exit = process.follow(lines::add, () -> false);
        assertEquals(0, exit, () -> "exit " + exit + "; last output:\n" + String.join("\n", process.lastLines()));

        // Every point reported its phases and its end, with the run folder it published.
        Map<Integer, String> finished = new TreeMap<>();
        Map<Integer, TreeSet<String>> phases = new TreeMap<>();
        List<SweepProgressLine> steps = new ArrayList<>();
        for (SweepProgressLine l : lines) {
            if (l.event().equals(SweepProgressLine.PROGRESS)) {
                steps.add(l);
            }
            if (l.event().equals(SweepProgressLine.FINISHED)) {
                finished.put(l.point(), l.run());
                assertTrue(l.trained(), "point " + l.point() + " was trained, not reused");
            }
            if (l.event().equals(SweepProgressLine.PHASE)) {
                phases.computeIfAbsent(l.point(), i -> new TreeSet<>()).add(l.phase());
            }
        }
        assertEquals(List.of(0, 1, 2, 3), List.copyOf(finished.keySet()), lines.toString());
        // Progress from inside the running tasks comes with the executors' heartbeats (every 100 ms
        // here): a tiny point may finish between two, but not every point of the sweep does.
        assertTrue(!steps.isEmpty(), "no progress relayed from the executors: " + lines);
        for (SweepProgressLine l : steps) {
            assertTrue(l.total() > 0 && l.done() >= 0 && l.done() <= l.total(), l.toString());
            assertTrue(phases.get(l.point()).contains(l.phase()), "a step's phase is announced first: " + l);
        }
        for (int i = 0; i < 4; i++) {
            assertTrue(phases.get(i).contains("training"), "point " + i + ": " + phases.get(i));
            Path run = Path.of(finished.get(i));
            assertEquals(store.toAbsolutePath().normalize(), run.getParent().toAbsolutePath().normalize());
            assertTrue(Files.isRegularFile(run.resolve("run.json")), run.toString());
        }
        SweepProgressLine last = lines.get(lines.size() - 1);
        assertEquals(SweepProgressLine.DONE, last.event());
        assertEquals(4, last.done());
        assertEquals(4, last.total());
        assertTrue(last.trained(), "every point finished");

        // The same runs and results as the local runner's, byte for byte where the formats are deterministic.
        TinySparkSweep.assertSameRuns(localStore, store);
        TinySparkSweep.assertSameResults(tmp.resolve("out-local"), localStore, out, store);
    }

    /** A launcher like bin/hessianscope with the Spark module built: the CLI on this test's class path. */
    private Path launcher() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String script = "#!/bin/sh\nexec '" + java + "' --add-modules jdk.incubator.vector -Xmx1g"
                + " --add-opens=java.base/java.nio=ALL-UNNAMED --add-opens=java.base/sun.nio.ch=ALL-UNNAMED"
                + " --add-opens=java.base/java.lang=ALL-UNNAMED --add-opens=java.base/java.util=ALL-UNNAMED"
                + " -Dspark.ui.enabled=false -Dspark.executor.heartbeatInterval=100ms -Dspark.driver.host=127.0.0.1 -Dspark.driver.bindAddress=127.0.0.1"
                + " -cp '" + StandaloneCluster.testClassPath() + "' org.hessianscope.cli.HessianScopeCli \"$@\"\n";
        Path p = Files.writeString(tmp.resolve("hessianscope"), script);
        Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxr-xr-x"));
        return p;
    }
}
