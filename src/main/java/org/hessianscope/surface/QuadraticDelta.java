package org.hessianscope.surface;

import org.hessianscope.linalg.Vectors;
import org.hessianscope.task.ProgressMonitor;

/**
 * The quadratic model's prediction of Δ_{k+1}: around θ̂, L_{k+1}(θ̂ + δ) − L_k(θ̂ + δ) ≈ c + bᵀδ + ½δᵀAδ with
 * c, b, A the differences of the loss, gradient and Hessian, and for δ = Vα, α ∼ N(0, τ²I_d)
 * <pre>E[(c + bᵀδ + ½δᵀAδ)²] = (c + τ²/2 tr A_V)² + τ² ‖b_V‖² + τ⁴/2 ‖A_V‖_F²,   b_V = Vᵀb, A_V = VᵀAV</pre>
 * (docs/delta.md derives it). A is never formed: each sample's Hessian acts on the d basis vectors
 * (per-sample Hessian-vector products), and since L_{k+1} − L_k = (ℓ_{k+1} − L_k)/(k+1),
 * A_V = (V ᵀH_{k+1}V − mean_{i≤k} VᵀH_iV)/(k+1) comes from running sums over the samples in order.
 *
 * <p>In the full space of a large network ({@link #fullSpace}) V = I cannot be taken column by column: tr A and
 * ‖b‖² are still exact (per-sample traces and gradients), and ‖A‖_F² = E‖Az‖² is Hutchinson's estimate over
 * Rademacher probes z, each A z from per-sample Hessian-vector products; its standard error carries into the
 * prediction as τ⁴/2 times itself, the only term it enters.
 */
public final class QuadraticDelta {
    /** Samples evaluated in parallel between two sequential accumulations: bounds memory at CHUNK·d² values. */
    static final int CHUNK = 64;

    private QuadraticDelta() {
    }

    /** E[(c + bᵀδ + ½δᵀAδ)²] for δ ∼ N(0, τ²I) in a basis where ‖b‖² = {@code bNormSq}, tr A and ‖A‖_F² are given. */
    public static double expectedSquare(double c, double bNormSq, double traceA, double frobeniusSqA, double tau) {
        double t2 = tau * tau;
        double mean = c + 0.5 * t2 * traceA;
        return mean * mean + t2 * bNormSq + 0.5 * t2 * t2 * frobeniusSqA;
    }

    /**
     * The prediction at every k of {@code kGrid} (ascending, each k + 1 ≤ N) and every scale {@code tau[s]}, for
     * δ = Σ α_j basis[j] around {@code theta}: row s, column j. {@code monitor} hears items {@code offset + i} of
     * {@code total}.
     */
    public static double[][] inBasis(PerSampleObjective f, double[] theta, double[][] basis, int[] kGrid,
                                     double[] tau, ProgressMonitor monitor, long offset, long total) {
        int d = basis.length;
        int last = kGrid[kGrid.length - 1]; // the last sample needed is index `last` (sample k + 1 of the largest k)
        double sumLoss = 0;
        double[] sumG = new double[d];
        double[] sumH = new double[d * d];
        double[][] out = new double[tau.length][kGrid.length];
        double[] b = new double[d];
        int next = 0;
        for (int from = 0; from <= last; from += CHUNK) {
            int to = Math.min(last + 1, from + CHUNK);
            double[] loss = new double[to - from];
            double[][] g = new double[to - from][];
            double[][] h = new double[to - from][];
            int start = from;
            f.forEach(to - from, offsetBy(monitor, offset + from, total), item -> {
                PerSampleObjective.SampleTaylor t = f.taylor(start + item, theta, basis);
                loss[item] = t.loss();
                g[item] = project(basis, t.gradient());
                h[item] = projectSymmetric(basis, t.hessianTimes());
                return "quadratic model: sample " + (start + item + 1) + " of " + (last + 1);
            });
            for (int i = from; i < to; i++) {
                int r = i - from;
                if (next < kGrid.length && kGrid[next] == i) {
                    int k = i; // samples 0..k−1 are the first k; sample i is the (k+1)-th
                    double scale = 1.0 / (k + 1);
                    double c = (loss[r] - sumLoss / k) * scale;
                    double bb = 0;
                    for (int a = 0; a < d; a++) {
                        b[a] = (g[r][a] - sumG[a] / k) * scale;
                        bb += b[a] * b[a];
                    }
                    double trace = 0;
                    double frob = 0;
                    for (int a = 0; a < d; a++) {
                        for (int e = 0; e < d; e++) {
                            double v = (h[r][a * d + e] - sumH[a * d + e] / k) * scale;
                            frob += v * v;
                            if (a == e) {
                                trace += v;
                            }
                        }
                    }
                    for (int s = 0; s < tau.length; s++) {
                        out[s][next] = expectedSquare(c, bb, trace, frob, tau[s]);
                    }
                    next++;
                }
                sumLoss += loss[r];
                for (int a = 0; a < d; a++) {
                    sumG[a] += g[r][a];
                }
                for (int a = 0; a < d * d; a++) {
                    sumH[a] += h[r][a];
                }
            }
        }
        return out;
    }

    /**
     * The full space's prediction with ‖A‖_F² estimated: {@code value[s][j]} and its standard error
     * {@code standardError[s][j]} (from the probes' spread alone; tr A and ‖b‖² are exact), and for tests the
     * three parts at each k.
     */
    public record FullSpace(double[][] value, double[][] standardError, double[] traceA, double[] gradientNormSq,
                            double[] frobeniusSqA, double[] frobeniusSqStandardError) {
    }

