package org.hessianscope.engine;

import org.hessianscope.arch.ArchitectureSpec;
import org.hessianscope.data.InMemorySamples;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Forward pass and gradient against independent computations on every tiny net. */
class EngineGradientTest extends EngineTestBase {
    /** Far above the error of {@link CentralDifference} (≈ 1e-10). */
    private static final double FD_TOLERANCE = 1e-7;
    /** Two double-precision implementations summing in different orders. */
    private static final double REFERENCE_TOLERANCE = 1e-12;

    @ParameterizedTest
    @MethodSource("specs")
    void gradientMatchesCentralDifferencesOfTheMeanLoss(ArchitectureSpec spec) {
        Model model = TinyNets.randomModel(spec, 11);
        InMemorySamples samples = TinyNets.randomSamples(spec, 5, 12);
        LossGradient lg = engine.lossAndGradient(model, samples);
        double[] fd = CentralDifference.gradient(model, samples, m -> meanLoss(m, samples));
        double err = Vectors.relativeError(lg.gradient(), fd);
        assertTrue(err < FD_TOLERANCE, spec.stages() + ": gradient relative error " + err);
        assertEquals(meanLoss(model, samples), lg.loss(), 1e-15 * Math.abs(lg.loss()));
    }

    @ParameterizedTest
    @MethodSource("specs")
    void logitsMatchTheNaiveReferenceImplementation(ArchitectureSpec spec) {
        Model model = TinyNets.randomModel(spec, 21);
        InMemorySamples samples = TinyNets.randomSamples(spec, 3, 22);
        ReferenceNetwork reference = new ReferenceNetwork(spec);
        for (int i = 0; i < samples.size(); i++) {
            double[] x = samples.input(i);
            double[] expected = reference.logits(model.theta(), x);
            double[] actual = engine.logits(model, x);
            assertArrayEquals(expected, actual, REFERENCE_TOLERANCE * Vectors.norm(expected));
        }
    }

    @Test
    void accuracyCountsArgmaxHits() {
        ArchitectureSpec spec = TinyNets.convOnly();
        Model model = TinyNets.randomModel(spec, 31);
        InMemorySamples samples = TinyNets.randomSamples(spec, 40, 32);
        int hits = 0;
        for (int i = 0; i < samples.size(); i++) {
            double[] z = engine.logits(model, samples.input(i));
            int best = 0;
            for (int k = 1; k < z.length; k++) {
                best = z[k] > z[best] ? k : best;
            }
            hits += best == samples.label(i) ? 1 : 0;
        }
        assertEquals(hits / 40.0, engine.lossAndGradient(model, samples).accuracy(), 0.0);
        assertEquals(hits / 40.0, engine.lossAndAccuracy(model, samples, org.hessianscope.task.ProgressMonitor.NONE).accuracy(), 0.0);
    }

    /** Mean loss from the logits by log-sum-exp, computed here rather than by the engine's loss code. */
    private double meanLoss(Model model, InMemorySamples samples) {
        double sum = 0;
        for (int i = 0; i < samples.size(); i++) {
            double[] z = engine.logits(model, samples.input(i));
            double m = Double.NEGATIVE_INFINITY;
            for (double v : z) {
                m = Math.max(m, v);
            }
            double s = 0;
            for (double v : z) {
                s += Math.exp(v - m);
            }
            sum += m + Math.log(s) - z[samples.label(i)];
        }
        return sum / samples.size();
    }
}
