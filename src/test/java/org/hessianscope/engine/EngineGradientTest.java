package org.hessianscope.engine;

import org.hessianscope.arch.ArchitectureSpec;
import org.hessianscope.data.InMemorySamples;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Forward pass and gradient against independent computations on every tiny net. */
class EngineGradientTest {
    /** Central differences: truncation O(h²) ≈ 1e-10 and rounding ≈ 1e-16/h ≈ 1e-11, far below this. */
    private static final double FD_TOLERANCE = 1e-7;
    private static final double FD_STEP = 1e-5;
    /** Two double-precision implementations summing in different orders. */
    private static final double REFERENCE_TOLERANCE = 1e-12;

    private static final Engine ENGINE = new Engine(2);

    @AfterAll
    static void close() {
        ENGINE.close();
    }

    static List<ArchitectureSpec> specs() {
        return TinyNets.all();
    }

    @ParameterizedTest
    @MethodSource("specs")
    void gradientMatchesCentralDifferencesOfTheMeanLoss(ArchitectureSpec spec) {
        Model model = TinyNets.randomModel(spec, 11);
        InMemorySamples samples = TinyNets.randomSamples(spec, 5, 12);
        double[] theta = model.theta();
        LossGradient lg = ENGINE.lossAndGradient(model, samples);
        double[] fd = new double[theta.length];
        for (int j = 0; j < theta.length; j++) {
            double[] e = Vectors.unit(theta.length, j);
            KinkGuard.assertNoKinkBetween(model.network(), theta, FD_STEP, e, samples);
            double plus = meanLoss(new Model(model.network(), Vectors.step(theta, FD_STEP, e)), samples);
            double minus = meanLoss(new Model(model.network(), Vectors.step(theta, -FD_STEP, e)), samples);
            fd[j] = (plus - minus) / (2 * FD_STEP);
        }
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
            double[] actual = ENGINE.logits(model, x);
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
            double[] z = ENGINE.logits(model, samples.input(i));
            int best = 0;
            for (int k = 1; k < z.length; k++) {
                best = z[k] > z[best] ? k : best;
            }
            hits += best == samples.label(i) ? 1 : 0;
        }
        assertEquals(hits / 40.0, ENGINE.lossAndGradient(model, samples).accuracy(), 0.0);
        assertEquals(hits / 40.0, ENGINE.lossAndAccuracy(model, samples, org.hessianscope.task.ProgressMonitor.NONE).accuracy(), 0.0);
    }

    /** Mean loss from the logits by log-sum-exp, computed here rather than by the engine's loss code. */
    private static double meanLoss(Model model, InMemorySamples samples) {
        double sum = 0;
        for (int i = 0; i < samples.size(); i++) {
            double[] z = ENGINE.logits(model, samples.input(i));
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
