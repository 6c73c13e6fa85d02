package org.hessianscope.surface;

import java.util.SplittableRandom;
import java.util.function.IntFunction;
import org.hessianscope.linalg.Vectors;
import org.hessianscope.task.ProgressMonitor;

/**
 * A test double whose loss is exactly quadratic: a linear net with squared loss, ℓ_i(w) = ½(x_iᵀw − y_i)²,
 * ∇ℓ_i = (x_iᵀw − y_i) x_i, ∇²ℓ_i = x_i x_iᵀ. Its "filters" are the whole vector (scaled to ‖θ‖).
 */
final class LinearSquaredObjective implements PerSampleObjective {
    final double[][] x;
    final double[] y;

    LinearSquaredObjective(int n, int p, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        x = new double[n][];
        y = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = Vectors.gaussian(p, rng);
            y[i] = 2 * rng.nextDouble() - 1;
        }
    }

    public int parameterCount() {
        return x[0].length;
    }

    public int size() {
        return x.length;
    }

    double residual(int i, double[] w) {
        return Vectors.dot(x[i], w) - y[i];
    }

    public double[] losses(double[] w, ProgressMonitor monitor) {
        double[] l = new double[x.length];
        for (int i = 0; i < l.length; i++) {
            double r = residual(i, w);
            l[i] = 0.5 * r * r;
        }
        return l;
    }

    public SampleTaylor taylor(int i, double[] w, double[][] vs) {
        double r = residual(i, w);
        double[] g = x[i].clone();
        Vectors.scale(r, g);
        double[][] hv = new double[vs.length][];
        for (int j = 0; j < vs.length; j++) {
            hv[j] = x[i].clone();
            Vectors.scale(Vectors.dot(x[i], vs[j]), hv[j]);
        }
        return new SampleTaylor(0.5 * r * r, g, hv);
    }

    public double hessianTrace(int i, double[] w) {
        return Vectors.dot(x[i], x[i]);
    }

    public void forEach(int n, ProgressMonitor monitor, IntFunction<String> work) {
        for (int i = 0; i < n; i++) {
            monitor.checkCancelled();
            monitor.progress(i + 1, n, work.apply(i));
        }
    }

    public void filterNormalise(double[] d, double[] theta) {
        Vectors.scale(Vectors.norm(theta) / Vectors.norm(d), d);
    }
}
