package org.hessianscope.surface;

import java.util.List;
import java.util.SplittableRandom;
import org.hessianscope.arch.ArchitectureSpec;
import org.hessianscope.arch.ConvLayerSpec;
import org.hessianscope.arch.HeadSpec;
import org.hessianscope.arch.InputShape;
import org.hessianscope.data.Samples;
import org.hessianscope.engine.Engine;
import org.hessianscope.engine.Network;
import org.hessianscope.linalg.Vectors;
import org.hessianscope.task.ProgressMonitor;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The full space's matrix-free quadratic prediction ({@link QuadraticDelta#fullSpace}): exact tr A and ‖b‖², and
 * Hutchinson's ‖A‖_F², against the explicit per-sample Hessians of a tiny conv net (P = 166) written out column by
 * column from Hessian-vector products with e_1..e_P, and against the explicit-basis prediction.
 */
class FullSpaceQuadraticDeltaTest {
    static final int N = 12;
    static final int[] KS = {1, 3, 7, 11};
    static final double[] TAU = {1e-2, 0.3};

    /** tr A, ‖b‖², ‖A‖_F² at each k of {@link #KS} from the explicit P × P per-sample Hessians. */
    static double[][] explicitParts(PerSampleObjective f, double[] theta) {
        int p = theta.length;
        double[][] identity = new double[p][p];
        for (int i = 0; i < p; i++) {
            identity[i][i] = 1;
        }
        double[][] g = new double[N][];
        double[][][] h = new double[N][][]; // h[i][e] = H_i e_e, a column
        for (int i = 0; i < N; i++) {
            PerSampleObjective.SampleTaylor t = f.taylor(i, theta, identity);
            g[i] = t.gradient();
            h[i] = t.hessianTimes();
        }
        double[][] out = new double[3][KS.length];
        for (int j = 0; j < KS.length; j++) {
            int k = KS[j];
            double trace = 0;
            double bb = 0;
            double frob = 0;
            for (int a = 0; a < p; a++) {
                double gMean = 0;
                for (int i = 0; i < k; i++) {
                    gMean += g[i][a];
                }
                double b = (g[k][a] - gMean / k) / (k + 1);
                bb += b * b;
                for (int e = 0; e < p; e++) {
                    double hMean = 0;
                    for (int i = 0; i < k; i++) {
                        hMean += h[i][e][a];
                    }
                    double v = (h[k][e][a] - hMean / k) / (k + 1);
                    frob += v * v;
                    if (a == e) {
                        trace += v;
                    }
                }
            }
            out[0][j] = trace;
            out[1][j] = bb;
            out[2][j] = frob;
        }
        return out;
    }

    /** √P e_1, ..., √P e_P: probes whose mean ‖A z‖² is ‖A‖_F² itself. */
    static double[][] scaledIdentity(int p) {
        double[][] z = new double[p][p];
        for (int i = 0; i < p; i++) {
            z[i][i] = Math.sqrt(p);
        }
        return z;
    }

    static double[][] rademacher(int m, int p, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        double[][] z = new double[m][];
        for (int j = 0; j < m; j++) {
            z[j] = Vectors.rademacher(p, rng);
        }
        return z;
    }

    static void assertRelative(double expected, double actual, double tolerance, String what) {
        assertEquals(expected, actual, tolerance * Math.abs(expected), what + ": " + expected + " vs " + actual);
    }

