package org.hessianscope.interop;

import org.hessianscope.arch.ArchitectureSpec;
import org.hessianscope.arch.ParameterLayout;
import org.hessianscope.arch.Stage;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Maps our flat θ ({@link ParameterLayout}: PyTorch order, each tensor row-major)
 * to DL4J's named parameters and back. DL4J keeps, per layer, a {@code W} and a
 * {@code b}: conv {@code W} is [out, in, kh, kw] like ours; dense {@code W} is
 * [nIn, nOut], the transpose of our [out, in]. DL4J's own flat vector orders
 * these [b, W] for conv layers and [W, b] for dense layers with W in f-order;
 * copying by name and logical index keeps this class independent of those
 * storage details (the tests pin them down separately).
 */
final class Dl4jParameters {

    private Dl4jParameters() {
    }

    /** Writes θ into the parameters of a network built by {@link Dl4jNetworks}, where DL4J layer i is stage i. */
    static void load(ArchitectureSpec spec, double[] theta, MultiLayerNetwork net) {
        ParameterLayout layout = spec.parameterLayout();
        if (theta.length != layout.size()) {
            throw new IllegalArgumentException("weights have " + theta.length + " values but the spec needs " + layout.size());
        }
        Map<String, Integer> layerIndex = layerIndex(spec);
        for (ParameterLayout.Tensor t : layout.tensors()) {
            double[] values = new double[t.size()];
            System.arraycopy(theta, t.offset(), values, 0, values.length);
            INDArray ours = Nd4j.create(values, toLong(t.shape()), 'c');
            INDArray target = net.getParam(key(layerIndex.get(t.layer()), t));
            target.assign(isDenseWeight(t) ? ours.transpose() : ours.reshape(target.shape()));
        }
    }

    /**
     * θ from DL4J arrays named like the parameters ({@code "3_W"}): the network's parameters or a gradient.
     * {@code layerIndex} maps each parameterised stage ({@code conv1}, {@code fc2}) to its DL4J layer.
     */
    static double[] read(ArchitectureSpec spec, Map<String, Integer> layerIndex, Function<String, INDArray> named) {
        ParameterLayout layout = spec.parameterLayout();
        double[] theta = new double[layout.size()];
        for (ParameterLayout.Tensor t : layout.tensors()) {
            String key = key(layerIndex.get(t.layer()), t);
            INDArray a = named.apply(key);
            if (a == null) {
                throw new IllegalStateException("DL4J has no parameter " + key + " for " + t.name());
            }
            INDArray ours = isDenseWeight(t) ? a.transpose() : a;
            double[] values = Nd4j.toFlattened('c', ours.castTo(DataType.DOUBLE)).toDoubleVector();
            if (values.length != t.size()) {
                throw new IllegalStateException("DL4J parameter " + key + " has " + values.length + " values; "
                        + t.name() + t.shapeString() + " needs " + t.size());
            }
            System.arraycopy(values, 0, theta, t.offset(), values.length);
        }
        return theta;
    }

    /** θ from the parameters of a network built by {@link Dl4jNetworks}. */
    static double[] read(ArchitectureSpec spec, MultiLayerNetwork net) {
        return read(spec, layerIndex(spec), net::getParam);
    }

    /** DL4J's name of a tensor: layer index, then W for weights and b for biases. */
    static String key(int layer, ParameterLayout.Tensor t) {
        return layer + (t.bias() ? "_b" : "_W");
    }

    /** Stage name → DL4J layer index for a network built by {@link Dl4jNetworks}: one layer per stage. */
    static Map<String, Integer> layerIndex(ArchitectureSpec spec) {
        List<Stage> stages = spec.stages();
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < stages.size(); i++) {
            index.put(stages.get(i).name(), i);
        }
        return index;
    }

    private static boolean isDenseWeight(ParameterLayout.Tensor t) {
        return !t.bias() && t.shape().length == 2;
    }

    private static long[] toLong(int[] shape) {
        long[] s = new long[shape.length];
        for (int i = 0; i < shape.length; i++) {
            s[i] = shape[i];
        }
        return s;
    }
}
