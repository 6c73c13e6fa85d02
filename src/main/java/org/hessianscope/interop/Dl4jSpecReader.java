package org.hessianscope.interop;

import org.hessianscope.arch.ArchitectureSpec;
import org.hessianscope.arch.ConvLayerSpec;
import org.hessianscope.arch.HeadSpec;
import org.hessianscope.arch.InputShape;
import org.hessianscope.arch.PoolSpec;
import org.hessianscope.arch.PoolType;
import org.deeplearning4j.nn.conf.CNN2DFormat;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.InputPreProcessor;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.layers.ActivationLayer;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.deeplearning4j.nn.conf.preprocessor.CnnToFeedForwardPreProcessor;
import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.activations.impl.ActivationIdentity;
import org.nd4j.linalg.activations.impl.ActivationReLU;
import org.nd4j.linalg.activations.impl.ActivationSoftmax;
import org.nd4j.linalg.lossfunctions.ILossFunction;
import org.nd4j.linalg.lossfunctions.impl.LossMCXENT;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a DL4J layer list as an {@link ArchitectureSpec}, layer by layer, and
 * stops at the first layer the spec family cannot express. Accepted: NCHW
 * convolutions (stride 1, no padding, square kernel, bias, identity or ReLU
 * activation), ReLU activation layers, one max or average pool replacing the
 * nonlinearity after a convolution (kernel = stride, no padding), dense layers
 * (bias, identity or ReLU), and a final linear layer: a dense identity layer
 * (logits) or an OutputLayer with softmax and MCXENT / negative log-likelihood.
 */
final class Dl4jSpecReader {

    private static final String FAMILY = "the spec family has valid stride-1 convolutions, ReLU, one max or avg pool, "
            + "dense layers and a softmax cross-entropy head";

    private enum Act { IDENTITY, RELU, SOFTMAX, OTHER }

    private final MultiLayerConfiguration conf;
    private final List<ConvLayerSpec> conv = new ArrayList<>();
    private final List<Integer> hidden = new ArrayList<>();
    /** DL4J layer index of each parameterised stage (conv1.., fc1..), since a DL4J layer may hold a stage's ReLU too. */
    private final Map<String, Integer> layerIndex = new HashMap<>();
    private int denseCount;
    private PoolSpec pool;
    private boolean convAwaitsNonlinearity;
    private boolean lastConvNonlinearityIsRelu;
    private boolean inHead;
    private boolean reluAfterLastConv;
    private Integer pendingDense;
    private int classes = -1;
    private int inputChannels;
    private CnnToFeedForwardPreProcessor flatten;

    private Dl4jSpecReader(MultiLayerConfiguration conf) {
        this.conf = conf;
    }

    /** A spec read from DL4J, with the DL4J layer index of each parameterised stage ({@code conv1}, {@code fc2}). */
    record Result(ArchitectureSpec spec, Map<String, Integer> layerIndex) {
    }

    /**
     * The spec of a network. {@code input} may be null: it is then recovered from the flatten step before the
     * head, which is only unique when no pool dropped rows or columns.
     */
    static Result read(MultiLayerConfiguration conf, InputShape input) {
        Dl4jSpecReader r = new Dl4jSpecReader(conf);
        ArchitectureSpec spec = r.parse(input);
        return new Result(spec, Map.copyOf(r.layerIndex));
    }

    private ArchitectureSpec parse(InputShape input) {
        int n = conf.getConfs().size();
        if (n == 0) {
            throw new UnsupportedModelException(-1, "the network has no layers");
        }
        for (int i = 0; i < n; i++) {
            layer(i, conf.getConf(i).getLayer(), i == n - 1);
        }
        if (pendingDense != null) {
            classes = pendingDense;
        } else if (classes < 0) {
            throw unsupported(n - 1, conf.getConf(n - 1).getLayer(), "the network must end in a linear layer to the "
                    + "logits (a dense layer with identity activation) or a softmax OutputLayer");
        }
        InputShape shape = input != null ? input : recoverInput();
        if (shape.channels() != inputChannels) {
            throw new UnsupportedModelException(0, "layer 0 takes " + inputChannels + " input channels but the input "
                    + "shape " + shape.channels() + "×" + shape.height() + "×" + shape.width() + " has " + shape.channels());
        }
        return new ArchitectureSpec(shape, conv, reluAfterLastConv, pool, new HeadSpec(hidden), classes);
    }

