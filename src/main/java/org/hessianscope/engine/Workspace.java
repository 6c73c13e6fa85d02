package org.hessianscope.engine;

import org.hessianscope.data.Samples;

import java.util.Arrays;

/**
 * Preallocated buffers for one thread and one network, and the per-sample passes that use
 * them. Nothing is allocated per sample. Index s of the arrays is the input of stage s, so
 * index 0 is the image and the last index the logits.
 *
 * <p>Passes add their per-sample result into a caller's accumulator laid out like θ;
 * averaging over samples is the caller's job.
 */
final class Workspace {
    private final Network network;
    private final Layer[] layers;
    private final int stages;
    private final int classes;
    /** Activations, their tangents (R-forward), cotangents (backward) and cotangent tangents (R-backward). */
    private final double[][] act;
    private final double[][] tact;
    private final double[][] cot;
    private final double[][] tcot;
    private final StageState[] states;
    /** True where the tangent of the activation is identically zero (no parameterised layer before it). */
    private final boolean[] tangentZero;
    private final double[] probabilities;
    private final Scratch scratch;
    /** Parameter-sized buffer, allocated on first use by {@link #ggnBackwardInto} or {@link #hvpAll}. */
    private double[] ggnScratch;

    Workspace(Network network) {
        this.network = network;
        this.layers = network.layers();
        this.stages = layers.length;
        this.classes = network.classes();
        act = new double[stages + 1][];
        tact = new double[stages + 1][];
        cot = new double[stages + 1][];
        tcot = new double[stages + 1][];
        states = new StageState[stages];
        tangentZero = new boolean[stages + 1];
        tangentZero[0] = true;
        for (int s = 0; s <= stages; s++) {
            int size = s == 0 ? layers[0].inSize : layers[s - 1].outSize;
            act[s] = new double[size];
            tact[s] = new double[size];
            cot[s] = new double[size];
            tcot[s] = new double[size];
            if (s < stages) {
                states[s] = new StageState(layers[s].maskSize(), layers[s].routeSize());
                tangentZero[s + 1] = tangentZero[s] && !layers[s].hasParameters();
            }
        }
        probabilities = new double[classes];
        scratch = new Scratch(layers);
    }

    Network network() {
        return network;
    }

    void load(Samples samples, int index) {
        samples.copyInput(index, act[0], 0);
    }

    void setInput(double[] x) {
        System.arraycopy(x, 0, act[0], 0, act[0].length);
    }

    double[] logits() {
        return act[stages];
    }

    /** The logit tangent J v after {@link #forwardTangent}. */
    double[] logitTangent() {
        return tact[stages];
    }

    void forward(double[] theta) {
        for (int s = 0; s < stages; s++) {
            layers[s].forward(theta, act[s], act[s + 1], states[s], scratch);
        }
    }

    /** After {@link #forward}: the loss for {@code label}, leaving softmax in the probabilities buffer. */
    double loss(int label) {
        return CrossEntropy.lossAndProbabilities(act[stages], label, probabilities);
    }

    boolean predicts(int label) {
        return prediction() == label;
    }

    /** After {@link #forward}: the arg-max class of the logits (the first of equal maxima). */
    int prediction() {
        return CrossEntropy.argmax(act[stages], classes);
    }

    /**
     * Forward pass, loss, loss cotangent and its backward pass (no parameter gradient): the state every
     * curvature product of this sample starts from, the same values those products compute themselves.
     */
    KeptPasses.SampleState keep(double[] theta, int label) {
        forward(theta);
        loss(label);
        lossCotangent(label);
        for (int s = stages - 1; s > 0; s--) {
            layers[s].backward(theta, act[s], cot[s + 1], cot[s], null, states[s], scratch);
        }
        double[][] keptAct = new double[stages + 1][];
        double[][] keptCot = new double[stages + 1][];
        double[][] masks = new double[stages][];
        int[][] routes = new int[stages][];
        for (int s = 0; s <= stages; s++) {
            keptAct[s] = act[s].clone();
            // cot[0] is never needed: no pass goes back into the image.
            keptCot[s] = s == 0 ? new double[0] : cot[s].clone();
            if (s < stages) {
                masks[s] = states[s].mask.clone();
                routes[s] = states[s].route.clone();
            }
        }
        return new KeptPasses.SampleState(keptAct, keptCot, masks, routes, probabilities.clone());
    }

