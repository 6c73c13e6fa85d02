package org.hessianscope.surface;

import java.util.List;
import java.util.Random;
import java.util.SplittableRandom;
import java.util.concurrent.CancellationException;
import org.hessianscope.arch.ArchitectureSpec;
import org.hessianscope.arch.ConvLayerSpec;
import org.hessianscope.arch.HeadSpec;
import org.hessianscope.arch.InputShape;
import org.hessianscope.data.InMemorySamples;
import org.hessianscope.data.Samples;
import org.hessianscope.engine.Engine;
import org.hessianscope.engine.Network;
import org.hessianscope.linalg.Vectors;
import org.hessianscope.task.InvalidSettingException;
import org.hessianscope.task.ProgressMonitor;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DeltaMonteCarloTest {

    /** On an exactly quadratic loss the quadratic model is Δ itself: Monte Carlo must agree within its error. */
    private static void monteCarloMatchesClosedForm(int subspace) {
        LinearSquaredObjective f = new LinearSquaredObjective(60, 6, 1);
        double[] theta = Vectors.gaussian(6, new SplittableRandom(2));
        DeltaOptions o = new DeltaOptions(new double[] {0.05, 0.5, 2.0}, true, 4000, subspace, 60, 8, 7);
        DeltaResult r = DeltaMonteCarlo.estimate(f, theta, o, ProgressMonitor.NONE);
        assertNotNull(r.quadratic(), r.quadraticNote());
        int checked = 0;
        for (int s = 0; s < 3; s++) {
            for (int j = 0; j < r.k().length; j++) {
                double mc = r.mean()[s][j];
                double se = r.standardError()[s][j];
                double q = r.quadratic()[s][j];
                assertTrue(Math.abs(mc - q) < 4.5 * se + 1e-15 * q, "σ " + o.sigma()[s] + ", k " + r.k()[j]
                        + ": Monte Carlo " + mc + " ± " + se + " vs closed form " + q);
                checked++;
            }
        }
        assertEquals(3 * 8, checked);
        // The largest σ moves Δ well away from its value at θ̂ (σ → 0), so the agreement is not that of constants.
        assertTrue(r.quadratic()[2][0] > 2 * r.quadratic()[0][0], r.quadratic()[2][0] + " vs " + r.quadratic()[0][0]);
    }

    @Test
    void monteCarloMatchesTheClosedFormOnAnExactlyQuadraticLossInASubspace() {
        monteCarloMatchesClosedForm(3);
    }

    @Test
    void monteCarloMatchesTheClosedFormOnAnExactlyQuadraticLossInTheFullSpace() {
        monteCarloMatchesClosedForm(DeltaOptions.FULL);
    }

    @Test
    void sigmaIsRelativeToTheNormOverRootPAndTheDrawsHaveThatMeanSquaredNorm() {
        LinearSquaredObjective f = new LinearSquaredObjective(10, 4, 1);
        double[] theta = {3, 0, 4, 0};
        DeltaResult r = DeltaMonteCarlo.estimate(f, theta,
                new DeltaOptions(new double[] {0.1}, true, 2, 2, 10, 3, 0), ProgressMonitor.NONE);
        assertEquals(0.1 * 5 / 2, r.sigmaAbsolute()[0], 1e-15);
        assertEquals(5, r.thetaNorm(), 0);
        // The filter-normalised directions of the double have norm ‖θ‖ = 5 each: τ = σ√P / ‖D‖_F = 0.25·2/(5√2).
        assertEquals(0.25 * 2 / (5 * Math.sqrt(2)), r.coordinateScale()[0], 1e-15);
        DeltaResult abs = DeltaMonteCarlo.estimate(f, theta,
                new DeltaOptions(new double[] {0.1}, false, 2, 0, 10, 3, 0), ProgressMonitor.NONE);
        assertEquals(0.1, abs.sigmaAbsolute()[0], 0);
    }

    @Test
    void theKGridIsLogSpacedFromOneToNMinusOne() {
        DeltaOptions o = new DeltaOptions(new double[] {1e-2}, true, 2, 0, 1000, 30, 0);
        int[] k = o.kGrid(1000);
        assertEquals(30, k.length);
        assertEquals(1, k[0]);
        assertEquals(999, k[29]);
        for (int j = 1; j < k.length; j++) {
            assertTrue(k[j] > k[j - 1]);
        }
        assertArrayEquals(new int[] {1, 2, 3, 4}, new DeltaOptions(new double[] {1e-2}, true, 2, 0, 5, 30, 0).kGrid(5));
    }

    @Test
    void lossDifferencesSquaredFromOnePassEqualTheDefinition() {
        double[] losses = {1, 3, 2, 7};
        double[][] out = new double[3][1];
        DeltaMonteCarlo.lossDifferencesSquared(losses, new int[] {1, 2, 3}, out, 0);
        // L1 = 1, L2 = 2, L3 = 2, L4 = 13/4.
        assertEquals(1.0, out[0][0], 1e-15);
        assertEquals(0.0, out[1][0], 1e-15);
        assertEquals(Math.pow(13.0 / 4 - 2, 2), out[2][0], 1e-15);
    }

    @Test
    void badSettingsAreOneLineNamingTheSetting() {
        InvalidSettingException e = assertThrows(InvalidSettingException.class,
                () -> new DeltaOptions(new double[] {0.1, -1}, true, 64, 50, 1000, 30, 0));
        assertTrue(e.getMessage().startsWith("sigma has -1.0"), e.getMessage());
        e = assertThrows(InvalidSettingException.class, () -> new DeltaOptions(new double[] {0.1}, true, 1, 50, 1000, 30, 0));
        assertTrue(e.getMessage().startsWith("draws = 1"), e.getMessage());
    }

    // A small conv net (P = 166) on random inputs, for the engine's objective.
    static final ArchitectureSpec SPEC = new ArchitectureSpec(new InputShape(1, 6, 6),
            List.of(new ConvLayerSpec(3, 3), new ConvLayerSpec(3, 3)), false, null, HeadSpec.LINEAR, 4);

    static Samples samples(int n, long seed) {
        Random rng = new Random(seed);
        double[][] x = new double[n][36];
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < 36; j++) {
                x[i][j] = rng.nextGaussian();
            }
            y[i] = rng.nextInt(4);
        }
        return new InMemorySamples(SPEC.input(), 4, x, y);
    }

    static double[] theta(Network net) {
        Random rng = new Random(3);
        double[] theta = new double[net.parameterCount()];
        for (int i = 0; i < theta.length; i++) {
            theta[i] = 0.4 * rng.nextGaussian();
        }
        return theta;
    }

    @Test
    void onANetworkTheResultIsBitIdenticalForAnyThreadCountAndNearTheQuadraticModelForSmallSigma() {
        Network net = Network.of(SPEC);
        Samples data = samples(40, 5);
        double[] theta = theta(net);
        DeltaOptions o = new DeltaOptions(new double[] {1e-4, 1e-1}, true, 16, 4, 40, 6, 9);
        DeltaResult one;
        DeltaResult two;
        try (Engine e1 = new Engine(1); Engine e2 = new Engine(2)) {
            one = DeltaMonteCarlo.estimate(new NetworkObjective(e1, net, data), theta, o, ProgressMonitor.NONE);
            two = DeltaMonteCarlo.estimate(new NetworkObjective(e2, net, data), theta, o, ProgressMonitor.NONE);
        }
        for (int s = 0; s < 2; s++) {
            assertArrayEquals(one.mean()[s], two.mean()[s], 0);
            assertArrayEquals(one.standardError()[s], two.standardError()[s], 0);
            assertArrayEquals(one.quadratic()[s], two.quadratic()[s], 0);
        }
        // At σ = 1e-4 the draws barely leave θ̂: Δ ≈ c², and the quadratic model agrees to a fraction of a percent.
        for (int j = 0; j < one.k().length; j++) {
            double q = one.quadratic()[0][j];
            assertEquals(q, one.mean()[0][j], 1e-2 * q + 4 * one.standardError()[0][j], "k = " + one.k()[j]);
        }
    }

    @Test
    void cancellingStopsBetweenDraws() {
        LinearSquaredObjective f = new LinearSquaredObjective(10, 4, 1);
        int[] calls = {0};
        ProgressMonitor cancelAfterTwo = new ProgressMonitor() {
            public void progress(long done, long total, String message) {
                calls[0]++;
            }

            public boolean isCancelled() {
                return calls[0] >= 2;
            }
        };
        assertThrows(CancellationException.class, () -> DeltaMonteCarlo.estimate(f, new double[] {1, 2, 3, 4},
                new DeltaOptions(new double[] {0.1}, true, 50, 2, 10, 3, 0), cancelAfterTwo));
        assertEquals(2, calls[0]);
    }
}
