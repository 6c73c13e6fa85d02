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

/** The per-layer norms of a network with parameters θ, and Lemma 2 evaluated with them. */
public final class LayerNorms {

    /** Seed of the power iteration's start vector; the converged norm does not depend on it. */
    static final long SEED = 6;

    private LayerNorms() {
    }

    /** One {@link LayerNorm} per conv and fully connected layer, in forward order. */
    public static List<LayerNorm> compute(ArchitectureSpec spec, double[] theta, ProgressMonitor monitor) {
        ParameterLayout layout = spec.parameterLayout();
        if (theta.length != layout.size()) {
            throw new IllegalArgumentException("weights have " + theta.length + " values but the network needs "
                    + layout.size());
        }
        List<Stage> linear = spec.stages().stream().filter(s -> s instanceof Stage.Conv || s instanceof Stage.Dense).toList();
        Map<List<Integer>, NormEstimate> qCache = new HashMap<>();
        List<LayerNorm> out = new ArrayList<>();
        for (Stage s : linear) {
            monitor.checkCancelled();
            ParameterLayout.Tensor t = layout.tensor(s.name() + ".weight").orElseThrow();
            double[] w = Arrays.copyOfRange(theta, t.offset(), t.offset() + t.size());
            double maxAbs = Arrays.stream(w).map(Math::abs).max().orElse(0);
            if (s instanceof Stage.Conv c) {
                ToeplitzOperator op = ToeplitzOperator.conv2d(c.out().channels(), c.kernel(), w, c.in());
                NormEstimate norm = BlockPowerIteration.spectralNorm(op, BlockPowerIteration.DEFAULT_TOLERANCE,
                        BlockPowerIteration.DEFAULT_MAX_ITERATIONS, SEED);
                NormEstimate q = qCache.computeIfAbsent(List.of(c.kernel(), c.in().height(), c.in().width()),
                        key -> ToeplitzDerivativeNorm.conv2d(key.get(0), key.get(1), key.get(2)));
                out.add(new LayerNorm(s.name(), c.in(), c.out(), maxAbs, norm, q));
            } else {
                Stage.Dense d = (Stage.Dense) s;
                NormEstimate norm = BlockPowerIteration.spectralNorm(theta, t.offset(), d.outFeatures(), d.inFeatures(),
                        BlockPowerIteration.DEFAULT_TOLERANCE, BlockPowerIteration.DEFAULT_MAX_ITERATIONS, SEED);
                out.add(new LayerNorm(s.name(), d.in(), d.out(), maxAbs, norm, ToeplitzDerivativeNorm.dense()));
            }
            monitor.progress(out.size(), linear.size(), "norms of " + s.name());
        }
        return List.copyOf(out);
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
