package org.hessianscope.engine;

import org.hessianscope.data.Samples;
import org.hessianscope.linalg.SymmetricOperator;
import org.hessianscope.task.ProgressMonitor;

import java.util.function.IntFunction;
import java.util.function.UnaryOperator;

/**
 * Exact double-precision evaluation of the spec family: forward, gradient, R-operator
 * Hessian-vector products, logit Jacobian products. Work over many samples runs in
 * fixed blocks on {@code threads} cores and reduces in block order, so results are
 * identical run to run and for any thread count. Means are over the samples given.
 *
 * <p>Conventions: the loss is softmax cross-entropy from the logits by log-sum-exp, never
 * clipped. ReLU has derivative 0 at 0. Max pooling routes to the first maximum of its window
 * in row-major scan order. ReLU and max pool are piecewise linear, so the R-operator uses
 * their forward masks and routes and the Hessian is exact wherever the pattern is locally
 * constant (almost everywhere). No finite differences are used anywhere.
 *
 * <p>The engine owns a fixed pool of {@code threads} workers, each with its own preallocated
 * {@link Workspace}; {@link #close()} shuts the pool down.
 */
public final class Engine implements AutoCloseable {
    private final BlockRunner runner;
    private final ThreadLocal<Workspace> workspaces = new ThreadLocal<>();
    private final ThreadLocal<WorkspaceF32> workspacesF32 = new ThreadLocal<>();

    public Engine(int threads) {
        this.runner = new BlockRunner(threads);
    }

    /** An engine on all available cores. */
    public static Engine create() {
        return new Engine(Runtime.getRuntime().availableProcessors());
    }

    public int threads() {
        return runner.threads();
    }

    /**
     * Independent work on items 0..n−1 (typically one sample each) on the engine's own pool. Engine calls made
     * inside {@code work} run on the worker that makes them, so the threads stay {@link #threads()} in all.
     * Each item must write only its own results, so they do not depend on the thread count. {@code work}
     * returns its item's progress message, reported every {@code reportEvery} items and at the end;
     * cancellation is checked between items.
     */
    public void forEachItem(int n, int reportEvery, ProgressMonitor monitor, IntFunction<String> work) {
        runner.each(n, reportEvery, monitor, work);
    }

    /** Logits of one normalised input x (length = input size). */
    public double[] logits(Model model, double[] x) {
        Workspace ws = single(model, x);
        ws.forward(model.theta());
        return ws.logits().clone();
    }

    /** ℓ_i = −log softmax(z_i)[y_i] for every sample, in order (log-sum-exp, no clipping). */
    public double[] perSampleLosses(Model model, Samples samples, ProgressMonitor monitor) {
        checkSamples(model, samples, false);
        double[] losses = new double[samples.size()];
        double[] theta = model.theta();
        sumOverSamples(model, samples, 0, (ws, i, partial) -> {
            ws.forward(theta);
            losses[i] = ws.loss(samples.label(i));
        }, monitor);
        return losses;
    }

    /**
     * ℓ_i and the predicted class of every sample from one forward pass each, on the pool: the
     * losses equal {@link #perSampleLosses}' and the predictions the arg-max of {@link #logits}.
     */
    public PerSampleOutputs perSampleOutputs(Model model, Samples samples, ProgressMonitor monitor) {
        checkSamples(model, samples, false);
        double[] losses = new double[samples.size()];
        int[] predictions = new int[samples.size()];
        double[] theta = model.theta();
        sumOverSamples(model, samples, 0, (ws, i, partial) -> {
            ws.forward(theta);
            predictions[i] = ws.prediction();
            losses[i] = ws.loss(samples.label(i));
        }, monitor);
        return new PerSampleOutputs(losses, predictions);
    }

    /** Mean loss and accuracy over {@code samples}, without the gradient. */
    public LossAccuracy lossAndAccuracy(Model model, Samples samples, ProgressMonitor monitor) {
        checkSamples(model, samples, true);
        double[] theta = model.theta();
        double[] sum = sumOverSamples(model, samples, 2, (ws, i, partial) -> {
            int label = samples.label(i);
            ws.forward(theta);
            partial[0] += ws.loss(label);
            partial[1] += ws.predicts(label) ? 1 : 0;
        }, monitor);
        int n = samples.size();
        return new LossAccuracy(sum[0] / n, sum[1] / n);
    }

