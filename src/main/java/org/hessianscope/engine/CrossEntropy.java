package org.hessianscope.engine;

/** Softmax cross-entropy on logits, computed by log-sum-exp so no probability is ever clipped. */
final class CrossEntropy {
    private CrossEntropy() {
    }

    /** Writes softmax(z) into p and returns ℓ = log Σ exp z − z[label]. */
    static double lossAndProbabilities(double[] z, int label, double[] p) {
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
        return max + Math.log(sum) - z[label];
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
