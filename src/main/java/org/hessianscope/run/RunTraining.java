package org.hessianscope.run;

import org.hessianscope.arch.ArchitectureSpec;
import org.hessianscope.data.Dataset;
import org.hessianscope.engine.Engine;
import org.hessianscope.engine.LossAccuracy;
import org.hessianscope.engine.Model;
import org.hessianscope.engine.Network;
import org.hessianscope.task.ProgressMonitor;
import org.hessianscope.train.BatchObjective;
import org.hessianscope.train.Checkpoint;
import org.hessianscope.train.Pacing;
import org.hessianscope.train.CheckpointSchedule;
import org.hessianscope.train.PyTorchInit;
import org.hessianscope.train.Trainer;
import org.hessianscope.train.TrainingListener;
import org.hessianscope.train.TrainingOptions;
import org.hessianscope.train.TrainingResult;

import java.util.List;

/**
 * Trains a spec from PyTorch's initialisation and evaluates it on the training and test
 * sets, giving everything a run folder holds. The CLI's {@code train} and the GUI's Train
 * button both call this, so a run made in either is the same run.
 */
public final class RunTraining {
    private RunTraining() {
    }

    /** The trained run and how training ended (its weights are the last finite ones). */
    public record Outcome(TrainedRun run, TrainingResult result) {
    }

    /**
     * Trains on the calling thread with the default checkpoints ({@link CheckpointSchedule#modestDefault}: one an
     * epoch while they are small); {@code listener} hears every step, {@code monitor} can cancel between batches.
     */
    public static Outcome train(Engine engine, ArchitectureSpec spec, Dataset train, Dataset test,
                                TrainingOptions options, TrainingListener listener, ProgressMonitor monitor) {
        return train(engine, spec, train, test, options,
                CheckpointSchedule.modestDefault(spec.parameterCount(), options.epochs()), listener, monitor);
    }

    /** As above, keeping the checkpoints {@code checkpoints} says. */
    public static Outcome train(Engine engine, ArchitectureSpec spec, Dataset train, Dataset test,
                                TrainingOptions options, CheckpointSchedule checkpoints, TrainingListener listener,
                                ProgressMonitor monitor) {
        return train(engine, spec, train, test, options, checkpoints, Pacing.FREE, listener, monitor);
    }

    /** As above with the default checkpoints, asking {@code pacing} before every batch (a lesson's play, pause and steps). */
    public static Outcome train(Engine engine, ArchitectureSpec spec, Dataset train, Dataset test,
                                TrainingOptions options, Pacing pacing, TrainingListener listener, ProgressMonitor monitor) {
        return train(engine, spec, train, test, options,
                CheckpointSchedule.modestDefault(spec.parameterCount(), options.epochs()), pacing, listener, monitor);
    }

    /** As above, keeping the checkpoints {@code checkpoints} says and asking {@code pacing} before every batch. */
    public static Outcome train(Engine engine, ArchitectureSpec spec, Dataset train, Dataset test,
                                TrainingOptions options, CheckpointSchedule checkpoints, Pacing pacing,
                                TrainingListener listener, ProgressMonitor monitor) {
        TrainingMemory.require(spec, engine.threads());
        double[] init = PyTorchInit.initialise(spec, options.seed());
        // init.npz holds the weights training really started from.
        options.precision().round(init);
        Network network = Network.of(spec);
        TrainingResult result = new Trainer(BatchObjective.of(engine, network, options.precision())).train(init, train, options,
                checkpoints, pacing, listener, monitor);
        Model model = new Model(network, result.weights());
        LossAccuracy onTrain = engine.lossAndAccuracy(model, train, ProgressMonitor.NONE);
        LossAccuracy onTest = engine.lossAndAccuracy(model, test, ProgressMonitor.NONE);
        RunInfo info = new RunInfo(result.status().key(), result.message(), options.seed(), options,
                new RunInfo.DataUsed(train.name().key(), train.size(), test.size(), train.source().toString()),
                result.start().toString(), result.end().toString(),
                new RunInfo.Metrics(onTrain.loss(), onTrain.accuracy(), train.size()),
                new RunInfo.Metrics(onTest.loss(), onTest.accuracy(), test.size()), RunInfo.Versions.current(),
                describe(checkpoints, result.checkpoints()));
        return new Outcome(new TrainedRun(spec, init, result.weights(), result.history(), info, result.checkpoints()),
                result);
    }

    /** What run.json says of the checkpoints kept, or null when none were (so the key is absent, as before checkpoints). */
    static RunInfo.Checkpoints describe(CheckpointSchedule schedule, List<Checkpoint> kept) {
        if (kept.isEmpty()) {
            return null;
        }
        return new RunInfo.Checkpoints(schedule.key(), kept.stream().map(Checkpoint::step).toList(),
                kept.stream().map(Checkpoint::epoch).toList());
    }
}
