package org.hessianscope.curvature;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.EigenDecomposition;
import org.apache.commons.math3.linear.RealMatrix;
import org.hessianscope.data.Samples;
import org.hessianscope.engine.CrossEntropy;
import org.hessianscope.engine.Engine;
import org.hessianscope.engine.Model;
import org.hessianscope.task.ProgressMonitor;


/**
 * ‖H_O,i‖ = λ_max(J_iᵀ A_i J_i) exactly for every sample, through the K×K matrix
 * A_i^{1/2} J_i J_iᵀ A_i^{1/2} that has the same non-zero eigenvalues (K = classes),
 * so the P×P matrix is never formed. Also with the bias columns of J_i removed, the
 * weights-only norm that the paper's theorems bound, and tr H_O,i = tr(A_i J_i J_iᵀ), whose
 * mean over the samples is the exact tr H_O.
 */
public final class PerSampleGgn {

    /** Per-sample norms in sample order, full and weights-only. */
    public record Result(double[] ggnNorm, double[] ggnNormWeightsOnly) {
        public Summary ggnSummary() {
            return Summary.of(ggnNorm);
        }

        public Summary weightsOnlySummary() {
            return Summary.of(ggnNormWeightsOnly);
        }
    }

    /** The two norms of one sample and its tr H_O,i. */
    public record Norms(double full, double weightsOnly, double trace) {
    }

    /** The per-sample norms and tr H_O = mean_i tr H_O,i, summed in sample order. */
    public record WithTrace(Result norms, double ggnTrace) {
    }

    private static final int REPORT_EVERY = 64;

    private PerSampleGgn() {
    }

    /** Every sample's norms, computed in parallel on the engine's thread count; results do not depend on it. */
    public static Result compute(Engine engine, Model model, Samples samples, ProgressMonitor monitor) {
        return computeWithTrace(engine, model, samples, monitor).norms();
    }

    /** As {@link #compute}, the same norms, and the exact tr H_O from the same Jacobians. */
    public static WithTrace computeWithTrace(Engine engine, Model model, Samples samples, ProgressMonitor monitor) {
        int n = samples.size();
        if (n == 0) {
            throw new IllegalArgumentException("per-sample ggn norms need at least one sample; got zero");
        }
        boolean[] weights = model.network().layout().weightMask();
        double[] full = new double[n];
        double[] weightsOnly = new double[n];
        double[] traces = new double[n];
        engine.forEachItem(n, REPORT_EVERY, monitor, i -> {
            Norms norms = of(engine, model, samples.input(i), weights);
            full[i] = norms.full();
            weightsOnly[i] = norms.weightsOnly();
            traces[i] = norms.trace();
            return "per-sample ggn norm, sample " + i + " of " + n;
        });
        double sum = 0;
        for (double t : traces) {
            sum += t;
        }
        return new WithTrace(new Result(full, weightsOnly), sum / n);
    }

    /** ‖J^T A J‖ for one input, with all parameters and with weights only ({@code weightMask} true). */
    public static Norms of(Engine engine, Model model, double[] x, boolean[] weightMask) {
        double[] logits = new double[model.network().classes()];
        double[][] jacobian = engine.logitJacobian(model, x, logits);
        double[][] a = softmaxCovariance(CrossEntropy.softmax(logits));
        RealMatrix sqrtA = sqrtOf(a);
        RealMatrix[] grams = grams(jacobian, weightMask);
        return new Norms(topEigenvalue(sqrtA, grams[0]), topEigenvalue(sqrtA, grams[1]), traceOfProduct(a, grams[0]));
    }

