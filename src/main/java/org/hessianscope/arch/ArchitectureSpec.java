package org.hessianscope.arch;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A network of the paper's family: L valid stride-1 convolutions with ReLUs, an
 * optional pool replacing one nonlinearity, and a fully connected head. A spec
 * that exists is always buildable: the constructor infers every shape and
 * rejects impossible combinations with a message naming the layer and sizes.
 *
 * @param pool the pool, or {@code null} for none
 */
public record ArchitectureSpec(InputShape input, List<ConvLayerSpec> conv, boolean reluAfterLastConv,
                               PoolSpec pool, HeadSpec head, int classes) {

    public ArchitectureSpec {
        if (input == null) {
            throw new SpecException("input is missing");
        }
        if (conv == null || conv.isEmpty()) {
            throw new SpecException("conv must list at least one layer");
        }
        SpecChecks.layers("conv layers", conv.size());
        conv = List.copyOf(conv);
        head = head == null ? HeadSpec.LINEAR : head;
        SpecChecks.positive("classes", classes);
        if (classes < 2) {
            throw new SpecException("classes = " + classes + " must be at least 2 for cross-entropy");
        }
        for (int l = 0; l < conv.size(); l++) {
            ConvLayerSpec c = Objects.requireNonNull(conv.get(l));
            SpecChecks.positive("conv[" + (l + 1) + "].channels", c.channels());
            SpecChecks.positive("conv[" + (l + 1) + "].kernel", c.kernel());
        }
        if (pool != null && pool.at() > conv.size()) {
            throw new SpecException("pool.at = " + pool.at() + " must be between 1 and " + conv.size()
                    + " (the pool replaces the nonlinearity after that conv layer)");
        }
        buildStages(input, conv, reluAfterLastConv, pool, head, classes);
    }

    /** The paper's family: {@code layers} convolutions of {@code channels} channels and kernel {@code kernel}, a linear head. */
    public static ArchitectureSpec paper(InputShape input, int layers, int channels, int kernel, PoolSpec pool, int classes) {
        requireLayers("layers", layers);
        List<ConvLayerSpec> conv = new ArrayList<>();
        for (int l = 0; l < layers; l++) {
            conv.add(new ConvLayerSpec(channels, kernel));
        }
        return new ArchitectureSpec(input, conv, false, pool, HeadSpec.LINEAR, classes);
    }

    /** Refuses a layer count no spec may have, before a caller builds a list of that many layers. */
    public static void requireLayers(String field, int layers) {
        SpecChecks.positive(field, layers);
        SpecChecks.layers(field, layers);
    }

    public int layers() {
        return conv.size();
    }

    /** The forward pass, stage by stage, with every shape resolved. */
    public List<Stage> stages() {
        return buildStages(input, conv, reluAfterLastConv, pool, head, classes);
    }

    public int parameterCount() {
        return stages().stream().mapToInt(Stage::parameterCount).sum();
    }

    public ParameterLayout parameterLayout() {
        return ParameterLayout.of(this);
    }

    public ArchitectureSpec withPool(PoolSpec newPool) {
        return new ArchitectureSpec(input, conv, reluAfterLastConv, newPool, head, classes);
    }

    public ArchitectureSpec withReluAfterLastConv(boolean relu) {
        return new ArchitectureSpec(input, conv, relu, pool, head, classes);
    }

    public ArchitectureSpec withHead(HeadSpec newHead) {
        return new ArchitectureSpec(input, conv, reluAfterLastConv, pool, newHead, classes);
    }

    private static List<Stage> buildStages(InputShape input, List<ConvLayerSpec> conv, boolean reluAfterLastConv,
                                           PoolSpec pool, HeadSpec head, int classes) {
        List<Stage> stages = new ArrayList<>();
        FeatureMap map = input.map();
        int layers = conv.size();
        long parameters = 0; // 64 bits: a refused spec is named, never wrapped to a negative count
        for (int l = 1; l <= layers; l++) {
            ConvLayerSpec c = conv.get(l - 1);
            int k = c.kernel();
            if (k > map.height() || k > map.width()) {
                throw new SpecException("conv[" + l + "].kernel = " + k + " is larger than its " + map.height() + "×"
                        + map.width() + " input map (" + describeInput(l) + "); use a kernel of at most "
                        + Math.min(map.height(), map.width()) + " or fewer layers");
            }
            int oh = map.height() - k + 1;
            int ow = map.width() - k + 1;
            SpecChecks.indexable("conv" + l + " output " + c.channels() + "×" + oh + "×" + ow,
                    (long) c.channels() * oh * ow, "use fewer channels in conv" + l);
            long weights = (long) c.channels() * map.channels() * k * k;
            SpecChecks.indexable("conv" + l + " parameters " + c.channels() + "×" + map.channels() + "×" + k + "×" + k
                    + " + " + c.channels(), weights + c.channels(), "use fewer channels or a smaller kernel");
            parameters += weights + c.channels();
            SpecChecks.indexable("parameters up to conv" + l, parameters, "use fewer channels or fewer layers");
            FeatureMap out = new FeatureMap(c.channels(), oh, ow);
            stages.add(new Stage.Conv(l, map, out, k));
            map = out;
            if (pool != null && pool.at() == l) {
                int s = pool.size();
                if (s > map.height() || s > map.width()) {
                    throw new SpecException("pool.size = " + s + " does not fit the " + map.height() + "×" + map.width()
                            + " map after conv" + l + "; use a pool of at most " + Math.min(map.height(), map.width())
                            + " or move it to an earlier layer");
                }
                FeatureMap pooled = new FeatureMap(map.channels(), map.height() / s, map.width() / s);
                stages.add(new Stage.Pool(l, pool.type(), s, map, pooled));
                map = pooled;
            } else if (l < layers || reluAfterLastConv) {
                stages.add(new Stage.Relu("relu" + l, map));
            }
        }
        List<Integer> widths = new ArrayList<>(head.hidden());
        widths.add(classes);
        for (int j = 1; j <= widths.size(); j++) {
            int width = widths.get(j - 1);
            long weights = (long) map.size() * width;
            SpecChecks.indexable("fc" + j + " parameters " + width + "×" + map.size() + " + " + width,
                    weights + width, "use a narrower fc" + j + " or fewer channels before it");
            parameters += weights + width;
            SpecChecks.indexable("parameters up to fc" + j, parameters, "use narrower layers or fewer channels");
            FeatureMap out = FeatureMap.vector(width);
            stages.add(new Stage.Dense(j, map, out));
            map = out;
            if (j < widths.size()) {
                stages.add(new Stage.Relu("fcrelu" + j, map));
            }
        }
        return List.copyOf(stages);
    }

    private static String describeInput(int layer) {
        return layer == 1 ? "the input image" : "the output of conv" + (layer - 1);
    }
}
