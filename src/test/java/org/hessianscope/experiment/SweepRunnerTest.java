package org.hessianscope.experiment;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.hessianscope.analysis.AnalysisResult;
import org.hessianscope.analysis.AnalysisStore;
import org.hessianscope.data.DatasetCatalog;
import org.hessianscope.figure.SweepFigures;
import org.hessianscope.io.Npy;
import org.hessianscope.run.RunFolder;
import org.hessianscope.task.ProgressMonitor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The test: a tiny sweep on the embedded data runs end to end, is interrupted and resumed, and reuses points. */
class SweepRunnerTest {
    @TempDir
    Path tmp;

    /** Records what a sweep reported; cancels when {@code cancelWhen} says so. */
    static final class Recorder implements SweepListener {
        final List<PointResult> finished = Collections.synchronizedList(new ArrayList<>());
        final List<String> warnings = Collections.synchronizedList(new ArrayList<>());
        final AtomicBoolean cancel = new AtomicBoolean();
        int cancelInTrainingOfPoint = -1;

        @Override
        public void progress(SweepPoint point, Phase phase, long done, long total, String message) {
            if (phase == Phase.TRAINING && point.index() == cancelInTrainingOfPoint && done >= 2) {
                cancel.set(true);
            }
        }

        @Override
        public void finished(PointResult result) {
            finished.add(result);
        }

        @Override
        public void warning(String message) {
            warnings.add(message);
        }

        ProgressMonitor monitor() {
            return new ProgressMonitor() {
                public void progress(long done, long total, String message) {
                }

                public boolean isCancelled() {
                    return cancel.get();
                }
            };
        }
    }

    private DatasetCatalog catalog() {
        return TinySweep.catalog(tmp.resolve("no-data"));
    }

    @Test
    void interruptedSweepResumesWithoutRedoingFinishedPointsAndMatchesAnUninterruptedOne() throws Exception {
        SweepFile sweep = TinySweep.sweep();
        RunStore store = new RunStore(tmp.resolve("store"));
        SweepRunner runner = new SweepRunner(store, catalog(), 1, 2);

        Recorder first = new Recorder();
        first.cancelInTrainingOfPoint = 1; // stop in the middle of the second point's training
        assertThrows(CancellationException.class, () -> runner.run(sweep, first, first.monitor()));
        assertEquals(1, first.finished.size());
        RunStore.Scan afterKill = store.scan();
        assertEquals(1, afterKill.runs().size(), "only the finished point is stored");
        assertTrue(afterKill.damaged().isEmpty());
        try (Stream<Path> s = Files.list(store.root())) {
            // The store's lock file stays (deleting it on release would race a process about to lock it).
            assertEquals(1, s.filter(p -> !p.getFileName().toString().equals(StoreLock.FILE)).count(),
                    "no half-written run folder is left behind");
        }

        Recorder second = new Recorder();
        SweepResult resumed = runner.run(sweep, second, second.monitor());
        assertEquals(3, resumed.points().size());
        assertFalse(resumed.points().get(0).trained(), "the finished point is reused, not retrained");
        assertFalse(resumed.points().get(0).analysed(), "and its analysis is reused too");
        assertTrue(resumed.points().get(1).trained());
        assertTrue(resumed.points().get(2).trained());
        assertEquals(1, resumed.reused());

        SweepResult third = runner.run(sweep, SweepListener.NONE, ProgressMonitor.NONE);
        assertEquals(3, third.reused());
        assertTrue(third.points().stream().noneMatch(PointResult::analysed));

        // Training is deterministic, so an uninterrupted sweep with two jobs gives the same runs.
        SweepResult fresh = new SweepRunner(new RunStore(tmp.resolve("fresh")), catalog(), 2, 2)
                .run(sweep, SweepListener.NONE, ProgressMonitor.NONE);
        for (int i = 0; i < 3; i++) {
            Path a = resumed.points().get(i).run().folder();
            Path b = fresh.points().get(i).run().folder();
            assertEquals(a.getFileName(), b.getFileName());
            assertArrayEquals(RunFolder.read(a).weights(), RunFolder.read(b).weights());
            assertArrayEquals(resumed.points().get(i).analysis().losses(), fresh.points().get(i).analysis().losses());
            assertEquals(i + 1, resumed.points().get(i).point().spec().layers());
        }
    }

