package org.hessianscope.engine;

import org.hessianscope.arch.ArchitectureSpec;
import org.hessianscope.arch.InputShape;
import org.hessianscope.arch.ParameterLayout;
import org.hessianscope.arch.Stage;

import java.util.List;

/**
 * The compiled, immutable, thread-safe form of a spec that the engine evaluates: one
 * {@link Layer} per {@link Stage}, in the order of {@link ArchitectureSpec#stages()}, each
 * knowing where its tensors sit in the flat θ of {@link ParameterLayout}.
 */
public final class Network {
    private final ArchitectureSpec spec;
    private final ParameterLayout layout;
    private final Layer[] layers;
    private final boolean skipZeros;

    private Network(ArchitectureSpec spec, boolean skipZeros) {
        this.spec = spec;
        this.skipZeros = skipZeros;
        this.layout = spec.parameterLayout();
        this.layers = compile(spec.stages(), layout, skipZeros);
    }

    public static Network of(ArchitectureSpec spec) {
        return new Network(spec, true);
    }

    /**
     * The network whose convolutions' tangent passes add every multiply-add, exact zeros included: the engine
     * before the skipping, which tests compare bit for bit with {@link #of}.
     */
    static Network withoutSkipping(ArchitectureSpec spec) {
        return new Network(spec, false);
    }

    public ArchitectureSpec spec() {
        return spec;
    }

    public ParameterLayout layout() {
        return layout;
    }

    public int parameterCount() {
        return layout.size();
    }

    public int classes() {
        return spec.classes();
    }

    public InputShape inputShape() {
        return spec.input();
    }

    /** Number of values in one input, channels × height × width. */
    public int inputSize() {
        return spec.input().map().size();
    }

    Layer[] layers() {
        return layers;
    }

    /** Whether {@code other} compiles to the same layers: an equal spec, skipping zeros alike (a workspace fits both). */
    boolean sameLayers(Network other) {
        return spec.equals(other.spec) && skipZeros == other.skipZeros;
    }

    private static Layer[] compile(List<Stage> stages, ParameterLayout layout, boolean skipZeros) {
        Stage.Visitor<Layer> compiler = new Stage.Visitor<>() {
            @Override
            public Layer conv(Stage.Conv c) {
                return new ConvLayer(c, weightOffset(layout, c.name()), skipZeros);
            }

            @Override
            public Layer relu(Stage.Relu r) {
                return new ReluLayer(r.in().size());
            }

            @Override
            public Layer pool(Stage.Pool p) {
                // A switch expression over an enum must cover every constant, so a new pool type fails to compile here.
                return switch (p.type()) {
                    case MAX -> new MaxPoolLayer(p);
                    case AVG -> new AvgPoolLayer(p);
                };
            }

            @Override
            public Layer dense(Stage.Dense d) {
                return new DenseLayer(d, weightOffset(layout, d.name()));
            }
        };
        Layer[] out = new Layer[stages.size()];
        for (int s = 0; s < out.length; s++) {
            out[s] = stages.get(s).accept(compiler);
        }
        return out;
    }

    private static int weightOffset(ParameterLayout layout, String layer) {
        return layout.tensor(layer + ".weight")
                .orElseThrow(() -> new IllegalStateException("parameter layout has no " + layer + ".weight"))
                .offset();
    }
}
