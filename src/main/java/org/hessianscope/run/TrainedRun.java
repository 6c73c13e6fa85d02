package org.hessianscope.run;

import org.hessianscope.arch.ArchitectureSpec;
import org.hessianscope.train.Checkpoint;
import org.hessianscope.train.TrainingProgress;

import java.util.List;

/**
 * Everything a run folder holds: the spec, the initial and the trained θ, the per-step history, {@link RunInfo}
 * and the checkpoints of θ training kept (empty when none; {@code info.checkpoints()} describes the same ones).
 */
public record TrainedRun(ArchitectureSpec spec, double[] init, double[] weights, List<TrainingProgress> history,
                         RunInfo info, List<Checkpoint> checkpoints) {

    /** A run without checkpoints. */
    public TrainedRun(ArchitectureSpec spec, double[] init, double[] weights, List<TrainingProgress> history,
                      RunInfo info) {
        this(spec, init, weights, history, info, List.of());
    }

    public TrainedRun {
        int p = spec.parameterCount();
        if (init.length != p || weights.length != p) {
            throw new IllegalArgumentException("the spec has " + p + " parameters but init has " + init.length
                    + " and weights " + weights.length);
        }
        history = List.copyOf(history);
        checkpoints = List.copyOf(checkpoints);
        RunInfo.Checkpoints described = info.checkpoints();
        int describedCount = described == null ? 0 : described.count();
        if (describedCount != checkpoints.size()) {
            throw new IllegalArgumentException("run.json describes " + describedCount + " checkpoints but the run holds "
                    + checkpoints.size());
        }
        for (int j = 0; j < checkpoints.size(); j++) {
            Checkpoint c = checkpoints.get(j);
            if (c.theta().length != p || c.step() != described.steps().get(j) || c.epoch() != described.epochs().get(j)) {
                throw new IllegalArgumentException("checkpoint " + j + " (step " + c.step() + ", " + c.theta().length
                        + " parameters) does not match run.json (step " + described.steps().get(j) + ") or the spec ("
                        + p + " parameters)");
            }
        }
    }

    /** The same run without its checkpoints (what an exported sweep keeps). */
    public TrainedRun withoutCheckpoints() {
        return new TrainedRun(spec, init, weights, history, info.withCheckpoints(null));
    }
}