    /** Mean loss over {@code samples}, its gradient and the accuracy. */
    public LossGradient lossAndGradient(Model model, Samples samples) {
        checkSamples(model, samples, true);
        int p = model.parameterCount();
        double[] theta = model.theta();
        // Partial layout: gradient [0, P), loss sum at P, correct count at P + 1.
        double[] sum = sumOverSamples(model, samples, p + 2, (ws, i, partial) -> {
            int label = samples.label(i);
            partial[p] += ws.gradient(theta, label, partial);
            partial[p + 1] += ws.predicts(label) ? 1 : 0;
        }, ProgressMonitor.NONE);
        int n = samples.size();
        return new LossGradient(sum[p] / n, mean(sum, 0, p, n), sum[p + 1] / n);
    }

    /**
     * As {@link #lossAndGradient(Model, Samples)}, evaluated in {@code precision}. In float32, θ and the inputs
     * are rounded to float, every layer computes in float, each block of samples sums its gradients in float and
     * the blocks are added in double in block order: deterministic and the same for any thread count, as in float64.
     */
    public LossGradient lossAndGradient(Model model, Samples samples, Precision precision) {
        if (precision == Precision.FLOAT64) {
            return lossAndGradient(model, samples);
        }
        checkSamples(model, samples, true);
        int p = model.parameterCount();
        double[] theta = model.theta();
        Network network = model.network();
        Object evaluation = new Object();
        double[] sum = runner.sum(samples.size(), p + 2, (from, to, partial) -> {
            WorkspaceF32 ws = workspaceF32(network);
            ws.prepare(theta, evaluation);
            for (int i = from; i < to; i++) {
                int label = samples.label(i);
                ws.load(samples, i);
                partial[p] += ws.gradient(label);
                partial[p + 1] += ws.predicts(label) ? 1 : 0;
            }
            ws.flush(partial);
        }, ProgressMonitor.NONE);
        int n = samples.size();
        return new LossGradient(sum[p] / n, mean(sum, 0, p, n), sum[p + 1] / n);
    }

    /**
     * The kept forward and loss-cotangent passes of {@code model} on {@code samples} for the products below, or null
     * when they would take more than {@code budgetBytes} (the products then recompute them, with the same results).
     */
    public KeptPasses keep(Model model, Samples samples, long budgetBytes) {
        checkSamples(model, samples, true);
        long bytes = KeptPasses.bytesPerSample(model.network()) * samples.size();
        return bytes <= budgetBytes ? new KeptPasses(model, samples, bytes) : null;
    }

    /** {@link #hvp}, the same bits, from {@code kept} (null: recomputed). */
    public double[] hvp(Model model, Samples samples, double[] v, KeptPasses kept) {
        if (kept == null) {
            return hvp(model, samples, v);
        }
        checkKept(model, samples, kept);
        checkDirection(model, v);
        double[] theta = model.theta();
        int p = model.parameterCount();
        double[] sum = sumKept(model, samples, kept, p, (ws, i, partial) -> ws.hvpKept(theta, v, partial));
        return mean(sum, 0, p, samples.size());
    }

    /** H v for the Hessian H of the mean loss over {@code samples}, by the R-operator. */
    public double[] hvp(Model model, Samples samples, double[] v) {
        checkSamples(model, samples, true);
        checkDirection(model, v);
        double[] theta = model.theta();
        int p = model.parameterCount();
        double[] sum = sumOverSamples(model, samples, p,
                (ws, i, partial) -> ws.hvp(theta, v, samples.label(i), partial), ProgressMonitor.NONE);
        return mean(sum, 0, p, samples.size());
    }

    /**
     * H v_j for every v_j, each bit-identical to {@link #hvp}: per sample one forward pass, one loss cotangent
     * and one backward pass of it serve all the vectors, which then need only their tangent passes.
     */
    public double[][] hvpAll(Model model, Samples samples, double[][] vs) {
        return hvpAll(model, samples, vs, null);
    }

