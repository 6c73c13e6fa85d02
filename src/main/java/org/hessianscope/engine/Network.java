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

    private Network(ArchitectureSpec spec) {
        this.spec = spec;
        this.layout = spec.parameterLayout();
        this.layers = compile(spec.stages(), layout);
    }

    public static Network of(ArchitectureSpec spec) {
        return new Network(spec);
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

    private static Layer[] compile(List<Stage> stages, ParameterLayout layout) {
        Stage.Visitor<Layer> compiler = new Stage.Visitor<>() {
            @Override
            public Layer conv(Stage.Conv c) {
                return new ConvLayer(c, weightOffset(layout, c.name()));
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
