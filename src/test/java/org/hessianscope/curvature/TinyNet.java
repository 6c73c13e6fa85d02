package org.hessianscope.curvature;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.EigenDecomposition;
import org.hessianscope.arch.ArchitectureSpec;
import org.hessianscope.arch.ConvLayerSpec;
import org.hessianscope.arch.HeadSpec;
import org.hessianscope.arch.InputShape;
import org.hessianscope.data.InMemorySamples;
import org.hessianscope.data.Samples;
import org.hessianscope.engine.Engine;
import org.hessianscope.engine.Model;
import org.hessianscope.engine.Network;

import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * A net small enough to write its Hessian down: 1×6×6 inputs, conv 3@3×3, ReLU, conv 3@3×3,
 * linear head to 4 classes, P = 30 + 84 + 52 = 166; seeded weights and data. Explicit
 * matrices are assembled column by column from the engine and decomposed densely.
 */
final class TinyNet {
    static final ArchitectureSpec SPEC = new ArchitectureSpec(new InputShape(1, 6, 6),
            List.of(new ConvLayerSpec(3, 3), new ConvLayerSpec(3, 3)), false, null, HeadSpec.LINEAR, 4);

    private TinyNet() {
    }

    static Model model(long seed) {
        Network net = Network.of(SPEC);
        Random rng = new Random(seed);
        double[] theta = new double[net.parameterCount()];
        for (int i = 0; i < theta.length; i++) {
            theta[i] = 0.6 * rng.nextGaussian();
        }
        return new Model(net, theta);
    }

    static Samples samples(int n, long seed) {
        Random rng = new Random(seed);
        double[][] x = new double[n][36];
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < 36; j++) {
                x[i][j] = rng.nextGaussian();
            }
            y[i] = rng.nextInt(4);
        }
        return new InMemorySamples(SPEC.input(), 4, x, y);
    }

    /** The Hessian of the mean loss, one hvp per unit vector, symmetrised. */
    static double[][] hessian(Engine engine, Model model, Samples samples) {
        int p = model.parameterCount();
        double[][] h = new double[p][];
        for (int j = 0; j < p; j++) {
            double[] e = new double[p];
            e[j] = 1;
            h[j] = engine.hvp(model, samples, e);
        }
        return symmetrised(h);
    }

    /** Jᵀ A J of one input from the engine's K×P logit Jacobian, with columns outside {@code mask} zeroed (null keeps all). */
    static double[][] ggnOfOne(Engine engine, Model model, double[] x, boolean[] mask) {
        double[][] j = engine.logitJacobian(model, x);
        double[] p = referenceSoftmax(engine.logits(model, x));
        int k = j.length;
        int n = j[0].length;
        double[][] g = new double[n][n];
        for (int a = 0; a < k; a++) {
            for (int b = 0; b < k; b++) {
                double aab = a == b ? p[a] * othersThan(p, a) : -p[a] * p[b];
                for (int r = 0; r < n; r++) {
                    if (mask != null && !mask[r]) {
                        continue;
                    }
                    double jr = j[a][r] * aab;
                    for (int c = 0; c < n; c++) {
                        if (mask == null || mask[c]) {
                            g[r][c] += jr * j[b][c];
                        }
                    }
                }
            }
        }
        return g;
    }

    /** Plain softmax without the max shift (logits here are O(1)), written apart from the code under test. */
    static double[] referenceSoftmax(double[] z) {
        double[] e = new double[z.length];
        double s = 0;
        for (int k = 0; k < z.length; k++) {
            e[k] = Math.exp(z[k]);
            s += e[k];
        }
        for (int k = 0; k < z.length; k++) {
            e[k] /= s;
        }
        return e;
    }

    /** 1 − p_a as the sum of the other probabilities, exact to rounding even when p_a ≈ 1. */
    static double othersThan(double[] p, int a) {
        double s = 0;
        for (int k = 0; k < p.length; k++) {
            if (k != a) {
                s += p[k];
            }
        }
        return s;
    }

    /** The mean over samples of Jᵀ A J. */
    static double[][] ggn(Engine engine, Model model, Samples samples) {
        int p = model.parameterCount();
        double[][] sum = new double[p][p];
        for (int i = 0; i < samples.size(); i++) {
            double[][] g = ggnOfOne(engine, model, samples.input(i), null);
            for (int r = 0; r < p; r++) {
                for (int c = 0; c < p; c++) {
                    sum[r][c] += g[r][c] / samples.size();
                }
            }
        }
        return sum;
    }

    static double[][] minus(double[][] a, double[][] b) {
        double[][] d = new double[a.length][a.length];
        for (int r = 0; r < a.length; r++) {
            for (int c = 0; c < a.length; c++) {
                d[r][c] = a[r][c] - b[r][c];
            }
        }
        return d;
    }

    static double[][] symmetrised(double[][] a) {
        int n = a.length;
        double[][] s = new double[n][n];
        for (int r = 0; r < n; r++) {
            for (int c = 0; c < n; c++) {
                s[r][c] = 0.5 * (a[r][c] + a[c][r]);
            }
        }
        return s;
    }

    /** Ascending eigenvalues by commons-math3's dense symmetric solver. */
    static double[] eigenvalues(double[][] a) {
        double[] ev = new EigenDecomposition(new Array2DRowRealMatrix(symmetrised(a), false)).getRealEigenvalues();
        Arrays.sort(ev);
        return ev;
    }

    static double spectralNorm(double[][] a) {
        double[] ev = eigenvalues(a);
        return Math.max(Math.abs(ev[0]), Math.abs(ev[ev.length - 1]));
    }

    static double trace(double[][] a) {
        double t = 0;
        for (int i = 0; i < a.length; i++) {
            t += a[i][i];
        }
        return t;
    }
}