    @Test
    void damagedRunIsReportedSetAsideAndTrainedAgain() throws Exception {
        SweepFile sweep = TinySweep.sweep();
        RunStore store = new RunStore(tmp.resolve("store"));
        SweepRunner runner = new SweepRunner(store, catalog(), 1, 2);
        SweepResult before = runner.run(sweep, SweepListener.NONE, ProgressMonitor.NONE);
        Path victim = before.points().get(1).run().folder();
        double[] weights = RunFolder.read(victim).weights();
        byte[] whole = Files.readAllBytes(victim.resolve(RunFolder.WEIGHTS));
        Files.write(victim.resolve(RunFolder.WEIGHTS), java.util.Arrays.copyOf(whole, 100));

        RunStore.Scan scan = store.scan();
        assertEquals(2, scan.runs().size());
        assertEquals(1, scan.damaged().size());
        assertEquals(victim, scan.damaged().get(0).folder());
        assertTrue(scan.damaged().get(0).problem().contains(RunFolder.WEIGHTS), scan.damaged().get(0).problem());

        Recorder rec = new Recorder();
        SweepResult after = runner.run(sweep, rec, rec.monitor());
        assertEquals(1, rec.warnings.size());
        assertTrue(rec.warnings.get(0).contains(victim.getFileName().toString()), rec.warnings.get(0));
        assertTrue(rec.warnings.get(0).contains(RunFolder.WEIGHTS), rec.warnings.get(0));
        assertEquals(1, after.damaged().size());
        assertTrue(after.points().get(1).trained());
        assertFalse(after.points().get(0).trained());
        assertArrayEquals(weights, RunFolder.read(victim).weights(), "retrained to the same weights");
        // Nothing is deleted: the damaged folder is kept under .damaged with its truncated file.
        try (Stream<Path> s = Files.list(store.root().resolve(RunStore.DAMAGED))) {
            List<Path> kept = s.toList();
            assertEquals(1, kept.size());
            assertEquals(100, Files.size(kept.get(0).resolve(RunFolder.WEIGHTS)));
        }
        assertTrue(store.scan().damaged().isEmpty());
    }

