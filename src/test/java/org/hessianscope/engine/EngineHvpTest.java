package org.hessianscope.engine;

import org.hessianscope.arch.ArchitectureSpec;
import org.hessianscope.data.InMemorySamples;
import org.hessianscope.linalg.SymmetricOperator;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Hessian-vector products by the R-operator against symmetry, finite differences and an independent Hessian. */
class EngineHvpTest extends EngineTestBase {
    private static final double SYMMETRY_TOLERANCE = 1e-12;
    /** Far above the error of {@link CentralDifference} of the exact gradient (≈ 1e-10). */
    private static final double FD_TOLERANCE = 1e-7;
    /** Two exact double-precision computations that differ only in rounding. */
    private static final double REFERENCE_TOLERANCE = 1e-10;

    @ParameterizedTest
    @MethodSource("specs")
    void hvpIsSymmetric(ArchitectureSpec spec) {
        Model model = TinyNets.randomModel(spec, 41);
        InMemorySamples samples = TinyNets.randomSamples(spec, 20, 42);
        double[] u = TinyNets.randomVector(model.parameterCount(), 43);
        double[] v = TinyNets.randomVector(model.parameterCount(), 44);
        double uHv = Vectors.dot(u, engine.hvp(model, samples, v));
        double vHu = Vectors.dot(v, engine.hvp(model, samples, u));
        assertEquals(uHv, vHu, SYMMETRY_TOLERANCE * Math.abs(uHv), "u^T H v = " + uHv + ", v^T H u = " + vHu);
    }

    @ParameterizedTest
    @MethodSource("specs")
    void hvpMatchesCentralDifferencesOfTheExactGradient(ArchitectureSpec spec) {
        Model model = TinyNets.randomModel(spec, 51);
        InMemorySamples samples = TinyNets.randomSamples(spec, 6, 52);
        double[] v = TinyNets.randomVector(model.parameterCount(), 53);
        double[] fd = CentralDifference.along(model, v, samples, m -> engine.lossAndGradient(m, samples).gradient());
        double err = Vectors.relativeError(engine.hvp(model, samples, v), fd);
        assertTrue(err < FD_TOLERANCE, "H v relative error " + err);
    }

    /**
     * The Hessian assembled column by column from P R-operator products against the Hessian from
     * {@link ReferenceNetwork}: a separate, naive forward pass differentiated twice in forward mode
     * with hyper-dual numbers. The two share no code (different loops, data layout, loss and
     * differentiation mode), so a mistake in a layer's forward, backward or R-pass would have to be
     * made identically twice to go unnoticed. Both are exact up to rounding.
     */
    @ParameterizedTest
    @MethodSource("specs")
    void explicitHessianMatchesHyperDualReference(ArchitectureSpec spec) {
        Model model = TinyNets.randomModel(spec, 61);
        InMemorySamples samples = TinyNets.randomSamples(spec, 2, 62);
        int p = model.parameterCount();
        assertTrue(p <= 300, "P = " + p);
        SymmetricOperator h = engine.hessianOperator(model, samples);
        double[][] byColumns = new double[p][];
        double[] column = new double[p];
        for (int j = 0; j < p; j++) {
            h.apply(Vectors.unit(p, j), column);
            byColumns[j] = column.clone();
        }
        double[][] inputs = new double[samples.size()][];
        int[] labels = new int[samples.size()];
        for (int i = 0; i < samples.size(); i++) {
            inputs[i] = samples.input(i);
            labels[i] = samples.label(i);
        }
        double[][] reference = new ReferenceNetwork(spec).hessian(model.theta(), inputs, labels);
        double scale = frobenius(reference);
        assertTrue(scale > 0, "reference Hessian is zero");
        for (int j = 0; j < p; j++) {
            // Column j of H is row j of the symmetric reference.
            assertArrayEquals(reference[j], byColumns[j], REFERENCE_TOLERANCE * scale, "column " + j);
        }
    }

    private static double frobenius(double[][] a) {
        double s = 0;
        for (double[] row : a) {
            s += Vectors.dot(row, row);
        }
        return Math.sqrt(s);
    }
}