    /**
     * As {@link #hvpAll(Model, Samples, double[][])}, the same bits, and when {@code ggnForms} is not null also
     * ggnForms[j] = v_jᵀ H_O v_j = mean_i (J_i v_j)ᵀ A_i (J_i v_j), from the logit tangents the products make anyway.
     */
    public double[][] hvpAll(Model model, Samples samples, double[][] vs, double[] ggnForms) {
        return hvpAll(model, samples, vs, ggnForms, null);
    }

    /** {@link #hvpAll(Model, Samples, double[][], double[])}, the same bits, from {@code kept} (null: recomputed). */
    public double[][] hvpAll(Model model, Samples samples, double[][] vs, double[] ggnForms, KeptPasses kept) {
        checkSamples(model, samples, true);
        if (kept != null) {
            checkKept(model, samples, kept);
        }
        for (double[] v : vs) {
            checkDirection(model, v);
        }
        double[] theta = model.theta();
        int p = model.parameterCount();
        int b = vs.length;
        boolean forms = ggnForms != null;
        if (forms && ggnForms.length != b) {
            throw new IllegalArgumentException("ggnForms has " + ggnForms.length + " slots for " + b + " vectors");
        }
        int width = b * p + (forms ? b : 0);
        double[] sum = kept == null
                ? sumOverSamples(model, samples, width,
                        (ws, i, partial) -> ws.hvpAll(theta, vs, samples.label(i), partial, forms), ProgressMonitor.NONE)
                : sumKept(model, samples, kept, width,
                        (ws, i, partial) -> ws.hvpAll(theta, vs, samples.label(i), partial, forms, true));
        double[][] out = new double[b][];
        for (int j = 0; j < b; j++) {
            out[j] = mean(sum, j * p, p, samples.size());
        }
        if (forms) {
            System.arraycopy(mean(sum, b * p, b, samples.size()), 0, ggnForms, 0, b);
        }
        return out;
    }

    /** H_O v = mean_i J_i^T A_i J_i v, the Gauss-Newton (ggn) part. */
    public double[] ggnProduct(Model model, Samples samples, double[] v) {
        checkSamples(model, samples, true);
        checkDirection(model, v);
        double[] theta = model.theta();
        int p = model.parameterCount();
        double[] sum = sumOverSamples(model, samples, p,
                (ws, i, partial) -> ws.ggnProduct(theta, v, samples.label(i), partial), ProgressMonitor.NONE);
        return mean(sum, 0, p, samples.size());
    }

    /** {@link #ggnProduct}, the same bits, from {@code kept} (null: recomputed). */
    public double[] ggnProduct(Model model, Samples samples, double[] v, KeptPasses kept) {
        if (kept == null) {
            return ggnProduct(model, samples, v);
        }
        checkKept(model, samples, kept);
        checkDirection(model, v);
        double[] theta = model.theta();
        int p = model.parameterCount();
        double[] sum = sumKept(model, samples, kept, p, (ws, i, partial) -> ws.ggnKept(theta, v, partial));
        return mean(sum, 0, p, samples.size());
    }

    /** {@link #residualProduct}, the same bits, from {@code kept} (null: recomputed). */
    public double[] residualProduct(Model model, Samples samples, double[] v, KeptPasses kept) {
        if (kept == null) {
            return residualProduct(model, samples, v);
        }
        checkKept(model, samples, kept);
        checkDirection(model, v);
        int p = model.parameterCount();
        double[] theta = model.theta();
        double[] sum = sumKept(model, samples, kept, 2 * p, (ws, i, partial) -> {
            ws.hvpKept(theta, v, partial);
            ws.ggnBackwardInto(theta, partial, p);
        });
        return difference(sum, p, samples.size());
    }

    /** H_F v = H v − H_O v, the residual part: the same values as {@code hvp(v) − ggnProduct(v)}. */
    public double[] residualProduct(Model model, Samples samples, double[] v) {
        checkSamples(model, samples, true);
        checkDirection(model, v);
        int p = model.parameterCount();
        double[] theta = model.theta();
        // One pass shares the forward and tangent passes: H v in [0, P), H_O v in [P, 2P).
        double[] sum = sumOverSamples(model, samples, 2 * p, (ws, i, partial) -> {
            ws.hvp(theta, v, samples.label(i), partial);
            ws.ggnBackwardInto(theta, partial, p);
        }, ProgressMonitor.NONE);
        return difference(sum, p, samples.size());
    }

