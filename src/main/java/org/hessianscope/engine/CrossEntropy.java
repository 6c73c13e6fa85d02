package org.hessianscope.engine;

/**
 * Softmax cross-entropy on logits, computed by log-sum-exp so no probability is ever clipped.
 * Public for {@link #softmax}, so that code outside the engine (the per-sample GGN) uses the
 * engine's probabilities rather than a second softmax.
 */
public final class CrossEntropy {
    private CrossEntropy() {
    }

    /** softmax(z) as a new array, the same numbers the engine's loss uses. */
    public static double[] softmax(double[] z) {
        double[] p = new double[z.length];
        softmaxInto(z, p);
        return p;
    }

    /** Writes softmax(z) into p and returns ℓ = log Σ exp z − z[label]. */
    static double lossAndProbabilities(double[] z, int label, double[] p) {
        return softmaxInto(z, p) - z[label];
    }

    /** Writes softmax(z) into p (its length is the class count) and returns log Σ exp z. */
    private static double softmaxInto(double[] z, double[] p) {
        int k = p.length;
        double max = z[0];
        for (int j = 1; j < k; j++) {
            max = Math.max(max, z[j]);
        }
        double sum = 0;
        for (int j = 0; j < k; j++) {
            double e = Math.exp(z[j] - max);
            p[j] = e;
            sum += e;
        }
        for (int j = 0; j < k; j++) {
            p[j] /= sum;
        }
        return max + Math.log(sum);
    }

    /** out = (diag(p) − p p^T) t, the Hessian of the loss with respect to the logits applied to t. */
    static void curvatureProduct(double[] p, double[] t, double[] out) {
        double mean = 0;
        for (int j = 0; j < p.length; j++) {
            mean += p[j] * t[j];
        }
        for (int j = 0; j < p.length; j++) {
            out[j] = p[j] * (t[j] - mean);
        }
    }

    /** Index of the largest logit; the first one on ties. */
    static int argmax(double[] z, int k) {
        int best = 0;
        for (int j = 1; j < k; j++) {
            if (z[j] > z[best]) {
                best = j;
            }
        }
        return best;
    }
}
