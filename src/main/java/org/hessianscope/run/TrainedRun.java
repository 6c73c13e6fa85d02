package org.hessianscope.run;

import org.hessianscope.arch.ArchitectureSpec;
import org.hessianscope.train.TrainingProgress;

import java.util.List;

/** Everything a run folder holds: the spec, the initial and the trained θ, the per-step history and {@link RunInfo}. */
public record TrainedRun(ArchitectureSpec spec, double[] init, double[] weights, List<TrainingProgress> history,
                         RunInfo info) {
    public TrainedRun {
        int p = spec.parameterCount();
        if (init.length != p || weights.length != p) {
            throw new IllegalArgumentException("the spec has " + p + " parameters but init has " + init.length
                    + " and weights " + weights.length);
        }
        history = List.copyOf(history);
    }
}