    @Test
    void onATinyNetTheExactPartsEqualTheExplicitHessiansAndTheExplicitProbesGiveTheExplicitPrediction() {
        Network net = Network.of(DeltaMonteCarloTest.SPEC);
        Samples data = DeltaMonteCarloTest.samples(N, 5);
        double[] theta = DeltaMonteCarloTest.theta(net);
        int p = theta.length;
        assertEquals(166, p);
        try (Engine engine = new Engine(1)) {
            NetworkObjective f = new NetworkObjective(engine, net, data);
            double[][] explicit = explicitParts(f, theta);
            QuadraticDelta.FullSpace exact = QuadraticDelta.fullSpace(f, theta, KS, TAU, scaledIdentity(p),
                    ProgressMonitor.NONE, 0, N);
            double[][] identity = new double[p][p];
            for (int i = 0; i < p; i++) {
                identity[i][i] = 1;
            }
            double[][] inBasis = QuadraticDelta.inBasis(f, theta, identity, KS, TAU, ProgressMonitor.NONE, 0, N);
            for (int j = 0; j < KS.length; j++) {
                String at = "k = " + KS[j];
                // tr A from the logit Jacobians (tr H_i = tr H_O,i) against the diagonal of the explicit Hessians:
                // an independent check that tr H_F,i = 0 on this ReLU net.
                assertRelative(explicit[0][j], exact.traceA()[j], 1e-10, at + ", tr A");
                assertRelative(explicit[1][j], exact.gradientNormSq()[j], 1e-12, at + ", ‖b‖²");
                assertRelative(explicit[2][j], exact.frobeniusSqA()[j], 1e-12, at + ", ‖A‖_F² with probes √P e_j");
                assertTrue(Math.abs(explicit[0][j]) > 1e-6 && explicit[2][j] > 1e-6, at + ": parts not trivially 0");
                for (int s = 0; s < TAU.length; s++) {
                    assertRelative(inBasis[s][j], exact.value()[s][j], 1e-10, at + ", τ = " + TAU[s]);
                }
            }
        }
    }

    @Test
    void onATinyNetHutchinsonsFrobeniusNormIsWithinItsStandardErrorOfTheExplicitOne() {
        Network net = Network.of(DeltaMonteCarloTest.SPEC);
        Samples data = DeltaMonteCarloTest.samples(N, 5);
        double[] theta = DeltaMonteCarloTest.theta(net);
        try (Engine engine = new Engine(1)) {
            NetworkObjective f = new NetworkObjective(engine, net, data);
            double[][] explicit = explicitParts(f, theta);
            QuadraticDelta.FullSpace est = QuadraticDelta.fullSpace(f, theta, KS, TAU,
                    rademacher(400, theta.length, 3), ProgressMonitor.NONE, 0, N);
            QuadraticDelta.FullSpace exact = QuadraticDelta.fullSpace(f, theta, KS, TAU,
                    scaledIdentity(theta.length), ProgressMonitor.NONE, 0, N);
            for (int j = 0; j < KS.length; j++) {
                String at = "k = " + KS[j];
                double se = est.frobeniusSqStandardError()[j];
                assertTrue(se > 0 && se < 0.2 * explicit[2][j], at + ": standard error " + se);
                assertEquals(explicit[2][j], est.frobeniusSqA()[j], 4 * se, at + ", ‖A‖_F²");
                // The exact parts do not depend on the probes.
                assertRelative(explicit[0][j], est.traceA()[j], 1e-10, at + ", tr A");
                for (int s = 0; s < TAU.length; s++) {
                    double t2 = TAU[s] * TAU[s];
                    assertRelative(0.5 * t2 * t2 * se, est.standardError()[s][j], 1e-15, at + ", propagated error");
                    assertEquals(exact.value()[s][j], est.value()[s][j], 4 * est.standardError()[s][j],
                            at + ", τ = " + TAU[s] + ", the prediction");
                }
            }
        }
    }

    /** conv 5, conv 5 on 6 × 6: P = 50 + 230 + 84 = 364, above the explicit basis's limit. */
    static final ArchitectureSpec BIGGER = new ArchitectureSpec(new InputShape(1, 6, 6),
            List.of(new ConvLayerSpec(5, 3), new ConvLayerSpec(5, 3)), false, null, HeadSpec.LINEAR, 4);

