package org.hessianscope.curvature;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.EigenDecomposition;
import org.apache.commons.math3.linear.RealMatrix;
import org.hessianscope.data.Samples;
import org.hessianscope.engine.Engine;
import org.hessianscope.engine.Model;
import org.hessianscope.task.ProgressMonitor;


/**
 * ‖H_O,i‖ = λ_max(J_iᵀ A_i J_i) exactly for every sample, through the K×K matrix
 * A_i^{1/2} J_i J_iᵀ A_i^{1/2} that has the same non-zero eigenvalues (K = classes),
 * so the P×P matrix is never formed. Also with the bias columns of J_i removed, the
 * weights-only norm that the paper's theorems bound.
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

    /** The two norms of one sample. */
    public record Norms(double full, double weightsOnly) {
    }

    private static final int REPORT_EVERY = 64;

    private PerSampleGgn() {
    }

    /** Every sample's norms, computed in parallel on the engine's thread count; results do not depend on it. */
    public static Result compute(Engine engine, Model model, Samples samples, ProgressMonitor monitor) {
        int n = samples.size();
        if (n == 0) {
            throw new IllegalArgumentException("per-sample ggn norms need at least one sample; got zero");
        }
        boolean[] weights = model.network().layout().weightMask();
        double[] full = new double[n];
        double[] weightsOnly = new double[n];
        ParallelSamples.forEach(n, engine.threads(), REPORT_EVERY, monitor, i -> {
            Norms norms = of(engine, model, samples.input(i), weights);
            full[i] = norms.full();
            weightsOnly[i] = norms.weightsOnly();
            return "per-sample ggn norm, sample " + i + " of " + n;
        });
        return new Result(full, weightsOnly);
    }

    /** ‖J^T A J‖ for one input, with all parameters and with weights only ({@code weightMask} true). */
    public static Norms of(Engine engine, Model model, double[] x, boolean[] weightMask) {
        double[][] jacobian = engine.logitJacobian(model, x);
        RealMatrix sqrtA = sqrtOfSoftmaxCovariance(softmax(engine.logits(model, x)));
        return new Norms(topEigenvalue(sqrtA, gram(jacobian, null)), topEigenvalue(sqrtA, gram(jacobian, weightMask)));
    }

    static double[] softmax(double[] z) {
        double max = Double.NEGATIVE_INFINITY;
        for (double v : z) {
            max = Math.max(max, v);
        }
        double[] p = new double[z.length];
        double sum = 0;
        for (int k = 0; k < z.length; k++) {
            p[k] = Math.exp(z[k] - max);
            sum += p[k];
        }
        for (int k = 0; k < z.length; k++) {
            p[k] /= sum;
        }
        return p;
    }

    /** A^{1/2} for A = diag(p) − p pᵀ, which is PSD; eigenvalues that rounding made slightly negative count as 0. */
    static RealMatrix sqrtOfSoftmaxCovariance(double[] p) {
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

    /** J Jᵀ over the columns where {@code mask} is true (all columns when null). */
    static RealMatrix gram(double[][] j, boolean[] mask) {
        int k = j.length;
        double[][] g = new double[k][k];
        for (int a = 0; a < k; a++) {
            for (int b = 0; b <= a; b++) {
                double s = 0;
                double[] ra = j[a];
                double[] rb = j[b];
                for (int c = 0; c < ra.length; c++) {
                    if (mask == null || mask[c]) {
                        s += ra[c] * rb[c];
                    }
                }
                g[a][b] = s;
                g[b][a] = s;
            }
        }
        return new Array2DRowRealMatrix(g, false);
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
