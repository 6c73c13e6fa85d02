package org.hessianscope.interop;

import org.hessianscope.arch.ArchitectureSpec;
import org.hessianscope.arch.InputShape;
import org.hessianscope.data.InMemorySamples;
import org.hessianscope.data.Samples;
import org.hessianscope.engine.TwoThreadEngine;
import org.hessianscope.engine.LossGradient;
import org.hessianscope.engine.Model;
import org.hessianscope.engine.Network;
import org.hessianscope.engine.Precision;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The engine's float32 training pass against DL4J computing in float (DataType.FLOAT), two float
 * implementations summing in different orders: the mean-loss gradients agree to {@value #AGREEMENT}
 * relative (a few hundred float roundoffs of 6e−8 each), while float32 and float64 differ measurably.
 */
class EngineFloat32AgainstDl4jTest extends TwoThreadEngine {
    static final double AGREEMENT = 1e-5;
    private static final int SAMPLES = 7;

    static List<String> specs() {
        List<String> names = new ArrayList<>(TestNets.names());
        names.add("paper");
        names.add("wide");
        return names;
    }

    @ParameterizedTest
    @MethodSource("specs")
    void gradientAgreesWithDl4jInFloat(String name) {
        ArchitectureSpec spec = name.equals("paper")
                ? TestNets.PAPER
                // 17 channels: the float32 weight gradient's product with Cout contiguous, with an edge tile.
                : name.equals("wide") ? ArchitectureSpec.paper(InputShape.MNIST, 2, 17, 3, null, 10)
                : TestNets.SPECS.get(name);
        double[] theta = TestNets.theta(spec, 131);
        Precision.FLOAT32.round(theta);
        Samples samples = rounded(TestNets.samples(spec, SAMPLES, 132));
        Dl4jOracle dl4j = Dl4jOracle.of(spec, theta, Precision.FLOAT32);
        double[] expected = dl4j.meanLossGradient(samples);
        LossGradient ours = engine.lossAndGradient(new Model(Network.of(spec), theta), samples, Precision.FLOAT32);
        double err = TestNets.relativeError(ours.gradient(), expected);
        assertTrue(err < AGREEMENT, name + ": gradient relative error " + err);
        double[] f64 = Dl4jOracle.of(spec, theta).meanLossGradient(samples);
        assertTrue(TestNets.relativeError(expected, f64) > 1e-12, name + ": DL4J did not compute in float");
        double[] losses = dl4j.perSampleLosses(samples);
        double mean = 0;
        for (double l : losses) {
            mean += l / SAMPLES;
        }
        assertEquals(mean, ours.loss(), AGREEMENT * mean, name + " mean loss");
    }

    private static Samples rounded(Samples s) {
        double[][] x = new double[s.size()][];
        int[] y = new int[s.size()];
        for (int i = 0; i < x.length; i++) {
            x[i] = s.input(i);
            Precision.FLOAT32.round(x[i]);
            y[i] = s.label(i);
        }
        return new InMemorySamples(s.inputShape(), s.classes(), x, y);
    }
}
