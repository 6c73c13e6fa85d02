package org.hessianscope.cli.experiment;

import java.nio.file.Path;
import org.hessianscope.analysis.AnalysisOptions;
import org.hessianscope.experiment.RunStore;
import org.hessianscope.experiment.SweepFile;
import picocli.CommandLine.Option;

/** Options shared by {@code sweep} and {@code reproduce}: where runs and results go, and the overrides. */
public final class SweepOptions {
    @Option(names = "--store", paramLabel = "DIR",
            description = "Run store folder (default ~/.local/share/hessianscope/runs; README: Where files go); with "
                    + "--spark also a Hadoop filesystem URI (hdfs://, s3a://, file://).")
    String store;

    @Option(names = "--out", paramLabel = "DIR",
            description = "Results folder (default ~/.local/share/hessianscope/sweeps/NAME, NAME being the sweep's name "
                    + "or reproduce's FIGURE; reproduce writes DIR/FIGURE).")
    Path out;

    @Option(names = "--jobs", paramLabel = "N", defaultValue = "1",
            description = "Points trained side by side, sharing the cores (default ${DEFAULT-VALUE}).")
    int jobs;

    @Option(names = "--threads", paramLabel = "T", description = "Worker threads in all (default: all cores).")
    Integer threads;

    @Option(names = "--spark", paramLabel = "MASTER",
            description = "Run the points as Apache Spark tasks: local[N] in this process, spark://HOST:7077, yarn or "
                    + "k8s://URL (see docs/experiments.md); --store must then be a folder every node sees. "
                    + "Without it the points run here.")
    String spark;

    @Option(names = "--progress-lines",
            description = "Also print each point's events as one machine-readable line on standard output "
                    + "(\"hessianscope-progress/1 {JSON}\", see docs/experiments.md), as the desktop app reads them.")
    boolean progressLines;

    @Option(names = "--data-dir", paramLabel = "DIR", description = "Folder holding the full datasets (see `datasets`).")
    Path dataDir;

    @Option(names = "--train-size", paramLabel = "N", description = "Override: the first N training records.")
    Integer trainSize;

    @Option(names = "--epochs", paramLabel = "E", description = "Override: epochs of training.")
    Integer epochs;

    @Option(names = "--values", paramLabel = "V1,V2", split = ",",
            description = "Override: run only these values of the swept parameter.")
    java.util.List<String> values;

    @Option(names = "--precision", paramLabel = "P",
            converter = org.hessianscope.cli.model.TrainCommand.PrecisionConverter.class,
            description = "Override: train in float32 or float64 (default: the sweep file's precision, float64 "
                    + "when it names none); analyses are float64 either way.")
    org.hessianscope.engine.Precision precision;

    @Option(names = "--seeds", paramLabel = "S1,S2", split = ",",
            description = "Override: train every network once per seed (e.g. 0,1,2); the summary then gives each "
                    + "network's mean and 95 %% interval over seeds and a permutation test of each trend.")
    java.util.List<Long> seeds;

    @Option(names = "--orderings", paramLabel = "S", description = "Override: random orderings of the loss difference.")
    Integer orderings;

    @Option(names = "--curvature-samples", paramLabel = "N",
            description = "Override: the first N training samples are the curvature and bound subset.")
    Integer curvatureSamples;

    @Option(names = "--lanczos-steps", paramLabel = "M", description = "Override: Lanczos steps per operator.")
    Integer lanczosSteps;

    @Option(names = "--per-sample-full", paramLabel = "N",
            description = "Override: random samples whose ‖H_i‖ and ‖H_F,i‖ are found by Lanczos (0: skip).")
    Integer perSampleFull;

    @Option(names = "--export", paramLabel = "DIR",
            description = "Also write a self-contained copy of the results with every run (float32 weights, thinned "
                    + "history, the double-precision analysis), as sample-models/ ships.")
    Path export;

    /** A store given as a URI with a scheme (hdfs://...), which only --spark can use. */
    boolean storeIsUri() {
        return store != null && store.matches("[A-Za-z][A-Za-z0-9+.-]*://.*");
    }

    Path storePath() {
        if (storeIsUri()) {
            throw new IllegalArgumentException("--store " + store + " is a filesystem URI; only --spark runs a sweep on "
                    + "one (give a folder without --spark)");
        }
        return store == null ? RunStore.defaultRoot() : Path.of(store);
    }

    int threads() {
        int t = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
        if (t < 1) {
            throw new IllegalArgumentException("--threads " + t + " must be at least 1");
        }
        return t;
    }

    SweepFile apply(SweepFile sweep) {
        if (jobs < 1) {
            throw new IllegalArgumentException("--jobs " + jobs + " must be at least 1");
        }
        SweepFile s = sweep;
        if (trainSize != null) {
            if (trainSize < 2) {
                throw new IllegalArgumentException("--train-size " + trainSize + " must be at least 2");
            }
            s = s.withTrainSize(trainSize);
        }
        if (epochs != null) {
            if (epochs < 1) {
                throw new IllegalArgumentException("--epochs " + epochs + " must be at least 1");
            }
            s = s.withEpochs(epochs);
        }
        if (values != null) {
            s = s.withValues(values);
        }
        if (seeds != null) {
            // Checked here so that the line names the option, not the sweep file the option overrides.
            if (seeds.size() > org.hessianscope.experiment.SweepFile.MAX_SEEDS) {
                throw new IllegalArgumentException("--seeds lists " + seeds.size() + " seeds; a sweep has at most "
                        + org.hessianscope.experiment.SweepFile.MAX_SEEDS + " seeds");
            }
            if (seeds.stream().anyMatch(x -> x < 0)) {
                throw new IllegalArgumentException("--seeds " + seeds + " holds a negative seed; seeds are whole "
                        + "numbers ≥ 0");
            }
            if (seeds.stream().distinct().count() != seeds.size()) {
                throw new IllegalArgumentException("--seeds " + seeds + " repeats a seed");
            }
            s = s.withSeeds(seeds);
        }
        if (precision != null) {
            s = s.withTraining(s.training().withPrecision(precision));
        }
        AnalysisOptions a = s.analysis();
        if (orderings != null || curvatureSamples != null || lanczosSteps != null || perSampleFull != null) {
            s = s.withAnalysis(new AnalysisOptions(orderings == null ? a.orderings() : orderings, a.seed(), a.alpha(),
                    a.threads(), curvatureSamples == null ? a.curvatureSamples() : curvatureSamples,
                    lanczosSteps == null ? a.lanczosSteps() : lanczosSteps,
                    perSampleFull == null ? a.perSampleFull() : perSampleFull));
        }
        return s;
    }
}
