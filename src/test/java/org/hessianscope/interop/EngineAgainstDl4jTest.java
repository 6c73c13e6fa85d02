package org.hessianscope.interop;

import org.hessianscope.arch.ArchitectureSpec;
import org.hessianscope.data.Samples;
import org.hessianscope.engine.TwoThreadEngine;
import org.hessianscope.engine.LossGradient;
import org.hessianscope.engine.Model;
import org.hessianscope.engine.Network;
import org.hessianscope.task.ProgressMonitor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The engine against DL4J, an independent implementation of the same networks: logits, per-sample losses and
 * the mean-loss gradient must agree to {@value #AGREEMENT} relative on every spec of {@link TestNets}.
 */
class EngineAgainstDl4jTest extends TwoThreadEngine {

    /** Two double-precision evaluations that sum in different orders (issue 3: 1e-12 relative). */
    static final double AGREEMENT = 1e-12;
    private static final int SAMPLES = 7;

    static List<String> specs() {
        return TestNets.names();
    }

    /** The paper's MNIST net (L = 4, C = 6, k = 3) with a max pool at 2: full-size maps, 10 classes. */
    @Test
    void paperSizedNetworkAgrees() {
        ArchitectureSpec spec = TestNets.PAPER;
        double[] theta = TestNets.theta(spec, 91);
        Samples samples = TestNets.samples(spec, 4, 92);
        Dl4jOracle oracle = Dl4jOracle.of(spec, theta);
        Model model = new Model(Network.of(spec), theta);
        double[][] z = oracle.logits(samples);
        for (int i = 0; i < samples.size(); i++) {
            assertTrue(TestNets.relativeError(engine.logits(model, samples.input(i)), z[i]) < AGREEMENT, "sample " + i);
        }
        double err = TestNets.relativeError(engine.lossAndGradient(model, samples).gradient(), oracle.meanLossGradient(samples));
        assertTrue(err < AGREEMENT, "gradient relative error " + err);
    }

    private record Case(ArchitectureSpec spec, Model model, Samples samples, Dl4jOracle oracle) {
    }

    private static Case of(String name, long seed) {
        ArchitectureSpec spec = TestNets.SPECS.get(name);
        double[] theta = TestNets.theta(spec, seed);
        return new Case(spec, new Model(Network.of(spec), theta), TestNets.samples(spec, SAMPLES, seed + 1),
                Dl4jOracle.of(spec, theta));
    }

    @ParameterizedTest
    @MethodSource("specs")
    void logitsAgree(String name) {
        Case c = of(name, 61);
        double[][] expected = c.oracle().logits(c.samples());
        for (int i = 0; i < SAMPLES; i++) {
            double[] z = engine.logits(c.model(), c.samples().input(i));
            double err = TestNets.relativeError(z, expected[i]);
            assertTrue(err < AGREEMENT, name + " sample " + i + ": relative error " + err + ", engine "
                    + Arrays.toString(z) + ", DL4J " + Arrays.toString(expected[i]));
        }
    }

    @ParameterizedTest
    @MethodSource("specs")
    void perSampleLossesAgree(String name) {
        Case c = of(name, 71);
        double[] expected = c.oracle().perSampleLosses(c.samples());
        double[] losses = engine.perSampleLosses(c.model(), c.samples(), ProgressMonitor.NONE);
        assertEquals(SAMPLES, losses.length);
        for (int i = 0; i < SAMPLES; i++) {
            assertEquals(expected[i], losses[i], AGREEMENT * Math.abs(expected[i]), name + " sample " + i);
        }
    }

    @ParameterizedTest
    @MethodSource("specs")
    void meanLossAndGradientAgree(String name) {
        Case c = of(name, 81);
        double[] expected = c.oracle().meanLossGradient(c.samples());
        double meanLoss = Arrays.stream(c.oracle().perSampleLosses(c.samples())).sum() / SAMPLES;
        LossGradient lg = engine.lossAndGradient(c.model(), c.samples());
        assertEquals(meanLoss, lg.loss(), AGREEMENT * meanLoss, name + " mean loss");
        double err = TestNets.relativeError(lg.gradient(), expected);
        assertTrue(err < AGREEMENT, name + ": gradient relative error " + err);
    }
}
