package org.hessianscope.cli;

import java.nio.file.Path;
import org.hessianscope.experiment.SweepFile;
import picocli.CommandLine.Option;

/** Options shared by {@code sweep} and {@code reproduce}: where runs and results go, and the overrides. */
final class SweepOptions {
    @Option(names = "--store", paramLabel = "DIR", description = "Run store folder (default ~/.hessianscope/runs).")
    Path store;

    @Option(names = "--out", paramLabel = "DIR",
            description = "Results folder (default: ~/.hessianscope/sweeps/NAME for sweep, ./reproduce/FIGURE for "
                    + "reproduce).")
    Path out;

    @Option(names = "--jobs", paramLabel = "N", defaultValue = "1",
            description = "Points trained side by side, sharing the cores (default ${DEFAULT-VALUE}).")
    int jobs;

    @Option(names = "--threads", paramLabel = "T", description = "Worker threads in all (default: all cores).")
    Integer threads;

    @Option(names = "--data-dir", paramLabel = "DIR", description = "Folder holding the full datasets (see `datasets`).")
    Path dataDir;

    @Option(names = "--train-size", paramLabel = "N", description = "Override: the first N training records.")
    Integer trainSize;

    @Option(names = "--epochs", paramLabel = "E", description = "Override: epochs of training.")
    Integer epochs;

    @Option(names = "--export", paramLabel = "DIR",
            description = "Also write a self-contained copy of the results with every run (float32 weights, thinned "
                    + "history, the double-precision analysis), as sample-models/ ships.")
    Path export;

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
        return s;
    }
}
