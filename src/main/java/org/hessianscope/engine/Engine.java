package org.hessianscope.engine;

import org.hessianscope.data.Samples;
import org.hessianscope.linalg.SymmetricOperator;
import org.hessianscope.task.ProgressMonitor;

/**
 * CONTRACT (signatures agreed between helpers; the engine helper implements the bodies and may add more).
 *
 * Exact double-precision evaluation of the spec family: forward, gradient, R-operator
 * Hessian-vector products, logit Jacobian products. Work over many samples runs in
 * fixed blocks on {@code threads} cores and reduces in block order, so results are
 * identical run to run and for any thread count. Means are over the samples given.
 */
public final class Engine implements AutoCloseable {

    public Engine(int threads) {
        throw new UnsupportedOperationException("engine pending");
    }

    /** An engine on all available cores. */
    public static Engine create() {
        return new Engine(Runtime.getRuntime().availableProcessors());
    }

    public int threads() {
        throw new UnsupportedOperationException("engine pending");
    }

    /** Logits of one normalised input x (length = input size). */
    public double[] logits(Model model, double[] x) {
        throw new UnsupportedOperationException("engine pending");
    }

    /** ℓ_i = −log softmax(z_i)[y_i] for every sample, in order (log-sum-exp, no clipping). */
    public double[] perSampleLosses(Model model, Samples samples, ProgressMonitor monitor) {
        throw new UnsupportedOperationException("engine pending");
    }

    /** Mean loss over {@code samples}, its gradient and the accuracy. */
    public LossGradient lossAndGradient(Model model, Samples samples) {
        throw new UnsupportedOperationException("engine pending");
    }

    /** H v for the Hessian H of the mean loss over {@code samples}, by the R-operator. */
    public double[] hvp(Model model, Samples samples, double[] v) {
        throw new UnsupportedOperationException("engine pending");
    }

    /** H_O v = mean_i J_i^T A_i J_i v, the Gauss-Newton (ggn) part. */
    public double[] ggnProduct(Model model, Samples samples, double[] v) {
        throw new UnsupportedOperationException("engine pending");
    }

    /** H_F v = H v − H_O v, the residual part. */
    public double[] residualProduct(Model model, Samples samples, double[] v) {
        throw new UnsupportedOperationException("engine pending");
    }

    /** J v for one input: the directional derivative of the K logits along v (forward mode). */
    public double[] jvp(Model model, double[] x, double[] v) {
        throw new UnsupportedOperationException("engine pending");
    }

    /** J^T u for one input: back-propagation of an arbitrary logit cotangent u (length K). */
    public double[] vjp(Model model, double[] x, double[] u) {
        throw new UnsupportedOperationException("engine pending");
    }

    /** The K×P Jacobian of the logits of one input. */
    public double[][] logitJacobian(Model model, double[] x) {
        throw new UnsupportedOperationException("engine pending");
    }

    public SymmetricOperator hessianOperator(Model model, Samples samples) {
        throw new UnsupportedOperationException("engine pending");
    }

    public SymmetricOperator ggnOperator(Model model, Samples samples) {
        throw new UnsupportedOperationException("engine pending");
    }

    public SymmetricOperator residualOperator(Model model, Samples samples) {
        throw new UnsupportedOperationException("engine pending");
    }

    @Override
    public void close() {
    }
}
