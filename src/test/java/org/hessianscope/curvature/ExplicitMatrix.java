package org.hessianscope.curvature;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.EigenDecomposition;
import org.apache.commons.math3.linear.QRDecomposition;
import org.apache.commons.math3.linear.RealMatrix;
import org.hessianscope.linalg.SymmetricOperator;

import java.util.Arrays;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;

/** Dense symmetric test matrices with a chosen spectrum, hidden by a random rotation, and their operators. */
final class ExplicitMatrix implements SymmetricOperator {
    final double[][] a;
    final AtomicInteger products = new AtomicInteger();

    ExplicitMatrix(double[][] a) {
        this.a = a;
    }

    /** Q diag(eigenvalues) Qᵀ with Q orthogonal from the QR factorisation of a seeded Gaussian matrix. */
    static ExplicitMatrix rotated(double[] eigenvalues, long seed) {
        int n = eigenvalues.length;
        Random rng = new Random(seed);
        double[][] g = new double[n][n];
        for (double[] row : g) {
            for (int j = 0; j < n; j++) {
                row[j] = rng.nextGaussian();
            }
        }
        RealMatrix q = new QRDecomposition(new Array2DRowRealMatrix(g, false)).getQ();
        double[][] qa = q.getData();
        double[][] a = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j <= i; j++) {
                double s = 0;
                for (int k = 0; k < n; k++) {
                    s += qa[i][k] * eigenvalues[k] * qa[j][k];
                }
                a[i][j] = s;
                a[j][i] = s;
            }
        }
        return new ExplicitMatrix(a);
    }

    static ExplicitMatrix diagonal(double[] d) {
        double[][] a = new double[d.length][d.length];
        for (int i = 0; i < d.length; i++) {
            a[i][i] = d[i];
        }
        return new ExplicitMatrix(a);
    }

    /** Eigenvalues by commons-math3's dense symmetric solver, ascending: the independent reference. */
    double[] denseEigenvalues() {
        double[] ev = new EigenDecomposition(new Array2DRowRealMatrix(a, true)).getRealEigenvalues();
        Arrays.sort(ev);
        return ev;
    }

    double trace() {
        double t = 0;
        for (int i = 0; i < a.length; i++) {
            t += a[i][i];
        }
        return t;
    }

    @Override
    public int dimension() {
        return a.length;
    }

    @Override
    public void apply(double[] v, double[] out) {
        products.incrementAndGet();
        for (int i = 0; i < a.length; i++) {
            double s = 0;
            double[] row = a[i];
            for (int j = 0; j < v.length; j++) {
                s += row[j] * v[j];
            }
            out[i] = s;
        }
    }

    /** ‖A v − λ v‖. */
    double residual(double lambda, double[] v) {
        double[] av = new double[v.length];
        apply(v, av);
        double s = 0;
        for (int i = 0; i < v.length; i++) {
            double d = av[i] - lambda * v[i];
            s += d * d;
        }
        return Math.sqrt(s);
    }
}
