package org.hessianscope.arch;

/**
 * Rough cost of training a spec, for the builder's live estimate: multiply-adds of one
 * forward pass and the memory of the parameters, the Adam state and one batch of
 * activations. Training is counted as three forward passes (forward, two backward products).
 *
 * @param forwardMultiplyAdds multiply-adds of one sample's forward pass
 * @param activations         doubles of all feature maps of one sample
 */
public record SpecCost(long forwardMultiplyAdds, long activations, int parameters) {
    /** Sustained multiply-adds per second per core assumed for the estimate: an order of magnitude, not measured here. */
    public static final double ASSUMED_MULTIPLY_ADDS_PER_SECOND = 1.0e9;

    public static SpecCost of(ArchitectureSpec spec) {
        long madds = 0;
        long acts = spec.input().map().size();
        for (Stage s : spec.stages()) {
            madds += s.accept(MULTIPLY_ADDS);
            acts += s.out().size();
        }
        return new SpecCost(madds, acts, spec.parameterCount());
    }

    /** Multiply-adds of one stage's forward pass; ReLU and pooling are counted as free beside them. */
    private static final Stage.Visitor<Long> MULTIPLY_ADDS = new Stage.Visitor<>() {
        @Override
        public Long conv(Stage.Conv c) {
            return (long) c.out().size() * c.in().channels() * c.kernel() * c.kernel();
        }

        @Override
        public Long relu(Stage.Relu r) {
            return 0L;
        }

        @Override
        public Long pool(Stage.Pool p) {
            return 0L;
        }

        @Override
        public Long dense(Stage.Dense d) {
            return (long) d.weightCount();
        }
    };

    /** Seconds to train {@code samples} × {@code epochs} on {@code cores} cores at the assumed rate. */
    public double trainingSeconds(long samples, int epochs, int cores) {
        return 3.0 * forwardMultiplyAdds * samples * epochs / (ASSUMED_MULTIPLY_ADDS_PER_SECOND * Math.max(1, cores));
    }

    /** Bytes: θ, θ₀, gradient, Adam's two moments (5 vectors), plus forward and backward maps of a batch. */
    public long trainingBytes(int batchSize) {
        return 8L * (5L * parameters + 2L * activations * batchSize);
    }
}