    /** tr(A G) = Σ_ab A_ab G_ab for symmetric A, G, in row order. */
    static double traceOfProduct(double[][] a, RealMatrix g) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < a.length; j++) {
                sum += a[i][j] * g.getEntry(i, j);
            }
        }
        return sum;
    }

    /** A^{1/2} for A = diag(p) − p pᵀ, which is PSD; eigenvalues that rounding made slightly negative count as 0. */
    static RealMatrix sqrtOfSoftmaxCovariance(double[] p) {
        return sqrtOf(softmaxCovariance(p));
    }

    /** A = diag(p) − p pᵀ. */
    static double[][] softmaxCovariance(double[] p) {
        int k = p.length;
        double[][] a = new double[k][k];
        for (int i = 0; i < k; i++) {
            double others = 0;
            for (int j = 0; j < k; j++) {
                if (j != i) {
                    a[i][j] = -p[i] * p[j];
                    others += p[j];
                }
            }
            // p_i (1 − p_i) with 1 − p_i summed from the other classes: for a confident sample
            // p_i − p_i² would cancel to a few digits and so would ‖H_O,i‖.
            a[i][i] = p[i] * others;
        }
        return a;
    }

    private static RealMatrix sqrtOf(double[][] a) {
        int k = a.length;
        double scale = maxAbs(a);
        double[][] s = new double[k][k];
        if (scale == 0) {
            return new Array2DRowRealMatrix(s, false);
        }
        EigenDecomposition ed = new EigenDecomposition(new Array2DRowRealMatrix(a, false).scalarMultiply(1 / scale));
        RealMatrix v = ed.getV();
        double[] d = ed.getRealEigenvalues();
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < k; j++) {
                double sum = 0;
                for (int m = 0; m < k; m++) {
                    sum += v.getEntry(i, m) * Math.sqrt(Math.max(d[m], 0) * scale) * v.getEntry(j, m);
                }
                s[i][j] = sum;
            }
        }
        return new Array2DRowRealMatrix(s, false);
    }

    /**
     * J Jᵀ over all columns and over the columns where {@code mask} is true, in one pass over J. Each
     * entry is still summed column by column in order, as a plain dot product would; four entries of a
     * row are summed side by side (eight chains with the masked ones) so that the additions overlap
     * instead of waiting on each other, and the mask is read once per run of equal values, not per column.
     */
    static RealMatrix[] grams(double[][] j, boolean[] mask) {
        int k = j.length;
        int[] runs = runs(mask);
        double[][] full = new double[k][k];
        double[][] masked = new double[k][k];
        double[] sums = new double[8];
        for (int a = 0; a < k; a++) {
            for (int b0 = 0; b0 <= a; b0 += 4) {
                // Rows past a repeat row a; their sums are discarded.
                double[] ra = j[a];
                double[] r0 = j[b0];
                double[] r1 = j[Math.min(b0 + 1, a)];
                double[] r2 = j[Math.min(b0 + 2, a)];
                double[] r3 = j[Math.min(b0 + 3, a)];
                fourDots(ra, r0, r1, r2, r3, runs, mask, sums);
                for (int d = 0; d < 4 && b0 + d <= a; d++) {
                    full[a][b0 + d] = sums[d];
                    full[b0 + d][a] = sums[d];
                    masked[a][b0 + d] = sums[4 + d];
                    masked[b0 + d][a] = sums[4 + d];
                }
            }
        }
        return new RealMatrix[] {new Array2DRowRealMatrix(full, false), new Array2DRowRealMatrix(masked, false)};
    }

    /** sums[d] = ra·rd over all columns, sums[4 + d] = ra·rd over the masked columns. */
    private static void fourDots(double[] ra, double[] r0, double[] r1, double[] r2, double[] r3, int[] runs,
                                 boolean[] mask, double[] sums) {
        double f0 = 0, f1 = 0, f2 = 0, f3 = 0;
        double m0 = 0, m1 = 0, m2 = 0, m3 = 0;
        for (int r = 0; r + 1 < runs.length; r++) {
            int from = runs[r];
            int to = runs[r + 1];
            if (mask[from]) {
                for (int c = from; c < to; c++) {
                    double x = ra[c];
                    double p0 = x * r0[c];
                    double p1 = x * r1[c];
                    double p2 = x * r2[c];
                    double p3 = x * r3[c];
                    f0 += p0;
                    f1 += p1;
                    f2 += p2;
                    f3 += p3;
                    m0 += p0;
                    m1 += p1;
                    m2 += p2;
                    m3 += p3;
                }
            } else {
                for (int c = from; c < to; c++) {
                    double x = ra[c];
                    f0 += x * r0[c];
                    f1 += x * r1[c];
                    f2 += x * r2[c];
                    f3 += x * r3[c];
                }
            }
        }
        sums[0] = f0;
        sums[1] = f1;
        sums[2] = f2;
        sums[3] = f3;
        sums[4] = m0;
        sums[5] = m1;
        sums[6] = m2;
        sums[7] = m3;
    }

    /** Start of every run of equal mask values, then the length: [0, ..., mask.length]. */
    private static int[] runs(boolean[] mask) {
        int count = 1;
        for (int c = 1; c < mask.length; c++) {
            if (mask[c] != mask[c - 1]) {
                count++;
            }
        }
        int[] runs = new int[count + 1];
        int r = 1;
        for (int c = 1; c < mask.length; c++) {
            if (mask[c] != mask[c - 1]) {
                runs[r++] = c;
            }
        }
        runs[count] = mask.length;
        return runs;
    }

    static double topEigenvalue(RealMatrix sqrtA, RealMatrix gram) {
        RealMatrix m = sqrtA.multiply(gram).multiply(sqrtA);
        RealMatrix sym = m.add(m.transpose()).scalarMultiply(0.5);
        double scale = maxAbs(sym.getData());
        if (scale == 0) {
            return 0;
        }
        double top = Double.NEGATIVE_INFINITY;
        for (double e : new EigenDecomposition(sym.scalarMultiply(1 / scale)).getRealEigenvalues()) {
            top = Math.max(top, e);
        }
        return top * scale;
    }

    /*
     * A confidently classified sample has A_i with entries near 1e-170: commons-math's QL
     * iteration then underflows and gives up (MaxCountExceededException). Eigenvalues scale
     * with the matrix, so decompose it scaled to entries of order one and scale back.
     */
    private static double maxAbs(double[][] a) {
        double max = 0;
        for (double[] row : a) {
            for (double x : row) {
                max = Math.max(max, Math.abs(x));
            }
        }
        return max;
    }
}
