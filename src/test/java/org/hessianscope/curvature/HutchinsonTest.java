package org.hessianscope.curvature;

import org.hessianscope.task.ProgressMonitor;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HutchinsonTest {

    @Test
    void estimateIsWithinThreeStandardErrorsOfTheExactTrace() {
        ExplicitMatrix m = ExplicitMatrix.rotated(Spectra.outliersAndBulk(200, 21), 22);
        List<Hutchinson.Step> steps = new ArrayList<>();
        Hutchinson.Result r = Hutchinson.estimate(m, new Hutchinson.Options(30, 5), ProgressMonitor.NONE, steps::add);
        double exact = m.trace();
        assertTrue(r.standardError() > 0);
        assertTrue(Math.abs(r.trace() - exact) <= 3 * r.standardError(),
                r.trace() + " ± " + r.standardError() + " vs exact " + exact);
        assertEquals(30, steps.size());
        assertTrue(Double.isNaN(steps.get(0).standardError()), "one probe has no spread");
        assertEquals(r.trace(), steps.get(29).trace(), 0);
    }

    @Test
    void standardErrorMatchesTheRademacherVarianceFormula() {
        // For Rademacher z, Var(zᵀAz) = 2 Σ_{i≠j} a_ij²; 400 probes pin the sample spread to about ±4%.
        ExplicitMatrix m = ExplicitMatrix.rotated(Spectra.outliersAndBulk(60, 3), 4);
        double offDiagonal = 0;
        for (int i = 0; i < 60; i++) {
            for (int j = 0; j < 60; j++) {
                if (i != j) {
                    offDiagonal += m.a[i][j] * m.a[i][j];
                }
            }
        }
        int probes = 400;
        Hutchinson.Result r = Hutchinson.estimate(m, new Hutchinson.Options(probes, 8));
        double expected = Math.sqrt(2 * offDiagonal / probes);
        assertEquals(expected, r.standardError(), 0.15 * expected);
    }

    @Test
    void diagonalMatrixIsExactForEveryProbe() {
        // zᵀ D z = Σ d_i z_i² = Σ d_i when every z_i = ±1.
        Hutchinson.Result r = Hutchinson.estimate(ExplicitMatrix.diagonal(new double[] {1, -2, 3.5, 10}), new Hutchinson.Options(5, 1));
        assertEquals(12.5, r.trace(), 1e-12);
        assertEquals(0, r.standardError(), 1e-12);
    }

    @Test
    void zeroProbesIsAClearError() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new Hutchinson.Options(0, 1));
        assertTrue(e.getMessage().contains("at least 1"));
    }
}
