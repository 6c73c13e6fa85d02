package org.hessianscope.engine;

import org.hessianscope.data.Samples;

/**
 * The float32 counterpart of {@link Workspace} for training: one thread's layers (each with its
 * float parameters and gradient sums) and buffers for one network. Nothing is allocated per sample.
 * The loss and softmax are taken in double from the float logits (K values), so the reported
 * loss is the float network's loss without a second rounding.
 */
final class WorkspaceF32 {
    private final Network network;
    private final LayerF32[] layers;
    private final int stages;
    private final int classes;
    private final float[][] act;
    private final float[][] cot;
    private final double[] input;
    private final double[] logits;
    private final double[] probabilities;
    private final ScratchF32 scratch;
    /** The evaluation whose θ the layers hold; a new one makes {@link #prepare} reload. */
    private Object loaded;

    WorkspaceF32(Network network) {
        this.network = network;
        Layer[] source = network.layers();
        stages = source.length;
        classes = network.classes();
        layers = new LayerF32[stages];
        act = new float[stages + 1][];
        cot = new float[stages + 1][];
        ScratchF32.Sizes sizes = new ScratchF32.Sizes();
        for (int s = 0; s < stages; s++) {
            layers[s] = source[s].float32();
            layers[s].require(sizes);
        }
        for (int s = 0; s <= stages; s++) {
            int size = s == 0 ? source[0].inSize : source[s - 1].outSize;
            act[s] = new float[size];
            cot[s] = new float[size];
        }
        input = new double[source[0].inSize];
        logits = new double[classes];
        probabilities = new double[classes];
        scratch = new ScratchF32(sizes);
    }

    Network network() {
        return network;
    }

    /** Loads θ (rounded to float) into the layers unless this evaluation already did. */
    void prepare(double[] theta, Object evaluation) {
        if (loaded != evaluation) {
            for (LayerF32 layer : layers) {
                layer.load(theta);
            }
            loaded = evaluation;
        }
    }

    void load(Samples samples, int index) {
        samples.copyInput(index, input, 0);
        float[] x = act[0];
        for (int j = 0; j < x.length; j++) {
            x[j] = (float) input[j];
        }
    }

    /** Forward, loss and the gradient sums += ∇ℓ; returns ℓ. {@link #predicts} then tells the prediction. */
    double gradient(int label) {
        for (int s = 0; s < stages; s++) {
            layers[s].forward(act[s], act[s + 1], scratch);
        }
        float[] z = act[stages];
        for (int j = 0; j < classes; j++) {
            logits[j] = z[j];
        }
        double loss = CrossEntropy.lossAndProbabilities(logits, label, probabilities);
        float[] g = cot[stages];
        for (int j = 0; j < classes; j++) {
            g[j] = (float) (probabilities[j] - (j == label ? 1.0 : 0.0));
        }
        for (int s = stages - 1; s >= 0; s--) {
            layers[s].backward(act[s], cot[s + 1], s > 0 ? cot[s] : null, scratch);
        }
        return loss;
    }

    boolean predicts(int label) {
        return CrossEntropy.argmax(logits, classes) == label;
    }

    /** Adds the gradient sums of the samples since the last flush into {@code partial} (θ layout) and zeroes them. */
    void flush(double[] partial) {
        for (LayerF32 layer : layers) {
            layer.flush(partial);
        }
    }
}
