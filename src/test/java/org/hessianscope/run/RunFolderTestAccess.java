package org.hessianscope.run;

import org.hessianscope.train.Checkpoint;
import org.hessianscope.train.PyTorchInit;

import java.util.ArrayList;
import java.util.List;

/** Runs with checkpoints for tests outside this package: {@link RunFolderTest#run()} with {@code count} of them. */
public final class RunFolderTestAccess {
    private RunFolderTestAccess() {
    }

    /** Checkpoint j (1-based) is a mix of θ₀ and θ̂ plus a little of another initialisation, so they span a plane. */
    public static TrainedRun withCheckpoints(int count) {
        TrainedRun r = RunFolderTest.run();
        double[] wobble = PyTorchInit.initialise(RunFolderTest.SPEC, 9);
        List<Checkpoint> kept = new ArrayList<>();
        List<Long> steps = new ArrayList<>();
        List<Integer> epochs = new ArrayList<>();
        for (int j = 1; j <= count; j++) {
            double t = (double) j / count;
            double[] theta = new double[r.weights().length];
            for (int i = 0; i < theta.length; i++) {
                theta[i] = (1 - t) * r.init()[i] + t * r.weights()[i] + t * (1 - t) * wobble[i];
            }
            kept.add(Checkpoint.of(2L * j, j, theta));
            steps.add(2L * j);
            epochs.add(j);
        }
        RunInfo info = r.info().withCheckpoints(new RunInfo.Checkpoints("2", steps, epochs));
        return new TrainedRun(RunFolderTest.SPEC, r.init(), r.weights(), r.history(), info, kept);
    }
}
