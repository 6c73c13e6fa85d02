package org.hessianscope.engine;

import org.hessianscope.data.Samples;

/**
 * What the curvature products of one model on one set of samples share and need not recompute, kept per sample
 * as PyTorch keeps its graph: the forward pass (activations, ReLU masks, max-pool routes, softmax) and the
 * backward pass of the loss cotangent. With it, a product runs only its tangent passes. Each sample's state is
 * made by the first product that needs it, by the same passes that product would have run, so every product
 * gives the same bits with or without it. {@link Engine#keep} makes it, or declines when it would not fit its
 * memory budget.
 */
public final class KeptPasses {
    private final Model model;
    private final Samples samples;
    private final SampleState[] states;
    private final long bytes;

    /** One sample's kept buffers, laid out as {@link Workspace}'s. */
    static final class SampleState {
        final double[][] act;
        final double[][] cot;
        final double[][] masks;
        final int[][] routes;
        final double[] probabilities;

        SampleState(double[][] act, double[][] cot, double[][] masks, int[][] routes, double[] probabilities) {
            this.act = act;
            this.cot = cot;
            this.masks = masks;
            this.routes = routes;
            this.probabilities = probabilities;
        }
    }

    KeptPasses(Model model, Samples samples, long bytes) {
        this.model = model;
        this.samples = samples;
        this.states = new SampleState[samples.size()];
        this.bytes = bytes;
    }

    /** Bytes the kept state takes once every sample's is made. */
    public long bytes() {
        return bytes;
    }

    /** Whether this keeps the passes of {@code model} on {@code samples} (the same objects). */
    boolean isFor(Model model, Samples samples) {
        return this.model == model && this.samples == samples;
    }

    SampleState get(int index) {
        return states[index];
    }

    void set(int index, SampleState state) {
        states[index] = state;
    }

    /** Bytes a sample's state takes in {@code network}: activations and cotangents, masks, routes, softmax. */
    static long bytesPerSample(Network network) {
        Layer[] layers = network.layers();
        long doubles = layers[0].inSize + network.classes();
        long ints = 0;
        for (Layer layer : layers) {
            doubles += 2L * layer.outSize + layer.maskSize();
            ints += layer.routeSize();
        }
        // Array headers and references: a few dozen bytes per array, 6 arrays per stage.
        return 8 * doubles + 4 * ints + 6L * 32 * (layers.length + 1);
    }
}
