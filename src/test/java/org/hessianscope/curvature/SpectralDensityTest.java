package org.hessianscope.curvature;

import org.hessianscope.linalg.Vectors;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SpectralDensityTest {
    /**
     * Mass of a cluster from 20 normalised probes of dimension 200: each probe's mass has a
     * standard deviation of about √(2p(1−p)/n) ≈ 0.05, so the average is within ~0.01; 0.05 leaves room.
     */
    static final double MASS_TOLERANCE = 0.05;

    private static final double[] FRACTION = {0.5, 0.3, 0.2};
    private static final double[] LO = {0, 4, 9};
    private static final double[] HI = {1, 5, 10};
    private final double[] eigenvalues = Spectra.clusters(200, FRACTION, LO, HI, 31);
    private final ExplicitMatrix matrix = ExplicitMatrix.rotated(eigenvalues, 32);

    @Test
    void densityIntegratesToOneAndMatchesTheHistogramOfExactEigenvalues() {
        for (SpectralDensity.Probe probe : SpectralDensity.Probe.values()) {
            SpectralDensity.Result r = SpectralDensity.estimate(matrix, new SpectralDensity.Options(20, 30, 0.01, 2000, probe, 9));
            assertEquals(1.0, SpectralDensity.trapezoid(r.grid(), r.values()), 1e-12);
            double[][] intervals = {{-1, 2}, {3, 6}, {8, 11}};
            for (double[] iv : intervals) {
                double exact = Spectra.fractionIn(eigenvalues, iv[0], iv[1]);
                assertEquals(exact, massIn(r, iv[0], iv[1]), MASS_TOLERANCE, probe + " mass in " + iv[0] + ".." + iv[1]);
            }
            // The gaps hold no eigenvalue and the smoothing (σ = 0.1) leaks almost nothing into them.
            assertEquals(0, massIn(r, 2, 3) + massIn(r, 6, 8), 1e-3);
        }
    }

    @Test
    void quadratureWeightsOfEachProbeSumToOne() {
        SpectralDensity.Result r = SpectralDensity.estimate(matrix, new SpectralDensity.Options(3, 25, 0.01, 100, SpectralDensity.Probe.GAUSSIAN, 1));
        for (SpectralDensity.Quadrature q : r.quadratures()) {
            double s = 0;
            for (double w : q.weights()) {
                s += w;
            }
            assertEquals(1.0, s, 1e-12);
        }
    }

    /**
     * Regression guard for the first-vs-last component mix-up. An eigenvalue 10 of multiplicity
     * 60 (30% of the spectrum) is one isolated point to Lanczos and converges within a few steps,
     * so its Ritz vector's LAST component (∝ residual) is nearly zero while its FIRST component
     * carries the 30% mass.
     */
    @Test
    void weightsAreFirstComponentsNotLast() {
        double[] ev = Spectra.clusters(200, new double[] {0.7, 0.3}, new double[] {0, 10}, new double[] {2, 10}, 41);
        ExplicitMatrix m = ExplicitMatrix.rotated(ev, 42);
        double exact = Spectra.fractionIn(ev, 9, 11);
        assertEquals(0.3, exact, 1e-12);

        SpectralDensity.Result r = SpectralDensity.estimate(m, new SpectralDensity.Options(20, 30, 0.01, 2000, SpectralDensity.Probe.RADEMACHER, 5));
        assertEquals(exact, massIn(r, 9, 11), MASS_TOLERANCE);

        // The same tridiagonals weighted by squared LAST components, as the buggy release did.
        double wrong = 0;
        java.util.SplittableRandom rng = new java.util.SplittableRandom(5);
        for (int p = 0; p < 20; p++) {
            LanczosProcess.Krylov k = LanczosProcess.run(m, Vectors.rademacher(200, rng), 30,
                    org.hessianscope.task.ProgressMonitor.NONE, (s, t, b, inv) -> true);
            Tridiagonal.Eigen e = k.tridiagonal().eigen();
            double total = 0;
            double near10 = 0;
            for (int j = 0; j < e.values().length; j++) {
                double w = e.lastComponent(j) * e.lastComponent(j);
                total += w;
                if (e.values()[j] >= 9 && e.values()[j] <= 11) {
                    near10 += w;
                }
            }
            wrong += near10 / total / 20;
        }
        assertTrue(wrong < exact - 0.2, "last components would put mass " + wrong + " at the cluster instead of " + exact);
    }

    @Test
    void badOptionsAreClearErrors() {
        assertThrows(IllegalArgumentException.class, () -> new SpectralDensity.Options(0, 30, 0.01, 100, SpectralDensity.Probe.RADEMACHER, 0));
        assertThrows(IllegalArgumentException.class, () -> new SpectralDensity.Options(5, 0, 0.01, 100, SpectralDensity.Probe.RADEMACHER, 0));
        assertThrows(IllegalArgumentException.class, () -> new SpectralDensity.Options(5, 30, 0, 100, SpectralDensity.Probe.RADEMACHER, 0));
    }

    private static double massIn(SpectralDensity.Result r, double a, double b) {
        double s = 0;
        double[] g = r.grid();
        double[] v = r.values();
        for (int i = 1; i < g.length; i++) {
            if (g[i - 1] >= a && g[i] <= b) {
                s += 0.5 * (v[i] + v[i - 1]) * (g[i] - g[i - 1]);
            }
        }
        return s;
    }
}