    /** mean of sum[0, P) − mean of sum[P, 2P). */
    private static double[] difference(double[] sum, int p, int n) {
        double[] hv = mean(sum, 0, p, n);
        double[] ggn = mean(sum, p, p, n);
        for (int j = 0; j < p; j++) {
            hv[j] -= ggn[j];
        }
        return hv;
    }

    /** J v for one input: the directional derivative of the K logits along v (forward mode). */
    public double[] jvp(Model model, double[] x, double[] v) {
        checkDirection(model, v);
        Workspace ws = single(model, x);
        ws.forward(model.theta());
        ws.forwardTangent(model.theta(), v);
        return ws.logitTangent().clone();
    }

    /** J^T u for one input: back-propagation of an arbitrary logit cotangent u (length K). */
    public double[] vjp(Model model, double[] x, double[] u) {
        checkCotangent(model, u);
        Workspace ws = single(model, x);
        ws.forward(model.theta());
        double[] out = new double[model.parameterCount()];
        ws.backward(model.theta(), u, out);
        return out;
    }

    /** The K×P Jacobian of the logits of one input. */
    public double[][] logitJacobian(Model model, double[] x) {
        return logitJacobian(model, x, new double[model.network().classes()]);
    }

    /** The K×P Jacobian of the logits of one input, and its logits (as {@link #logits}) into {@code logits}, from one forward pass. */
    public double[][] logitJacobian(Model model, double[] x, double[] logits) {
        if (logits.length != model.network().classes()) {
            throw new IllegalArgumentException("logits buffer has " + logits.length + " values but the network has "
                    + model.network().classes() + " logits");
        }
        Workspace ws = single(model, x);
        ws.forward(model.theta());
        System.arraycopy(ws.logits(), 0, logits, 0, logits.length);
        int k = model.network().classes();
        double[][] jacobian = new double[k][model.parameterCount()];
        double[] unit = new double[k];
        for (int c = 0; c < k; c++) {
            unit[c] = 1.0;
            ws.backward(model.theta(), unit, jacobian[c]);
            unit[c] = 0.0;
        }
        return jacobian;
    }

    public SymmetricOperator hessianOperator(Model model, Samples samples) {
        return hessianOperator(model, samples, null);
    }

    /** The Hessian as an operator whose products use {@code kept} (null: recomputed), with the same bits. */
    public SymmetricOperator hessianOperator(Model model, Samples samples, KeptPasses kept) {
        checkSamples(model, samples, true);
        int p = model.parameterCount();
        return new SymmetricOperator() {
            public int dimension() {
                return p;
            }

            public void apply(double[] v, double[] out) {
                System.arraycopy(hvp(model, samples, v, kept), 0, out, 0, p);
            }

            @Override
            public void applyAll(double[][] vs, double[][] outs) {
                double[][] hv = hvpAll(model, samples, vs, null, kept);
                for (int j = 0; j < vs.length; j++) {
                    System.arraycopy(hv[j], 0, outs[j], 0, p);
                }
            }
        };
    }

    public SymmetricOperator ggnOperator(Model model, Samples samples) {
        return ggnOperator(model, samples, null);
    }

    /** H_O as an operator whose products use {@code kept} (null: recomputed), with the same bits. */
    public SymmetricOperator ggnOperator(Model model, Samples samples, KeptPasses kept) {
        checkSamples(model, samples, true);
        return operator(model, v -> ggnProduct(model, samples, v, kept));
    }

    public SymmetricOperator residualOperator(Model model, Samples samples) {
        return residualOperator(model, samples, null);
    }

    /** H_F as an operator whose products use {@code kept} (null: recomputed), with the same bits. */
    public SymmetricOperator residualOperator(Model model, Samples samples, KeptPasses kept) {
        checkSamples(model, samples, true);
        return operator(model, v -> residualProduct(model, samples, v, kept));
    }

    @Override
    public void close() {
        runner.close();
    }

    private static SymmetricOperator operator(Model model, UnaryOperator<double[]> product) {
        int p = model.parameterCount();
        return new SymmetricOperator() {
            public int dimension() {
                return p;
            }

            public void apply(double[] v, double[] out) {
                System.arraycopy(product.apply(v), 0, out, 0, p);
            }
        };
    }

