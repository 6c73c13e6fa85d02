package org.hessianscope.surface;

import java.util.Locale;
import java.util.SplittableRandom;
import org.hessianscope.linalg.Vectors;
import org.hessianscope.task.InvalidSettingException;
import org.hessianscope.task.ProgressMonitor;

/**
 * Δ_{k+1}(σ) = E_{w∼N(θ̂, σ²I)}[(L_{k+1}(w) − L_k(w))²] by Monte Carlo (Kiselev, Meshkov, Grabovoy 2025), where
 * L_k is the mean loss of the first k samples in file order. For each σ, M draws of w; each draw costs one forward
 * pass a sample and gives (L_{k+1} − L_k)² at every k at once, since L_{k+1} − L_k = (ℓ_{k+1} − L_k)/(k+1).
 *
 * <p>In a subspace of dimension d the draws are w = θ̂ + Σ_j α_j d_j with d_j seeded Gaussian directions,
 * filter-normalised as the random slice directions are, and α ∼ N(0, τ²I_d) with τ = σ√P / ‖D‖_F, so that
 * E‖w − θ̂‖² = σ²P as in the full space. Next to the estimate, the quadratic model's closed form
 * E[(c + bᵀδ + ½δᵀAδ)²] = (c + τ²/2 tr A)² + τ²‖b‖² + τ⁴/2 ‖A‖_F² ({@link QuadraticDelta}, docs/delta.md):
 * exact in a subspace (d products a sample) and in the full space up to {@link #EXACT_FULL_MAX} parameters (basis
 * e_1..e_P); above that, in the full space, tr A and ‖b‖² are still exact (per-sample traces from the logit
 * Jacobians, per-sample gradients) and ‖A‖_F² is Hutchinson's estimate over {@link DeltaOptions#probes()}
 * Rademacher probes, whose standard error the result carries ({@link DeltaResult#quadraticStandardError()}).
 *
 * <p>Seeded: the directions come from the first split of {@code seed}, the draws' seeds from the second, one
 * generator a draw in (σ, draw) order, the probes from the third. Every sum runs in a fixed order over per-sample
 * values the objective computes alone, so the result is bit-identical for any thread count. Cancellable between
 * draws and samples.
 */
public final class DeltaMonteCarlo {
    /** The full space's exact prediction needs P products a sample and P² values: above this, ‖A‖_F² is estimated. */
    public static final int EXACT_FULL_MAX = 256;

    private DeltaMonteCarlo() {
    }

