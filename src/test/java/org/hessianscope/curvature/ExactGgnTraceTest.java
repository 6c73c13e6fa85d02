package org.hessianscope.curvature;

import org.hessianscope.data.Samples;
import org.hessianscope.engine.Engine;
import org.hessianscope.engine.Model;
import org.hessianscope.linalg.Vectors;
import org.hessianscope.task.ProgressMonitor;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * tr H = exact tr H_O (from the per-sample Jacobians) + Hutchinson's estimate of tr H_F, checked against the
 * explicit 166×166 Hessian and Gauss-Newton matrices of {@link TinyNet}: the exact part, each probe's sample and
 * the standard error recomputed from the explicit H_F.
 */
class ExactGgnTraceTest {
    /** Sums of 166 or 12·166 terms of order one: rounding only. */
    private static final double ROUNDING = 1e-11;

    private static Engine engine;
    private static final Model MODEL = TinyNet.model(1);
    private static final Samples SAMPLES = TinyNet.samples(12, 2);
    private static double[][] hessian;
    private static double[][] ggn;

    @BeforeAll
    static void assemble() {
        engine = new Engine(2);
        hessian = TinyNet.hessian(engine, MODEL, SAMPLES);
        ggn = TinyNet.ggn(engine, MODEL, SAMPLES);
    }

    @AfterAll
    static void close() {
        engine.close();
    }

    @Test
    void exactGgnTraceIsTheTraceOfTheExplicitGgn() {
        double explicit = 0;
        for (int i = 0; i < ggn.length; i++) {
            explicit += ggn[i][i];
        }
        PerSampleGgn.WithTrace r = PerSampleGgn.computeWithTrace(engine, MODEL, SAMPLES, ProgressMonitor.NONE);
        assertTrue(explicit > 0.1, "a non-trivial H_O: tr " + explicit);
        assertEquals(explicit, r.ggnTrace(), ROUNDING * explicit);
        // The norms are those of compute().
        PerSampleGgn.Result alone = PerSampleGgn.compute(engine, MODEL, SAMPLES, ProgressMonitor.NONE);
        assertEquals(alone.ggnNorm()[3], r.norms().ggnNorm()[3], 0);
    }

    @Test
    void ggnFormsOfTheBlockProductAreTheExplicitQuadraticForms() {
        int p = MODEL.parameterCount();
        SplittableRandom rng = new SplittableRandom(4);
        double[][] zs = {Vectors.rademacher(p, rng), Vectors.rademacher(p, rng), Vectors.rademacher(p, rng)};
        double[] forms = new double[3];
        double[][] hz = engine.hvpAll(MODEL, SAMPLES, zs, forms);
        double[][] plain = engine.hvpAll(MODEL, SAMPLES, zs);
        for (int j = 0; j < 3; j++) {
            double explicit = quadratic(ggn, zs[j]);
            assertEquals(explicit, forms[j], ROUNDING * Math.abs(explicit) + ROUNDING);
            for (int k = 0; k < p; k++) {
                assertEquals(Double.doubleToLongBits(plain[j][k]), Double.doubleToLongBits(hz[j][k]), "H z unchanged");
            }
        }
    }

    @Test
    void curvatureTraceIsExactGgnTracePlusTheResidualEstimateWithItsStandardError() {
        int p = MODEL.parameterCount();
        int probes = 7;
        Curvature.Options options = new Curvature.Options(3, 10, probes, false, false, 0, 0, 11);
        Curvature.Result r = Curvature.run(engine, MODEL, SAMPLES, options, ProgressMonitor.NONE, Curvature.Listener.NONE);
        double ggnTrace = 0;
        for (int i = 0; i < p; i++) {
            ggnTrace += ggn[i][i];
        }
        assertEquals(ggnTrace, r.ggnTrace(), ROUNDING * ggnTrace);
        // The same Rademacher probes Hutchinson draws (seed, order), applied to the explicit H_F = H − H_O.
        SplittableRandom rng = new SplittableRandom(11);
        double mean = 0;
        double[] samples = new double[probes];
        for (int k = 0; k < probes; k++) {
            double[] z = Vectors.rademacher(p, rng);
            samples[k] = ggnTrace + quadratic(hessian, z) - quadratic(ggn, z);
            assertEquals(samples[k], r.trace().samples()[k], ROUNDING * Math.abs(samples[k]) + ROUNDING, "probe " + k);
            mean += samples[k] / probes;
        }
        double m2 = 0;
        for (double s : samples) {
            m2 += (s - mean) * (s - mean);
        }
        double stderr = Math.sqrt(m2 / (probes - 1) / probes);
        assertEquals(mean, r.trace().trace(), ROUNDING * Math.abs(mean) + ROUNDING);
        assertEquals(stderr, r.trace().standardError(), 1e-8 * stderr);
        assertEquals(null, r.perSampleGgn(), "the norms are reported only when asked for");
        // The JSON report keeps its keys and adds ggn.trace.
        Map<String, Object> json = CurvatureReport.toMap(r);
        assertEquals(r.trace().trace(), (Double) ((Map<?, ?>) json.get("hessian")).get("trace"), 0);
        assertEquals(r.trace().standardError(), (Double) ((Map<?, ?>) json.get("hessian")).get("traceStderr"), 0);
        assertEquals(r.ggnTrace(), (Double) ((Map<?, ?>) json.get("ggn")).get("trace"), 0);
    }

    private static double quadratic(double[][] a, double[] z) {
        double sum = 0;
        for (int i = 0; i < z.length; i++) {
            for (int j = 0; j < z.length; j++) {
                sum += z[i] * a[i][j] * z[j];
            }
        }
        return sum;
    }
}
