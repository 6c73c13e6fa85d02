package org.hessianscope.engine;

import org.hessianscope.arch.ArchitectureSpec;
import org.hessianscope.data.InMemorySamples;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Logit Jacobian products J v, J^T u, the explicit J and the Gauss-Newton split H = H_O + H_F. */
class EngineJacobianTest extends EngineTestBase {
    /** Far above the error of {@link CentralDifference} (≈ 1e-10) on logits of size ~1. */
    private static final double FD_TOLERANCE = 1e-8;
    /** Identities between exact products that differ only in rounding. */
    private static final double EXACT_TOLERANCE = 1e-12;

    @ParameterizedTest
    @MethodSource("specs")
    void jvpMatchesCentralDifferencesOfTheLogits(ArchitectureSpec spec) {
        Model model = TinyNets.randomModel(spec, 71);
        InMemorySamples samples = TinyNets.randomSamples(spec, 1, 72);
        double[] x = samples.input(0);
        double[] v = TinyNets.randomVector(model.parameterCount(), 73);
        double[] fd = CentralDifference.along(model, v, samples, m -> engine.logits(m, x));
        double err = Vectors.relativeError(engine.jvp(model, x, v), fd);
        assertTrue(err < FD_TOLERANCE, "J v relative error " + err);
    }

    @ParameterizedTest
    @MethodSource("specs")
    void vjpMatchesCentralDifferencesOfTheWeightedLogits(ArchitectureSpec spec) {
        Model model = TinyNets.randomModel(spec, 81);
        InMemorySamples samples = TinyNets.randomSamples(spec, 1, 82);
        double[] x = samples.input(0);
        double[] u = TinyNets.randomVector(spec.classes(), 83);
        double[] fd = CentralDifference.gradient(model, samples, m -> Vectors.dot(u, engine.logits(m, x)));
        double err = Vectors.relativeError(engine.vjp(model, x, u), fd);
        assertTrue(err < FD_TOLERANCE, "J^T u relative error " + err);
    }

    @ParameterizedTest
    @MethodSource("specs")
    void jvpAndVjpAreAdjointAndMatchTheExplicitJacobian(ArchitectureSpec spec) {
        Model model = TinyNets.randomModel(spec, 91);
        double[] x = TinyNets.randomSamples(spec, 1, 92).input(0);
        double[] u = TinyNets.randomVector(spec.classes(), 93);
        double[] v = TinyNets.randomVector(model.parameterCount(), 94);
        double[] jv = engine.jvp(model, x, v);
        double[] jtu = engine.vjp(model, x, u);
        double left = Vectors.dot(u, jv);
        assertEquals(left, Vectors.dot(jtu, v), EXACT_TOLERANCE * Math.abs(left));
        double[][] j = engine.logitJacobian(model, x);
        assertEquals(spec.classes(), j.length);
        double[] jvExplicit = new double[j.length];
        for (int k = 0; k < j.length; k++) {
            jvExplicit[k] = Vectors.dot(j[k], v);
        }
        assertArrayEquals(jvExplicit, jv, EXACT_TOLERANCE * Vectors.norm(jv));
    }

    /** H_O v from the engine's route (J v, multiply by A, J^T) against J^T A J assembled from explicit K×P Jacobians. */
    @ParameterizedTest
    @MethodSource("specs")
    void ggnProductMatchesExplicitJacobianForm(ArchitectureSpec spec) {
        Model model = TinyNets.randomModel(spec, 101);
        InMemorySamples samples = TinyNets.randomSamples(spec, 4, 102);
        int p = model.parameterCount();
        double[] v = TinyNets.randomVector(p, 103);
        double[] expected = new double[p];
        for (int i = 0; i < samples.size(); i++) {
            double[] x = samples.input(i);
            double[][] j = engine.logitJacobian(model, x);
            double[] prob = softmax(engine.logits(model, x));
            int k = prob.length;
            double[] jv = new double[k];
            for (int a = 0; a < k; a++) {
                jv[a] = Vectors.dot(j[a], v);
            }
            for (int a = 0; a < k; a++) {
                for (int b = 0; b < k; b++) {
                    double aab = (a == b ? prob[a] : 0) - prob[a] * prob[b];
                    for (int q = 0; q < p; q++) {
                        expected[q] += j[a][q] * aab * jv[b] / samples.size();
                    }
                }
            }
        }
        double[] actual = engine.ggnProduct(model, samples, v);
        assertArrayEquals(expected, actual, EXACT_TOLERANCE * Vectors.norm(expected));
        double[] residual = engine.residualProduct(model, samples, v);
        double[] hv = engine.hvp(model, samples, v);
        for (int q = 0; q < p; q++) {
            assertEquals(hv[q] - actual[q], residual[q], 0.0, "H_F v must be H v − H_O v exactly");
        }
        double[] out = new double[p];
        engine.ggnOperator(model, samples).apply(v, out);
        assertArrayEquals(actual, out, 0.0);
        engine.residualOperator(model, samples).apply(v, out);
        assertArrayEquals(residual, out, 0.0);
    }

    private static double[] softmax(double[] z) {
        double m = Double.NEGATIVE_INFINITY;
        for (double v : z) {
            m = Math.max(m, v);
        }
        double[] p = new double[z.length];
        double s = 0;
        for (int k = 0; k < z.length; k++) {
            p[k] = Math.exp(z[k] - m);
            s += p[k];
        }
        for (int k = 0; k < z.length; k++) {
            p[k] /= s;
        }
        return p;
    }
}
