package org.hessianscope.arch;

/**
 * One step of the network's forward pass, with the shapes it maps between. The
 * list {@link ArchitectureSpec#stages()} is the single description of the
 * network that the engine, the bounds and the UI all read.
 *
 * <p>Code that treats stage types differently dispatches through {@link #accept} with a
 * {@link Visitor}, never with {@code instanceof}: a new stage type adds a method to
 * {@code Visitor}, and then every concern (parameter layout, cost, engine layer, bounds,
 * DL4J export) fails to compile until it says what the new type means for it.
 */
public sealed interface Stage permits Stage.Conv, Stage.Relu, Stage.Pool, Stage.Dense {

    /** One method per stage type; each concern implements all of them (no defaults, so none is forgotten). */
    interface Visitor<R> {
        R conv(Conv conv);

        R relu(Relu relu);

        R pool(Pool pool);

        R dense(Dense dense);
    }

    /** {@code visitor}'s method for this stage's type, applied to this stage. */
    <R> R accept(Visitor<R> visitor);

    /** A short name shown to users, such as {@code conv2}, {@code relu1}, {@code pool1}, {@code fc1}. */
    String name();

    FeatureMap in();

    FeatureMap out();

    /** Number of trainable parameters (weights and biases). */
    default int parameterCount() {
        return 0;
    }

    /** Valid stride-1 convolution; {@code index} is 1-based. */
    record Conv(int index, FeatureMap in, FeatureMap out, int kernel) implements Stage {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.conv(this);
        }

        public String name() {
            return "conv" + index;
        }

        public int weightCount() {
            return out.channels() * in.channels() * kernel * kernel;
        }

        @Override
        public int parameterCount() {
            return weightCount() + out.channels();
        }
    }

    /** ReLU; {@code label} is the nonlinearity's name (relu1 after conv1, fcrelu1 after fc1). */
    record Relu(String label, FeatureMap in) implements Stage {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.relu(this);
        }

        public String name() {
            return label;
        }

        public FeatureMap out() {
            return in;
        }
    }

    /** Non-overlapping pool of stride {@code size}; rows and columns that do not fill a window are dropped, as in PyTorch. */
    record Pool(int at, PoolType type, int size, FeatureMap in, FeatureMap out) implements Stage {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.pool(this);
        }

        public String name() {
            return "pool" + at;
        }
    }

    /** Fully connected layer on the flattened (channel, row, column) input; {@code index} is 1-based. */
    record Dense(int index, FeatureMap in, FeatureMap out) implements Stage {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.dense(this);
        }

        public String name() {
            return "fc" + index;
        }

        public int inFeatures() {
            return in.size();
        }

        public int outFeatures() {
            return out.size();
        }

        public int weightCount() {
            return inFeatures() * outFeatures();
        }

        @Override
        public int parameterCount() {
            return weightCount() + outFeatures();
        }
    }
}