    private void layer(int i, Layer l, boolean last) {
        InputPreProcessor pre = conf.getInputPreProcess(i);
        if (pre != null) {
            preprocessor(i, l, pre);
        }
        if (l.getClass() == ConvolutionLayer.class) {
            convolution(i, (ConvolutionLayer) l);
        } else if (l.getClass() == ActivationLayer.class) {
            activationLayer(i, (ActivationLayer) l);
        } else if (l.getClass() == SubsamplingLayer.class) {
            pool(i, (SubsamplingLayer) l);
        } else if (l.getClass() == DenseLayer.class) {
            DenseLayer d = (DenseLayer) l;
            enterHead(i, l, d.hasBias());
            Act a = activation(d.getActivationFn());
            if (a == Act.IDENTITY) {
                pendingDense = width(i, l, d.getNOut());
            } else if (a == Act.RELU) {
                hidden.add(width(i, l, d.getNOut()));
            } else {
                throw unsupported(i, l, "activation " + d.getActivationFn() + "; dense layers must be linear or ReLU");
            }
        } else if (l.getClass() == OutputLayer.class) {
            OutputLayer o = (OutputLayer) l;
            enterHead(i, l, o.hasBias());
            if (!last) {
                throw unsupported(i, l, "an OutputLayer before the last layer");
            }
            if (activation(o.getActivationFn()) != Act.SOFTMAX) {
                throw unsupported(i, l, "activation " + o.getActivationFn() + "; the head must be softmax cross-entropy");
            }
            ILossFunction loss = o.getLossFn();
            if (!(loss instanceof LossMCXENT mc) || mc.getWeights() != null) {
                throw unsupported(i, l, "loss " + loss + "; the head must be softmax with unweighted MCXENT "
                        + "or negative log-likelihood");
            }
            classes = width(i, l, o.getNOut());
        } else if (l instanceof BatchNormalization) {
            throw unsupported(i, l, "batch normalization is not part of the spec family (" + FAMILY + ")");
        } else {
            throw unsupported(i, l, "this layer type is not part of the spec family (" + FAMILY + ")");
        }
    }

    private void convolution(int i, ConvolutionLayer c) {
        if (inHead) {
            throw unsupported(i, c, "a convolution after a dense layer; " + FAMILY + ", in that order");
        }
        if (convAwaitsNonlinearity) {
            throw unsupported(i, c, "follows conv" + conv.size() + " with no ReLU or pool in between; "
                    + "the spec family puts a ReLU or the pool between convolutions");
        }
        int[] k = c.getKernelSize();
        if (k[0] != k[1]) {
            throw unsupported(i, c, "kernel " + k[0] + "×" + k[1] + "; the spec family has square kernels");
        }
        requireOnes(i, c, "stride", c.getStride());
        requireOnes(i, c, "dilation", c.getDilation());
        requireValid(i, c, c.getConvolutionMode(), c.getPadding());
        requireNchw(i, c, c.getCnn2dDataFormat());
        if (!c.hasBias()) {
            throw unsupported(i, c, "no bias; every layer of the spec family has one");
        }
        if (conv.isEmpty()) {
            inputChannels = width(i, c, c.getNIn());
        }
        conv.add(new ConvLayerSpec(width(i, c, c.getNOut()), k[0]));
        layerIndex.put("conv" + conv.size(), i);
        Act a = activation(c.getActivationFn());
        if (a == Act.IDENTITY) {
            convAwaitsNonlinearity = true;
        } else if (a == Act.RELU) {
            lastConvNonlinearityIsRelu = true;
        } else {
            throw unsupported(i, c, "activation " + c.getActivationFn() + "; convolutions must be linear or ReLU");
        }
    }

    private void activationLayer(int i, ActivationLayer l) {
        if (activation(l.getActivationFn()) != Act.RELU) {
            throw unsupported(i, l, "activation " + l.getActivationFn() + "; the spec family's only nonlinearity is ReLU");
        }
        if (!inHead && convAwaitsNonlinearity) {
            convAwaitsNonlinearity = false;
            lastConvNonlinearityIsRelu = true;
        } else if (inHead && pendingDense != null) {
            hidden.add(pendingDense);
            pendingDense = null;
        } else {
            throw unsupported(i, l, conv.isEmpty() ? "a ReLU before the first convolution"
                    : "a second nonlinearity in a row; each layer of the spec family has one");
        }
    }

    private void pool(int i, SubsamplingLayer s) {
        if (conv.isEmpty() || inHead) {
            throw unsupported(i, s, "a pool outside the convolutional part");
        }
        if (pool != null) {
            throw unsupported(i, s, "a second pool; the spec family has at most one");
        }
        if (!convAwaitsNonlinearity) {
            throw unsupported(i, s, "the pool follows a ReLU; in the spec family a pool replaces the nonlinearity "
                    + "after a convolution");
        }
        PoolType type = switch (s.getPoolingType()) {
            case MAX -> PoolType.MAX;
            case AVG -> PoolType.AVG;
            default -> throw unsupported(i, s, "pooling type " + s.getPoolingType() + "; valid: MAX, AVG");
        };
        int[] k = s.getKernelSize();
        int[] st = s.getStride();
        if (k[0] != k[1] || st[0] != k[0] || st[1] != k[1]) {
            throw unsupported(i, s, "kernel " + k[0] + "×" + k[1] + " with stride " + st[0] + "×" + st[1]
                    + "; the spec family pools s×s windows with stride s");
        }
        requireOnes(i, s, "dilation", s.getDilation());
        requireValid(i, s, s.getConvolutionMode(), s.getPadding());
        requireNchw(i, s, s.getCnn2dDataFormat());
        pool = new PoolSpec(type, k[0], conv.size());
        convAwaitsNonlinearity = false;
        lastConvNonlinearityIsRelu = false;
    }

