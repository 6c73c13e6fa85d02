package org.hessianscope.bounds;

import org.hessianscope.arch.ArchitectureSpec;
import org.hessianscope.arch.InputShape;
import org.hessianscope.arch.Sweeps;
import org.hessianscope.data.InMemorySamples;
import org.hessianscope.task.ProgressMonitor;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;

class BoundSweepTest {

    @Test
    void rowsFollowLayerCountAndRepeatTheHierarchy() {
        SplittableRandom rnd = new SplittableRandom(41);
        List<BoundHierarchy> hs = new ArrayList<>();
        for (ArchitectureSpec spec : Sweeps.layers(new InputShape(1, 6, 6), 2, 2, 2, 3, 1, 2)) {
            double[] theta = BoundsHoldPropertyTest.randomTheta(spec, rnd, 1, false);
            double[] x = ToeplitzOperatorTest.random(rnd, 36);
            var samples = new InMemorySamples(spec.input(), 2, new double[][] {x}, new int[] {1});
            double[] measured = {ReferenceGgn.ggnNormWeightsOnly(spec, theta, x)};
            hs.add(BoundHierarchy.of(spec, theta, samples, measured, ProgressMonitor.NONE));
        }
        List<BoundSweep.Row> rows = BoundSweep.byLayerCount(hs);
        assertEquals(List.of(1, 2, 3), rows.stream().map(BoundSweep.Row::layers).toList());
        BoundHierarchy l2 = hs.get(2);
        BoundSweep.Row r = rows.get(1);
        assertEquals(l2.theorem2().log10(), r.paperLog10(), 0.0);
        assertEquals(l2.lemma2Actual().log10(), r.lemma2ActualLog10(), 0.0);
        assertEquals(r.paperLog10() - r.measuredLog10(), r.loosenessPaper(), 1e-12);
        assertEquals(r.lemma2ActualLog10() - r.measuredLog10(), r.loosenessLemma2Actual(), 1e-12);
    }
}
