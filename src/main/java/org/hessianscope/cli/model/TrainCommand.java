package org.hessianscope.cli.model;

import org.hessianscope.cli.common.DatasetOptions;
import org.hessianscope.cli.common.ModelSource;
import org.hessianscope.cli.common.SpecOptions;
import org.hessianscope.arch.ArchitectureSpec;
import org.hessianscope.data.Dataset;
import org.hessianscope.engine.Engine;
import org.hessianscope.engine.Precision;
import org.hessianscope.run.RunFolder;
import org.hessianscope.run.RunInfo;
import org.hessianscope.run.RunTraining;
import org.hessianscope.task.ProgressMonitor;
import org.hessianscope.train.CheckpointSchedule;
import org.hessianscope.train.TrainingOptions;
import org.hessianscope.train.TrainingResult;
import picocli.CommandLine;
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
                + "weights.npz, history.csv, run.json and, when kept, checkpoints.npy.")
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

    @Option(names = "--precision", paramLabel = "P", defaultValue = "float32", converter = PrecisionConverter.class,
            description = "Precision of the training's gradients: float32 (as PyTorch trains, about twice as fast) or "
                    + "float64 (default: ${DEFAULT-VALUE}; analyses always run in float64).")
    Precision precision;

    @Option(names = "--checkpoints", paramLabel = "epoch|N|none", converter = CheckpointsConverter.class,
            description = "Keep θ (float32, 4 bytes a parameter) in the run folder's checkpoints.npy after every "
                    + "epoch, every N steps, or none (default: epoch while the checkpoints take at most 64 MiB, "
                    + "else none). The trajectory directions of surface and delta need them.")
    CheckpointSchedule checkpoints;

    @Option(names = "--out", paramLabel = "RUN_DIR", required = true, description = "Run folder to create (must not exist, or be empty).")
    Path out;

    @Override
    public Integer call() throws Exception {
        ArchitectureSpec s = spec.resolve();
        TrainingOptions options = TrainingOptions.adam(epochs, batchSize, learningRate, seed).withPrecision(precision);
        if (Files.exists(out) && !(Files.isDirectory(out) && isEmpty(out))) {
            throw new IllegalArgumentException(out + " already exists; choose another --out or remove it");
        }
        Dataset train = data.train();
        Dataset test = data.test();
        ModelSource.checkFits(s, train, train.describe());
        ModelSource.checkFits(s, test, test.describe());
        CheckpointSchedule schedule = checkpoints != null ? checkpoints
                : CheckpointSchedule.modestDefault(s.parameterCount(), epochs);
        TrainingResult result;
        try (Engine engine = Engine.create()) {
            ExecutorService worker = Executors.newSingleThreadExecutor(r -> new Thread(r, "hessianscope-train"));
            RunTraining.Outcome outcome;
            try {
                outcome = CompletableFuture.supplyAsync(() -> RunTraining.train(engine, s, train, test, options,
                        schedule, TrainingProgressBar.onStderr(), ProgressMonitor.NONE), worker).get();
            } finally {
                worker.shutdown();
            }
            result = outcome.result();
            RunInfo info = outcome.run().info();
            RunFolder.write(out, outcome.run());
            RunInfo.Metrics onTrain = info.train();
            RunInfo.Metrics onTest = info.test();
            double seconds = Duration.between(result.start(), result.end()).toMillis() / 1000.0;
            System.out.printf(Locale.ROOT, "%s in %.1f s on %s (%s)%n", result.message(), seconds, train, precision);
            System.out.printf(Locale.ROOT, "train: loss %.6f, accuracy %.4f (%d samples)%n", onTrain.loss(),
                    onTrain.accuracy(), train.size());
            System.out.printf(Locale.ROOT, "test:  loss %.6f, accuracy %.4f (%d samples)%n", onTest.loss(),
                    onTest.accuracy(), test.size());
            System.out.println(checkpointLine(schedule, checkpoints == null, result, s.parameterCount(), epochs));
            System.out.println("run folder: " + out);
        }
        if (result.status() == TrainingResult.Status.DIVERGED) {
            throw new IllegalArgumentException("training diverged: " + result.message() + "; " + out
                    + " keeps those weights with status \"diverged\" in run.json");
        }
        return 0;
    }

    /** {@code float32} or {@code float64}; anything else is one line naming the valid values. */
    public static final class PrecisionConverter implements CommandLine.ITypeConverter<Precision> {
        @Override
        public Precision convert(String value) {
            try {
                return Precision.parse(value);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException(e.getMessage());
            }
        }
    }

    /** Says what was kept and its size, or why nothing was, so a user who needs trajectories knows the option. */
    static String checkpointLine(CheckpointSchedule schedule, boolean byDefault, TrainingResult result, int parameters,
                                 int epochs) {
        int kept = result.checkpoints().size();
        if (kept > 0) {
            return String.format(Locale.ROOT, "checkpoints: %d (%s) in %s, %.1f MB", kept, schedule.key(),
                    RunFolder.CHECKPOINTS, CheckpointSchedule.bytes(parameters, kept) / 1e6);
        }
        if (byDefault && schedule.equals(CheckpointSchedule.NONE)) {
            return String.format(Locale.ROOT, "checkpoints: none (one an epoch would take %.1f MB, over the default's "
                    + "%d MiB; give --checkpoints epoch or N to keep them)",
                    CheckpointSchedule.bytes(parameters, epochs) / 1e6, CheckpointSchedule.MODEST_BYTES >> 20);
        }
        return "checkpoints: none";
    }

    /** {@code epoch}, {@code none} or a number of steps; anything else is one line naming the valid values. */
    public static final class CheckpointsConverter implements CommandLine.ITypeConverter<CheckpointSchedule> {
        @Override
        public CheckpointSchedule convert(String value) {
            try {
                return CheckpointSchedule.parse(value);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException(e.getMessage());
            }
        }
    }

    private static boolean isEmpty(Path dir) throws java.io.IOException {
        try (var s = Files.list(dir)) {
            return s.findAny().isEmpty();
        }
    }
}