    private void enterHead(int i, Layer l, boolean hasBias) {
        if (conv.isEmpty()) {
            throw unsupported(i, l, "a dense layer before any convolution; the spec family starts with a convolution");
        }
        if (pendingDense != null) {
            throw unsupported(i, l, "two linear layers in a row; a hidden dense layer must be followed by ReLU");
        }
        if (!hasBias) {
            throw unsupported(i, l, "no bias; every layer of the spec family has one");
        }
        layerIndex.put("fc" + (++denseCount), i);
        if (!inHead) {
            inHead = true;
            reluAfterLastConv = !convAwaitsNonlinearity && lastConvNonlinearityIsRelu;
            convAwaitsNonlinearity = false;
            if (conf.getInputPreProcess(i) instanceof CnnToFeedForwardPreProcessor f) {
                flatten = f;
            }
        }
    }

    private void preprocessor(int i, Layer l, InputPreProcessor pre) {
        if (!(pre instanceof CnnToFeedForwardPreProcessor f)) {
            throw unsupported(i, l, "input preprocessor " + pre.getClass().getSimpleName()
                    + "; only the flatten before the first dense layer (CnnToFeedForwardPreProcessor) is supported");
        }
        if (f.getFormat() != CNN2DFormat.NCHW) {
            throw unsupported(i, l, "flattens " + f.getFormat() + " maps; the spec family flattens in (channel, row, "
                    + "column) order (NCHW)");
        }
    }

    /** Undoes the convolutions and the pool on the map that the flatten step saw. */
    private InputShape recoverInput() {
        if (flatten == null || flatten.getInputHeight() <= 0 || flatten.getInputWidth() <= 0) {
            throw new UnsupportedModelException(-1, "the model does not record its input size; give it explicitly "
                    + "(--input CxHxW)");
        }
        if (pool != null) {
            throw new UnsupportedModelException(-1, "the input size cannot be recovered: pool" + pool.at() + " of size "
                    + pool.size() + " drops up to " + (pool.size() - 1) + " rows and columns; give it explicitly "
                    + "(--input CxHxW)");
        }
        long h = flatten.getInputHeight();
        long w = flatten.getInputWidth();
        for (ConvLayerSpec c : conv) {
            h += c.kernel() - 1;
            w += c.kernel() - 1;
        }
        return new InputShape(inputChannels, Math.toIntExact(h), Math.toIntExact(w));
    }

    private static Act activation(IActivation a) {
        if (a instanceof ActivationIdentity) {
            return Act.IDENTITY;
        }
        if (a instanceof ActivationReLU r) {
            boolean plain = (r.getMax() == null || r.getMax().isInfinite())
                    && (r.getThreshold() == null || r.getThreshold() == 0)
                    && (r.getNegativeSlope() == null || r.getNegativeSlope() == 0);
            return plain ? Act.RELU : Act.OTHER;
        }
        if (a instanceof ActivationSoftmax) {
            return Act.SOFTMAX;
        }
        return Act.OTHER;
    }

    private static void requireOnes(int i, Layer l, String what, int[] values) {
        if (values != null && Arrays.stream(values).anyMatch(v -> v != 1)) {
            throw unsupported(i, l, what + " " + join(values) + "; the spec family has " + what + " 1");
        }
    }

    private static void requireValid(int i, Layer l, ConvolutionMode mode, int[] padding) {
        if (mode == ConvolutionMode.Same || mode == ConvolutionMode.Causal) {
            throw unsupported(i, l, "padding " + mode + "; the spec family has valid (unpadded) windows");
        }
        if (padding != null && Arrays.stream(padding).anyMatch(v -> v != 0)) {
            throw unsupported(i, l, "padding " + join(padding) + "; the spec family has valid (unpadded) windows");
        }
    }

    private static void requireNchw(int i, Layer l, CNN2DFormat format) {
        if (format != null && format != CNN2DFormat.NCHW) {
            throw unsupported(i, l, "data format " + format + "; the spec family's maps are NCHW");
        }
    }

    private static int width(int i, Layer l, long n) {
        if (n < 1 || n > Integer.MAX_VALUE) {
            throw unsupported(i, l, "size " + n + " is not a positive int");
        }
        return (int) n;
    }

    private static String join(int[] values) {
        return String.join("×", Arrays.stream(values).mapToObj(Integer::toString).toList());
    }

    static UnsupportedModelException unsupported(int i, Layer l, String why) {
        String name = l.getLayerName() == null ? "" : " \"" + l.getLayerName() + "\"";
        return new UnsupportedModelException(i, "layer " + i + " (" + l.getClass().getSimpleName() + name + "): " + why);
    }
}
