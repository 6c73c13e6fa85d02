package org.hessianscope.train;

/**
 * How a network is trained: Adam with PyTorch's defaults, mini-batches, epochs,
 * and the seed every random choice (initialisation, shuffles) derives from.
 */
public record TrainingOptions(int epochs, int batchSize, double learningRate, double beta1, double beta2,
                              double epsilon, long seed) {
    /** Adam's first- and second-moment decay and its ε (PyTorch's defaults, the paper's). */
    public static final double ADAM_BETA1 = 0.9;
    public static final double ADAM_BETA2 = 0.999;
    public static final double ADAM_EPSILON = 1e-8;
    /** The paper's mini-batch size and Adam learning rate. */
    public static final int DEFAULT_BATCH_SIZE = 64;
    public static final double DEFAULT_LEARNING_RATE = 1e-3;

    public TrainingOptions {
        if (epochs < 1) {
            throw new IllegalArgumentException("epochs = " + epochs + " must be at least 1");
        }
        if (batchSize < 1) {
            throw new IllegalArgumentException("batch size = " + batchSize + " must be at least 1");
        }
        if (!(learningRate > 0) || !Double.isFinite(learningRate)) {
            throw new IllegalArgumentException("learning rate = " + learningRate + " must be a positive number");
        }
        if (!(beta1 >= 0 && beta1 < 1) || !(beta2 >= 0 && beta2 < 1)) {
            throw new IllegalArgumentException("Adam betas (" + beta1 + ", " + beta2 + ") must lie in [0, 1)");
        }
        if (!(epsilon > 0) || !Double.isFinite(epsilon)) {
            throw new IllegalArgumentException("Adam epsilon = " + epsilon + " must be a positive number");
        }
    }

    /** The paper's settings: Adam lr 1e-3, β = (0.9, 0.999), ε = 1e-8, batch 64. */
    public static TrainingOptions paper(int epochs, long seed) {
        return adam(epochs, DEFAULT_BATCH_SIZE, DEFAULT_LEARNING_RATE, seed);
    }

    /** Adam with its default betas and ε. */
    public static TrainingOptions adam(int epochs, int batchSize, double learningRate, long seed) {
        return new TrainingOptions(epochs, batchSize, learningRate, ADAM_BETA1, ADAM_BETA2, ADAM_EPSILON, seed);
    }
}
