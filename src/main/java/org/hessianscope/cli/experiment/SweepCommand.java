package org.hessianscope.cli.experiment;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.hessianscope.data.DataLocations;
import org.hessianscope.data.DatasetCatalog;
import org.hessianscope.experiment.PortableSweep;
import org.hessianscope.experiment.RunStore;
import org.hessianscope.experiment.SweepExecution;
import org.hessianscope.experiment.SweepFile;
import org.hessianscope.experiment.SweepFileReader;
import org.hessianscope.experiment.SweepProgressLines;
import org.hessianscope.experiment.SweepReport;
import org.hessianscope.experiment.SweepResult;
import org.hessianscope.experiment.SweepRunner;
import org.hessianscope.experiment.SweepSummary;
import org.hessianscope.figure.SweepFigures;
import org.hessianscope.task.ProgressMonitor;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

@Command(name = "sweep", mixinStandardHelpOptions = true,
        description = {"Train and analyse every network of a sweep file (see experiments/README.md), reusing runs "
                + "already in the run store, and write summary.csv, summary.json and the figures.",
                "Interrupted sweeps resume where they stopped: run the same command again. A point that fails "
                        + "is reported in the summary with its reason and the others go on; the exit status is then "
                        + SweepCommand.SOME_POINTS_FAILED + " and running again tries it again."})
public final class SweepCommand implements Callable<Integer> {
    /** Exit status of a sweep that finished with some points failed (each in the summary with its reason). */
    public static final int SOME_POINTS_FAILED = org.hessianscope.experiment.SweepProcess.SOME_POINTS_FAILED;

    @Parameters(paramLabel = "SWEEP.yaml", description = "A sweep file, ours or one of the authors' configs.")
    Path file;

    @Mixin
    SweepOptions options;

    @Override
    public Integer call() throws Exception {
        SweepFile sweep = options.apply(SweepFileReader.read(file));
        SweepSummary summary = run(sweep, options,
                options.out == null ? SweepReport.defaultFolder(sweep.name()) : options.out);
        return summary.failed().isEmpty() ? 0 : SOME_POINTS_FAILED;
    }

    /** Runs {@code sweep} and writes its results folder; shared with {@code reproduce}. */
    static SweepSummary run(SweepFile sweep, SweepOptions options, Path out) throws Exception {
        DatasetCatalog catalog = new DatasetCatalog(DataLocations.ofSystem(options.dataDir));
        try (SweepExecution runner = options.spark == null
                ? new SweepRunner(new RunStore(options.storePath()), catalog, options.jobs, options.threads())
                : SweepExecution.Cluster.find().open(options.spark, options.storeIsUri() ? options.store
                        : options.storePath().toString(), catalog.locations())) {
            return run(sweep, options, out, runner);
        }
    }

    private static SweepSummary run(SweepFile sweep, SweepOptions options, Path out, SweepExecution runner)
            throws Exception {
        RunStore store = runner.store();
        SweepConsole console = new SweepConsole(System.out, System.err, System.console() != null,
                sweep.parameter().key(), sweep.points().size(), sweep.seeded());
        SweepProgressLines lines = options.progressLines ? new SweepProgressLines(System.out, console) : null;
        System.out.println("sweep " + sweep.name() + ": " + sweep.parameter().key() + " = " + sweep.values()
                + (sweep.seeded() ? ", seeds " + sweep.seeds() : "") + " on "
                + runner.trainingSet(sweep).describe() + ", " + sweep.training().epochs() + " epochs; run store "
                + store.root() + (options.spark == null ? "" : "; on Spark " + options.spark));
        SweepResult result;
        try {
            result = runner.run(sweep, lines == null ? console : lines, ProgressMonitor.NONE);
        } finally {
            console.endBar();
        }
        SweepSummary summary = SweepReport.write(result, store, out, SweepFigures.WRITER);
        if (options.export != null) {
            PortableSweep.export(out, options.export);
            System.out.println("exported a self-contained copy to " + options.export);
        }
        SweepConsole.printTrends(System.out, summary);
        if (lines != null) {
            lines.done(result.points().size(), sweep.points().size(), out.toAbsolutePath().toString());
        }
        System.out.println(result.points().size() + " point(s), " + result.reused() + " reused from the store; wrote "
                + out.resolve(SweepSummary.CSV_FILE) + ", " + SweepSummary.JSON_FILE + " and figures");
        if (!result.failed().isEmpty()) {
            System.err.println("error: " + result.failed().size() + " of " + sweep.points().size() + " point(s) failed ("
                    + String.join(", ", result.failed().stream().map(f -> f.parameter() + " = " + f.value()).toList())
                    + "), each with its reason in " + SweepSummary.CSV_FILE + "; run the same command again to retry them");
        }
        return summary;
    }
}