    public static DeltaResult estimate(PerSampleObjective f, double[] theta, DeltaOptions o, ProgressMonitor monitor) {
        int p = f.parameterCount();
        if (theta.length != p) {
            throw new IllegalArgumentException("θ has " + theta.length + " values but the model " + p + " parameters");
        }
        int n = Math.min(o.samples(), f.size());
        if (n < 2) {
            throw new InvalidSettingException("{samples}: Δ needs at least 2 samples but only " + f.size()
                    + " are available");
        }
        int[] ks = o.kGrid(n);
        double thetaNorm = Vectors.norm(theta);
        int s = o.sigma().length;
        double[] sigmaAbs = new double[s];
        for (int i = 0; i < s; i++) {
            sigmaAbs[i] = o.relative() ? o.sigma()[i] * thetaNorm / Math.sqrt(p) : o.sigma()[i];
        }
        if (o.relative() && !(thetaNorm > 0)) {
            throw new InvalidSettingException("{sigma} is relative to ‖θ̂‖/√P but θ̂ is zero; give an absolute σ");
        }
        SplittableRandom root = new SplittableRandom(o.seed());
        SplittableRandom directionRng = root.split();
        SplittableRandom drawRng = root.split();
        SplittableRandom probeRng = root.split();
        double[][] basis = o.subspace() == DeltaOptions.FULL ? null : subspace(f, theta, o.subspace(), directionRng);
        double[] tau = new double[s];
        for (int i = 0; i < s; i++) {
            tau[i] = basis == null ? sigmaAbs[i] : sigmaAbs[i] * Math.sqrt(p) / frobenius(basis);
        }
        int m = o.draws();
        long quadraticItems = ks[ks.length - 1] + 1L;
        long total = (long) s * m + quadraticItems;

        double[][][] values = new double[s][ks.length][m];
        for (int si = 0; si < s; si++) {
            for (int r = 0; r < m; r++) {
                monitor.checkCancelled();
                SplittableRandom rng = new SplittableRandom(drawRng.nextLong());
                double[] w = draw(theta, basis, tau[si], rng);
                double[] losses = f.losses(w, ProgressMonitor.NONE);
                lossDifferencesSquared(losses, ks, values[si], r);
                monitor.progress((long) si * m + r + 1, total, String.format(Locale.ROOT,
                        "Δ: σ = %.3g, draw %d of %d", o.sigma()[si], r + 1, m));
            }
        }
        double[][] mean = new double[s][ks.length];
        double[][] se = new double[s][ks.length];
        for (int si = 0; si < s; si++) {
            for (int j = 0; j < ks.length; j++) {
                double[] v = values[si][j];
                double sum = 0;
                for (double x : v) {
                    sum += x;
                }
                double mu = sum / m;
                double ss = 0;
                for (double x : v) {
                    ss += (x - mu) * (x - mu);
                }
                mean[si][j] = mu;
                se[si][j] = Math.sqrt(ss / (m - 1) / m);
            }
        }
        double[][] predicted;
        double[][] predictedSe = null;
        String note;
        if (basis != null) {
            predicted = QuadraticDelta.inBasis(f, theta, basis, ks, tau, monitor, (long) s * m, total);
            note = "the quadratic model at θ̂ in closed form, exactly in the subspace (" + o.subspace()
                    + " per-sample Hessian-vector products a sample)";
        } else if (p <= EXACT_FULL_MAX) {
            predicted = QuadraticDelta.inBasis(f, theta, identity(p), ks, tau, monitor, (long) s * m, total);
            note = "the quadratic model at θ̂ in closed form, exactly in the full space (P = " + p + " ≤ "
                    + EXACT_FULL_MAX + ")";
        } else {
            double[][] probes = new double[o.probes()][];
            for (int j = 0; j < probes.length; j++) {
                probes[j] = Vectors.rademacher(p, probeRng);
            }
            QuadraticDelta.FullSpace q = QuadraticDelta.fullSpace(f, theta, ks, tau, probes, monitor, (long) s * m,
                    total);
            predicted = q.value();
            predictedSe = q.standardError();
            note = "the quadratic model at θ̂ in closed form in the full space (P = " + p + "): tr A and ‖b‖² exact, "
                    + "‖A‖_F² by Hutchinson with " + o.probes() + " Rademacher probes (± its standard error)";
        }
        monitor.progress(total, total, "Δ done");
        return new DeltaResult(o, p, thetaNorm, n, sigmaAbs, tau, ks, mean, se, predicted, predictedSe, note);
    }

    /** (L_{k+1} − L_k)² at every k of {@code ks} into {@code out[j][r]}, from one pass over the losses in order. */
    static void lossDifferencesSquared(double[] losses, int[] ks, double[][] out, int r) {
        double sum = 0;
        int next = 0;
        for (int i = 0; i < losses.length && next < ks.length; i++) {
            if (ks[next] == i) {
                double diff = (losses[i] - sum / i) / (i + 1);
                out[next][r] = diff * diff;
                next++;
            }
            sum += losses[i];
        }
    }

    /** d seeded Gaussian directions, each filter-normalised at θ̂. */
    static double[][] subspace(PerSampleObjective f, double[] theta, int d, SplittableRandom rng) {
        double[][] basis = new double[d][];
        for (int j = 0; j < d; j++) {
            basis[j] = Vectors.gaussian(theta.length, rng);
            f.filterNormalise(basis[j], theta);
        }
        if (!(frobenius(basis) > 0)) {
            throw new InvalidSettingException("the filter-normalised subspace is zero (θ̂ has no non-zero weight "
                    + "filter); use the full space ({subspace} = 0)");
        }
        return basis;
    }

    /** θ̂ + τ Σ z_j d_j (or θ̂ + τ z in the full space), z standard normal from {@code rng}. */
    static double[] draw(double[] theta, double[][] basis, double tau, SplittableRandom rng) {
        double[] w = theta.clone();
        if (basis == null) {
            double[] z = Vectors.gaussian(theta.length, rng);
            Vectors.axpy(tau, z, w);
        } else {
            double[] z = Vectors.gaussian(basis.length, rng);
            for (int j = 0; j < basis.length; j++) {
                Vectors.axpy(tau * z[j], basis[j], w);
            }
        }
        return w;
    }

    static double frobenius(double[][] basis) {
        double s = 0;
        for (double[] v : basis) {
            s += Vectors.dot(v, v);
        }
        return Math.sqrt(s);
    }

    private static double[][] identity(int p) {
        double[][] e = new double[p][p];
        for (int i = 0; i < p; i++) {
            e[i][i] = 1;
        }
        return e;
    }
}