    /** Values a chunk may hold (per-sample gradients and products): 64 MB, so large nets fit a small heap. */
    static final long CHUNK_VALUES = 8L << 20;

    /**
     * The prediction in the full space (V = I, τ = σ) at every k of {@code kGrid} and scale {@code tau[s]}, with
     * tr A from {@link PerSampleObjective#hessianTrace} and ‖b‖² from per-sample gradients, both exact, and
     * ‖A‖_F² = mean_j ‖A z_j‖² over {@code probes} (Rademacher in use; tests also pass √P e_1..√P e_P, which makes
     * the mean ‖A‖_F² itself). Each sample's products with all probes come from one call; the running sums over
     * the samples run in order, so the result is the same for any thread count.
     */
    public static FullSpace fullSpace(PerSampleObjective f, double[] theta, int[] kGrid, double[] tau,
                                      double[][] probes, ProgressMonitor monitor, long offset, long total) {
        int p = theta.length;
        int m = probes.length;
        int last = kGrid[kGrid.length - 1];
        int chunk = (int) Math.max(1, Math.min(CHUNK, CHUNK_VALUES / ((m + 1L) * p)));
        double sumLoss = 0;
        double sumTrace = 0;
        double[] sumG = new double[p];
        double[][] sumHz = new double[m][p];
        int nk = kGrid.length;
        double[] traceA = new double[nk];
        double[] bb = new double[nk];
        double[] frob = new double[nk];
        double[] frobSe = new double[nk];
        double[][] value = new double[tau.length][nk];
        double[][] se = new double[tau.length][nk];
        double[] perProbe = new double[m];
        int next = 0;
        for (int from = 0; from <= last; from += chunk) {
            int to = Math.min(last + 1, from + chunk);
            double[] loss = new double[to - from];
            double[] trace = new double[to - from];
            double[][] g = new double[to - from][];
            double[][][] hz = new double[to - from][][];
            int start = from;
            f.forEach(to - from, offsetBy(monitor, offset + from, total), item -> {
                PerSampleObjective.SampleTaylor t = f.taylor(start + item, theta, probes);
                loss[item] = t.loss();
                g[item] = t.gradient();
                hz[item] = t.hessianTimes();
                trace[item] = f.hessianTrace(start + item, theta);
                return "quadratic model: sample " + (start + item + 1) + " of " + (last + 1);
            });
            for (int i = from; i < to; i++) {
                int r = i - from;
                if (next < nk && kGrid[next] == i) {
                    int k = i; // samples 0..k−1 are the first k; sample i is the (k+1)-th
                    double scale = 1.0 / (k + 1);
                    double c = (loss[r] - sumLoss / k) * scale;
                    double b2 = 0;
                    for (int a = 0; a < p; a++) {
                        double b = (g[r][a] - sumG[a] / k) * scale;
                        b2 += b * b;
                    }
                    for (int j = 0; j < m; j++) {
                        double az2 = 0;
                        for (int a = 0; a < p; a++) {
                            double az = (hz[r][j][a] - sumHz[j][a] / k) * scale;
                            az2 += az * az;
                        }
                        perProbe[j] = az2;
                    }
                    traceA[next] = (trace[r] - sumTrace / k) * scale;
                    bb[next] = b2;
                    frob[next] = mean(perProbe);
                    frobSe[next] = standardError(perProbe, frob[next]);
                    for (int s = 0; s < tau.length; s++) {
                        double t2 = tau[s] * tau[s];
                        value[s][next] = expectedSquare(c, b2, traceA[next], frob[next], tau[s]);
                        se[s][next] = 0.5 * t2 * t2 * frobSe[next];
                    }
                    next++;
                }
                sumLoss += loss[r];
                sumTrace += trace[r];
                Vectors.axpy(1, g[r], sumG);
                for (int j = 0; j < m; j++) {
                    Vectors.axpy(1, hz[r][j], sumHz[j]);
                }
            }
        }
        return new FullSpace(value, se, traceA, bb, frob, frobSe);
    }

    private static double mean(double[] v) {
        double sum = 0;
        for (double x : v) {
            sum += x;
        }
        return sum / v.length;
    }

    /** The sample standard deviation over √n; NaN for one value. */
    private static double standardError(double[] v, double mean) {
        if (v.length < 2) {
            return Double.NaN;
        }
        double ss = 0;
        for (double x : v) {
            ss += (x - mean) * (x - mean);
        }
        return Math.sqrt(ss / (v.length - 1) / v.length);
    }

    /** Vᵀx. */
    static double[] project(double[][] basis, double[] x) {
        double[] out = new double[basis.length];
        for (int a = 0; a < basis.length; a++) {
            out[a] = Vectors.dot(basis[a], x);
        }
        return out;
    }

    /** VᵀHV from hv[e] = H v_e, row-major d×d, symmetrised: entry (a, e) and (e, a) are both v_a·(H v_e) for a ≤ e. */
    static double[] projectSymmetric(double[][] basis, double[][] hv) {
        int d = basis.length;
        double[] out = new double[d * d];
        for (int a = 0; a < d; a++) {
            for (int e = a; e < d; e++) {
                double v = Vectors.dot(basis[a], hv[e]);
                out[a * d + e] = v;
                out[e * d + a] = v;
            }
        }
        return out;
    }

    /** A monitor that reports {@code done} as {@code offset + done} of {@code total} and cancels with {@code outer}. */
    static ProgressMonitor offsetBy(ProgressMonitor outer, long offset, long total) {
        return new ProgressMonitor() {
            public void progress(long done, long ofTotal, String message) {
                outer.progress(Math.min(total, offset + done), total, message);
            }

            public boolean isCancelled() {
                return outer.isCancelled();
            }
        };
    }
}
