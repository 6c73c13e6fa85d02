package org.hessianscope.bounds;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.EigenDecomposition;
import org.apache.commons.math3.linear.RealMatrix;
import org.hessianscope.arch.ArchitectureSpec;
import org.hessianscope.arch.FeatureMap;
import org.hessianscope.arch.ParameterLayout;
import org.hessianscope.arch.PoolType;
import org.hessianscope.arch.Stage;

import java.util.Arrays;

/**
 * An independent oracle for the tests: a plain forward pass of a spec written from the
 * definitions (conv + bias, ReLU, pool of stride = size dropping remainders, dense + bias),
 * the logit Jacobian with respect to the weights (biases excluded) by central differences,
 * and ‖H_O‖ = ‖Jᵀ A J‖ as the top eigenvalue of the K×K matrix A^{1/2} J Jᵀ A^{1/2},
 * A = diag(p) − p pᵀ. The logits are piecewise multilinear in the weights, so central
 * differences are exact up to rounding unless a step crosses a ReLU or pooling kink.
 */
final class ReferenceGgn {
    private static final double STEP = 1e-6;

    private ReferenceGgn() {
    }

    static double[] logits(ArchitectureSpec spec, double[] theta, double[] x) {
        ParameterLayout layout = spec.parameterLayout();
        double[] a = x.clone();
        for (Stage s : spec.stages()) {
            double[] in = a;
            a = s.accept(new Stage.Visitor<double[]>() {
                @Override
                public double[] conv(Stage.Conv c) {
                    double[] w = tensor(layout, theta, c.name() + ".weight");
                    double[] b = tensor(layout, theta, c.name() + ".bias");
                    double[] out = ToeplitzOperatorTest.directConv2d(w, c.out().channels(), c.in().channels(), c.kernel(),
                            in, c.in().height(), c.in().width());
                    int plane = c.out().height() * c.out().width();
                    for (int i = 0; i < out.length; i++) {
                        out[i] += b[i / plane];
                    }
                    return out;
                }

                @Override
                public double[] relu(Stage.Relu r) {
                    return Arrays.stream(in).map(v -> Math.max(0, v)).toArray();
                }

                @Override
                public double[] pool(Stage.Pool p) {
                    return ReferenceGgn.pool(in, p.in(), p.out(), p.size(), p.type());
                }

                @Override
                public double[] dense(Stage.Dense d) {
                    double[] w = tensor(layout, theta, d.name() + ".weight");
                    double[] b = tensor(layout, theta, d.name() + ".bias");
                    double[] out = b.clone();
                    for (int r = 0; r < d.outFeatures(); r++) {
                        for (int c = 0; c < d.inFeatures(); c++) {
                            out[r] += w[r * d.inFeatures() + c] * in[c];
                        }
                    }
                    return out;
                }
            });
        }
        return a;
    }

    /** ‖H_O‖ of one input, weights only. */
    static double ggnNormWeightsOnly(ArchitectureSpec spec, double[] theta, double[] x) {
        boolean[] mask = spec.parameterLayout().weightMask();
        double[] z = logits(spec, theta, x);
        int k = z.length;
        int weights = 0;
        for (boolean m : mask) {
            weights += m ? 1 : 0;
        }
        double[][] jac = new double[k][weights];
        double[] th = theta.clone();
        int col = 0;
        for (int j = 0; j < th.length; j++) {
            if (!mask[j]) {
                continue;
            }
            double keep = th[j];
            th[j] = keep + STEP;
            double[] up = logits(spec, th, x);
            th[j] = keep - STEP;
            double[] down = logits(spec, th, x);
            th[j] = keep;
            for (int r = 0; r < k; r++) {
                jac[r][col] = (up[r] - down[r]) / (2 * STEP);
            }
            col++;
        }
        return ggnNorm(jac, z);
    }

    /** λ_max(Jᵀ A J) for a logit Jacobian {@code jac} (K rows) at logits {@code z}, by the K×K route. */
    private static double ggnNorm(double[][] jac, double[] z) {
        int k = z.length;
        double[] p = softmax(z);
        double[][] a = new double[k][k];
        for (int r = 0; r < k; r++) {
            for (int c = 0; c < k; c++) {
                a[r][c] = (r == c ? p[r] : 0) - p[r] * p[c];
            }
        }
        RealMatrix sqrtA = sqrtPsd(new Array2DRowRealMatrix(a));
        RealMatrix j = new Array2DRowRealMatrix(jac);
        RealMatrix m = sqrtA.multiply(j.multiply(j.transpose())).multiply(sqrtA);
        return Arrays.stream(new EigenDecomposition(symmetrise(m)).getRealEigenvalues()).max().orElseThrow();
    }

    private static RealMatrix sqrtPsd(RealMatrix a) {
        EigenDecomposition e = new EigenDecomposition(a);
        RealMatrix v = e.getV();
        double[] ev = e.getRealEigenvalues();
        RealMatrix d = new Array2DRowRealMatrix(ev.length, ev.length);
        for (int i = 0; i < ev.length; i++) {
            d.setEntry(i, i, Math.sqrt(Math.max(0, ev[i])));
        }
        return v.multiply(d).multiply(v.transpose());
    }

    private static RealMatrix symmetrise(RealMatrix m) {
        return m.add(m.transpose()).scalarMultiply(0.5);
    }

    private static double[] softmax(double[] z) {
        double max = Arrays.stream(z).max().orElseThrow();
        double[] p = new double[z.length];
        double sum = 0;
        for (int i = 0; i < z.length; i++) {
            p[i] = Math.exp(z[i] - max);
            sum += p[i];
        }
        for (int i = 0; i < z.length; i++) {
            p[i] /= sum;
        }
        return p;
    }

    private static double[] pool(double[] a, FeatureMap in, FeatureMap out, int s, PoolType type) {
        double[] r = new double[out.size()];
        for (int c = 0; c < out.channels(); c++) {
            for (int i = 0; i < out.height(); i++) {
                for (int j = 0; j < out.width(); j++) {
                    double acc = type == PoolType.MAX ? Double.NEGATIVE_INFINITY : 0;
                    for (int u = 0; u < s; u++) {
                        for (int v = 0; v < s; v++) {
                            double x = a[(c * in.height() + i * s + u) * in.width() + j * s + v];
                            acc = type == PoolType.MAX ? Math.max(acc, x) : acc + x / (s * s);
                        }
                    }
                    r[(c * out.height() + i) * out.width() + j] = acc;
                }
            }
        }
        return r;
    }

    private static double[] tensor(ParameterLayout layout, double[] theta, String name) {
        ParameterLayout.Tensor t = layout.tensor(name).orElseThrow();
        return Arrays.copyOfRange(theta, t.offset(), t.offset() + t.size());
    }
}
