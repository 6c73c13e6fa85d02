package org.hessianscope.interop;

/**
 * Softmax cross-entropy from logits, written out here rather than taken from
 * DL4J: DL4J's LossMCXENT clips probabilities at 1e-10, so its losses differ
 * from the exact ones for confident samples.
 */
final class CrossEntropy {

    private CrossEntropy() {
    }

    /** ℓ = logsumexp(z) − z[y], shifted by max(z) so that no exponential overflows. */
    static double loss(double[] z, int label) {
        return logSumExp(z) - z[label];
    }

    /** ∂ℓ/∂z = softmax(z) − onehot(y). */
    static double[] lossGradient(double[] z, int label) {
        double lse = logSumExp(z);
        double[] g = new double[z.length];
        for (int k = 0; k < z.length; k++) {
            g[k] = Math.exp(z[k] - lse);
        }
        g[label] -= 1;
        return g;
    }

    static double logSumExp(double[] z) {
        double max = Double.NEGATIVE_INFINITY;
        for (double v : z) {
            max = Math.max(max, v);
        }
        double sum = 0;
        for (double v : z) {
            sum += Math.exp(v - max);
        }
        return max + Math.log(sum);
    }
}
