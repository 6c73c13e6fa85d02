package org.hessianscope.curvature;

import org.hessianscope.Tolerances;
import org.hessianscope.task.ProgressMonitor;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LanczosTest {
    static final double EIGENVALUE_RELATIVE = Tolerances.EIGENVALUE_RELATIVE;
    /** A few hundred roundings of a norm-100 matrix: the floor for residuals computed explicitly. */
    static final double ROUNDING = 1e-10;

    private static final int N = 300;
    private static final double[][] ENTRIES = ExplicitMatrix.rotated(Spectra.outliersAndBulk(N, 11), 12).a;
    private static final double[] EXACT = new ExplicitMatrix(ENTRIES).denseEigenvalues();
    /** A fresh operator per test, so that its product count starts at zero. */
    private final ExplicitMatrix matrix = new ExplicitMatrix(ENTRIES);
    private final double[] exact = EXACT;

    @Test
    void topAndBottomMatchDenseEigenvalues() {
        LanczosResult r = Lanczos.run(matrix, new LanczosOptions(120, 5, 3, 1e-10, 7, true));
        assertTrue(r.converged(), "converged within 120 steps: " + r.notes());
        assertFalse(r.invariantSubspace());
        for (int k = 0; k < 5; k++) {
            double want = exact[N - 1 - k];
            assertEquals(want, r.top()[k], EIGENVALUE_RELATIVE * Math.abs(want), "top " + k);
        }
        for (int k = 0; k < 3; k++) {
            assertEquals(exact[k], r.bottom()[k], EIGENVALUE_RELATIVE * Math.abs(exact[k]), "bottom " + k);
        }
        // The spectrum was built with 100 on top and −30 at the bottom; the dense solver agrees.
        assertEquals(100, exact[N - 1], 1e-10);
        assertEquals(-30, exact[0], 1e-10);
    }

    @Test
    void reportedResidualsAreTheExplicitOnesAndRitzVectorsAreEigenvectors() {
        LanczosResult r = Lanczos.run(matrix, new LanczosOptions(120, 5, 3, 1e-10, 7, true));
        for (int k = 0; k < 5; k++) {
            double explicit = matrix.residual(r.top()[k], r.topVectors()[k]);
            assertEquals(explicit, r.topResiduals()[k], ROUNDING, "residual |β s_m| of top " + k);
            assertTrue(explicit <= 1e-10 * 100 + ROUNDING, "‖Av − λv‖ of top " + k + " = " + explicit);
        }
        for (int k = 0; k < 3; k++) {
            double explicit = matrix.residual(r.bottom()[k], r.bottomVectors()[k]);
            assertEquals(explicit, r.bottomResiduals()[k], ROUNDING, "residual of bottom " + k);
            assertTrue(explicit <= 1e-10 * 100 + ROUNDING, "‖Av − λv‖ of bottom " + k + " = " + explicit);
        }
    }

    @Test
    void fewStepsReportNotConvergedInsteadOfThrowing() {
        LanczosResult r = Lanczos.run(matrix, new LanczosOptions(8, 5, 3, 1e-10, 7, false));
        assertFalse(r.converged());
        assertEquals(8, r.steps());
        assertTrue(r.topResiduals()[4] > 1e-10 * 100, "the 5th Ritz value after 8 steps is not yet an eigenvalue");
    }

    @Test
    void runningTopRitzValueRisesAndSmallestFallsEachStep() {
        // Cauchy interlacing: T_m is a leading block of T_{m+1}, so θ_max(m) ≤ θ_max(m+1) and θ_min falls.
        List<LanczosStep> steps = new ArrayList<>();
        LanczosResult r = Lanczos.run(matrix, new LanczosOptions(40, 2, 2, 1e-14, 3, false), ProgressMonitor.NONE, steps::add);
        assertEquals(r.steps(), steps.size());
        assertTrue(r.steps() > 10);
        for (int i = 1; i < steps.size(); i++) {
            assertEquals(i + 1, steps.get(i).step());
            assertTrue(steps.get(i).top()[0] >= steps.get(i - 1).top()[0] - ROUNDING);
            assertTrue(steps.get(i).bottom()[0] <= steps.get(i - 1).bottom()[0] + ROUNDING);
        }
    }

    @Test
    void fullDimensionGivesEveryEigenvalue() {
        ExplicitMatrix small = ExplicitMatrix.rotated(Spectra.outliersAndBulk(50, 5), 6);
        double[] ev = small.denseEigenvalues();
        LanczosResult r = Lanczos.run(small, new LanczosOptions(50, 50, 50, 1e-10, 1, false));
        assertEquals(50, r.steps());
        assertArrayEquals(ev, r.ritzValues(), 1e-9 * 100);
    }

    @Test
    void invariantSubspaceStopsEarlyWithExactDistinctEigenvalues() {
        // 5 distinct eigenvalues, each 10 times: any start vector's Krylov space has dimension 5.
        double[] d = new double[50];
        for (int i = 0; i < 50; i++) {
            d[i] = 1 + i % 5;
        }
        ExplicitMatrix m = ExplicitMatrix.rotated(d, 3);
        LanczosResult r = Lanczos.run(m, new LanczosOptions(40, 2, 2, 1e-8, 2, false));
        assertTrue(r.invariantSubspace());
        assertEquals(5, r.steps());
        assertArrayEquals(new double[] {1, 2, 3, 4, 5}, r.ritzValues(), 1e-10);
        assertTrue(r.converged());
        assertTrue(r.notes().stream().anyMatch(s -> s.contains("invariant")), r.notes().toString());

        LanczosResult tooMany = Lanczos.run(m, new LanczosOptions(40, 8, 1, 1e-8, 2, false));
        assertEquals(5, tooMany.top().length, "only 5 distinct eigenvalues exist in the Krylov space");
        assertFalse(tooMany.converged());
    }

    @Test
    void badOptionsAreClearErrors() {
        IllegalArgumentException tooMany = assertThrows(IllegalArgumentException.class,
                () -> Lanczos.run(ExplicitMatrix.diagonal(new double[] {1, 2, 3}), new LanczosOptions(3, 4, 0, 1e-8, 0, false)));
        assertTrue(tooMany.getMessage().contains("dimension 3"), tooMany.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new LanczosOptions(0, 5, 5, 1e-8, 0, false));
        assertThrows(IllegalArgumentException.class, () -> new LanczosOptions(10, 0, 0, 1e-8, 0, false));
        IllegalArgumentException fewSteps = assertThrows(IllegalArgumentException.class,
                () -> Lanczos.run(matrix, new LanczosOptions(4, 5, 0, 1e-8, 0, false)));
        assertTrue(fewSteps.getMessage().contains("at least 5 steps"), fewSteps.getMessage());
    }

    @Test
    void stepsBeyondTheDimensionAreClampedWithANote() {
        ExplicitMatrix small = ExplicitMatrix.rotated(Spectra.outliersAndBulk(20, 1), 2);
        LanczosResult r = Lanczos.run(small, new LanczosOptions(40, 1, 1, 1e-8, 0, false));
        assertTrue(r.steps() <= 20);
        assertTrue(r.notes().get(0).contains("clamped to the dimension 20"), r.notes().toString());
    }

    @Test
    void cancellationStopsTheRun() {
        AtomicInteger reports = new AtomicInteger();
        ProgressMonitor cancelAfterThree = new ProgressMonitor() {
            public void progress(long done, long total, String message) {
                reports.incrementAndGet();
            }

            public boolean isCancelled() {
                return reports.get() >= 3;
            }
        };
        assertThrows(CancellationException.class,
                () -> Lanczos.run(matrix, new LanczosOptions(40, 5, 5, 1e-14, 0, false), cancelAfterThree, s -> { }));
        assertEquals(3, matrix.products.get(), "no operator product after the cancel");
    }

    @Test
    void powerIterationAgreesWithTheLargestMagnitudeEigenvalue() {
        PowerIteration.Result p = PowerIteration.run(matrix, new PowerIteration.Options(2000, 1e-10, 4));
        assertTrue(p.converged(), "power iteration converged in " + p.iterations());
        double top = exact[N - 1];
        assertEquals(top, p.eigenvalue(), EIGENVALUE_RELATIVE * top);
        assertTrue(matrix.residual(p.eigenvalue(), p.vector()) <= 1e-10 * 100 + ROUNDING);
        LanczosResult l = Lanczos.run(matrix, LanczosOptions.defaults().withCounts(1, 1));
        assertEquals(l.largestMagnitude(), p.eigenvalue(), EIGENVALUE_RELATIVE * top);
    }
}