    @Test
    void summaryAgreesWithTheRunsAndAnIndependentComputation() throws Exception {
        SweepFile sweep = TinySweep.sweep();
        RunStore store = new RunStore(tmp.resolve("store"));
        SweepResult result = new SweepRunner(store, catalog(), 1, 2).run(sweep, SweepListener.NONE, ProgressMonitor.NONE);
        Path out = tmp.resolve("out");
        SweepSummary summary = SweepReport.write(result, store, out, SweepFigures.WRITER);

        assertEquals(3, summary.rows().size());
        for (SweepRow row : summary.rows()) {
            Path run = Path.of(row.run());
            assertEquals(RunFolder.readInfo(run).test().accuracy(), row.testAccuracy());
            double[] losses = Npy.read(run.resolve(RunStore.LOSSES)).data();
            assertEquals(128, losses.length);
            int n = losses.length;
            double mean = 0;
            for (double l : losses) {
                mean += l;
            }
            mean /= n;
            double ss = 0;
            for (double l : losses) {
                ss += (l - mean) * (l - mean);
            }
            assertEquals(Math.sqrt(ss / n), row.lossStd(), 1e-12);
            // E[ΔL_k²] = s²/(k(k+1)) with the sample variance s² = ss/(N−1), by the algebra of drawing
            // without replacement; the tail metric averages its square root over k ≥ ⌈N/6⌉.
            int k0 = (n + 5) / 6;
            double exact = 0;
            for (int k = k0; k <= n - 1; k++) {
                exact += Math.sqrt(ss / (n - 1) / ((double) k * (k + 1)));
            }
            assertEquals(exact / (n - k0), row.exactTail(), 1e-12 * exact);
            AnalysisResult a = AnalysisStore.read(run).orElseThrow();
            double tail = 0;
            for (int k = k0; k <= n - 1; k++) {
                tail += a.lossDifference().meanAbs(k);
            }
            assertEquals(tail / (n - k0), row.lossDifferenceTail(), 1e-15);
        }
        assertEquals(summary, SweepSummary.read(out));
        List<String> csv = Files.readAllLines(out.resolve(SweepSummary.CSV_FILE));
        assertEquals(4, csv.size());
        List<String> header = List.of(csv.get(0).split(","));
        int acc = header.indexOf("testAccuracy");
        assertEquals(summary.rows().get(2).testAccuracy(), Double.parseDouble(csv.get(3).split(",")[acc]));
        assertEquals(sweep.points(), SweepFileReader.read(out.resolve(SweepReport.SWEEP_FILE)).points());

        Path shipped = tmp.resolve("shipped");
        PortableSweep.export(out, shipped);
        SweepSummary copy = SweepSummary.read(shipped);
        for (int i = 0; i < 3; i++) {
            SweepRow row = copy.rows().get(i);
            Path original = Path.of(summary.rows().get(i).run());
            assertEquals(PortableSweep.RUNS + "/" + original.getFileName(), row.run());
            Path run = copy.runFolder(row, shipped);
            assertTrue(RunCheck.check(run).damage() == null, "a shipped run is a valid store folder");
            double[] full = RunFolder.read(original).weights();
            double[] small = RunFolder.read(run).weights();
            for (int j = 0; j < full.length; j++) {
                assertEquals((double) (float) full[j], small[j], 0.0);
            }
            // The compact analysis reads back as the full one: the curves recomputed from the losses match.
            AnalysisResult stored = AnalysisStore.read(original).orElseThrow();
            AnalysisResult compact = AnalysisStore.read(run).orElseThrow();
            assertArrayEquals(stored.losses(), compact.losses());
            assertEquals(stored.lossDifference(), compact.lossDifference());
            assertArrayEquals(stored.smoothed(), compact.smoothed());
            assertArrayEquals(stored.predictions(), compact.predictions());
            assertEquals(stored.bounds(), compact.bounds());
            assertFalse(Files.readString(run.resolve(AnalysisStore.FILE)).contains("meanAbs"), "curves are not shipped");
            // 4 steps per epoch (128 records, batch 32): steps 1 and 4 are kept, the last of the epoch
            assertEquals(List.of(1L, 4L), RunFolder.read(run).history().stream().map(p -> p.step()).toList());
            assertEquals(summary.rows().get(i).testAccuracy(), row.testAccuracy());
        }
        assertTrue(Files.exists(shipped.resolve("lossdiff.pdf")));
        assertEquals(PortableSweep.RUNS, copy.store(), "no path of this machine travels with the copy");
        assertEquals("classpath:…/mnist/", RunFolder.readInfo(copy.runFolder(copy.rows().get(0), shipped)).data().source()
                .replaceFirst("^embedded subset ", ""));
        assertEquals("--data-dir …/mnist", PortableSweep.portable(new org.hessianscope.run.RunInfo("completed", "", 0,
                sweep.training(), new org.hessianscope.run.RunInfo.DataUsed("mnist", 1, 1,
                "--data-dir /home/someone/datasets/mnist"), "", "", null, null, null)).data().source());

        for (String name : SweepFigures.NAMES) {
            byte[] pdf = Files.readAllBytes(out.resolve(name + ".pdf"));
            assertEquals("%PDF", new String(pdf, 0, 4, StandardCharsets.US_ASCII), name);
            byte[] png = Files.readAllBytes(out.resolve(name + ".png"));
            assertEquals((byte) 0x89, png[0]);
            assertEquals("PNG", new String(png, 1, 3, StandardCharsets.US_ASCII));
            assertTrue(Files.readString(out.resolve(name + ".svg")).contains("<svg"));
            assertTrue(Files.readAllLines(out.resolve(name + ".csv")).size() > 3, name);
        }
    }

