package org.hessianscope.train;

/**
 * Adam exactly as PyTorch's {@code torch.optim.Adam} (no weight decay, no amsgrad,
 * single-tensor path): with step count t,
 * <pre>
 * m ← β₁ m + (1 − β₁) g
 * v ← β₂ v + (1 − β₂) g²
 * θ ← θ − (lr / (1 − β₁ᵗ)) · m / (√v / √(1 − β₂ᵗ) + ε)
 * </pre>
 * Note that ε is added after the bias correction of √v, as PyTorch does; the
 * paper's Algorithm 1 form (ε added to √v̂) is the same expression.
 */
public final class Adam {
    private final double lr;
    private final double beta1;
    private final double beta2;
    private final double eps;
    private final double[] m;
    private final double[] v;
    private int t;

    public Adam(int dimension, double lr, double beta1, double beta2, double eps) {
        this.lr = lr;
        this.beta1 = beta1;
        this.beta2 = beta2;
        this.eps = eps;
        this.m = new double[dimension];
        this.v = new double[dimension];
    }

    public static Adam of(TrainingOptions o, int dimension) {
        return new Adam(dimension, o.learningRate(), o.beta1(), o.beta2(), o.epsilon());
    }

    /** One update of {@code theta} in place from the gradient {@code g}. */
    public void step(double[] theta, double[] g) {
        if (theta.length != m.length || g.length != m.length) {
            throw new IllegalArgumentException("Adam over " + m.length + " parameters got θ of " + theta.length
                    + " and a gradient of " + g.length);
        }
        t++;
        double stepSize = lr / (1 - Math.pow(beta1, t));
        double correction2Sqrt = Math.sqrt(1 - Math.pow(beta2, t));
        for (int i = 0; i < theta.length; i++) {
            m[i] = beta1 * m[i] + (1 - beta1) * g[i];
            v[i] = beta2 * v[i] + (1 - beta2) * g[i] * g[i];
            theta[i] -= stepSize * m[i] / (Math.sqrt(v[i]) / correction2Sqrt + eps);
        }
    }

    /** Number of steps taken. */
    public int steps() {
        return t;
    }
}
