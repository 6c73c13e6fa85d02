package org.hessianscope.curvature;

import org.hessianscope.Tolerances;
import org.hessianscope.data.Samples;
import org.hessianscope.engine.Engine;
import org.hessianscope.engine.Model;
import org.hessianscope.task.ProgressMonitor;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The curvature analyses on the engine's operators against explicit P×P matrices of a 166-parameter net. */
class EngineCurvatureTest {
    static final double EIGENVALUE_RELATIVE = Tolerances.EIGENVALUE_RELATIVE;
    /** Two routes to the same K×K / P×P eigenvalue differ only by rounding. */
    static final double SAME_QUANTITY_RELATIVE = 1e-10;

    private static Engine engine;
    private static final Model MODEL = TinyNet.model(1);
    private static final Samples SAMPLES = TinyNet.samples(12, 2);
    private static double[][] hessian;
    private static double[] exact;

    @BeforeAll
    static void assemble() {
        engine = new Engine(2);
        hessian = TinyNet.hessian(engine, MODEL, SAMPLES);
        exact = TinyNet.eigenvalues(hessian);
    }

    @AfterAll
    static void close() {
        engine.close();
    }

    @Test
    void lanczosOnTheHessianOperatorMatchesTheExplicitHessian() {
        int p = MODEL.parameterCount();
        LanczosResult r = Lanczos.run(engine.hessianOperator(MODEL, SAMPLES), new LanczosOptions(p, 5, 3, 1e-12, 3, false));
        double scale = Math.max(Math.abs(exact[0]), Math.abs(exact[p - 1]));
        for (int k = 0; k < 5; k++) {
            assertEquals(exact[p - 1 - k], r.top()[k], EIGENVALUE_RELATIVE * Math.abs(exact[p - 1 - k]), "top " + k);
        }
        for (int k = 0; k < 3; k++) {
            // Relative to ‖H‖: the smallest eigenvalues of a small net's Hessian can sit near zero.
            assertEquals(exact[k], r.bottom()[k], EIGENVALUE_RELATIVE * scale, "bottom " + k);
        }
        assertTrue(exact[0] < 0, "this Hessian is indefinite (H_F ≠ 0), smallest " + exact[0]);
    }

    @Test
    void traceIsWithinThreeStandardErrorsOfTheExactTrace() {
        Hutchinson.Result r = Hutchinson.estimate(engine.hessianOperator(MODEL, SAMPLES), new Hutchinson.Options(30, 4));
        double t = TinyNet.trace(hessian);
        assertTrue(Math.abs(r.trace() - t) <= 3 * r.standardError(), r.trace() + " ± " + r.standardError() + " vs " + t);
    }

    @Test
    void densityIntegratesToOneAndMatchesTheHistogramOfExactEigenvalues() {
        SpectralDensity.Result r = SpectralDensity.estimate(engine.hessianOperator(MODEL, SAMPLES),
                new SpectralDensity.Options(20, 40, 0.005, 4000, SpectralDensity.Probe.RADEMACHER, 6));
        assertEquals(1.0, SpectralDensity.trapezoid(r.grid(), r.values()), 1e-12);
        // Cut the spectrum in the widest gap that leaves at least 10% on each side, so the
        // smoothing (σ = 0.5% of the spread) barely leaks across the cut.
        int p = exact.length;
        double cut = Double.NaN;
        double widest = 0;
        for (int i = p / 10; i < p - p / 10; i++) {
            if (exact[i] - exact[i - 1] > widest) {
                widest = exact[i] - exact[i - 1];
                cut = 0.5 * (exact[i] + exact[i - 1]);
            }
        }
        double below = Spectra.fractionIn(exact, Double.NEGATIVE_INFINITY, cut);
        double mass = 0;
        for (int g = 1; g < r.grid().length; g++) {
            if (r.grid()[g] <= cut) {
                mass += 0.5 * (r.values()[g] + r.values()[g - 1]) * (r.grid()[g] - r.grid()[g - 1]);
            }
        }
        // 20 probes of dimension 166: the mass below the cut scatters by about √(2·0.25/166/20) ≈ 0.012.
        assertEquals(below, mass, 0.06, "mass below " + cut);
    }

    @Test
    void perSampleGgnNormEqualsTopEigenvalueOfExplicitJtAJ() {
        PerSampleGgn.Result r = PerSampleGgn.compute(engine, MODEL, SAMPLES, ProgressMonitor.NONE);
        boolean[] weights = MODEL.network().layout().weightMask();
        for (int i : new int[] {0, 5, 11}) {
            double[] x = SAMPLES.input(i);
            double full = TinyNet.eigenvalues(TinyNet.ggnOfOne(engine, MODEL, x, null))[MODEL.parameterCount() - 1];
            double w = TinyNet.eigenvalues(TinyNet.ggnOfOne(engine, MODEL, x, weights))[MODEL.parameterCount() - 1];
            assertEquals(full, r.ggnNorm()[i], SAME_QUANTITY_RELATIVE * full, "sample " + i);
            assertEquals(w, r.ggnNormWeightsOnly()[i], SAME_QUANTITY_RELATIVE * w, "sample " + i + " weights only");
            assertTrue(w < full, "dropping the bias columns shrinks Jᵀ A J");
        }
        Summary s = r.ggnSummary();
        assertEquals(Arrays.stream(r.ggnNorm()).max().orElseThrow(), s.max(), 0);
        assertEquals(s.max(), r.ggnNorm()[s.argmax()], 0);
    }

