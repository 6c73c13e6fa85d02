package org.hessianscope.bounds;

import org.hessianscope.arch.ArchitectureSpec;
import org.hessianscope.arch.ParameterLayout;
import org.hessianscope.arch.Stage;
import org.hessianscope.task.ProgressMonitor;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The per-layer norms of a network with parameters θ, and Lemma 2 evaluated with them. */
public final class LayerNorms {

    /** Seed of the power iteration's start vector; the converged norm does not depend on it. */
    static final long SEED = 6;

    private LayerNorms() {
    }

    /** One {@link LayerNorm} per conv and fully connected layer, in forward order. */
    public static List<LayerNorm> compute(ArchitectureSpec spec, double[] theta, ProgressMonitor monitor) {
        return compute(spec, theta, monitor, 1);
    }

    /**
     * As {@link #compute(ArchitectureSpec, double[], ProgressMonitor)}, each conv layer's power iteration sharing
     * its block's products among up to {@code threads} threads: the same norms, bit for bit, for any count.
     */
    public static List<LayerNorm> compute(ArchitectureSpec spec, double[] theta, ProgressMonitor monitor, int threads) {
        ParameterLayout layout = spec.parameterLayout();
        if (theta.length != layout.size()) {
            throw new IllegalArgumentException("weights have " + theta.length + " values but the network needs "
                    + layout.size());
        }
        // Each linear layer T^(p) owns exactly one weight tensor.
        long linear = layout.tensors().stream().filter(t -> !t.bias()).count();
        Norms norms = new Norms(layout, theta, threads);
        List<LayerNorm> out = new ArrayList<>();
        for (Stage s : spec.stages()) {
            monitor.checkCancelled();
            Optional<LayerNorm> norm = s.accept(norms);
            if (norm.isPresent()) {
                out.add(norm.get());
                monitor.progress(out.size(), linear, "norms of " + s.name());
            }
        }
        return List.copyOf(out);
    }

    /**
     * The norms of the one linear layer named {@code layer} ("conv2"), exactly as {@link #compute} finds
     * them for it, without the others' cost (the Explain tab asks for one layer at a time).
     */
    public static LayerNorm of(ArchitectureSpec spec, double[] theta, String layer) {
        Stage stage = spec.stages().stream().filter(s -> s.name().equals(layer)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no stage " + layer + " in the network"));
        return stage.accept(new Norms(spec.parameterLayout(), theta, 1))
                .orElseThrow(() -> new IllegalArgumentException(layer + " is not a linear layer"));
    }

    /**
     * The norms of one stage: a linear map T^(p) has them; ReLU (Λ, diagonal 0/1) and the pools
     * (norm 1 for max, 1/k_pool for average) have none to measure, since Lemma 2 bounds them by 1.
     * A stage type the theorems do not cover must throw {@code new UncoveredStageException("Lemma 2", stage)} here.
     */
    private static final class Norms implements Stage.Visitor<Optional<LayerNorm>> {
        private final ParameterLayout layout;
        private final double[] theta;
        private final int threads;
        private final Map<List<Integer>, NormEstimate> qCache = new HashMap<>();

        Norms(ParameterLayout layout, double[] theta, int threads) {
            this.layout = layout;
            this.theta = theta;
            this.threads = threads;
        }

        @Override
        public Optional<LayerNorm> conv(Stage.Conv c) {
            double[] w = weights(c);
            ToeplitzOperator op = ToeplitzOperator.conv2d(c.out().channels(), c.kernel(), w, c.in());
            NormEstimate norm = BlockPowerIteration.spectralNorm(op, BlockPowerIteration.DEFAULT_TOLERANCE,
                    BlockPowerIteration.DEFAULT_MAX_ITERATIONS, SEED, threads);
            NormEstimate q = qCache.computeIfAbsent(List.of(c.kernel(), c.in().height(), c.in().width()),
                    key -> ToeplitzDerivativeNorm.conv2d(key.get(0), key.get(1), key.get(2)));
            return Optional.of(new LayerNorm(c.name(), c.in(), c.out(), maxAbs(w), norm, q));
        }

        @Override
        public Optional<LayerNorm> relu(Stage.Relu r) {
            return Optional.empty();
        }

        @Override
        public Optional<LayerNorm> pool(Stage.Pool p) {
            return Optional.empty();
        }

        @Override
        public Optional<LayerNorm> dense(Stage.Dense d) {
            int offset = weightTensor(d).offset();
            NormEstimate norm = BlockPowerIteration.spectralNorm(theta, offset, d.outFeatures(), d.inFeatures(),
                    BlockPowerIteration.DEFAULT_TOLERANCE, BlockPowerIteration.DEFAULT_MAX_ITERATIONS, SEED);
            return Optional.of(new LayerNorm(d.name(), d.in(), d.out(), maxAbs(weights(d)), norm,
                    ToeplitzDerivativeNorm.dense()));
        }

        private ParameterLayout.Tensor weightTensor(Stage s) {
            return layout.tensor(s.name() + ".weight").orElseThrow();
        }

        private double[] weights(Stage s) {
            ParameterLayout.Tensor t = weightTensor(s);
            return Arrays.copyOfRange(theta, t.offset(), t.offset() + t.size());
        }

        private static double maxAbs(double[] w) {
            return Arrays.stream(w).map(Math::abs).max().orElse(0);
        }
    }

    /**
     * Lemma 2 with the true norms: q = max_p ‖Q^(p)‖, w_T = max_p ‖T^(p)‖ over every linear
     * layer (conv and fully connected), and one fewer than the number of linear layers as L.
     */
    public static Bound lemma2Actual(List<LayerNorm> layers, double inputNormSq) {
        double q = layers.stream().mapToDouble(l -> l.qNorm().value()).max().orElseThrow();
        double wT = layers.stream().mapToDouble(l -> l.toeplitzNorm().value()).max().orElseThrow();
        Bound b = PaperBounds.lemma2(q, wT, layers.size() - 1, inputNormSq);
        return new Bound("lemma2Actual", b.log10());
    }
}