    /** Loads a kept state, as if {@link #keep} had just run on this sample. */
    void restore(KeptPasses.SampleState kept) {
        for (int s = 0; s <= stages; s++) {
            System.arraycopy(kept.act[s], 0, act[s], 0, act[s].length);
            if (s > 0) {
                System.arraycopy(kept.cot[s], 0, cot[s], 0, cot[s].length);
            }
            if (s < stages) {
                System.arraycopy(kept.masks[s], 0, states[s].mask, 0, states[s].mask.length);
                System.arraycopy(kept.routes[s], 0, states[s].route, 0, states[s].route.length);
            }
        }
        System.arraycopy(kept.probabilities, 0, probabilities, 0, classes);
    }

    /**
     * After {@link #restore}: hv += ∇²ℓ v, the same values {@link #hvp} adds, from the tangent passes alone
     * (the kept cotangents replace the backward half of the fused backward-with-tangent step).
     */
    void hvpKept(double[] theta, double[] v, double[] hv) {
        forwardTangent(theta, v);
        CrossEntropy.curvatureProduct(probabilities, tact[stages], tcot[stages]);
        backwardTangents(theta, v, hv);
    }

    /** After {@link #restore}: out += J^T A J v, the same values {@link #ggnProduct} adds. */
    void ggnKept(double[] theta, double[] v, double[] out) {
        forwardTangent(theta, v);
        ggnBackward(theta, out);
    }

    private void backwardTangents(double[] theta, double[] v, double[] hv) {
        for (int s = stages - 1; s >= 0; s--) {
            boolean needInput = s > 0;
            layers[s].backwardTangent(theta, v, act[s], tact[s], tangentZero[s], cot[s + 1], tcot[s + 1],
                    needInput ? tcot[s] : null, hv, states[s], scratch);
        }
    }

    /** After {@link #forward}: tangents of every activation along the parameter direction v (J v at the logits). */
    void forwardTangent(double[] theta, double[] v) {
        for (int s = 0; s < stages; s++) {
            layers[s].forwardTangent(theta, v, act[s], tact[s], tangentZero[s], tact[s + 1], states[s], scratch);
        }
    }

    /** After {@link #forward}: grad += J^T u for the logit cotangent u (length K). */
    void backward(double[] theta, double[] u, double[] grad) {
        System.arraycopy(u, 0, cot[stages], 0, classes);
        backwardFromLogits(theta, grad);
    }

    /** Forward, loss and grad += ∇ℓ; returns ℓ. */
    double gradient(double[] theta, int label, double[] grad) {
        forward(theta);
        double loss = loss(label);
        lossCotangent(label);
        backwardFromLogits(theta, grad);
        return loss;
    }

    /** hv += ∇²ℓ v by the R-operator; returns ℓ. */
    double hvp(double[] theta, double[] v, int label, double[] hv) {
        forward(theta);
        double loss = loss(label);
        forwardTangent(theta, v);
        lossCotangent(label);
        // R(p − e_y) = (diag p − p p^T) R(z).
        CrossEntropy.curvatureProduct(probabilities, tact[stages], tcot[stages]);
        for (int s = stages - 1; s >= 0; s--) {
            boolean needInput = s > 0;
            Layer layer = layers[s];
            layer.backwardWithTangent(theta, v, act[s], tact[s], tangentZero[s], cot[s + 1], tcot[s + 1],
                    needInput ? cot[s] : null, needInput ? tcot[s] : null, hv, states[s], scratch);
        }
        return loss;
    }

    /**
     * out[j·P + k] += (∇²ℓ v_j)_k for every v_j, each the same values {@link #hvp} adds: the forward pass, the loss
     * cotangent and its backward pass (cot) are made once, then each vector runs its tangent passes. Each vector is
     * summed in a zeroed buffer and then added, which changes nothing since every pass adds into each parameter once.
     * With {@code ggnForms}, out[b·P + j] += (J v_j)ᵀ A (J v_j) = v_jᵀ ∇²_O ℓ v_j, from the logit tangent the pass makes anyway.
     */
    void hvpAll(double[] theta, double[][] vs, int label, double[] out, boolean ggnForms) {
        hvpAll(theta, vs, label, out, ggnForms, false);
    }

