package org.hessianscope.engine;

import org.hessianscope.arch.ArchitectureSpec;
import org.hessianscope.arch.ConvLayerSpec;
import org.hessianscope.arch.HeadSpec;
import org.hessianscope.arch.InputShape;
import org.hessianscope.arch.PoolSpec;
import org.hessianscope.arch.PoolType;
import org.hessianscope.data.InMemorySamples;

import java.util.List;
import java.util.Random;

/** Small networks of every shape the spec family allows, with seeded random weights and inputs. */
final class TinyNets {
    static final int CLASSES = 3;

    private TinyNets() {
    }

    /** 1×6×6 → conv 2@3×3 → relu → conv 2@2×2 → fc 18→3. P = 20 + 18 + 57 = 95. */
    static ArchitectureSpec convOnly() {
        return new ArchitectureSpec(new InputShape(1, 6, 6), List.of(new ConvLayerSpec(2, 3), new ConvLayerSpec(2, 2)),
                false, null, HeadSpec.LINEAR, CLASSES);
    }

    /** 2×8×8 → conv 3@2×2 (7×7) → max pool 2 (3×3, row and column 6 dropped) → conv 2@2×2 → fc 8→3. P = 80. */
    static ArchitectureSpec maxPool() {
        return pooled(PoolType.MAX);
    }

    /** As {@link #maxPool()} with an average pool. P = 80. */
    static ArchitectureSpec avgPool() {
        return pooled(PoolType.AVG);
    }

    /** 1×6×6 → conv 2@3×3 → relu → conv 2@2×2 → fc 18→5 → relu → fc 5→3. P = 20 + 18 + 95 + 18 = 151. */
    static ArchitectureSpec hiddenHead() {
        return convOnly().withHead(new HeadSpec(List.of(5)));
    }

    /** 1×6×6 → conv 2@3×3 → relu → conv 3@2×2 → relu → fc 27→3. P = 20 + 27 + 84 = 131. */
    static ArchitectureSpec reluLast() {
        return new ArchitectureSpec(new InputShape(1, 6, 6), List.of(new ConvLayerSpec(2, 3), new ConvLayerSpec(3, 2)),
                true, null, HeadSpec.LINEAR, CLASSES);
    }

    static List<ArchitectureSpec> all() {
        return List.of(convOnly(), maxPool(), avgPool(), hiddenHead(), reluLast());
    }

    private static ArchitectureSpec pooled(PoolType type) {
        return new ArchitectureSpec(new InputShape(2, 8, 8), List.of(new ConvLayerSpec(3, 2), new ConvLayerSpec(2, 2)),
                false, new PoolSpec(type, 2, 1), HeadSpec.LINEAR, CLASSES);
    }

    /** Gaussian weights of standard deviation 0.5: large enough that every layer bends the loss. */
    static Model randomModel(ArchitectureSpec spec, long seed) {
        Network network = Network.of(spec);
        Random random = new Random(seed);
        double[] theta = new double[network.parameterCount()];
        for (int j = 0; j < theta.length; j++) {
            theta[j] = 0.5 * random.nextGaussian();
        }
        return new Model(network, theta);
    }

    static InMemorySamples randomSamples(ArchitectureSpec spec, int n, long seed) {
        return EngineBenchmark.randomSamples(spec, n, seed);
    }

    static double[] randomVector(int n, long seed) {
        Random random = new Random(seed);
        double[] v = new double[n];
        for (int j = 0; j < n; j++) {
            v[j] = random.nextGaussian();
        }
        return v;
    }
}