    @Test
    void aNetworkAboveTheExplicitLimitGetsAnEstimatedPredictionBitIdenticalForAnyThreadCount() {
        Network net = Network.of(BIGGER);
        assertTrue(net.parameterCount() > DeltaMonteCarlo.EXACT_FULL_MAX, "P = " + net.parameterCount());
        Samples data = DeltaMonteCarloTest.samples(20, 6);
        double[] theta = DeltaMonteCarloTest.theta(net);
        DeltaOptions o = new DeltaOptions(new double[] {1e-3, 1e-1}, true, 4, DeltaOptions.FULL, 20, 5, 9, 6);
        DeltaResult one;
        DeltaResult two;
        try (Engine e1 = new Engine(1); Engine e2 = new Engine(2)) {
            one = DeltaMonteCarlo.estimate(new NetworkObjective(e1, net, data), theta, o, ProgressMonitor.NONE);
            two = DeltaMonteCarlo.estimate(new NetworkObjective(e2, net, data), theta, o, ProgressMonitor.NONE);
        }
        assertNotNull(one.quadratic(), one.quadraticNote());
        assertNotNull(one.quadraticStandardError());
        assertTrue(one.quadraticNote().contains("Hutchinson with 6 Rademacher probes"), one.quadraticNote());
        for (int s = 0; s < 2; s++) {
            assertArrayEquals(one.quadratic()[s], two.quadratic()[s], 0);
            assertArrayEquals(one.quadraticStandardError()[s], two.quadraticStandardError()[s], 0);
            assertArrayEquals(one.mean()[s], two.mean()[s], 0);
            for (int j = 0; j < one.k().length; j++) {
                assertTrue(one.quadraticStandardError()[s][j] > 0, "σ " + s + ", k " + one.k()[j]);
            }
        }
    }

    @Test
    void onAnExactlyQuadraticLossAboveTheLimitMonteCarloAgreesWithTheEstimatedPredictionWithinBothErrors() {
        int p = DeltaMonteCarlo.EXACT_FULL_MAX + 44;
        LinearSquaredObjective f = new LinearSquaredObjective(30, p, 1);
        double[] theta = Vectors.gaussian(p, new SplittableRandom(2));
        DeltaOptions o = new DeltaOptions(new double[] {0.05, 1.0}, true, 3000, DeltaOptions.FULL, 30, 6, 7, 64);
        DeltaResult r = DeltaMonteCarlo.estimate(f, theta, o, ProgressMonitor.NONE);
        assertNotNull(r.quadraticStandardError(), r.quadraticNote());
        for (int s = 0; s < 2; s++) {
            for (int j = 0; j < r.k().length; j++) {
                double both = Math.hypot(r.standardError()[s][j], r.quadraticStandardError()[s][j]);
                // Both errors are small against the value, so the agreement is not that of wide intervals.
                assertTrue(both < 0.25 * r.quadratic()[s][j], "σ " + o.sigma()[s] + ", k " + r.k()[j] + ": ± " + both
                        + " of " + r.quadratic()[s][j]);
                assertEquals(r.quadratic()[s][j], r.mean()[s][j], 4.5 * both, "σ " + o.sigma()[s] + ", k " + r.k()[j]);
            }
        }
        // At the large σ the Frobenius term matters: the prediction is well above its σ → 0 value c².
        assertTrue(r.quadratic()[1][0] > 2 * r.quadratic()[0][0], r.quadratic()[1][0] + " vs " + r.quadratic()[0][0]);
        // Up to the limit the full space stays exact.
        DeltaResult small = DeltaMonteCarlo.estimate(new LinearSquaredObjective(10, 6, 1),
                Vectors.gaussian(6, new SplittableRandom(2)),
                new DeltaOptions(new double[] {0.1}, true, 2, DeltaOptions.FULL, 10, 3, 0), ProgressMonitor.NONE);
        assertNotNull(small.quadratic());
        assertNull(small.quadraticStandardError());
    }
}