    /** Work on one sample whose input is loaded in the workspace, adding into the block's partial. */
    private interface SampleStep {
        void apply(Workspace ws, int index, double[] partial);
    }

    /** Runs {@code step} on every sample, block by block on the pool, and returns the sum of the partials. */
    private double[] sumOverSamples(Model model, Samples samples, int width, SampleStep step, ProgressMonitor monitor) {
        return runner.sum(samples.size(), width, (from, to, partial) -> {
            Workspace ws = workspace(model.network());
            for (int i = from; i < to; i++) {
                ws.load(samples, i);
                step.apply(ws, i, partial);
            }
        }, monitor);
    }

    /**
     * As {@link #sumOverSamples}, each sample's workspace holding its kept passes: restored when made before,
     * made (and kept) by the first product that reaches the sample. Each sample is written by one worker, and
     * read only in later calls, after the pool has handed that call's results back.
     */
    private double[] sumKept(Model model, Samples samples, KeptPasses kept, int width, SampleStep step) {
        double[] theta = model.theta();
        return runner.sum(samples.size(), width, (from, to, partial) -> {
            Workspace ws = workspace(model.network());
            for (int i = from; i < to; i++) {
                KeptPasses.SampleState state = kept.get(i);
                if (state == null) {
                    ws.load(samples, i);
                    kept.set(i, ws.keep(theta, samples.label(i)));
                } else {
                    ws.restore(state);
                }
                step.apply(ws, i, partial);
            }
        }, ProgressMonitor.NONE);
    }

    private static void checkKept(Model model, Samples samples, KeptPasses kept) {
        if (!kept.isFor(model, samples)) {
            throw new IllegalArgumentException("the kept passes are of another model or other samples");
        }
    }

    private Workspace workspace(Network network) {
        Workspace ws = workspaces.get();
        // A workspace fits every network compiled to the same layers.
        if (ws == null || ws.network() != network && !ws.network().sameLayers(network)) {
            ws = new Workspace(network);
            workspaces.set(ws);
        }
        return ws;
    }

    private WorkspaceF32 workspaceF32(Network network) {
        WorkspaceF32 ws = workspacesF32.get();
        if (ws == null || ws.network() != network && !ws.network().spec().equals(network.spec())) {
            ws = new WorkspaceF32(network);
            workspacesF32.set(ws);
        }
        return ws;
    }

    private Workspace single(Model model, double[] x) {
        Network network = model.network();
        if (x.length != network.inputSize()) {
            throw new IllegalArgumentException("input has " + x.length + " values; the network's " + network.inputShape()
                    + " input needs " + network.inputSize());
        }
        Workspace ws = workspace(network);
        ws.setInput(x);
        return ws;
    }

    private static double[] mean(double[] sum, int from, int length, int n) {
        double[] out = new double[length];
        for (int j = 0; j < length; j++) {
            out[j] = sum[from + j] / n;
        }
        return out;
    }

    private static void checkSamples(Model model, Samples samples, boolean needSome) {
        Network network = model.network();
        if (!samples.inputShape().equals(network.inputShape())) {
            throw new IllegalArgumentException("samples have input shape " + samples.inputShape()
                    + " but the network expects " + network.inputShape());
        }
        if (samples.classes() > network.classes()) {
            throw new IllegalArgumentException("samples have " + samples.classes() + " classes but the network has only "
                    + network.classes() + " logits");
        }
        if (needSome && samples.size() == 0) {
            throw new IllegalArgumentException("samples are empty; a mean loss, gradient or Hessian needs at least one sample");
        }
    }

    private static void checkDirection(Model model, double[] v) {
        if (v.length != model.parameterCount()) {
            throw new IllegalArgumentException("direction v has " + v.length + " values but the network has "
                    + model.parameterCount() + " parameters");
        }
    }

    private static void checkCotangent(Model model, double[] u) {
        if (u.length != model.network().classes()) {
            throw new IllegalArgumentException("logit cotangent u has " + u.length + " values but the network has "
                    + model.network().classes() + " logits");
        }
    }
}
