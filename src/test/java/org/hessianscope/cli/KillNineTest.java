package org.hessianscope.cli;

import static org.hessianscope.cli.experiment.SweepCommandsTest.TINY;
import static org.hessianscope.cli.model.TrainCommandsTest.args;
import static org.hessianscope.cli.model.TrainCommandsTest.cli;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.hessianscope.cli.model.TrainCommandsTest.Result;
import org.hessianscope.experiment.SweepSummary;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 18's kill -9 trials as a command: {@code train} and {@code sweep} (tiny settings on the embedded MNIST
 * subset) run in a child JVM and are killed with SIGKILL ({@link Process#destroyForcibly} on Linux) at seeded
 * random moments of an uninterrupted run's duration. After each kill nothing damaged may be listed or used:
 * {@code runs} lists only complete runs (a half-written run folder or analysis.json would be a "damaged" line
 * and exit status 1), a killed train's folder is either complete or refused by {@code runs --import}, and the
 * same sweep run again finishes with a summary equal, number for number, to an uninterrupted sweep's.
 * <p>
 * {@code -Dhessianscope.kill9.trials=N} trials, alternating train and sweep: 3 in the ordinary build, 30 for
 * the README's table ({@code benchmarks/reliability/kill9.sh}); the seed is {@code -Dhessianscope.kill9.seed}.
 * Each kind prints one line of counts, prefixed {@code kill9}.
 */
class KillNineTest {
    static final int TRIALS = Integer.getInteger("hessianscope.kill9.trials", 3);
    static final long SEED = Long.getLong("hessianscope.kill9.seed", 18);
    static final String[] TRAIN = {"train", "--layers", "1", "--channels", "2", "--kernel", "5", "--dataset", "mnist",
            "--train-size", "150", "--epochs", "2", "--seed", "4"};

    @TempDir
    Path tmp;

    @Test
    void nothingKilledMidWriteIsListedOrUsed() throws Exception {
        Path yaml = tmp.resolve("tiny.yaml");
        Files.writeString(yaml, TINY);
        // The uninterrupted runs, in a child like the trials: their wall time spans the kill moments.
        long trainMillis = runToEnd(args(TRAIN, "--out", tmp.resolve("train-ref").toString()));
        Path refOut = tmp.resolve("sweep-ref-out");
        long sweepMillis = runToEnd(sweep(yaml, tmp.resolve("sweep-ref"), refOut));
        List<String> reference = comparable(SweepSummary.read(refOut));
        assertEquals(2, reference.size());

        Random random = new Random(SEED);
        int trains = 0;
        int trainFinished = 0;
        int trainRefused = 0;
        int sweeps = 0;
        int sweepFinished = 0;
        int listedAtKill = 0;
        int sweepsWithRuns = 0;
        int resumedEqual = 0;
        for (int t = 0; t < TRIALS; t++) {
            Path trial = tmp.resolve("trial-" + t);
            Path store = trial.resolve("store");
            boolean isTrain = t % 2 == 0;
            // Up to 10 % past the uninterrupted time, so that some kills land after the end as a control.
            long delay = (long) (random.nextDouble() * 1.1 * (isTrain ? trainMillis : sweepMillis));
            if (isTrain) {
                trains++;
                Path out = trial.resolve("run");
                if (killAfter(delay, args(TRAIN, "--out", out.toString()))) {
                    trainFinished++;
                }
                Result imported = cli("runs", "--store", store.toString(), "--import", out.toString());
                if (imported.code() != 0) {
                    trainRefused++;
                    assertEquals(2, imported.code(), "trial " + t + ": " + imported.out() + imported.err());
                    assertEquals(1, imported.err().strip().lines().count(), "one line: " + imported.err());
                }
                Result list = cli("runs", "--store", store.toString());
                assertEquals(0, list.code(), "trial " + t + ": " + list.out() + list.err());
                assertFalse(list.out().contains("damaged"), list.out());
                assertTrue(list.out().startsWith((imported.code() == 0 ? 1 : 0) + " run(s) in "), list.out());
            } else {
                sweeps++;
                Path out = trial.resolve("out");
                if (killAfter(delay, sweep(yaml, store, out))) {
                    sweepFinished++;
                }
                if (Files.exists(store)) {
                    Result list = cli("runs", "--store", store.toString());
                    assertEquals(0, list.code(), "trial " + t + ": " + list.out() + list.err());
                    assertFalse(list.out().contains("damaged"), list.out());
                    int listed = Integer.parseInt(list.out().substring(0, list.out().indexOf(' ')));
                    listedAtKill += listed;
                    sweepsWithRuns += listed > 0 ? 1 : 0;
                }
                // The killed process's lock, runs and analyses are what the same command finds next.
                Result resumed = cli(sweep(yaml, store, out));
                assertEquals(0, resumed.code(), "trial " + t + ": " + resumed.out() + resumed.err());
                assertEquals(reference, comparable(SweepSummary.read(out)), "trial " + t);
                resumedEqual++;
            }
        }
        System.out.printf("kill9 train: %d trials, %d finished before the kill, %d killed runs refused by runs --import,"
                + " %d imported, 0 damaged listed%n", trains, trainFinished, trainRefused, trains - trainRefused);
        System.out.printf("kill9 sweep: %d trials, %d finished before the kill, %d with runs published at the kill"
                + " (%d runs listed, 0 damaged), %d resumed to the uninterrupted summary%n", sweeps, sweepFinished,
                sweepsWithRuns, listedAtKill, resumedEqual);
        assertEquals(sweeps, resumedEqual);
    }

    static String[] sweep(Path yaml, Path store, Path out) {
        return new String[] {"sweep", yaml.toString(), "--store", store.toString(), "--out", out.toString()};
    }

    /** A summary's rows without what differs between stores: the run's path and whether this sweep trained it. */
    static List<String> comparable(SweepSummary s) {
        List<String> rows = new ArrayList<>();
        s.rows().forEach(r -> rows.add(r.toString().replaceAll("run=[^,]*, trained=(true|false), ", "")));
        return rows;
    }

    /** Runs the command in a child to its end (exit status 0) and returns its wall time in ms. */
    static long runToEnd(String... args) throws Exception {
        long start = System.nanoTime();
        Process p = child(args);
        assertTrue(p.waitFor(10, TimeUnit.MINUTES), String.join(" ", args));
        assertEquals(0, p.exitValue(), String.join(" ", args));
        return (System.nanoTime() - start) / 1_000_000;
    }

    /** Starts the command in a child, SIGKILLs it after {@code millis}; true when it had ended by itself. */
    static boolean killAfter(long millis, String... args) throws Exception {
        Process p = child(args);
        if (p.waitFor(millis, TimeUnit.MILLISECONDS)) {
            assertEquals(0, p.exitValue(), String.join(" ", args));
            return true;
        }
        p.destroyForcibly();
        p.waitFor();
        return false;
    }

    static Process child(String... args) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "-Xmx512m", "-cp", System.getProperty("java.class.path"),
                HessianScopeCli.class.getName()));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
    }
}
