package org.hessianscope.interop;

import org.hessianscope.arch.ArchitectureSpec;
import org.hessianscope.arch.Stage;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.WorkspaceMode;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ActivationLayer;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions;

import java.util.List;

/**
 * Builds a spec as a DL4J {@link MultiLayerNetwork}, one DL4J layer per
 * {@link Stage} (so DL4J layer i is stage i): convolutions and dense layers are
 * linear (identity activation) and every ReLU is its own {@link ActivationLayer}.
 * Flattening before the head is DL4J's CnnToFeedForwardPreProcessor, added by
 * {@code setInputType}; on NCHW input it flattens in (channel, row, column) order.
 */
public final class Dl4jNetworks {

    /** What the last stage becomes. */
    public enum Head {
        /**
         * A dense identity layer producing the logits. Used by the oracle: an
         * {@code OutputLayer} cannot back-propagate an external epsilon, and its
         * MCXENT loss clips probabilities at 1e-10.
         */
        LOGITS,
        /** An {@code OutputLayer} with softmax and MCXENT, so that DL4J users can train and evaluate the export directly. */
        SOFTMAX_CROSS_ENTROPY
    }

    private Dl4jNetworks() {
    }

    /** The network of {@code spec} in double precision with parameters θ (our {@link org.hessianscope.arch.ParameterLayout}). */
    public static MultiLayerNetwork build(ArchitectureSpec spec, double[] theta, Head head) {
        Dl4jRuntime.start();
        MultiLayerNetwork net = new MultiLayerNetwork(configuration(spec, head));
        net.init();
        Dl4jParameters.load(spec, theta, net);
        return net;
    }

    static MultiLayerConfiguration configuration(ArchitectureSpec spec, Head head) {
        Dl4jRuntime.start();
        NeuralNetConfiguration.ListBuilder list = new NeuralNetConfiguration.Builder()
                .seed(0)
                .dataType(DataType.DOUBLE)
                .weightInit(WeightInit.ZERO) // overwritten by θ at once
                .updater(new Adam(1e-3))     // the project's training settings, for DL4J users who continue training
                .convolutionMode(ConvolutionMode.Truncate)
                // Without workspaces backprop buffers are plain arrays: simpler to reason about for an oracle.
                .trainingWorkspaceMode(WorkspaceMode.NONE)
                .inferenceWorkspaceMode(WorkspaceMode.NONE)
                .list();
        List<Stage> stages = spec.stages();
        for (int i = 0; i < stages.size(); i++) {
            boolean last = i == stages.size() - 1;
            list.layer(i, layer(stages.get(i), last ? head : null));
        }
        list.setInputType(InputType.convolutional(spec.input().height(), spec.input().width(), spec.input().channels()));
        return list.build();
    }

    /** The DL4J layer of one stage; {@code head} is null except for the last stage. */
    private static Layer layer(Stage stage, Head head) {
        return stage.accept(new Stage.Visitor<Layer>() {
            @Override
            public Layer conv(Stage.Conv c) {
                return new ConvolutionLayer.Builder(c.kernel(), c.kernel())
                        .nIn(c.in().channels()).nOut(c.out().channels())
                        .stride(1, 1).padding(0, 0)
                        .convolutionMode(ConvolutionMode.Truncate)
                        .activation(Activation.IDENTITY).hasBias(true)
                        .name(c.name()).build();
            }

            @Override
            public Layer relu(Stage.Relu r) {
                return new ActivationLayer.Builder().activation(Activation.RELU).name(r.name()).build();
            }

            @Override
            public Layer pool(Stage.Pool p) {
                SubsamplingLayer.PoolingType type = switch (p.type()) {
                    case MAX -> SubsamplingLayer.PoolingType.MAX;
                    case AVG -> SubsamplingLayer.PoolingType.AVG;
                };
                return new SubsamplingLayer.Builder(type, new int[] {p.size(), p.size()}, new int[] {p.size(), p.size()})
                        .padding(0, 0).convolutionMode(ConvolutionMode.Truncate)
                        .name(p.name()).build();
            }

            @Override
            public Layer dense(Stage.Dense d) {
                if (head == Head.SOFTMAX_CROSS_ENTROPY) {
                    return new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT)
                            .nIn(d.inFeatures()).nOut(d.outFeatures())
                            .activation(Activation.SOFTMAX).hasBias(true)
                            .name(d.name()).build();
                }
                return new DenseLayer.Builder()
                        .nIn(d.inFeatures()).nOut(d.outFeatures())
                        .activation(Activation.IDENTITY).hasBias(true)
                        .name(d.name()).build();
            }
        });
    }
}
