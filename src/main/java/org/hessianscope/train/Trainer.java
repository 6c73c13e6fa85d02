package org.hessianscope.train;

import org.hessianscope.data.Samples;
import org.hessianscope.engine.LossGradient;
import org.hessianscope.task.ProgressMonitor;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * Mini-batch Adam over a training set: each epoch visits the samples in a fresh
 * permutation from {@link Seeds#shuffles}, in batches of {@code batchSize} (the
 * last one smaller, as PyTorch's DataLoader without drop_last). The same seed,
 * data and initial weights give bit-identical weights.
 *
 * <p>In {@link org.hessianscope.engine.Precision#FLOAT32} the gradients are evaluated in float and the
 * initial weights and every update are rounded to float, so the weights stay float32 values; Adam's
 * moments are kept in double.
 *
 * <p>Training stops early, keeping the last finite weights, when the monitor
 * is cancelled (checked between batches) or when a loss, gradient or updated
 * weight is NaN or infinite, or when a batch loss has grown {@link #DIVERGENCE_FACTOR} times
 * above the first one: a finite 1e88 is as diverged as NaN, and its weights are as useless.
 */
public final class Trainer {
    /**
     * A batch loss this many times the first batch's (floored at 1, so a near-zero start does not
     * trip it) is divergence. Cross-entropy starts near ln(classes); a training that merely
     * oscillates stays within a few times that, while a runaway one passes 1e4 within steps.
     */
    public static final double DIVERGENCE_FACTOR = 1e4;

    private final BatchObjective objective;

    public Trainer(BatchObjective objective) {
        this.objective = objective;
    }

    /** Trains on {@code executor}, off the calling thread. */
    public CompletableFuture<TrainingResult> start(double[] init, Samples train, TrainingOptions options,
                                                   TrainingListener listener, ProgressMonitor monitor, Executor executor) {
        return CompletableFuture.supplyAsync(() -> train(init, train, options, listener, monitor), executor);
    }

    /** Trains on the calling thread keeping no checkpoints; {@code init} is not modified. */
    public TrainingResult train(double[] init, Samples train, TrainingOptions options, TrainingListener listener,
                                ProgressMonitor monitor) {
        return train(init, train, options, CheckpointSchedule.NONE, listener, monitor);
    }

    /**
     * Trains on the calling thread keeping a float32 copy of θ whenever {@code schedule} says (after the
     * update of that step); {@code init} is not modified. A cancelled or diverged training keeps the
     * checkpoints made before it stopped.
     */
    public TrainingResult train(double[] init, Samples train, TrainingOptions options, CheckpointSchedule schedule,
                                TrainingListener listener, ProgressMonitor monitor) {
        return train(init, train, options, schedule, Pacing.FREE, listener, monitor);
    }

    /**
     * As above, asking {@code pacing} before every batch whether it may run (a lesson's pause and
     * steps, {@link LessonControl}); it only delays batches, so the weights are those of a free run.
     */
    public TrainingResult train(double[] init, Samples train, TrainingOptions options, CheckpointSchedule schedule,
                                Pacing pacing, TrainingListener listener, ProgressMonitor monitor) {
        int n = train.size();
        if (n == 0) {
            throw new IllegalArgumentException("the training set is empty; give at least one sample (--train-size)");
        }
        Instant start = Instant.now();
        long startNanos = System.nanoTime();
        double[] theta = init.clone();
        // A float32 training holds float32 weights throughout: the start and every Adam update are rounded to float.
        options.precision().round(theta);
        double[] previous = theta.clone();
        Adam adam = Adam.of(options, theta.length);
        SplittableRandom shuffles = Seeds.shuffles(options.seed());
        // In 64 bits: a batch size near Integer.MAX_VALUE must mean one batch, not a wrapped negative count.
        int batches = (int) ((n + (long) options.batchSize() - 1) / options.batchSize());
        long totalSteps = (long) batches * options.epochs();
        schedule.requireFits(theta.length, totalSteps, options.epochs());
        List<TrainingProgress> history = new ArrayList<>();
        List<Checkpoint> checkpoints = new ArrayList<>();
        long step = 0;
        long seen = 0;
        double firstLoss = Double.NaN;
        for (int epoch = 1; epoch <= options.epochs(); epoch++) {
            int[] order = Seeds.permutation(n, shuffles);
            double lossSum = 0;
            double correctSum = 0;
            int epochSeen = 0;
            for (int b = 0; b < batches; b++) {
                pacing.beforeBatch(epoch, b + 1, batches, step, theta, monitor);
                if (monitor.isCancelled()) {
                    return new TrainingResult(theta, TrainingResult.Status.CANCELLED, "cancelled at epoch " + epoch
                            + ", batch " + (b + 1) + " after " + step + " steps", history, start, Instant.now(),
                            checkpoints);
                }
                int from = (int) ((long) b * options.batchSize());
                int[] idx = Arrays.copyOfRange(order, from, (int) Math.min(n, (long) from + options.batchSize()));
                LossGradient lg = objective.lossAndGradient(theta, train.select(idx));
                String where = "epoch " + epoch + ", batch " + (b + 1) + " (step " + (step + 1) + ")";
                if (!Double.isFinite(lg.loss()) || !allFinite(lg.gradient())) {
                    String what = !Double.isFinite(lg.loss()) ? "the loss became " + lg.loss() : "the gradient became non-finite";
                    return diverged(theta, what + " at " + where, step, history, checkpoints, start);
                }
                if (step == 0) {
                    firstLoss = lg.loss();
                } else if (lg.loss() > DIVERGENCE_FACTOR * Math.max(1.0, firstLoss)) {
                    // θ already gives the runaway loss: keep the weights before the update that made it.
                    return diverged(previous, String.format(Locale.ROOT, "the loss grew from %.4g to %.4g at %s",
                            firstLoss, lg.loss(), where), step - 1, history, checkpoints, start);
                }
                System.arraycopy(theta, 0, previous, 0, theta.length);
                adam.step(theta, lg.gradient());
                options.precision().round(theta);
                if (!allFinite(theta)) {
                    return diverged(previous, "the weights became non-finite after the update at " + where, step, history,
                            checkpoints, start);
                }
                step++;
                if (schedule.keepsAfter(step, b == batches - 1)) {
                    checkpoints.add(Checkpoint.of(step, epoch, theta));
                }
                seen += idx.length;
                epochSeen += idx.length;
                lossSum += lg.loss() * idx.length;
                correctSum += lg.accuracy() * idx.length;
                double seconds = Math.max(1e-9, (System.nanoTime() - startNanos) / 1e9);
                double rate = seen / seconds;
                double left = (totalSteps - step) * seconds / step;
                TrainingProgress p = new TrainingProgress(epoch, options.epochs(), b + 1, batches, step, lg.loss(),
                        lg.accuracy(), lossSum / epochSeen, correctSum / epochSeen, rate, left);
                history.add(p);
                listener.onProgress(p);
                monitor.progress(step, totalSteps, String.format(Locale.ROOT, "epoch %d/%d, loss %.4f, accuracy %.3f",
                        epoch, options.epochs(), p.runningLoss(), p.runningAccuracy()));
            }
        }
        return new TrainingResult(theta, TrainingResult.Status.COMPLETED, "trained " + options.epochs() + " epochs, "
                + step + " steps", history, start, Instant.now(), checkpoints);
    }

    private static TrainingResult diverged(double[] lastFinite, String what, long step, List<TrainingProgress> history,
                                           List<Checkpoint> checkpoints, Instant start) {
        String msg = what + "; training stopped and kept the weights after step " + step
                + " (try a smaller learning rate, or check the data and initial weights)";
        // A checkpoint taken after the step that made the weights diverge would not be finite: drop those past the kept step.
        List<Checkpoint> kept = checkpoints.stream().filter(c -> c.step() <= step).toList();
        return new TrainingResult(lastFinite, TrainingResult.Status.DIVERGED, msg, history, start, Instant.now(), kept);
    }

    private static boolean allFinite(double[] a) {
        for (double x : a) {
            if (!Double.isFinite(x)) {
                return false;
            }
        }
        return true;
    }
}
