package org.hessianscope.surface;

import java.util.Arrays;

/**
 * The second-order model of L_k around θ̂ restricted to the slice:
 * q(α) = L_k(θ̂) + g_Vᵀα + ½ αᵀ(VᵀH^{(k)}V)α with g_V = Vᵀ∇L_k(θ̂), where V holds the axes' directions as
 * columns and H^{(k)} is the Hessian of the mean loss over the first k samples (always H: this is the Taylor
 * expansion, whatever matrix the directions came from). VᵀHV comes from exact Hessian-vector products, not finite
 * differences.
 *
 * @param k         the samples the model is of (the first k of the subset)
 * @param loss      L_k(θ̂)
 * @param gradient  g_V, one entry per axis
 * @param curvature VᵀH^{(k)}V, dims × dims, symmetric
 * @param values    q on the grid, values[i][j] at (α_i, β_j); j has one entry in 1D
 */
public record QuadraticModel(int k, double loss, double[] gradient, double[][] curvature, double[][] values) {

    /** q at the coordinates {@code alpha} (one per axis), from the coefficients. */
    public double at(double... alpha) {
        double q = loss;
        for (int a = 0; a < gradient.length; a++) {
            q += gradient[a] * alpha[a];
            for (int b = 0; b < gradient.length; b++) {
                q += 0.5 * alpha[a] * curvature[a][b] * alpha[b];
            }
        }
        return q;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof QuadraticModel m && k == m.k && Double.compare(loss, m.loss) == 0
                && Arrays.equals(gradient, m.gradient) && Arrays.deepEquals(curvature, m.curvature)
                && Arrays.deepEquals(values, m.values);
    }

    @Override
    public int hashCode() {
        return 31 * k + Arrays.hashCode(gradient);
    }

    @Override
    public String toString() {
        return "QuadraticModel[k=" + k + ", loss=" + loss + ", gradient=" + Arrays.toString(gradient)
                + ", curvature=" + Arrays.deepToString(curvature) + "]";
    }
}