    /**
     * Issue 20: a point that fails for a reason of its own is in the summary with its reason and the
     * others finish. C = 8000 at L = 2 has 1.6e9 parameters: the memory check refuses it before training.
     */
    @Test
    void aPointThatFailsIsReportedInTheSummaryAndTheOthersGoOn() throws Exception {
        SweepFile sweep = SweepFileReader.parse(TinySweep.YAML.replace("channels: 2\n", "layers: 2\n")
                .replace("parameter: layers", "parameter: channels").replace("values: [1, 2, 3]", "values: [8000, 2]"),
                "failing.yaml", "failing");
        RunStore store = new RunStore(tmp.resolve("store"));
        SweepRunner runner = new SweepRunner(store, catalog(), 2, 2);
        List<FailedPoint> heard = Collections.synchronizedList(new ArrayList<>());
        SweepListener listener = new SweepListener() {
            @Override
            public void failed(FailedPoint failure) {
                heard.add(failure);
            }
        };
        SweepResult result = runner.run(sweep, listener, ProgressMonitor.NONE);
        assertEquals(1, result.points().size(), "the other point finished");
        assertEquals("2", result.points().get(0).point().value());
        assertEquals(1, result.failed().size());
        FailedPoint failed = result.failed().get(0);
        assertEquals(new FailedPoint(0, "channels", "8000", 0, failed.reason()), failed);
        assertTrue(failed.reason().contains("1,632,216,010 parameters") && failed.reason().contains("heap"),
                failed.reason());
        assertEquals(List.of(failed), heard);
        assertEquals(1, store.scan().runs().size(), "nothing of the failed point is stored");
        assertTrue(store.scan().damaged().isEmpty());

        Path out = tmp.resolve("out");
        SweepSummary summary = SweepReport.write(result, store, out, SweepFigures.WRITER);
        assertEquals(List.of(failed), summary.failed());
        assertEquals(summary, SweepSummary.read(out));
        List<String> csv = Files.readAllLines(out.resolve(SweepSummary.CSV_FILE));
        assertEquals(3, csv.size(), "a line per point, the failed one included");
        List<String> header = List.of(csv.get(0).split(","));
        assertEquals(SweepSummary.REASON_COLUMN, header.get(header.size() - 1));
        assertTrue(csv.get(1).startsWith("0,channels,8000,0,,false," + SweepSummary.FAILED_STATUS + ","), csv.get(1));
        assertTrue(csv.get(1).endsWith("\"" + failed.reason() + "\""), csv.get(1));
        assertTrue(csv.get(2).startsWith("1,channels,2,"), csv.get(2));
        assertTrue(csv.get(2).endsWith(","), "a finished point has no reason");
        assertEquals(header.size(), csv.get(2).split(",", -1).length);

        // Resumable: the finished point is reused, the failed one is tried again.
        SweepResult again = runner.run(sweep, SweepListener.NONE, ProgressMonitor.NONE);
        assertEquals(1, again.reused());
        assertEquals(1, again.failed().size());
        // The same failure; its reason quotes the free heap, which differs from run to run.
        assertEquals(new FailedPoint(0, "channels", "8000", 0, again.failed().get(0).reason()), again.failed().get(0));
        assertTrue(again.failed().get(0).reason().startsWith("training this network (1,632,216,010 parameters)"));
    }
}
