package org.hessianscope.cli.model;

import org.hessianscope.cli.common.DatasetOptions;
import org.hessianscope.cli.common.ModelSource;
import org.hessianscope.cli.common.SpecOptions;
import org.hessianscope.arch.ArchitectureSpec;
import org.hessianscope.data.Dataset;
import org.hessianscope.engine.Engine;
import org.hessianscope.run.RunFolder;
import org.hessianscope.run.RunInfo;
import org.hessianscope.run.RunTraining;
import org.hessianscope.task.ProgressMonitor;
import org.hessianscope.train.TrainingOptions;
import org.hessianscope.train.TrainingResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

@Command(name = "train", mixinStandardHelpOptions = true,
        description = "Train a network with Adam (PyTorch's defaults) and write a run folder: spec.json, init.npz, "
                + "weights.npz, history.csv, run.json.")
public final class TrainCommand implements Callable<Integer> {

    @Mixin
    SpecOptions spec;

    @Mixin
    DatasetOptions data;

    @Option(names = "--epochs", paramLabel = "E", defaultValue = "1", description = "Epochs (default: ${DEFAULT-VALUE}; the paper used 10).")
    int epochs;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "0", description = "Seed of the initial weights and the shuffles (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--batch-size", paramLabel = "B", defaultValue = "" + TrainingOptions.DEFAULT_BATCH_SIZE, description = "Mini-batch size (default: ${DEFAULT-VALUE}).")
    int batchSize;

    @Option(names = "--lr", paramLabel = "LR", defaultValue = "1e-3", description = "Adam learning rate (default: ${DEFAULT-VALUE}).")
    double learningRate;

    @Option(names = "--out", paramLabel = "RUN_DIR", required = true, description = "Run folder to create (must not exist, or be empty).")
    Path out;

    @Override
    public Integer call() throws Exception {
        ArchitectureSpec s = spec.resolve();
        TrainingOptions options = TrainingOptions.adam(epochs, batchSize, learningRate, seed);
        if (Files.exists(out) && !(Files.isDirectory(out) && isEmpty(out))) {
            throw new IllegalArgumentException(out + " already exists; choose another --out or remove it");
        }
        Dataset train = data.train();
        Dataset test = data.test();
        ModelSource.checkFits(s, train, train.describe());
        ModelSource.checkFits(s, test, test.describe());
        TrainingResult result;
        try (Engine engine = Engine.create()) {
            ExecutorService worker = Executors.newSingleThreadExecutor(r -> new Thread(r, "hessianscope-train"));
            RunTraining.Outcome outcome;
            try {
                outcome = CompletableFuture.supplyAsync(() -> RunTraining.train(engine, s, train, test, options,
                        TrainingProgressBar.onStderr(), ProgressMonitor.NONE), worker).get();
            } finally {
                worker.shutdown();
            }
            result = outcome.result();
            RunInfo info = outcome.run().info();
            RunFolder.write(out, outcome.run());
            RunInfo.Metrics onTrain = info.train();
            RunInfo.Metrics onTest = info.test();
            double seconds = Duration.between(result.start(), result.end()).toMillis() / 1000.0;
            System.out.printf(Locale.ROOT, "%s in %.1f s on %s%n", result.message(), seconds, train);
            System.out.printf(Locale.ROOT, "train: loss %.6f, accuracy %.4f (%d samples)%n", onTrain.loss(),
                    onTrain.accuracy(), train.size());
            System.out.printf(Locale.ROOT, "test:  loss %.6f, accuracy %.4f (%d samples)%n", onTest.loss(),
                    onTest.accuracy(), test.size());
            System.out.println("run folder: " + out);
        }
        if (result.status() == TrainingResult.Status.DIVERGED) {
            throw new IllegalArgumentException("training diverged: " + result.message() + "; " + out
                    + " keeps those weights with status \"diverged\" in run.json");
        }
        return 0;
    }

    private static boolean isEmpty(Path dir) throws java.io.IOException {
        try (var s = Files.list(dir)) {
            return s.findAny().isEmpty();
        }
    }
}
