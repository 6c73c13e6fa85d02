package org.hessianscope.interop;

import org.hessianscope.arch.ArchitectureSpec;
import org.hessianscope.arch.FeatureMap;
import org.hessianscope.arch.ParameterLayout;
import org.hessianscope.arch.PoolType;
import org.hessianscope.arch.Stage;

import java.util.Arrays;

/**
 * A deliberately plain forward pass of the spec family, straight from the
 * definitions with nested loops over (channel, row, column): the independent
 * reference that the DL4J network is checked against before the engine exists.
 */
final class NaiveCnn {

    private NaiveCnn() {
    }

    static double[] logits(ArchitectureSpec spec, double[] theta, double[] x) {
        ParameterLayout layout = spec.parameterLayout();
        double[] a = x.clone();
        for (Stage s : spec.stages()) {
            double[] in = a;
            a = s.accept(new Stage.Visitor<double[]>() {
                @Override
                public double[] conv(Stage.Conv c) {
                    return NaiveCnn.conv(in, c, theta, layout.tensor(c.name() + ".weight").orElseThrow().offset(),
                            layout.tensor(c.name() + ".bias").orElseThrow().offset());
                }

                @Override
                public double[] relu(Stage.Relu r) {
                    return Arrays.stream(in).map(v -> Math.max(0, v)).toArray();
                }

                @Override
                public double[] pool(Stage.Pool p) {
                    return NaiveCnn.pool(in, p);
                }

                @Override
                public double[] dense(Stage.Dense d) {
                    return NaiveCnn.dense(in, d, theta, layout.tensor(d.name() + ".weight").orElseThrow().offset(),
                            layout.tensor(d.name() + ".bias").orElseThrow().offset());
                }
            });
        }
        return a;
    }

    /** Mean cross-entropy over the inputs (the loss formula itself is pinned by the hand-derived tests). */
    static double meanLoss(ArchitectureSpec spec, double[] theta, double[][] xs, int[] labels) {
        double sum = 0;
        for (int i = 0; i < xs.length; i++) {
            sum += CrossEntropy.loss(logits(spec, theta, xs[i]), labels[i]);
        }
        return sum / xs.length;
    }

    private static double[] conv(double[] a, Stage.Conv c, double[] theta, int wOff, int bOff) {
        FeatureMap in = c.in();
        FeatureMap out = c.out();
        int k = c.kernel();
        double[] y = new double[out.size()];
        for (int o = 0; o < out.channels(); o++) {
            for (int r = 0; r < out.height(); r++) {
                for (int col = 0; col < out.width(); col++) {
                    double s = theta[bOff + o];
                    for (int i = 0; i < in.channels(); i++) {
                        for (int u = 0; u < k; u++) {
                            for (int v = 0; v < k; v++) {
                                double w = theta[wOff + ((o * in.channels() + i) * k + u) * k + v];
                                s += w * a[(i * in.height() + r + u) * in.width() + col + v];
                            }
                        }
                    }
                    y[(o * out.height() + r) * out.width() + col] = s;
                }
            }
        }
        return y;
    }

    private static double[] pool(double[] a, Stage.Pool p) {
        FeatureMap in = p.in();
        FeatureMap out = p.out();
        int s = p.size();
        double[] y = new double[out.size()];
        for (int ch = 0; ch < out.channels(); ch++) {
            for (int r = 0; r < out.height(); r++) {
                for (int col = 0; col < out.width(); col++) {
                    double acc = p.type() == PoolType.MAX ? Double.NEGATIVE_INFINITY : 0;
                    for (int u = 0; u < s; u++) {
                        for (int v = 0; v < s; v++) {
                            double val = a[(ch * in.height() + r * s + u) * in.width() + col * s + v];
                            acc = p.type() == PoolType.MAX ? Math.max(acc, val) : acc + val;
                        }
                    }
                    y[(ch * out.height() + r) * out.width() + col] = p.type() == PoolType.MAX ? acc : acc / (s * s);
                }
            }
        }
        return y;
    }

    private static double[] dense(double[] a, Stage.Dense d, double[] theta, int wOff, int bOff) {
        int in = d.inFeatures();
        double[] y = new double[d.outFeatures()];
        for (int o = 0; o < y.length; o++) {
            double s = theta[bOff + o];
            for (int i = 0; i < in; i++) {
                s += theta[wOff + o * in + i] * a[i];
            }
            y[o] = s;
        }
        return y;
    }
}