    @Test
    void perSampleGgnIsIndependentOfTheThreadCount() {
        try (Engine one = new Engine(1)) {
            double[] a = PerSampleGgn.compute(one, MODEL, SAMPLES, ProgressMonitor.NONE).ggnNorm();
            double[] b = PerSampleGgn.compute(engine, MODEL, SAMPLES, ProgressMonitor.NONE).ggnNorm();
            assertTrue(Arrays.equals(a, b));
        }
    }

    @Test
    void analysisMatchesExplicitGgnResidualAndPerSampleNorms() {
        Curvature.Options options = new Curvature.Options(3, 166, 10, false, true, 3, 2, 7);
        Curvature.Result r = Curvature.run(engine, MODEL, SAMPLES, options, ProgressMonitor.NONE,
                Curvature.Listener.NONE);
        int p = MODEL.parameterCount();
        assertEquals(exact[p - 1], r.hessian().top()[0], EIGENVALUE_RELATIVE * exact[p - 1]);

        double[][] ggn = TinyNet.ggn(engine, MODEL, SAMPLES);
        double[] ggnEv = TinyNet.eigenvalues(ggn);
        assertEquals(ggnEv[p - 1], r.ggn().top()[0], EIGENVALUE_RELATIVE * ggnEv[p - 1]);
        double[] resEv = TinyNet.eigenvalues(TinyNet.minus(hessian, ggn));
        double resNorm = Math.max(Math.abs(resEv[0]), Math.abs(resEv[p - 1]));
        assertEquals(resNorm, Math.abs(r.residualTop()[0]), EIGENVALUE_RELATIVE * resNorm);
        assertEquals(resNorm / ggnEv[p - 1], r.residualOverGgn(), 1e-7 * r.residualOverGgn());

        PerSampleFull.Entry e = r.perSampleFull().entries()[0];
        Samples one = SAMPLES.select(new int[] {e.index()});
        double[][] hi = TinyNet.hessian(engine, MODEL, one);
        double[][] gi = TinyNet.ggnOfOne(engine, MODEL, one.input(0), null);
        double hNorm = TinyNet.spectralNorm(hi);
        double fNorm = TinyNet.spectralNorm(TinyNet.minus(hi, gi));
        assertEquals(hNorm, e.hessianNorm(), 1e-6 * hNorm, "‖H_i‖ by Lanczos (40 steps default tolerance)");
        assertEquals(fNorm, e.residualNorm(), 1e-6 * fNorm, "‖H_F,i‖");
        assertEquals(r.perSampleGgn().ggnNorm()[e.index()], e.ggnNorm(), 0);
        assertTrue(r.perSampleFull().entries().length >= 3);
    }

    @Test
    void analysisStreamsRunningValuesOfEveryOperatorAndCanBeCancelled() {
        Set<String> operators = new HashSet<>();
        AtomicInteger traceSteps = new AtomicInteger();
        Curvature.Listener listener = new Curvature.Listener() {
            public void lanczos(CurvatureOperator operator, LanczosStep step) {
                operators.add(operator.key());
            }

            public void trace(Hutchinson.Step step) {
                traceSteps.incrementAndGet();
            }
        };
        Curvature.run(engine, MODEL, SAMPLES, new Curvature.Options(2, 10, 4, false, false, 0, 0, 1),
                ProgressMonitor.NONE, listener);
        assertEquals(Set.of("hessian", "ggn", "residual"), operators);
        assertEquals(4, traceSteps.get());

        ProgressMonitor cancelled = new ProgressMonitor() {
            public void progress(long done, long total, String message) {
            }

            public boolean isCancelled() {
                return true;
            }
        };
        assertThrows(CancellationException.class, () -> Curvature.run(engine, MODEL, SAMPLES,
                Curvature.Options.defaults(0), cancelled, Curvature.Listener.NONE));
        assertThrows(CancellationException.class, () -> PerSampleGgn.compute(engine, MODEL, SAMPLES, cancelled));
    }

    @Test
    void badOptionsAreClearErrors() {
        IllegalArgumentException tooMany = assertThrows(IllegalArgumentException.class, () -> Curvature.run(engine, MODEL,
                SAMPLES, new Curvature.Options(167, 200, 5, false, false, 0, 0, 0), ProgressMonitor.NONE, Curvature.Listener.NONE));
        assertTrue(tooMany.getMessage().contains("166 parameters"), tooMany.getMessage());
        IllegalArgumentException none = assertThrows(IllegalArgumentException.class, () -> Curvature.run(engine, MODEL,
                SAMPLES.first(0), Curvature.Options.defaults(0), ProgressMonitor.NONE, Curvature.Listener.NONE));
        assertTrue(none.getMessage().contains("zero"), none.getMessage());
        assertThrows(IllegalArgumentException.class, () -> PerSampleGgn.compute(engine, MODEL, SAMPLES.first(0), ProgressMonitor.NONE));
    }
}
