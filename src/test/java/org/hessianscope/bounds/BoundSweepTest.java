package org.hessianscope.bounds;

import org.hessianscope.arch.ArchitectureSpec;
import org.hessianscope.arch.InputShape;
import org.hessianscope.arch.ParameterLayout;
import org.hessianscope.arch.Sweeps;
import org.hessianscope.data.InMemorySamples;
import org.hessianscope.task.ProgressMonitor;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;

class BoundSweepTest {

    /**
     * Three networks given in the order L = 3, 1, 2 come out as rows L = 1, 2, 3. For L = 2 the row's
     * paper bound is Theorem 2 written out by hand, √2 ‖x‖² · C²k²mn · (L+1) · (C²k²w²mn)^L with
     * C = 2, k = 2, m = n = 6 and w the largest |conv weight|, and its measured level is the
     * reference oracle's ‖H_O‖; the Lemma 2 level (true operator norms) is checked in BoundHierarchyTest
     * and here only carried over.
     */
    @Test
    void rowsAreSortedByLayerCountWithTheoremTwoByHand() {
        SplittableRandom rnd = new SplittableRandom(41);
        List<BoundHierarchy> hs = new ArrayList<>();
        List<double[]> thetas = new ArrayList<>();
        List<double[]> inputs = new ArrayList<>();
        List<Double> reference = new ArrayList<>();
        for (ArchitectureSpec spec : Sweeps.layers(new InputShape(1, 6, 6), 2, 2, 2, 3, 1, 2)) {
            double[] theta = BoundsHoldPropertyTest.randomTheta(spec, rnd, 1, false);
            double[] x = ToeplitzOperatorTest.random(rnd, 36);
            var samples = new InMemorySamples(spec.input(), 2, new double[][] {x}, new int[] {1});
            double[] measured = {ReferenceGgn.ggnNormWeightsOnly(spec, theta, x)};
            hs.add(BoundHierarchy.of(spec, theta, samples, measured, ProgressMonitor.NONE));
            thetas.add(theta);
            inputs.add(x);
            reference.add(measured[0]);
        }
        List<BoundSweep.Row> rows = BoundSweep.byLayerCount(hs);
        assertEquals(List.of(1, 2, 3), rows.stream().map(BoundSweep.Row::layers).toList());

        ArchitectureSpec l2 = Sweeps.layers(new InputShape(1, 6, 6), 2, 2, 2, 2).get(0);
        double w = 0;
        for (ParameterLayout.Tensor t : l2.parameterLayout().tensors()) {
            if (t.layer().startsWith("conv") && !t.bias()) {
                for (int i = t.offset(); i < t.offset() + t.size(); i++) {
                    w = Math.max(w, Math.abs(thetas.get(2)[i]));
                }
            }
        }
        double xSq = 0;
        for (double v : inputs.get(2)) {
            xSq += v * v;
        }
        double q2 = 2 * 2 * 2 * 2 * 6 * 6;
        double perLayer = q2 * w * w;
        double theorem2 = Math.sqrt(2) * xSq * q2 * 3 * perLayer * perLayer;
        BoundSweep.Row r = rows.get(1);
        assertEquals("theorem2", r.paperBound());
        assertEquals(Math.log10(theorem2), r.paperLog10(), 1e-12);
        assertEquals(Math.log10(reference.get(2)), r.measuredLog10(), 1e-12);
        assertEquals(Math.log10(theorem2 / reference.get(2)), r.loosenessPaper(), 1e-12);
        assertEquals(hs.get(2).lemma2Actual().log10(), r.lemma2ActualLog10(), 0.0);
        assertEquals(r.lemma2ActualLog10() - Math.log10(reference.get(2)), r.loosenessLemma2Actual(), 1e-12);
    }
}