    /** As {@link #hvpAll(double[], double[][], int, double[], boolean)}; {@code restored}: after {@link #restore}. */
    void hvpAll(double[] theta, double[][] vs, int label, double[] out, boolean ggnForms, boolean restored) {
        int p = network.parameterCount();
        if (ggnScratch == null) {
            ggnScratch = new double[p];
        }
        if (!restored) {
            forward(theta);
            loss(label);
            lossCotangent(label);
        }
        for (int j = 0; j < vs.length; j++) {
            double[] v = vs[j];
            Arrays.fill(ggnScratch, 0.0);
            forwardTangent(theta, v);
            CrossEntropy.curvatureProduct(probabilities, tact[stages], tcot[stages]);
            if (ggnForms) {
                double form = 0;
                for (int c = 0; c < classes; c++) {
                    form += tact[stages][c] * tcot[stages][c];
                }
                out[vs.length * p + j] += form;
            }
            for (int s = stages - 1; s >= 0; s--) {
                boolean needInput = s > 0;
                Layer layer = layers[s];
                if (j == 0 && !restored) {
                    layer.backwardWithTangent(theta, v, act[s], tact[s], tangentZero[s], cot[s + 1], tcot[s + 1],
                            needInput ? cot[s] : null, needInput ? tcot[s] : null, ggnScratch, states[s], scratch);
                } else {
                    layer.backwardTangent(theta, v, act[s], tact[s], tangentZero[s], cot[s + 1], tcot[s + 1],
                            needInput ? tcot[s] : null, ggnScratch, states[s], scratch);
                }
            }
            int at = j * p;
            for (int k = 0; k < p; k++) {
                out[at + k] += ggnScratch[k];
            }
        }
    }

    /** out += J^T A J v with A = diag p − p p^T; returns ℓ. */
    double ggnProduct(double[] theta, double[] v, int label, double[] out) {
        forward(theta);
        double loss = loss(label);
        forwardTangent(theta, v);
        ggnBackward(theta, out);
        return loss;
    }

    /** After {@link #hvp} or {@link #forwardTangent} on the same sample: out += J^T A J v. */
    void ggnBackward(double[] theta, double[] out) {
        CrossEntropy.curvatureProduct(probabilities, tact[stages], cot[stages]);
        backwardFromLogits(theta, out);
    }

    /**
     * After {@link #hvp} on the same sample: target[offset + j] += (J^T A J v)_j. Every pass adds
     * into each parameter exactly once per sample, so summing into a zeroed buffer first and then
     * into the target gives the same values as {@link #ggnProduct} adding directly.
     */
    void ggnBackwardInto(double[] theta, double[] target, int offset) {
        if (ggnScratch == null) {
            ggnScratch = new double[network.parameterCount()];
        }
        Arrays.fill(ggnScratch, 0.0);
        ggnBackward(theta, ggnScratch);
        for (int j = 0; j < ggnScratch.length; j++) {
            target[offset + j] += ggnScratch[j];
        }
    }

    /**
     * After {@link #forward}: the piecewise-linear pattern of this sample, every ReLU's on/off
     * bit and every max pool's chosen input. The loss is smooth in θ wherever this stays fixed,
     * so tests use it to certify that a finite-difference step crossed no kink.
     */
    int[] pattern() {
        int length = 0;
        for (int s = 0; s < stages; s++) {
            length += states[s].mask.length + states[s].route.length;
        }
        int[] out = new int[length];
        int at = 0;
        for (int s = 0; s < stages; s++) {
            for (double m : states[s].mask) {
                out[at++] = (int) m;
            }
            System.arraycopy(states[s].route, 0, out, at, states[s].route.length);
            at += states[s].route.length;
        }
        return out;
    }

    private void lossCotangent(int label) {
        double[] g = cot[stages];
        System.arraycopy(probabilities, 0, g, 0, classes);
        g[label] -= 1.0;
    }

    private void backwardFromLogits(double[] theta, double[] grad) {
        for (int s = stages - 1; s >= 0; s--) {
            layers[s].backward(theta, act[s], cot[s + 1], s > 0 ? cot[s] : null, grad, states[s], scratch);
        }
    }
}
