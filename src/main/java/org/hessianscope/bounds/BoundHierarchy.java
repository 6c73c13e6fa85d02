package org.hessianscope.bounds;

import org.hessianscope.arch.ArchitectureSpec;
import org.hessianscope.arch.ParameterLayout;
import org.hessianscope.arch.PoolType;
import org.hessianscope.data.Samples;
import org.hessianscope.task.ProgressMonitor;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * The three levels for one trained network, from loosest to exact:
 * (1) the paper's bound that applies ({@code paper}: Theorem 2, Lemma 3 with a pool,
 * Lemma 4 with a hidden head), (2) Lemma 2 with the true per-layer operator norms,
 * (3) the measured max_i ‖H_O,i‖ over weights only. Looseness is log10(bound / measured),
 * in orders of magnitude; a negative looseness means the bound does not hold.
 *
 * @param lemma3   {@code null} without a pool
 * @param lemma4   {@code null} without a hidden head
 * @param caveats  why a bound may not apply to this network, in words (empty when none)
 */
public record BoundHierarchy(BoundConventions conventions, Bound paper, Bound theorem2, Bound lemma3, Bound lemma4,
                             Bound lemma2Actual, List<LayerNorm> layers, double measuredMax, int measuredArgmax,
                             List<String> caveats) {

    public BoundHierarchy {
        layers = List.copyOf(layers);
        caveats = List.copyOf(caveats);
    }

    public double loosenessPaper() {
        return paper.looseness(measuredMax);
    }

    public double loosenessTheorem2() {
        return theorem2.looseness(measuredMax);
    }

    public double loosenessLemma2Actual() {
        return lemma2Actual.looseness(measuredMax);
    }

    /**
     * @param ggnNormWeightsOnly the measured ‖H_O,i‖ (weights only) of every sample in {@code samples},
     *                           as from the curvature package's per-sample ggn norms
     */
    public static BoundHierarchy of(ArchitectureSpec spec, double[] theta, Samples samples, double[] ggnNormWeightsOnly,
                                    ProgressMonitor monitor) {
        return of(spec, theta, samples, ggnNormWeightsOnly, monitor, 1);
    }

    /** As above, the layers' Toeplitz norms on up to {@code threads} threads (the same bits for any count). */
    public static BoundHierarchy of(ArchitectureSpec spec, double[] theta, Samples samples, double[] ggnNormWeightsOnly,
                                    ProgressMonitor monitor, int threads) {
        if (ggnNormWeightsOnly.length != samples.size()) {
            throw new IllegalArgumentException(ggnNormWeightsOnly.length + " measured norms for " + samples.size()
                    + " samples");
        }
        BoundConventions c = BoundConventions.of(spec, theta, samples);
        List<LayerNorm> layers = LayerNorms.compute(spec, theta, monitor, threads);
        int argmax = 0;
        for (int i = 1; i < ggnNormWeightsOnly.length; i++) {
            if (ggnNormWeightsOnly[i] > ggnNormWeightsOnly[argmax]) {
                argmax = i;
            }
        }
        Bound paper = PaperBounds.applicable(c);
        Bound theorem2 = PaperBounds.theorem2(c);
        Bound lemma3 = c.hasPool() ? PaperBounds.lemma3(c) : null;
        Bound lemma4 = c.hasHiddenHead() ? PaperBounds.lemma4(c) : null;
        Bound lemma2 = LayerNorms.lemma2Actual(layers, c.inputNormSq());
        double measured = ggnNormWeightsOnly[argmax];
        List<Bound> all = Stream.of(paper, theorem2, lemma3, lemma4, lemma2)
                .filter(Objects::nonNull).distinct().toList();
        List<String> caveats = caveats(spec, theta, c, layers, measured, all);
        return new BoundHierarchy(c, paper, theorem2, lemma3, lemma4, lemma2, layers, measured, argmax, caveats);
    }

    private static List<String> caveats(ArchitectureSpec spec, double[] theta, BoundConventions c, List<LayerNorm> layers,
                                        double measured, List<Bound> bounds) {
        List<String> out = new ArrayList<>();
        double maxBias = 0;
        for (ParameterLayout.Tensor t : spec.parameterLayout().tensors()) {
            if (t.bias()) {
                for (int i = t.offset(); i < t.offset() + t.size(); i++) {
                    maxBias = Math.max(maxBias, Math.abs(theta[i]));
                }
            }
        }
        if (maxBias > 0) {
            out.add(String.format("biases are non-zero (largest |b| = %.3g); the bounds are proved for bias-free networks",
                    maxBias));
        }
        double wT = Math.sqrt(Math.pow(10, PaperBounds.log10WTSquared(c)));
        LayerNorm last = layers.get(layers.size() - 1);
        if (last.toeplitzNorm().value() > wT) {
            out.add(String.format("the last layer's norm %.4g exceeds Theorem 2's w_T = C k w sqrt(mn) = %.4g, "
                    + "which the paper's bounds assume but the conventions do not constrain", last.toeplitzNorm().value(), wT));
        }
        if (spec.pool() != null && spec.pool().type() == PoolType.MAX) {
            out.add("Lemma 3's factor k_pool^(-2(L-l+2)) credits ||pool|| = 1/k_pool, true for average pooling; "
                    + "a max pool has norm 1, so its proof supports only k_pool^(-2(L-l+1))");
        }
        for (LayerNorm l : layers) {
            if (!l.toeplitzNorm().converged() || !l.qNorm().converged()) {
                out.add("the norm iteration of " + l.layer() + " did not reach its tolerance");
            }
        }
        for (Bound b : bounds) {
            if (b.looseness(measured) < 0) {
                out.add(String.format("%s does NOT hold here: it is %.2f orders of magnitude below the measured %.4g",
                        b.name(), -b.looseness(measured), measured));
            }
        }
        return out;
    }
}
