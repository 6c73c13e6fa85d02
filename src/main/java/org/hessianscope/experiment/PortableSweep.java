package org.hessianscope.experiment;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.hessianscope.analysis.AnalysisStore;
import org.hessianscope.io.AtomicFiles;
import org.hessianscope.io.NpyDtype;
import org.hessianscope.io.WeightsFile;
import org.hessianscope.run.RunFolder;
import org.hessianscope.run.RunInfo;
import org.hessianscope.run.TrainedRun;
import org.hessianscope.train.TrainingProgress;

/**
 * A self-contained copy of a finished sweep that can be shipped (what {@code sample-models/}
 * holds): the results folder plus every run under {@code runs/}, with float32 weights, the
 * training history thinned to every {@value #HISTORY_STRIDE}th step (and each epoch's last), and
 * the analysis as computed in double precision from the float64 weights, in compact form
 * ({@link AnalysisStore#compact}). Summary rows point to
 * {@code runs/NAME}, relative, so the copy can be moved.
 */
public final class PortableSweep {
    public static final String RUNS = "runs";
    static final int HISTORY_STRIDE = 10;

    private PortableSweep() {
    }

    /** Writes the copy of {@code results} (a sweep results folder) into {@code target}, replacing it whole. */
    public static void export(Path results, Path target) throws IOException {
        SweepSummary summary = SweepSummary.read(results);
        Path abs = target.toAbsolutePath().normalize();
        Files.createDirectories(abs.getParent());
        Path tmp = abs.resolveSibling("." + abs.getFileName() + ".partial-" + UUID.randomUUID());
        try {
            Files.createDirectories(tmp.resolve(RUNS));
            try (Stream<Path> files = Files.list(results)) {
                for (Path f : files.filter(Files::isRegularFile).toList()) {
                    if (!f.getFileName().toString().equals(SweepSummary.JSON_FILE)) {
                        Files.copy(f, tmp.resolve(f.getFileName()));
                    }
                }
            }
            List<SweepRow> rows = new ArrayList<>();
            for (SweepRow row : summary.rows()) {
                Path run = summary.runFolder(row, results);
                String name = run.getFileName().toString();
                copyRun(run, tmp.resolve(RUNS).resolve(name));
                rows.add(withRun(row, RUNS + "/" + name));
            }
            // The copy travels: it keeps no path of the machine it was made on.
            new SweepSummary(summary.name(), summary.title(), summary.dataset(), summary.parameter(),
                    summary.legendTitle(), RUNS, summary.sweepYaml(), rows, summary.trends(), List.of(), summary.failed(),
                    summary.seeds(),
                    summary.networks(), summary.seedTrends(), summary.correlations())
                    .write(tmp);
            if (Files.exists(abs)) {
                AtomicFiles.deleteTree(abs);
            }
            Files.move(tmp, abs);
        } finally {
            if (Files.exists(tmp)) {
                AtomicFiles.deleteTree(tmp);
            }
        }
    }

    private static void copyRun(Path from, Path to) throws IOException {
        TrainedRun run = RunFolder.read(from);
        List<TrainingProgress> history = run.history();
        List<TrainingProgress> thin = new ArrayList<>();
        for (TrainingProgress p : history) {
            if (p.step() % HISTORY_STRIDE == 0 || p.batch() == p.batches() || p.step() == 1) {
                thin.add(p);
            }
        }
        Map<String, byte[]> extras = new java.util.HashMap<>(AnalysisStore.compact(AnalysisStore.read(from)
                .orElseThrow(() -> new IOException(from + " has no " + AnalysisStore.FILE + "; analyse it first"))));
        extras.put(RunStore.KEY, Files.readAllBytes(from.resolve(RunStore.KEY)));
        RunFolder.write(to, new TrainedRun(run.spec(), run.init(), run.weights(), thin, portable(run.info())), extras);
        WeightsFile.write(to.resolve(RunFolder.INIT), run.spec(), run.init(), NpyDtype.FLOAT32_LE);
        WeightsFile.write(to.resolve(RunFolder.WEIGHTS), run.spec(), run.weights(), NpyDtype.FLOAT32_LE);
    }

    /** run.json with the data's location cut to its last folder, e.g. "--data-dir …/mnist". */
    static RunInfo portable(RunInfo info) {
        String source = info.data().source();
        int slash = source.indexOf('/');
        if (slash >= 0) {
            String tail = source.substring(source.lastIndexOf('/', source.length() - 2) + 1);
            source = source.substring(0, slash) + "…/" + tail;
        }
        return new RunInfo(info.status(), info.message(), info.seed(), info.options(),
                new RunInfo.DataUsed(info.data().dataset(), info.data().trainSize(), info.data().testSize(), source),
                info.start(), info.end(), info.train(), info.test(), info.versions());
    }

    private static SweepRow withRun(SweepRow r, String run) {
        return new SweepRow(r.index(), r.parameter(), r.value(), r.seed(), run, r.trained(), r.status(), r.parameters(),
                r.epochs(), r.trainSize(), r.trainLoss(), r.trainAccuracy(), r.testLoss(), r.testAccuracy(),
                r.lossMean(), r.lossStd(), r.lossMax(), r.lossDifferenceTail(), r.exactTail(), r.hessianTop(),
                r.hessianBottom(), r.ggnTop(), r.residualOverGgn(), r.medianResidualRatio(), r.maxResidualRatio(),
                r.maxGgnNorm(), r.paperBoundLog10(), r.lemma2BoundLog10(), r.measuredLog10());
    }

}
