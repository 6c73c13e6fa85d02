package org.hessianscope.figure;

import org.hessianscope.landscape.LossDifference;
import org.hessianscope.landscape.LossDifferenceOptions;
import org.hessianscope.landscape.LossDifferenceResult;
import org.hessianscope.task.ProgressMonitor;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Seeded per-sample losses and their loss-difference results, shared by the figure tests. */
final class LossDifferenceFixtures {
    private LossDifferenceFixtures() {
    }

    /** Cross-entropy-like losses: mostly small, a heavy tail of confidently wrong samples. */
    static double[] losses(int n, long seed) {
        Random rnd = new Random(seed);
        double[] l = new double[n];
        for (int i = 0; i < n; i++) {
            l[i] = rnd.nextDouble() < 0.05 ? 2 + 3 * rnd.nextDouble() : 0.3 * Math.exp(rnd.nextGaussian());
        }
        return l;
    }

    /** Runs compared on one set of orderings, labelled "2", "4", ... with colours 0, 1, ... */
    static List<LabelledLossDifference> runs(int n, int orderings, int count) {
        List<double[]> losses = new ArrayList<>();
        for (int r = 0; r < count; r++) {
            losses.add(losses(n, 100 + r));
        }
        List<LossDifferenceResult> results = LossDifference.compare(losses,
                LossDifferenceOptions.defaults().withOrderings(orderings).withSeed(0).withThreads(2),
                ProgressMonitor.NONE);
        List<LabelledLossDifference> runs = new ArrayList<>();
        for (int r = 0; r < count; r++) {
            runs.add(new LabelledLossDifference(Integer.toString(2 + 2 * r), results.get(r), r));
        }
        return runs;
    }
}
